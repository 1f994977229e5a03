"""The group "Begeleiders": the staff who may facilitate a network or coachingtraject.

Its members are offered as begeleider in /beheer/ (superusers too) and hold what facilitating
needs there: the network, its meetings and verslagen, its members, cases and evaluations, the
coachingtrajecten. Not `alle_netwerken_bekijken`: a begeleider enters the members-only space of
the networks they facilitate, not every network.

Who facilitates today (a begeleider of a network, a coachingtraject or a workshop request) joins
the group, so nobody loses access to their networks, or their place as begeleider, at deploy."""

from django.db import migrations

GROEP = "Begeleiders"
BEGELEIDERS_RECHTEN = [
    ("netwerken", "netwerk", ["view", "change"]),
    ("netwerken", "deelnemer", ["view", "change", "delete"]),
    ("netwerken", "bijeenkomst", ["add", "change", "view"]),
    ("netwerken", "verslag", ["add", "change", "view"]),
    ("netwerken", "casus", ["view", "change"]),
    ("netwerken", "evaluatie", ["view"]),
    ("netwerken", "jaarevaluatie", ["view"]),
    ("netwerken", "bericht", ["view", "change"]),
    ("netwerken", "reactie", ["view"]),
    ("netwerken", "interesse", ["view", "change"]),
    ("netwerken", "coachingtraject", ["add", "view", "change"]),
    ("netwerken", "coachingsessie", ["view", "change"]),
    ("netwerken", "analysepunt", ["view", "change"]),
    ("netwerken", "zelfevaluatie", ["add", "view", "change", "delete"]),
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
    groep, _ = Group.objects.get_or_create(name=GROEP)
    groep.permissions.add(
        Permission.objects.get(content_type__app_label="netwerken", codename="begeleiden")
    )
    for app_label, model, acties in BEGELEIDERS_RECHTEN:
        for actie in acties:
            groep.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{actie}_{model}"
                )
            )
    huidige_begeleiders_toevoegen(apps, schema_editor)


def huidige_begeleiders_toevoegen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    groep = Group.objects.get(name=GROEP)
    User = apps.get_model("auth", "User")
    Netwerk = apps.get_model("netwerken", "Netwerk")
    Coachingtraject = apps.get_model("netwerken", "Coachingtraject")
    Aanvraag = apps.get_model("workshops", "Aanvraag")
    huidige = (
        set(Netwerk.begeleiders.through.objects.values_list("user_id", flat=True))
        | set(Coachingtraject.begeleiders.through.objects.values_list("user_id", flat=True))
        | set(
            Aanvraag.objects.filter(begeleider__isnull=False).values_list(
                "begeleider_id", flat=True
            )
        )
    )
    groep.user_set.add(*User.objects.filter(pk__in=huidige, is_active=True, is_staff=True))


class Migration(migrations.Migration):
    dependencies = [
        ("netwerken", "0003_rechten"),
        ("workshops", "0004_eenregelvelden"),
        ("baz", "0002_gemeenten"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(aanmaken, migrations.RunPython.noop)]
