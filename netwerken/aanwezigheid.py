"""Attendance at a network meeting (issue 14): the printable attendance list (also as PDF) and
the check-in page for staff (present, absent or excused), and the yearly attestation a member
downloads of the meetings they attended. Glue only: the shared pieces live in
baz/aanwezigheid.py and templates/aanwezigheid/, the write is services.aanwezigheid_zetten.

Staff: the admin's change permission of meetings, and only the meetings the admin shows them
(a begeleider those of their own networks, BijeenkomstAdmin.get_queryset)."""

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from baz import aanwezigheid as kern
from baz import beheer
from baz.pdf import pdf_antwoord

from . import services
from .models import Aanwezigheid, Bijeenkomst, Deelnemer
from .views import ledenruimte

RECHT = "netwerken.change_bijeenkomst"

KEUZES = [
    kern.Keuze(Aanwezigheid.Status.AANWEZIG, Aanwezigheid.Status.AANWEZIG.label, "1"),
    kern.Keuze(Aanwezigheid.Status.AFWEZIG, Aanwezigheid.Status.AFWEZIG.label, "2"),
    kern.Keuze(Aanwezigheid.Status.VERONTSCHULDIGD, Aanwezigheid.Status.VERONTSCHULDIGD.label, "3"),
]


def _bijeenkomst(request: HttpRequest, slug: str, pk: int) -> Bijeenkomst:
    """The meeting, if the admin shows it to this staff member; otherwise a 404."""
    return get_object_or_404(
        beheer.zichtbaar(request, Bijeenkomst).select_related("netwerk"),
        pk=pk,
        netwerk__slug=slug,
    )


def _deelnemers(bijeenkomst: Bijeenkomst):
    return bijeenkomst.netwerk.deelnemers.filter(user__is_active=True).select_related("user")


def _rij(deelnemer: Deelnemer, status: str, bijeenkomst: Bijeenkomst) -> kern.Rij:
    return kern.Rij(
        sleutel=deelnemer.pk,
        naam=deelnemer.naam,
        organisatie=deelnemer.organisatie,
        status=status,
        actie=reverse(
            "netwerken:bijeenkomst-inchecken-markeren",
            args=[bijeenkomst.netwerk.slug, bijeenkomst.pk, deelnemer.pk],
        ),
    )


def _rijen(bijeenkomst: Bijeenkomst) -> list[kern.Rij]:
    """Every active member with what was recorded: two queries whatever their number."""
    statussen = dict(
        Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst).values_list("deelnemer_id", "status")
    )
    rijen = [
        _rij(deelnemer, statussen.get(deelnemer.pk, ""), bijeenkomst)
        for deelnemer in _deelnemers(bijeenkomst)
    ]
    return sorted(rijen, key=lambda rij: (rij.naam.casefold(), rij.sleutel))


def _wanneer(begint_op, eindigt_op) -> str:
    begin, einde = timezone.localtime(begint_op), timezone.localtime(eindigt_op)
    return _("%(dag)s, %(van)s–%(tot)s") % {
        "dag": formats.date_format(begin, "l j F Y"),
        "van": formats.time_format(begin, "H:i"),
        "tot": formats.time_format(einde, "H:i"),
    }


def _context(bijeenkomst: Bijeenkomst, rijen: list[kern.Rij]) -> dict:
    args = [bijeenkomst.netwerk.slug, bijeenkomst.pk]
    return {
        "bijeenkomst": bijeenkomst,
        "titel": bijeenkomst.thema,
        "verband": bijeenkomst.netwerk.naam,
        "verband_label": _("Netwerk"),
        "wanneer": _wanneer(bijeenkomst.begint_op, bijeenkomst.eindigt_op),
        "waar": bijeenkomst.plaats or _("Online"),
        "rijen": rijen,
        "keuzes": KEUZES,
        "telling": kern.telling(rijen, KEUZES),
        "leeg": _("Dit netwerk heeft nog geen deelnemers."),
        "lijst_url": reverse("netwerken:bijeenkomst-aanwezigheidslijst", args=args),
        "pdf_url": reverse("netwerken:bijeenkomst-aanwezigheidslijst-pdf", args=args),
        "inchecken_url": reverse("netwerken:bijeenkomst-inchecken", args=args),
        "beheer_url": beheer.beheerlink(Bijeenkomst, "change", bijeenkomst.pk),
        "lege_rijen": range(3),
    }


@require_GET
@kern.staf_met_recht(RECHT)
def lijst(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    bijeenkomst = _bijeenkomst(request, slug, pk)
    return render(request, "aanwezigheid/lijst.html", _context(bijeenkomst, _rijen(bijeenkomst)))


@require_GET
@kern.staf_met_recht(RECHT)
def lijst_pdf(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    bijeenkomst = _bijeenkomst(request, slug, pk)
    datum = timezone.localdate(bijeenkomst.begint_op)
    return pdf_antwoord(
        "aanwezigheid/lijst_pdf.html",
        _context(bijeenkomst, _rijen(bijeenkomst)),
        titel=_("Aanwezigheidslijst: %(thema)s") % {"thema": bijeenkomst.thema},
        bestandsnaam=f"aanwezigheidslijst-{bijeenkomst.netwerk.slug}-{datum:%Y-%m-%d}.pdf",
        request=request,
    )


@require_GET
@kern.staf_met_recht(RECHT)
def inchecken(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    bijeenkomst = _bijeenkomst(request, slug, pk)
    return render(
        request, "aanwezigheid/inchecken.html", _context(bijeenkomst, _rijen(bijeenkomst))
    )


@require_POST
@kern.staf_met_recht(RECHT)
def markeren(request: HttpRequest, slug: str, pk: int, deelnemer_pk: int) -> HttpResponse:
    bijeenkomst = _bijeenkomst(request, slug, pk)
    deelnemer = get_object_or_404(
        Deelnemer.objects.select_related("user"), pk=deelnemer_pk, netwerk_id=bijeenkomst.netwerk_id
    )
    terug = reverse("netwerken:bijeenkomst-inchecken", args=[slug, pk])
    try:
        rij = services.aanwezigheid_zetten(
            bijeenkomst=bijeenkomst,
            deelnemer=deelnemer,
            status=request.POST.get("status", ""),
            door=request.user,
        )
    except ValidationError as fout:
        return kern.ongeldig(request, " ".join(fout.messages), terug=terug)
    return kern.gemarkeerd(
        request, rij=_rij(deelnemer, rij.status, bijeenkomst), keuzes=KEUZES, terug=terug
    )


# ---------------------------------------------------------------------------
# The member's attestation: one per year, the meetings they attended
# ---------------------------------------------------------------------------


def _eigen_deelname(request: HttpRequest, slug: str) -> Deelnemer:
    """The logged-in member's own membership of this network; anyone else gets a 404."""
    deelnemer = (
        Deelnemer.objects.select_related("netwerk", "user")
        .filter(netwerk__slug=slug, user=request.user)
        .first()
    )
    if deelnemer is None:
        raise Http404
    return deelnemer


def _bijgewoond(deelnemer: Deelnemer):
    return Aanwezigheid.objects.aanwezig().filter(
        deelnemer=deelnemer, bijeenkomst__begint_op__lte=timezone.now()
    )


@ledenruimte
@require_GET
def attesten(request: HttpRequest, slug: str) -> HttpResponse:
    """The years in which this member attended meetings, each with its attestation."""
    deelnemer = _eigen_deelname(request, slug)
    jaren = (
        _bijgewoond(deelnemer)
        .annotate(jaar=ExtractYear("bijeenkomst__begint_op"))
        .values("jaar")
        .annotate(aantal=Count("pk"))
        .order_by("-jaar")
    )
    return render(
        request,
        "netwerken/aanwezigheid_attesten.html",
        {"netwerk": deelnemer.netwerk, "deelnemer": deelnemer, "jaren": list(jaren)},
    )


@ledenruimte
@require_GET
def attest(request: HttpRequest, slug: str, jaar: int) -> HttpResponse:
    """The attestation of one year: every meeting of the network this member was present at."""
    deelnemer = _eigen_deelname(request, slug)
    if not 1900 < jaar < 3000:  # a year the database can look up (no 500 on /attesten/99999/)
        raise Http404
    bijeenkomsten = [
        aanwezigheid.bijeenkomst
        for aanwezigheid in _bijgewoond(deelnemer)
        .filter(bijeenkomst__begint_op__year=jaar)
        .select_related("bijeenkomst")
        .order_by("bijeenkomst__begint_op")
    ]
    if not bijeenkomsten:
        return render(
            request,
            "netwerken/aanwezigheid_attesten.html",
            {
                "netwerk": deelnemer.netwerk,
                "deelnemer": deelnemer,
                "jaren": [],
                "geen_jaar": jaar,
            },
            status=404,
        )
    regels = [
        {
            "thema": bijeenkomst.thema,
            "wanneer": _wanneer(bijeenkomst.begint_op, bijeenkomst.eindigt_op),
            "duur": kern.duur_tekst(
                int((bijeenkomst.eindigt_op - bijeenkomst.begint_op).total_seconds() // 60)
            ),
        }
        for bijeenkomst in bijeenkomsten
    ]
    minuten = sum(int((b.eindigt_op - b.begint_op).total_seconds() // 60) for b in bijeenkomsten)
    return pdf_antwoord(
        "netwerken/aanwezigheid_attest.html",
        {
            "netwerk": deelnemer.netwerk,
            "deelnemer": deelnemer,
            "jaar": jaar,
            "regels": regels,
            "totaal": kern.duur_tekst(minuten),
            "baz": kern.baz_gegevens(),
        },
        titel=_("Attest van deelname %(jaar)d") % {"jaar": jaar},
        bestandsnaam=f"attest-{deelnemer.netwerk.slug}-{jaar}.pdf",
        request=request,
    )
