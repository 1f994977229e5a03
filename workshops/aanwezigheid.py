"""Attendance at a workshop session (issue 14): the printable attendance list (also as PDF),
the check-in page for staff on a phone or tablet, and the attestation a participant who was
present downloads from their personal page. Glue only: the shared pieces live in
baz/aanwezigheid.py and templates/aanwezigheid/, the write in aanwezigheid_services.py."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from baz import aanwezigheid as kern
from baz import beheer
from baz.pdf import pdf_antwoord
from baz.privaat import persoonlijk

from .aanwezigheid_services import aanwezigheid_zetten
from .models import Inschrijving, Sessie

# The admin's permissions: seeing the list needs the view permission of registrations, marking
# someone present or absent their change permission.
LIJST_RECHT = "workshops.view_inschrijving"
INCHECKEN_RECHT = "workshops.change_inschrijving"

KEUZES = [
    kern.Keuze("aanwezig", gettext_lazy("Aanwezig"), "1"),
    kern.Keuze("afwezig", gettext_lazy("Afwezig"), "2"),
]
_NAAR_WAARDE = {True: "aanwezig", False: "afwezig", None: ""}
# Clearing a mark takes an explicit value: a POST without `status` is refused (400).
_UIT_WAARDE = {"aanwezig": True, "afwezig": False, "niet_aangeduid": None}


def _sessie(pk: int) -> Sessie:
    return get_object_or_404(Sessie.objects.select_related("workshop", "locatie__gemeente"), pk=pk)


def _rij(inschrijving: Inschrijving, sessie: Sessie) -> kern.Rij:
    return kern.Rij(
        sleutel=inschrijving.pk,
        naam=inschrijving.naam,
        organisatie=inschrijving.organisatie,
        status=_NAAR_WAARDE[inschrijving.aanwezig],
        actie=reverse("sessie-inchecken-markeren", args=[sessie.pk, inschrijving.pk]),
    )


def _rijen(sessie: Sessie) -> list[kern.Rij]:
    """The confirmed participants, by name: one query whatever their number."""
    inschrijvingen = sessie.inschrijvingen.bevestigd().order_by("naam", "pk")
    return [_rij(inschrijving, sessie) for inschrijving in inschrijvingen]


def _wanneer(sessie: Sessie) -> str:
    begin = timezone.localtime(sessie.begint_op)
    einde = timezone.localtime(sessie.eindigt_op)
    return _("%(dag)s, %(van)s–%(tot)s") % {
        "dag": formats.date_format(begin, "l j F Y"),
        "van": formats.time_format(begin, "H:i"),
        "tot": formats.time_format(einde, "H:i"),
    }


def _context(sessie: Sessie, rijen: list[kern.Rij]) -> dict:
    return {
        "sessie": sessie,
        "titel": sessie.workshop.titel,
        "wanneer": _wanneer(sessie),
        "waar": sessie.plaats_tekst,
        "rijen": rijen,
        "keuzes": KEUZES,
        "telling": kern.telling(rijen, KEUZES),
        "geannuleerd": bool(sessie.geannuleerd_op),
        "lijst_url": reverse("sessie-aanwezigheidslijst", args=[sessie.pk]),
        "pdf_url": reverse("sessie-aanwezigheidslijst-pdf", args=[sessie.pk]),
        "inchecken_url": reverse("sessie-inchecken", args=[sessie.pk]),
        "beheer_url": beheer.beheerlink(Sessie, "change", sessie.pk),
        "lege_rijen": range(3),
    }


@require_GET
@kern.staf_met_recht(LIJST_RECHT)
def lijst(request: HttpRequest, pk: int) -> HttpResponse:
    """The attendance list to print: names, organisation and a column to sign."""
    sessie = _sessie(pk)
    return render(request, "aanwezigheid/lijst.html", _context(sessie, _rijen(sessie)))


@require_GET
@kern.staf_met_recht(LIJST_RECHT)
def lijst_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = _sessie(pk)
    datum = timezone.localdate(sessie.begint_op)
    return pdf_antwoord(
        "aanwezigheid/lijst_pdf.html",
        _context(sessie, _rijen(sessie)),
        titel=_("Aanwezigheidslijst: %(titel)s") % {"titel": sessie.workshop.titel},
        bestandsnaam=f"aanwezigheidslijst-{sessie.workshop.slug}-{datum:%Y-%m-%d}.pdf",
        request=request,
    )


@require_GET
@kern.staf_met_recht(INCHECKEN_RECHT)
def inchecken(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in page: a row per participant, present or absent with one tap or key."""
    sessie = _sessie(pk)
    return render(request, "aanwezigheid/inchecken.html", _context(sessie, _rijen(sessie)))


@require_POST
@kern.staf_met_recht(INCHECKEN_RECHT)
def markeren(request: HttpRequest, pk: int, inschrijving_pk: int) -> HttpResponse:
    """One mark from the check-in page: answered as JSON (script) or with a redirect back."""
    inschrijving = get_object_or_404(
        Inschrijving.objects.select_related("sessie"), pk=inschrijving_pk, sessie_id=pk
    )
    terug = reverse("sessie-inchecken", args=[pk])
    waarde = request.POST.get("status")
    if waarde not in _UIT_WAARDE:
        return kern.ongeldig(request, _("Kies aanwezig of afwezig."), terug=terug)
    try:
        inschrijving = aanwezigheid_zetten(
            inschrijving=inschrijving, aanwezig=_UIT_WAARDE[waarde], door=request.user
        )
    except ValidationError as fout:
        return kern.ongeldig(request, " ".join(fout.messages), terug=terug)
    return kern.gemarkeerd(
        request, rij=_rij(inschrijving, inschrijving.sessie), keuzes=KEUZES, terug=terug
    )


@require_GET
@persoonlijk
def attest(request: HttpRequest, token: str) -> HttpResponse:
    """The attestation of attendance, behind the participant's personal link: only for a
    participant staff marked present; anyone else gets a 404 that says why."""
    inschrijving = (
        Inschrijving.objects.select_related("sessie__workshop", "sessie__locatie__gemeente")
        .filter(token=token, geanonimiseerd_op__isnull=True)
        .first()
    )
    if (
        inschrijving is None
        or inschrijving.aanwezig is not True
        or inschrijving.status != Inschrijving.Status.BEVESTIGD
        or inschrijving.sessie.eindigt_op > timezone.now()  # an attestation once it is over
    ):
        return render(
            request,
            "workshops/aanwezigheid_geen_attest.html",
            {"inschrijving": inschrijving},
            status=404,
        )
    sessie = inschrijving.sessie
    minuten = int((sessie.eindigt_op - sessie.begint_op).total_seconds() // 60)
    datum = timezone.localdate(sessie.begint_op)
    return pdf_antwoord(
        "workshops/aanwezigheid_attest.html",
        {
            "inschrijving": inschrijving,
            "sessie": sessie,
            "workshop": sessie.workshop,
            "wanneer": _wanneer(sessie),
            "duur": kern.duur_tekst(minuten),
            "waar": sessie.plaats_tekst,
            "baz": kern.baz_gegevens(),
        },
        titel=_("Attest van deelname"),
        bestandsnaam=f"attest-{sessie.workshop.slug}-{datum:%Y-%m-%d}.pdf",
        request=request,
    )
