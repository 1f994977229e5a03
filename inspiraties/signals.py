"""Thin triggers: model signals report writes to inspiraties/versie.py, which decides whether
the catalogue version goes up (the rule is in its docstring). Nothing is decided here.

Writes that send no signals (queryset.update, bulk_update, COPY) report themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag, TaggedItem

from . import versie
from .models import Doelgroep, Inspiratie, Werkmodel


def _geladen(kwargs) -> bool:
    return bool(kwargs.get("raw"))  # loaddata: fixtures, not a change


def _inspiratie(sender, instance, **kwargs) -> None:
    if not _geladen(kwargs):
        versie.inspiratie_gewijzigd(instance.status)


def _koppeling(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_"):
        versie.koppeling_gewijzigd(instance)


def _thema_koppeling(sender, instance, **kwargs) -> None:
    if not _geladen(kwargs):
        versie.thema_gekoppeld(
            content_type_id=instance.content_type_id, object_id=instance.object_id
        )


def _thema_opgeslagen(sender, instance, created, **kwargs) -> None:
    if not _geladen(kwargs):
        versie.thema_opgeslagen(nieuw=created)


def _indeling(sender, **kwargs) -> None:
    if not _geladen(kwargs):
        versie.catalogus_gewijzigd()


def verbinden() -> None:
    def verbind(signaal, ontvanger, model, soort: str) -> None:
        signaal.connect(ontvanger, sender=model, dispatch_uid=f"catalogus-{soort}-{model.__name__}")

    for signaal, soort in ((post_save, "save"), (post_delete, "delete")):
        verbind(signaal, _inspiratie, Inspiratie, soort)
        verbind(signaal, _thema_koppeling, TaggedItem, soort)
        verbind(signaal, _indeling, Werkmodel, soort)
        verbind(signaal, _indeling, Doelgroep, soort)
    verbind(post_save, _thema_opgeslagen, Tag, "save")
    verbind(post_delete, _indeling, Tag, "delete")
    for through in (Inspiratie.werkmodellen.through, Inspiratie.doelgroepen.through):
        verbind(m2m_changed, _koppeling, through, "m2m")
