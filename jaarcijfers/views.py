"""/in-cijfers/ (public) and /beheer/jaarverslag/ (staff): the year's report, its CSVs and PDF.

Views only glue: the figures come from cijfers.py, the tables from rapport.py. The pages are not
cached: the figures cover workshops and networks that no content version tracks, and a fixed,
small number of aggregate queries makes them cheap enough. The public PDF is (per year and per
day): WeasyPrint takes about a second.
"""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from baz.admin_csv import csv_antwoord
from baz.pdf import CONTENT_TYPE as PDF_TYPE
from baz.pdf import pdf_antwoord
from baz.ratelimiet import beperken

from . import cijfers
from .rapport import Rapport, rapport_maken

# Staff see the internal figures (reasons, open answers) with both view permissions.
RECHTEN = ("workshops.view_aanvraag", "netwerken.view_evaluatie")


def _rapport(jaar: int, *, publiek: bool) -> tuple[Rapport, list[int]]:
    jaren = cijfers.jaren_met_gegevens()
    if jaar not in jaren:
        raise Http404(_("Voor dit jaar zijn er geen cijfers."))
    vorig = jaar - 1 if jaar - 1 in jaren else None
    return rapport_maken(jaar, publiek=publiek, vorig_jaar=vorig), jaren


def _context(request, rapport: Rapport, jaren: list[int]) -> dict:
    huidig = cijfers.laatste_volledige_jaar() + 1
    return {
        "rapport": rapport,
        "jaren": jaren,
        "lopend_jaar": rapport.jaar == huidig,
        "intern": not rapport.publiek,
    }


def _staf(request: HttpRequest) -> None:
    if not all(request.user.has_perm(recht) for recht in RECHTEN):
        raise PermissionDenied


@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    """The last complete year (or the current one when there is no earlier data)."""
    jaren = cijfers.jaren_met_gegevens()
    volledig = [j for j in jaren if j <= cijfers.laatste_volledige_jaar()]
    return redirect("jaarcijfers:jaar", jaar=(volledig or jaren)[-1])


@require_GET
def jaar(request: HttpRequest, jaar: int) -> HttpResponse:
    rapport, jaren = _rapport(jaar, publiek=True)
    return render(request, "jaarcijfers/jaar.html", _context(request, rapport, jaren))


def _csv(rapport: Rapport, sleutel: str, voorvoegsel: str) -> HttpResponse:
    tabel = rapport.tabellen.get(sleutel)
    if tabel is None:
        raise Http404(_("Deze tabel bestaat niet."))
    return csv_antwoord(
        f"{voorvoegsel}-{rapport.jaar}-{sleutel}.csv", tabel.kolommen, tabel.csv_rijen()
    )


def _pdf(request, rapport: Rapport, jaren: list[int], titel: str) -> HttpResponse:
    return pdf_antwoord(
        "jaarcijfers/pdf.html",
        _context(request, rapport, jaren),
        titel=titel,
        bestandsnaam=f"{slugify(titel)}.pdf",
        request=request,
    )


@require_GET
def jaar_csv(request: HttpRequest, jaar: int, sleutel: str) -> HttpResponse:
    rapport, _jaren = _rapport(jaar, publiek=True)
    return _csv(rapport, sleutel, "baz-in-cijfers")


PDF_BEWAREN = 24 * 3600  # seconds; the key holds the day, so tomorrow makes a fresh one


def _pdf_sleutel(jaar: int) -> str:
    return f"jaarcijfers:pdf:{jaar}:{timezone.localdate().isoformat()}:{get_language()}"


@require_GET
def jaar_pdf(request: HttpRequest, jaar: int) -> HttpResponse:
    """The public PDF: made once per year of figures and per day (WeasyPrint takes about a
    second), then served from the cache; a rate limit per address on top."""
    if antwoord := beperken(request, "jaarcijfers_pdf"):
        return antwoord
    sleutel = _pdf_sleutel(jaar)
    bewaard = cache.get(sleutel)
    if bewaard is None:
        rapport, jaren = _rapport(jaar, publiek=True)
        antwoord = _pdf(request, rapport, jaren, _("BAZ in cijfers %(jaar)d") % {"jaar": jaar})
        bewaard = (antwoord.content, antwoord["Content-Disposition"])
        cache.set(sleutel, bewaard, PDF_BEWAREN)
    inhoud, bijlage = bewaard
    antwoord = HttpResponse(inhoud, content_type=PDF_TYPE)
    antwoord["Content-Disposition"] = bijlage
    return antwoord


@require_GET
def jaarverslag(request: HttpRequest, jaar: int) -> HttpResponse:
    _staf(request)
    rapport, jaren = _rapport(jaar, publiek=False)
    return render(request, "jaarcijfers/jaar.html", _context(request, rapport, jaren))


@require_GET
def jaarverslag_csv(request: HttpRequest, jaar: int, sleutel: str) -> HttpResponse:
    _staf(request)
    rapport, _jaren = _rapport(jaar, publiek=False)
    return _csv(rapport, sleutel, "baz-jaarverslag")


@require_GET
def jaarverslag_pdf(request: HttpRequest, jaar: int) -> HttpResponse:
    _staf(request)
    rapport, jaren = _rapport(jaar, publiek=False)
    return _pdf(request, rapport, jaren, _("BAZ-jaarverslag %(jaar)d (intern)") % {"jaar": jaar})
