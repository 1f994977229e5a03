from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StatischeSitemap(Sitemap):
    priority = 0.8

    def items(self):
        return [
            "home",
            "over-baz",
            "inspiraties",
            "werkmodellen",
            "workshops",
            "netwerken:overzicht",
            "privacy",
            "toegankelijkheid",
        ]

    def location(self, item: str) -> str:
        return reverse(item)
