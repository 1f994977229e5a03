from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from baz.demo.inhoud import OVER_BAZ
from baz.tekst import markdown_naar_html
from inspiraties.models import Inspiratie, Werkmodel
from workshops.models import Sessie


def home(request: HttpRequest) -> HttpResponse:
    gepubliceerd = Inspiratie.objects.gepubliceerd().voor_kaarten()
    uitgelicht = gepubliceerd.filter(uitgelicht=True).order_by("-gepubliceerd_op").first()
    recent = gepubliceerd.order_by("-gepubliceerd_op", "-pk")
    if uitgelicht:
        recent = recent.exclude(pk=uitgelicht.pk)
    return render(
        request,
        "baz/home.html",
        {
            "werkmodellen": Werkmodel.objects.all(),
            "uitgelicht": uitgelicht,
            "recent": recent[:6],
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
