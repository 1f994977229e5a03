"""Loads the demo inspiraties of 2021 (baz/demo/inhoud.py); running it twice changes nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from baz.demo.inhoud import BEGELEIDE_INITIATIEVEN, DOELGROEPEN, INSPIRATIES
from baz.models import Gemeente

from .models import Doelgroep, Inspiratie, Werkmodel
from .services import zoekindex_bijwerken

BRUSSEL = ZoneInfo("Europe/Brussels")


@transaction.atomic
def inspiraties_laden() -> int:
    """Create what is missing; never overwrites what staff changed. Returns how many were new."""
    for slug, naam in DOELGROEPEN:
        Doelgroep.objects.get_or_create(slug=slug, defaults={"naam": naam})
    werkmodellen = {w.slug: w for w in Werkmodel.objects.all()}
    doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
    gemeenten = {g.naam: g for g in Gemeente.objects.all()}

    gezien_per_maand: dict[int, int] = {}
    nieuw = []
    for rij in [*INSPIRATIES, *BEGELEIDE_INITIATIEVEN]:
        maand = rij.get("maand")
        dag = 1
        if maand is not None:
            gezien_per_maand[maand] = gezien_per_maand.get(maand, 0) + 1
            dag = 1 if gezien_per_maand[maand] == 1 else 15
        if Inspiratie.objects.filter(slug=rij["slug"]).exists():
            continue
        gemeente = gemeenten.get(rij.get("gemeente") or "")
        inspiratie = Inspiratie.objects.create(
            titel=rij["titel"],
            slug=rij["slug"],
            samenvatting=rij["samenvatting"],
            verhaal=rij["verhaal"],
            provincie=rij.get("provincie") or (gemeente.provincie if gemeente else ""),
            gemeente=gemeente,
            reikwijdte=rij.get("reikwijdte", Inspiratie.Reikwijdte.LOKAAL),
            initiatiefnemer=rij.get("initiatiefnemer", ""),
            website=rij.get("website", ""),
            status=Inspiratie.Status.GEPUBLICEERD,
            gepubliceerd_op=(
                datetime(2021, maand, dag, 10, tzinfo=BRUSSEL) if maand else timezone.now()
            ),
            uitgelicht=rij.get("uitgelicht", False),
            demotekst=rij.get("demotekst", False),
        )
        inspiratie.werkmodellen.set([werkmodellen[slug] for slug in rij["werkmodellen"]])
        inspiratie.doelgroepen.set([doelgroepen[slug] for slug in rij.get("doelgroepen", [])])
        inspiratie.themas.set(rij.get("themas", []))
        nieuw.append(inspiratie.pk)
    zoekindex_bijwerken(pks=nieuw)
    return len(nieuw)
