from django.db import migrations

PUBLIEKEN = [
    ("burgers", "Burgers"),
    ("verenigingen", "Verenigingen"),
    ("lokale-besturen", "Lokale besturen"),
    ("eerstelijnsorganisaties", "Eerstelijnsorganisaties"),
]


def publieken_maken(apps, schema_editor):
    Publiek = apps.get_model("inspiratiemateriaal", "Publiek")
    for volgorde, (slug, naam) in enumerate(PUBLIEKEN):
        Publiek.objects.update_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})


class Migration(migrations.Migration):
    dependencies = [("inspiratiemateriaal", "0001_initial")]

    operations = [migrations.RunPython(publieken_maken, migrations.RunPython.noop)]
