from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from baz.demo.inhoud import OVER_BAZ
from baz.paginacache import anoniem_gecached
from baz.tekst import markdown_naar_html
from inspiraties.models import Inspiratie, Werkmodel
from inspiraties.versie import catalogus_versie
from workshops.models import Sessie


class HomeInspiraties:
    """The inspiratie part of the home page, read only when its cached fragment is stale."""

    @cached_property
    def werkmodellen(self):
        return list(Werkmodel.objects.all())

    @cached_property
    def uitgelicht(self) -> Inspiratie | None:
        return (
            Inspiratie.objects.gepubliceerd()
            .voor_kaarten()
            .filter(uitgelicht=True)
            .order_by("-gepubliceerd_op", "-pk")
            .first()
        )

    @cached_property
    def recent(self) -> list[Inspiratie]:
        recent = (
            Inspiratie.objects.gepubliceerd().voor_kaarten().order_by("-gepubliceerd_op", "-pk")
        )
        if self.uitgelicht:
            recent = recent.exclude(pk=self.uitgelicht.pk)
        return list(recent[:6])


# Anonymous visitors get a copy of at most 5 seconds old for the sessions' free places (the
# session page itself is always live); a publication shows at once through the version.
@anoniem_gecached(catalogus_versie, bewaartijd=5)
def home(request: HttpRequest) -> HttpResponse:
    # The inspiraties are a template fragment cached per catalogue version; the sessions (whose
    # free places change with every sign-up) are read fresh.
    return render(
        request,
        "baz/home.html",
        {
            "catalogusversie": catalogus_versie(),
            "inspiraties": HomeInspiraties(),
            "sessies": Sessie.objects.voor_agenda().met_aantallen().order_by("begint_op")[:3],
        },
    )


def over_baz(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "baz/over_baz.html",
        {
            "missie": markdown_naar_html(OVER_BAZ["missie"]),
            "cirkels": markdown_naar_html(OVER_BAZ["cirkels"]),
            "lagen": OVER_BAZ["cirkels_lagen"],
            "partners": OVER_BAZ["partners"],
        },
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "baz/privacy.html")


def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    return render(request, "baz/toegankelijkheid.html")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages without an icon link (the admin, a PDF, a feed)."""
    return redirect(static("img/favicon.svg"))


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    regels = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /account/",
        "Disallow: /netwerken/*/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def security_txt(request: HttpRequest) -> HttpResponse:
    regels = [
        f"Contact: mailto:{settings.SECURITY_CONTACT_EMAIL}",
        "Expires: 2027-12-31T23:00:00.000Z",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri()}",
        f"Policy: {request.build_absolute_uri(reverse('privacy'))}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "fout", "database": "onbereikbaar"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A Dutch page for an expired or missing CSRF token, in the site's layout."""
    return render(request, "403_csrf.html", status=403)
