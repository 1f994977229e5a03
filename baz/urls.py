from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.static import serve

from . import views
from .sitemaps import alle_sitemaps

sitemaps = alle_sitemaps()

handler500 = "baz.views.serverfout"

urlpatterns = [
    path("", views.home, name="home"),
    path("over-baz/", views.over_baz, name="over-baz"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("", include("inspiraties.urls")),
    path("", include("netwerken.urls")),
    path("", include("workshops.urls")),
    path("", include("jaarcijfers.urls")),
    path("", include("inspiratiemateriaal.urls")),
    path("account/", include("baz.account.urls")),
    path("beheer/persoonsgegevens/", include("baz.persoonsgegevens.urls")),
    path("beheer/formulieren/", include("baz.beheerformulieren.urls")),
    path("beheer/", admin.site.urls),
    # A sitemap index, one section per kind, each paginated (?p=2…) at the protocol's 50,000.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-sectie"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap-sectie",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("healthz", views.healthz, name="healthz"),
]

if settings.DEBUG:
    urlpatterns += [
        path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
