from django.contrib.sitemaps import Sitemap

from .models import Inspiratie, Werkmodel


class InspiratieSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Inspiratie.objects.gepubliceerd().order_by("pk").only("slug", "gewijzigd_op")

    def lastmod(self, item: Inspiratie):
        return item.gewijzigd_op


class WerkmodelSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return Werkmodel.objects.only("slug")
