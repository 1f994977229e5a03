"""Themes are case-insensitive (TAGGIT_CASE_INSENSITIVE): merge the tags that differ only by case.

Before the setting, "soep, Soep, SOEP" made three public themes (`soep`, `soep_1`, `soep_2`).
Of each such group one tag stays: the most used, and of those the oldest. It keeps its name and
gets the slug of the oldest tag of the group (the plain `soep`, not `soep_1`); every item tagged
with another one is tagged with it instead (an item that had both keeps one), and the others
are deleted. Not reversible: which item had which spelling is not kept.
"""

import uuid
from collections import defaultdict

from django.db import migrations
from django.db.models import Count, F


def samenvoegen(apps, schema_editor) -> int:
    """Merge the case variants of every tag; returns how many tags were removed."""
    Tag = apps.get_model("taggit", "Tag")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    groepen = defaultdict(list)
    for tag in Tag.objects.order_by("pk"):
        groepen[tag.name.lower()].append(tag)
    groepen = [groep for groep in groepen.values() if len(groep) > 1]
    if not groepen:
        return 0
    gebruik = dict(
        TaggedItem.objects.values_list("tag_id").annotate(n=Count("pk")).values_list("tag_id", "n")
    )
    verwijderd = 0
    for groep in groepen:
        oudste = groep[0]
        behouden = max(groep, key=lambda tag: (gebruik.get(tag.pk, 0), -tag.pk))
        anderen = [tag.pk for tag in groep if tag.pk != behouden.pk]
        al_getagd = set(
            TaggedItem.objects.filter(tag_id=behouden.pk).values_list(
                "content_type_id", "object_id"
            )
        )
        for item in TaggedItem.objects.filter(tag_id__in=anderen).order_by("pk"):
            sleutel = (item.content_type_id, item.object_id)
            if sleutel in al_getagd:
                item.delete()
            else:
                TaggedItem.objects.filter(pk=item.pk).update(tag_id=behouden.pk)
                al_getagd.add(sleutel)
        Tag.objects.filter(pk__in=anderen).delete()
        verwijderd += len(anderen)
        if behouden.slug != oudste.slug:
            Tag.objects.filter(pk=behouden.pk).update(slug=oudste.slug)
    # Cached catalogue pages and facets show themes: a new version (inspiraties/versie.py).
    CatalogusVersie = apps.get_model("inspiraties", "CatalogusVersie")
    CatalogusVersie.objects.update(nummer=F("nummer") + 1, token=uuid.uuid4())
    return verwijderd


def _samenvoegen(apps, schema_editor) -> None:
    samenvoegen(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("inspiraties", "0010_eindredactie"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(_samenvoegen, migrations.RunPython.noop)]
