"""A partial index for the home page's featured story (baz/views.py HomeInspiraties.uitgelicht).

Only the published, featured rows are in it, newest first, as the query reads them: without it
that query scans every inspiratie.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inspiraties", "0011_themas_zonder_hoofdletters"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="inspiratie",
            index=models.Index(
                condition=models.Q(("status", "gepubliceerd"), ("uitgelicht", True)),
                fields=["-gepubliceerd_op", "-id"],
                name="inspiratie_uitgelicht",
            ),
        ),
    ]
