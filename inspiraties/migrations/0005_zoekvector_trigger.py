"""PostgreSQL keeps `zoekvector` up to date itself: a trigger computes it on insert and update.

The title weighs more (A) than the rest of the normalised search text (B). Because the database
does this, bulk inserts need no second pass and no code path can forget it.
"""

from django.db import migrations

from ._postgresql import alleen_postgresql

VOORUIT = [
    """
    CREATE OR REPLACE FUNCTION inspiratie_zoekvector_bijwerken() RETURNS trigger AS $$
    BEGIN
        NEW.zoekvector :=
            setweight(to_tsvector('baz_nl'::regconfig, coalesce(NEW.titel, '')), 'A')
            || setweight(to_tsvector('baz_nl'::regconfig, coalesce(NEW.zoektekst, '')), 'B');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS inspiratie_zoekvector ON inspiraties_inspiratie",
    """
    CREATE TRIGGER inspiratie_zoekvector
    BEFORE INSERT OR UPDATE OF titel, zoektekst ON inspiraties_inspiratie
    FOR EACH ROW EXECUTE FUNCTION inspiratie_zoekvector_bijwerken()
    """,
    "UPDATE inspiraties_inspiratie SET zoektekst = zoektekst",
]
ACHTERUIT = [
    "DROP TRIGGER IF EXISTS inspiratie_zoekvector ON inspiraties_inspiratie",
    "DROP FUNCTION IF EXISTS inspiratie_zoekvector_bijwerken()",
]



class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0004_redactie")]
    operations = [migrations.RunPython(alleen_postgresql(VOORUIT), alleen_postgresql(ACHTERUIT))]
