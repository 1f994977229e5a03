import sys

from django.conf import settings
from django.db import connection
from django.db import utils as db_utils
from django.http import HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from baz.paginacache import anoniem_gecached
from baz.persoonsgegevens import register
from baz.tekst import markdown_naar_html
from baz.teksten import OVER_BAZ
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
    """The retention table comes from the register of personal data, as the command applies it."""
    termijnen = [termijn for _deel, termijn in register.bewaartermijnen()]
    return render(
        request,
        "baz/privacy.html",
        {"bewaartermijnen": termijnen, "herinnering_dagen": settings.HERINNERING_DAGEN},
    )


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
    """For the load balancer and monitoring, so they can tell down from degraded.

    503 when the database is unreachable (this server cannot serve); else 200, with `status`
    "verminderd" and the degraded parts named in `verminderd` when the cache is unreachable, the
    oldest waiting mail is older than settings.HEALTHZ_MAIL_MAX_WACHTTIJD seconds or more mails
    than HEALTHZ_MAIL_MAX_MISLUKT have failed. Cheap (it is polled): one query on the database
    and one on the outbox's status index; the cache is not tried while its breaker is open.
    """
    from django.core.cache import cache
    from django.db.models import Count, Min, Q
    from django.utils import timezone

    from baz.models import Mail

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "fout", "database": "onbereikbaar"}, status=503)
    antwoord: dict = {"status": "ok", "database": "ok"}
    verminderd = []

    bereikbaar = getattr(cache, "bereikbaar", None)  # the Redis cache; local memory always is
    antwoord["cache"] = "ok" if bereikbaar is None or bereikbaar() else "onbereikbaar"
    if antwoord["cache"] != "ok":
        verminderd.append("cache")

    wachtend = [Mail.Status.WACHTEND, Mail.Status.BEZIG]
    try:
        cijfers = Mail.objects.filter(status__in=[*wachtend, Mail.Status.MISLUKT]).aggregate(
            oudste=Min("aangemaakt_op", filter=Q(status__in=wachtend)),
            mislukt=Count("pk", filter=Q(status=Mail.Status.MISLUKT)),
        )
    except Exception:
        antwoord["mail"] = {"status": "onbekend"}
        verminderd.append("mail")
    else:
        oudste = (
            int((timezone.now() - cijfers["oudste"]).total_seconds()) if cijfers["oudste"] else None
        )
        problemen = []
        if oudste is not None and oudste > settings.HEALTHZ_MAIL_MAX_WACHTTIJD:
            problemen.append("achterstand")
        if cijfers["mislukt"] > settings.HEALTHZ_MAIL_MAX_MISLUKT:
            problemen.append("mislukt")
        antwoord["mail"] = {
            "status": ", ".join(problemen) or "ok",
            "oudste_wachtend_seconden": oudste,
            "mislukt": cijfers["mislukt"],
        }
        if problemen:
            verminderd.append("mail")

    if verminderd:
        antwoord["status"] = "verminderd"
        antwoord["verminderd"] = verminderd
    return JsonResponse(antwoord)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A Dutch page for an expired or missing CSRF token, in the site's layout."""
    return render(request, "403_csrf.html", status=403)


def serverfout(request: HttpRequest) -> HttpResponse:
    """The 500 handler. When the database is unreachable, a 503 with Retry-After instead: the
    site is not broken, it is waiting for its database (and says so), as /healthz does."""
    fout = sys.exc_info()[1]
    if isinstance(fout, (db_utils.OperationalError, db_utils.InterfaceError)):
        antwoord = HttpResponse(render_to_string("503.html"), status=503)
        antwoord["Retry-After"] = "60"
        return antwoord
    return HttpResponseServerError(render_to_string("500.html"))
