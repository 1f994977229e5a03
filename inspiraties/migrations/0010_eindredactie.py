"""The 'Eindredactie' group: what the Redactie may, plus publishing, sending back and archiving.

Redactie writes inspiraties and submits them for review; the Eindredactie decides what goes
online (the `inspiraties.publiceren` permission, see inspiraties/services.py).
"""

from django.db import migrations

EINDREDACTIE_RECHTEN = [
    ("inspiraties", "inspiratie", ["add", "change", "view", "publiceren"]),
    ("inspiraties", "werkmodel", ["change", "view"]),
    ("inspiraties", "doelgroep", ["add", "change", "view"]),
    ("taggit", "tag", ["add", "change", "view"]),
    ("baz", "gemeente", ["view"]),
]


def aanmaken(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # The custom permission of 0009 is otherwise only created after the last migration.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groep, _ = Group.objects.get_or_create(name="Eindredactie")
    for app_label, model, acties in EINDREDACTIE_RECHTEN:
        for actie in acties:
            codename = actie if actie == "publiceren" else f"{actie}_{model}"
            groep.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def verwijderen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Eindredactie").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inspiraties", "0009_redactieflow"),
    ]
    operations = [migrations.RunPython(aanmaken, verwijderen)]
