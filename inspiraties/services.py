"""Writes to inspiraties: small keyword-only functions that views, the admin and commands call."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from baz.tekst import normaliseer

from .models import Inspiratie
from .versie import catalogus_gewijzigd


def _zoektekst(inspiratie: Inspiratie) -> str:
    delen = [
        inspiratie.titel,
        inspiratie.samenvatting,
        inspiratie.verhaal,
        inspiratie.initiatiefnemer,
        inspiratie.gemeente.naam if inspiratie.gemeente else "",
        inspiratie.get_provincie_display() if inspiratie.provincie else "",
        *(werkmodel.naam for werkmodel in inspiratie.werkmodellen.all()),
        *(thema.name for thema in inspiratie.themas.all()),
        *(doelgroep.naam for doelgroep in inspiratie.doelgroepen.all()),
    ]
    return normaliseer(" ".join(deel for deel in delen if deel))


def zoekindex_bijwerken(*, pks: Iterable[int]) -> None:
    """Recompute the search text of these inspiraties (on PostgreSQL a trigger then updates
    the tsvector). Call it after every save that touches text, tags, werkmodellen, doelgroepen
    or place.
    """
    pks = list(pks)
    inspiraties = list(
        Inspiratie.objects.filter(pk__in=pks)
        .select_related("gemeente")
        .prefetch_related("werkmodellen", "themas", "doelgroepen")
    )
    with transaction.atomic():
        for inspiratie in inspiraties:
            inspiratie.zoektekst = _zoektekst(inspiratie)
        Inspiratie.objects.bulk_update(inspiraties, ["zoektekst"], batch_size=500)
        catalogus_gewijzigd()  # bulk_update sends no signals


def inspiratie_publiceren(*, inspiratie: Inspiratie) -> Inspiratie:
    """Publish now; an inspiratie published before keeps its first publication date."""
    inspiratie.status = Inspiratie.Status.GEPUBLICEERD
    if inspiratie.gepubliceerd_op is None:
        inspiratie.gepubliceerd_op = timezone.now()
    inspiratie.save(update_fields=["status", "gepubliceerd_op", "gewijzigd_op"])
    return inspiratie


def inspiratie_status_zetten(*, inspiratie: Inspiratie, status: str) -> Inspiratie:
    if status == Inspiratie.Status.GEPUBLICEERD:
        return inspiratie_publiceren(inspiratie=inspiratie)
    inspiratie.status = status
    inspiratie.save(update_fields=["status", "gewijzigd_op"])
    return inspiratie
