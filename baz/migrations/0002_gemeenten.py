from django.db import migrations


def laden(apps, schema_editor):
    from baz.gemeenten import gemeenten_laden

    gemeenten_laden(apps.get_model("baz", "Gemeente"))


class Migration(migrations.Migration):
    dependencies = [("baz", "0001_initial")]
    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
