"""/sitemap.xml: an index of one paginated section per kind of page.

The core owns the static pages; every app adds its own sections in its `sitemaps` module, as
a dict `SITEMAPS = {"section": SitemapClass}`, discovered here the way the admin discovers
admin.py, so the core imports no app.
"""

from importlib import import_module

from django.apps import apps
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
            "gemeenten",
            "inspiratiemateriaal:lijst",
            "workshops",
            "netwerken:overzicht",
            "jaarcijfers:overzicht",
            "privacy",
            "toegankelijkheid",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


def alle_sitemaps() -> dict[str, type[Sitemap]]:
    """The sections of the index: the static pages, then every app's, in INSTALLED_APPS order."""
    secties: dict[str, type[Sitemap]] = {"statisch": StatischeSitemap}
    for app in apps.get_app_configs():
        naam = f"{app.name}.sitemaps"
        try:
            module = import_module(naam)
        except ModuleNotFoundError as fout:
            if fout.name != naam:
                raise
            continue
        for sectie, sitemap in getattr(module, "SITEMAPS", {}).items():
            if sectie in secties:
                raise ValueError(f"Sitemap section {sectie!r} is registered twice ({naam}).")
            secties[sectie] = sitemap
    return secties
