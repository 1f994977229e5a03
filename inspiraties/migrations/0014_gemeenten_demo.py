"""Local demo inspiraties get their gemeente, where the annual report says where they are.

Only the places the seed names: Buurtpunt Nijlen (Nijlen), (H)echt Arendonk (Arendonk) and the
Babbel- en activiteitengroep (Brugge). The other local ones from 2021 carry no place in the
report; none is invented: the staff start page lists local inspiraties without a gemeente so
that the redactie fills them in. Only an empty gemeente is filled; nothing staff set changes.
"""

import uuid

from django.db import migrations
from django.db.models import F

PLAATSEN = {
    "buurtpunt-nijlen": "Nijlen",
    "hecht-arendonk": "Arendonk",
    "babbel-en-activiteitengroep-brugge": "Brugge",
}


def gemeenten_zetten(apps, schema_editor):
    Inspiratie = apps.get_model("inspiraties", "Inspiratie")
    Gemeente = apps.get_model("baz", "Gemeente")
    for slug, naam in PLAATSEN.items():
        gemeente = Gemeente.objects.filter(naam=naam).first()
        if gemeente is None:
            continue
        Inspiratie.objects.filter(slug=slug, gemeente__isnull=True).update(
            gemeente=gemeente, provincie=gemeente.provincie
        )
    # An update sends no signals: public pages show the place, so the catalogue version goes up.
    apps.get_model("inspiraties", "CatalogusVersie").objects.update(
        nummer=F("nummer") + 1, token=uuid.uuid4()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("baz", "0002_gemeenten"),
        ("inspiraties", "0013_tips_doe_mee"),
    ]

    operations = [migrations.RunPython(gemeenten_zetten, migrations.RunPython.noop)]
