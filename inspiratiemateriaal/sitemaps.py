from django.contrib.sitemaps import Sitemap

from .models import Materiaal


class MateriaalSitemap(Sitemap):
    priority = 0.6
    limit = 50_000

    def items(self):
        return Materiaal.objects.gepubliceerd().only("slug", "gewijzigd_op").order_by("pk")

    def lastmod(self, materiaal: Materiaal):
        return materiaal.gewijzigd_op


SITEMAPS = {"inspiratiemateriaal": MateriaalSitemap}
