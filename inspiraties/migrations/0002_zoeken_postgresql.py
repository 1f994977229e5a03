"""PostgreSQL full-text search: a Dutch configuration with unaccent, and a GIN index.

'baz_nl' copies the 'dutch' configuration and runs unaccent before the Dutch stemmer, so
"cafe" finds "café" and "vrijwilligers" finds "vrijwilliger". Other databases skip this.
"""

from django.db import migrations

from ._postgresql import alleen_postgresql

VOORUIT = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'baz_nl') THEN
            CREATE TEXT SEARCH CONFIGURATION baz_nl (COPY = dutch);
            ALTER TEXT SEARCH CONFIGURATION baz_nl
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
        END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS inspiratie_zoekvector_gin "
    "ON inspiraties_inspiratie USING gin (zoekvector)",
]
ACHTERUIT = [
    "DROP INDEX IF EXISTS inspiratie_zoekvector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS baz_nl",
]



class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0001_initial")]
    operations = [migrations.RunPython(alleen_postgresql(VOORUIT), alleen_postgresql(ACHTERUIT))]
