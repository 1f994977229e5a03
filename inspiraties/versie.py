"""The catalogue version: what page and facet caches key on (see CatalogusVersie)."""

import uuid

from django.db.models import F, Min
from django.utils import timezone

from .models import CatalogusVersie, Inspiratie

VERSIE_PK = 1


def catalogus_gewijzigd() -> None:
    """Bump the version, in the caller's transaction: the change and the new number commit
    together, so no server can cache new content under an old number or the reverse."""
    volgende = Inspiratie.objects.filter(
        status=Inspiratie.Status.GEPUBLICEERD, gepubliceerd_op__gt=timezone.now()
    ).aggregate(volgende=Min("gepubliceerd_op"))["volgende"]
    bijgewerkt = CatalogusVersie.objects.filter(pk=VERSIE_PK).update(
        nummer=F("nummer") + 1, token=uuid.uuid4(), volgende_publicatie=volgende
    )
    if not bijgewerkt:
        CatalogusVersie.objects.get_or_create(
            pk=VERSIE_PK, defaults={"nummer": 1, "volgende_publicatie": volgende}
        )


def catalogus_versie() -> str:
    """The current version token: one primary-key read per request."""
    rij = (
        CatalogusVersie.objects.filter(pk=VERSIE_PK)
        .values_list("token", "volgende_publicatie")
        .first()
    )
    if rij is None:
        catalogus_gewijzigd()
        return catalogus_versie()
    token, volgende = rij
    if volgende is not None and volgende <= timezone.now():
        catalogus_gewijzigd()  # a scheduled publication just went live
        return catalogus_versie()
    return token.hex
