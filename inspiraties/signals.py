"""Cache invalidation only: any change to what public inspiratie pages show bumps the version.

Writes that bypass signals (queryset.update, COPY) call catalogus_gewijzigd() themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from taggit.models import Tag, TaggedItem

from .models import Doelgroep, Inspiratie, Werkmodel
from .versie import catalogus_gewijzigd


def _gewijzigd(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return  # loaddata
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    catalogus_gewijzigd()


def verbinden() -> None:
    for model in (Inspiratie, Werkmodel, Doelgroep, Tag, TaggedItem):
        post_save.connect(_gewijzigd, sender=model, dispatch_uid=f"catalogus-save-{model.__name__}")
        post_delete.connect(
            _gewijzigd, sender=model, dispatch_uid=f"catalogus-delete-{model.__name__}"
        )
    for through in (Inspiratie.werkmodellen.through, Inspiratie.doelgroepen.through):
        m2m_changed.connect(
            _gewijzigd, sender=through, dispatch_uid=f"catalogus-m2m-{through.__name__}"
        )
