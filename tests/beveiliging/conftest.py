"""Shared set-up for the security tests: the demo site with its three personas, and a snapshot of
every table to prove that nothing changed."""

import hashlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

# The demo member of the demo network (netwerken/demo.py links the accounts that exist).
DEMO_LID = "deelnemer"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_site(db, werkmodellen, gemeenten, medewerker):
    """`manage.py demo --zonder-accounts` in the test database, plus the demo members of the
    network (as `manage.py demo` makes them when DEBUG is on) and staff as its facilitator."""
    from netwerken.demo import DEMO_DEELNEMERS, deelnemers_laden

    call_command("demo", "--zonder-accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    User = get_user_model()
    for account in DEMO_DEELNEMERS:
        velden = {k: v for k, v in account.items() if k not in {"username", "uitleg"}}
        User.objects.create_user(account["username"], password="demo-wachtwoord-42", **velden)
    deelnemers_laden()
    return {"medewerker": medewerker, "lid": User.objects.get(username=DEMO_LID)}


def alle_modellen():
    return [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy]


def momentopname(*, zonder: frozenset[str] = frozenset()) -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a hash of every value of every row, ordered by pk."""
    resultaat = {}
    for model in alle_modellen():
        tabel = model._meta.db_table
        if tabel in zonder or tabel in resultaat:
            continue
        velden = [f.attname for f in model._meta.concrete_fields]
        rijen = list(model._base_manager.order_by("pk").values_list(*velden))
        resultaat[tabel] = (len(rijen), hashlib.sha256(repr(rijen).encode()).hexdigest())
    return resultaat


def aantallen() -> dict[str, int]:
    """Rows per table (cheaper than a full snapshot). Without baz_teller: its rows are the
    rate limits' and form stamps' bookkeeping (baz/ratelimiet.py), which every POST moves."""
    tabellen = sorted({m._meta.db_table for m in alle_modellen()} - {"baz_teller"})
    with connection.cursor() as cursor:
        sql = " UNION ALL ".join(
            f"SELECT {i}, COUNT(*) FROM {connection.ops.quote_name(t)}"
            for i, t in enumerate(tabellen)
        )
        cursor.execute(sql)
        return {tabellen[i]: n for i, n in cursor.fetchall()}


def verschil(voor: dict, na: dict) -> dict:
    return {t: (voor.get(t), na.get(t)) for t in set(voor) | set(na) if voor.get(t) != na.get(t)}
