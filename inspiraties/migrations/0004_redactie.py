"""The 'Redactie' group: exactly what an editor of inspiraties needs, and nothing more."""

from django.db import migrations

REDACTIE_RECHTEN = [
    ("inspiraties", "inspiratie", ["add", "change", "view"]),
    ("inspiraties", "werkmodel", ["change", "view"]),
    ("inspiraties", "doelgroep", ["add", "change", "view"]),
    ("taggit", "tag", ["add", "change", "view"]),
    ("baz", "gemeente", ["view"]),
]


def aanmaken(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groep, _ = Group.objects.get_or_create(name="Redactie")
    for app_label, model, acties in REDACTIE_RECHTEN:
        for actie in acties:
            groep.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{actie}_{model}"
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("inspiraties", "0003_werkmodellen"),
        ("baz", "0002_gemeenten"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(aanmaken, migrations.RunPython.noop)]
