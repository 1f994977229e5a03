"""PostgreSQL: a trigram index so that searching for part of a word stays fast."""

from django.db import migrations

VOORUIT = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS inspiratie_zoektekst_trgm "
    "ON inspiraties_inspiratie USING gin (zoektekst gin_trgm_ops)",
]
ACHTERUIT = ["DROP INDEX IF EXISTS inspiratie_zoektekst_trgm"]


def alleen_postgresql(statements):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0004_redactie")]
    operations = [migrations.RunPython(alleen_postgresql(VOORUIT), alleen_postgresql(ACHTERUIT))]
