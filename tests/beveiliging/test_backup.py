"""scripts/backup.sh and scripts/restore-check.sh against the test database (PostgreSQL).

The demo content is committed (a transactional test), dumped with pg_dump -Fc, restored into a
scratch database that `manage.py migrate --check` accepts, and the restored row counts of the key
tables equal those of the source. A damaged dump fails the check, and the scratch database is
dropped in both cases.
"""

import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.db import connection

from tests.test_deploy import ROOT

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url() -> str:
    """The URL of the test database this test runs in (not the developer's DATABASE_URL)."""
    d = connection.settings_dict
    gebruiker = quote(d["USER"] or "", safe="")
    if d["PASSWORD"]:
        gebruiker += ":" + quote(d["PASSWORD"], safe="")
    host = d["HOST"] or "localhost"
    poort = f":{d['PORT']}" if d["PORT"] else ""
    return f"postgres://{gebruiker}@{host}{poort}/{d['NAME']}"


def script(naam: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    omgeving = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "PYTHON": sys.executable,
        **env,
    }
    return subprocess.run(
        [str(ROOT / "scripts" / naam), *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=300,
    )


def bestaat_database(naam: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam])
        return cursor.fetchone() is not None


def aantal(tabel: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(tabel)}")
        return cursor.fetchone()[0]


def test_backup_en_herstel_geven_dezelfde_aantallen(demo_site, tmp_path):
    from workshops.models import Aanvraag

    # A row with characters that a careless dump would mangle.
    Aanvraag.objects.update(leervraag="Ça va? “Quotes”, 'apostrof', tab\t, NL\n, emoji 😀")
    dump = tmp_path / "baz.dump"
    wislog = tmp_path / "wislog.jsonl"
    wislog.write_text('{"id": "een-wissing"}\n')
    backup = script("backup.sh", str(dump), WISLOG_PAD=str(wislog))
    assert backup.returncode == 0, backup.stderr
    kopie = tmp_path / "baz.dump.wislog.jsonl"
    assert kopie.read_text() == wislog.read_text(), "the erasure log is copied beside the dump"
    assert oct(kopie.stat().st_mode & 0o777) == "0o600"
    assert backup.stdout.strip() == str(dump)
    assert dump.stat().st_size > 10_000
    assert oct(dump.stat().st_mode & 0o777) == "0o600", "a dump holds personal data"
    assert not (tmp_path / "baz.dump.onvolledig").exists()

    scratch = f"baz_herstel_test_{os.getpid()}"
    herstel = script("restore-check.sh", str(dump), SCRATCH_DB=scratch)
    assert herstel.returncode == 0, herstel.stdout + herstel.stderr
    assert "migrate --check" in herstel.stderr
    hersteld = dict(regel.split() for regel in herstel.stdout.strip().splitlines())
    assert len(hersteld) == 12
    for tabel, rijen in hersteld.items():
        assert int(rijen) == aantal(tabel), tabel
    assert int(hersteld["inspiraties_inspiratie"]) >= 24
    assert int(hersteld["auth_user"]) >= 4
    assert int(hersteld["netwerken_deelnemer"]) >= 3
    assert int(hersteld["workshops_inschrijving"]) > 0
    assert not bestaat_database(scratch), "the scratch database must be dropped"


def test_kapotte_dump_faalt_en_ruimt_op(tmp_path):
    dump = tmp_path / "kapot.dump"
    dump.write_bytes(b"PGDMP" + b"\x00" * 200)
    scratch = f"baz_herstel_kapot_{os.getpid()}"
    herstel = script("restore-check.sh", str(dump), SCRATCH_DB=scratch)
    assert herstel.returncode != 0
    assert not bestaat_database(scratch)


def test_zonder_postgres_url_weigeren_de_scripts(tmp_path):
    for naam, args in [("backup.sh", []), ("restore-check.sh", [str(tmp_path)])]:
        resultaat = script(naam, *args, DATABASE_URL="sqlite:///db.sqlite3")
        assert resultaat.returncode == 2
        assert "DATABASE_URL=postgres://" in resultaat.stderr
