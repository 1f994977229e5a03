"""The editorial groups and the inspiratiemateriaal: the Redactie prepares it (add, change),
the Eindredactie also puts it online and takes it offline (`inspiratiemateriaal.publiceren`)."""

from django.db import migrations

RECHTEN = {
    "Redactie": [("materiaal", ["add", "change", "view"]), ("publiek", ["view"])],
    "Eindredactie": [("materiaal", ["add", "change", "view", "publiceren"]), ("publiek", ["view"])],
}


def toekennen(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are otherwise only created after the last migration.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groepnaam, rechten in RECHTEN.items():
        groep, _ = Group.objects.get_or_create(name=groepnaam)
        for model, acties in rechten:
            for actie in acties:
                codename = actie if actie == "publiceren" else f"{actie}_{model}"
                groep.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="inspiratiemateriaal", codename=codename
                    )
                )


def intrekken(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for groep in apps.get_model("auth", "Group").objects.filter(name__in=RECHTEN):
        groep.permissions.remove(
            *Permission.objects.filter(content_type__app_label="inspiratiemateriaal")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("inspiratiemateriaal", "0002_publieken"),
        ("inspiraties", "0010_eindredactie"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(toekennen, intrekken)]
