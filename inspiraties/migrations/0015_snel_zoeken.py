"""Search at 100,000 inspiraties (issue 15), PostgreSQL only.

- `titelvector`: the title's own tsvector with a GIN index, kept by the same trigger as
  `zoekvector`; "best passend" ranks title matches first from this index alone.
- The table's rows stay narrow: long values (the story, the search text and its tsvector) are
  kept out of line (toast_tuple_target = 128, zoekvector stored EXTERNAL, uncompressed), so a
  search reads small heap pages and the match needs no recheck of the large tsvector. The
  UPDATE below rewrites the existing rows in that form.
"""

import django.contrib.postgres.search
from django.db import migrations

from ._postgresql import alleen_postgresql

VOORUIT = [
    """
    CREATE OR REPLACE FUNCTION inspiratie_zoekvector_bijwerken() RETURNS trigger AS $$
    BEGIN
        NEW.zoekvector :=
            setweight(to_tsvector('baz_nl'::regconfig, coalesce(NEW.titel, '')), 'A')
            || setweight(to_tsvector('baz_nl'::regconfig, coalesce(NEW.zoektekst, '')), 'B');
        NEW.titelvector := to_tsvector('baz_nl'::regconfig, coalesce(NEW.titel, ''));
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE INDEX IF NOT EXISTS inspiratie_titelvector_gin ON inspiraties_inspiratie USING gin (titelvector)",
    "ALTER TABLE inspiraties_inspiratie SET (toast_tuple_target = 128)",
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN zoekvector SET STORAGE EXTERNAL",
    "UPDATE inspiraties_inspiratie SET zoektekst = zoektekst",
]
ACHTERUIT = [
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
    "DROP INDEX IF EXISTS inspiratie_titelvector_gin",
    "ALTER TABLE inspiraties_inspiratie RESET (toast_tuple_target)",
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN zoekvector SET STORAGE EXTENDED",
]



class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0014_gemeenten_demo")]
    operations = [
        migrations.AddField(
            model_name="inspiratie",
            name="titelvector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(alleen_postgresql(VOORUIT), alleen_postgresql(ACHTERUIT)),
    ]
