"""The title and the slug stay in the table's row, PostgreSQL only (issue 15).

0015 keeps rows narrow with toast_tuple_target = 128, which moves every value longer than 24
bytes out of line, the title and the slug included. Sorting by title then reads each title from
the TOAST table at every comparison: ordering the 100,000 published titles (the catalogue
index's order by title) took 5-7 s and 10.7 million buffer reads instead of 0.1 s. Both are
short (at most 150 and 160 characters), so they are stored PLAIN: never compressed, never out of
line. The UPDATE rewrites the existing rows in that form (a value copied as is would keep its
TOAST pointer), with the search trigger off (the text is the same): at 100,000 rows ~10 s
under the table's lock, so run it outside busy hours.
"""

from django.db import migrations

from ._postgresql import alleen_postgresql

VOORUIT = [
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN titel SET STORAGE PLAIN",
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN slug SET STORAGE PLAIN",
    # The text does not change: the search trigger need not recompute every tsvector.
    "ALTER TABLE inspiraties_inspiratie DISABLE TRIGGER inspiratie_zoekvector",
    "UPDATE inspiraties_inspiratie SET titel = titel || '', slug = slug || ''",
    "ALTER TABLE inspiraties_inspiratie ENABLE TRIGGER inspiratie_zoekvector",
]
ACHTERUIT = [
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN titel SET STORAGE EXTENDED",
    "ALTER TABLE inspiraties_inspiratie ALTER COLUMN slug SET STORAGE EXTENDED",
]


class Migration(migrations.Migration):
    dependencies = [("inspiraties", "0015_snel_zoeken")]
    operations = [
        migrations.RunPython(alleen_postgresql(VOORUIT), alleen_postgresql(ACHTERUIT)),
    ]
