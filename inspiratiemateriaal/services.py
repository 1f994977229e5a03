"""Writes of inspiratiemateriaal: the small publication workflow, each step one locked,
audited transaction.

    concept ──publiceren──▶ gepubliceerd ──archiveren──▶ gearchiveerd ──heropenen──▶ concept
                                ▲                              │
                                └──────────publiceren──────────┘

Publishing checks that the material is complete for its kind (`ontbreekt`): a screencast
without captions or transcript, or a publication without its HTML summary, never goes online.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from baz import audit

from .bestanden import ondertitels_lezen
from .models import Materiaal

RECHT_PUBLICEREN = "inspiratiemateriaal.publiceren"
Status = Materiaal.Status
Soort = Materiaal.Soort

audit.acties_benoemen(
    {
        "inspiratiemateriaal.gepubliceerd": gettext_lazy("Inspiratiemateriaal gepubliceerd"),
        "inspiratiemateriaal.gearchiveerd": gettext_lazy("Inspiratiemateriaal gearchiveerd"),
        "inspiratiemateriaal.heropend": gettext_lazy("Inspiratiemateriaal weer een concept"),
    }
)


@dataclass(frozen=True)
class Overgang:
    naam: str
    van: frozenset[str]
    naar: str
    actie: str
    knop: str
    verkeerde_status: str


OVERGANGEN = {
    overgang.naam: overgang
    for overgang in (
        Overgang(
            "publiceren",
            frozenset({Status.CONCEPT, Status.GEARCHIVEERD}),
            Status.GEPUBLICEERD,
            "inspiratiemateriaal.gepubliceerd",
            gettext_lazy("Publiceren"),
            gettext_lazy("Dit materiaal staat al online."),
        ),
        Overgang(
            "archiveren",
            frozenset({Status.GEPUBLICEERD}),
            Status.GEARCHIVEERD,
            "inspiratiemateriaal.gearchiveerd",
            gettext_lazy("Archiveren (offline halen)"),
            gettext_lazy("Alleen gepubliceerd materiaal kan je archiveren."),
        ),
        Overgang(
            "heropenen",
            frozenset({Status.GEARCHIVEERD}),
            Status.CONCEPT,
            "inspiratiemateriaal.heropend",
            gettext_lazy("Weer een concept maken"),
            gettext_lazy("Alleen gearchiveerd materiaal kan je weer een concept maken."),
        ),
    )
}


def ontbreekt(materiaal: Materiaal) -> list[str]:
    """What the material still needs before it may go online, in the words staff read."""
    tekort = []
    if materiaal.soort == Soort.SCREENCAST:
        if not materiaal.bestand or not materiaal.is_video:
            tekort.append(gettext("een video (MP4 of WebM)"))
        if not materiaal.ondertitels.strip():
            tekort.append(gettext("ondertitels (WebVTT)"))
        else:
            try:
                ondertitels_lezen(materiaal.ondertitels)
            except ValidationError:
                tekort.append(gettext("ondertitels zonder fouten"))
        if not materiaal.transcript.strip():
            tekort.append(gettext("een transcript"))
    elif materiaal.soort == Soort.PUBLICATIE:
        if not materiaal.bestand or not materiaal.is_pdf:
            tekort.append(gettext("een PDF"))
        if not materiaal.samenvatting.strip():
            tekort.append(gettext("een samenvatting voor op de pagina"))
    elif not materiaal.bestand and not materiaal.link:
        tekort.append(gettext("een bestand of een link"))
    return tekort


def mogelijke_overgangen(*, materiaal: Materiaal, door) -> list[Overgang]:
    if not door.has_perm(RECHT_PUBLICEREN):
        return []
    return [o for o in OVERGANGEN.values() if materiaal.status in o.van]


def overgang_uitvoeren(*, materiaal: Materiaal, naam: str, door) -> Materiaal:
    """One step of the workflow, under a row lock: two staff clicking at once give one step."""
    overgang = OVERGANGEN.get(naam)
    if overgang is None:
        raise ValidationError(gettext("Die stap bestaat niet."))
    if not door.has_perm(RECHT_PUBLICEREN):
        raise PermissionDenied(gettext("Je mag inspiratiemateriaal niet publiceren of archiveren."))
    with transaction.atomic():
        materiaal = Materiaal.objects.select_for_update().get(pk=materiaal.pk)
        if materiaal.status not in overgang.van:
            raise ValidationError(str(overgang.verkeerde_status))
        if overgang.naar == Status.GEPUBLICEERD:
            tekort = ontbreekt(materiaal)
            if tekort:
                raise ValidationError(
                    gettext("Nog niet compleet om te publiceren; er ontbreekt: %(lijst)s.")
                    % {"lijst": ", ".join(tekort)}
                )
            if materiaal.gepubliceerd_op is None:
                materiaal.gepubliceerd_op = timezone.now()
        materiaal.status = overgang.naar
        materiaal.save(update_fields=["status", "gepubliceerd_op", "gewijzigd_op"])
        audit.vastleggen(door=door, actie=overgang.actie, object=materiaal)
    return materiaal
