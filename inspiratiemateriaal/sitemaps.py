from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Materiaal


class MateriaalSitemap(Sitemap):
    priority = 0.6
    limit = 50_000

    def items(self):
        return Materiaal.objects.gepubliceerd().only("slug", "gewijzigd_op").order_by("pk")

    def lastmod(self, materiaal: Materiaal):
        return materiaal.gewijzigd_op

    def get_latest_lastmod(self):
        """For the index: one aggregate, where Django's default would read every row."""
        return Materiaal.objects.gepubliceerd().aggregate(laatste=Max("gewijzigd_op"))["laatste"]


SITEMAPS = {"inspiratiemateriaal": MateriaalSitemap}
