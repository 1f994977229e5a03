"""The catalogue version: what page and facet caches key on (see CatalogusVersie).

The rule: the version goes up when, and only when, something a visitor can see changes.

- An inspiratie that is published (status "gepubliceerd", also one scheduled for later) is
  saved or deleted, or its werkmodellen, doelgroepen or themes change. Publishing is such a
  save: the row it writes is published.
- An inspiratie leaves "gepubliceerd" (archiving). The row it writes is no longer published,
  so only the workflow step knows: services.overgang_uitvoeren reports the status it left.
- A Werkmodel or a Doelgroep is saved or deleted (their pages and the catalogue's filters show
  them), or a theme (taggit's Tag) is renamed or deleted. A new theme is not: nothing carries
  it yet, and the inspiratie it is put on decides.
- A scheduled publication's time passes (catalogus_versie notices and bumps).

Everything else leaves the version, and so every public cache, as it is: saving a concept or
an inspiratie ter review, submitting it, sending it back, making an archived one a concept
again, giving a draft themes or werkmodellen, featuring a draft.

Who reports: signals.py connects the model signals to the functions below as thin triggers
(the decision is made here, not there); writes that send no signals (queryset.update,
bulk_update, COPY, a migration) report themselves, through these functions or, when they know
the change is public, catalogus_gewijzigd().
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Min
from django.utils import timezone

from .models import CatalogusVersie, Inspiratie

VERSIE_PK = 1
PUBLIEK = Inspiratie.Status.GEPUBLICEERD


def catalogus_gewijzigd() -> None:
    """Bump the version, in the caller's transaction: the change and the new number commit
    together, so no server can cache new content under an old number or the reverse."""
    volgende = Inspiratie.objects.filter(
        status=PUBLIEK, gepubliceerd_op__gt=timezone.now()
    ).aggregate(volgende=Min("gepubliceerd_op"))["volgende"]
    bijgewerkt = CatalogusVersie.objects.filter(pk=VERSIE_PK).update(
        nummer=F("nummer") + 1, token=uuid.uuid4(), volgende_publicatie=volgende
    )
    if not bijgewerkt:
        CatalogusVersie.objects.get_or_create(
            pk=VERSIE_PK, defaults={"nummer": 1, "volgende_publicatie": volgende}
        )


def inspiratie_gewijzigd(*statussen: str) -> None:
    """Inspiraties were written (saved, deleted, relinked, featured); `statussen` are the
    statuses they had before and after. Bumps if one of them is published."""
    if PUBLIEK in statussen:
        catalogus_gewijzigd()


def koppeling_gewijzigd(eigenaar) -> None:
    """Werkmodellen or doelgroepen were linked to or unlinked from `eigenaar`: an inspiratie
    (bumps if it is published) or, seen from the other side, a Werkmodel or Doelgroep (bumps:
    which inspiraties is not always known, a clear() does not say)."""
    if isinstance(eigenaar, Inspiratie):
        inspiratie_gewijzigd(eigenaar.status)
    else:
        catalogus_gewijzigd()


def thema_gekoppeld(*, content_type_id: int, object_id: int) -> None:
    """A theme was put on or taken off an object: bumps if it is a published inspiratie."""
    if content_type_id == ContentType.objects.get_for_model(Inspiratie).pk and (
        Inspiratie.objects.filter(pk=object_id, status=PUBLIEK).exists()
    ):
        catalogus_gewijzigd()


def thema_opgeslagen(*, nieuw: bool) -> None:
    """A theme (Tag) was saved: a renamed one shows under its new name, a new one on nothing."""
    if not nieuw:
        catalogus_gewijzigd()


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
