from django.contrib.sitemaps import Sitemap

from .models import Workshop


class WorkshopSitemap(Sitemap):
    priority = 0.6

    def items(self):
        return Workshop.objects.gepubliceerd().order_by("pk").only("slug")


SITEMAPS = {"workshops": WorkshopSitemap}
