"""The audit trail: one row for every staff action that changes someone's situation.

Service functions call `vastleggen()` inside their own transaction, so the row exists exactly
when the change does. Staff read it in the admin (Audittrail); nobody can change or delete it
there. The object's name and the description may name a person: the personal-data registry
blanks them on erasure and when the retention period of that person's data ends.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import Auditregel

# What staff read for each action code; every app names its own actions with acties_benoemen().
ACTIES: dict[str, str] = {}


def acties_benoemen(namen: dict[str, str]) -> None:
    """An app declares the Dutch names of its action codes ("workshops.sessie_geannuleerd":
    "Sessie geannuleerd"), for the audit trail in the admin."""
    ACTIES.update(namen)


def actie_naam(code: str) -> str:
    return str(ACTIES.get(code, code))


def vastleggen(
    *, door, actie: str, object: models.Model | None = None, omschrijving: str = ""
) -> Auditregel:
    """Record that `door` (a user, or None for the system) did `actie` to `object`. `actie` is
    a code the app named with acties_benoemen()."""
    if actie not in ACTIES:
        raise ValueError(f"Onbekende auditactie {actie!r}: benoem ze met acties_benoemen().")
    gebruiker = door if getattr(door, "pk", None) else None
    if gebruiker is not None:
        naam = gebruiker.get_full_name() or gebruiker.get_username()
    else:
        naam = str(door) if door else "systeem"
    return Auditregel.objects.create(
        door=gebruiker,
        door_naam=naam[:150],
        actie=actie,
        omschrijving=omschrijving,
        content_type=ContentType.objects.get_for_model(object) if object is not None else None,
        object_id=str(object.pk) if object is not None else "",
        object_repr=str(object)[:200] if object is not None else "",
    )


def voor(object: models.Model):
    """The audit rows of one object, newest first."""
    return Auditregel.objects.filter(
        content_type=ContentType.objects.get_for_model(object), object_id=str(object.pk)
    )
