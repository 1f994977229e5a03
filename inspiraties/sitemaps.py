from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .gemeenten import gemeenten_met_iets
from .models import Inspiratie, Werkmodel


class InspiratieSitemap(Sitemap):
    """Every published inspiratie, `limit` to a page of /sitemap-inspiraties.xml?p=N (the
    sitemap index at /sitemap.xml links every page). A row is only its slug and last change,
    read as plain values: a page is one query, not thousands of model instances."""

    changefreq = "monthly"
    priority = 0.7
    # Below the protocol's 50,000: a page is one request of a worker, and 50,000 rows took
    # 5.6 s and 7 MB of XML on the development machine; 5,000 take about 0.4 s.
    limit = 5_000

    def items(self):
        # By primary key: a new story lands on the last page, the earlier pages stay as they are.
        return Inspiratie.objects.gepubliceerd().order_by("pk").values_list("slug", "gewijzigd_op")

    def location(self, item: tuple) -> str:
        return reverse("inspiratie", args=[item[0]])

    def lastmod(self, item: tuple):
        return item[1]

    def get_latest_lastmod(self):
        """For the index: one aggregate, where Django's default would read every row."""
        return Inspiratie.objects.gepubliceerd().aggregate(laatste=Max("gewijzigd_op"))["laatste"]


class WerkmodelSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return Werkmodel.objects.only("slug")


class GemeenteSitemap(Sitemap):
    """Every municipality whose page has something: a published inspiratie or a workshop."""

    priority = 0.5

    def items(self):
        return [rij.slug for rij in gemeenten_met_iets()]

    def location(self, slug: str) -> str:
        return reverse("gemeente", args=[slug])


SITEMAPS = {
    "werkmodellen": WerkmodelSitemap,
    "inspiraties": InspiratieSitemap,
    "gemeenten": GemeenteSitemap,
}
