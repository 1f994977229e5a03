"""Shared test setup: personas, factories and the rules for PostgreSQL- and browser-only tests.

- Tests marked `postgres` need PostgreSQL: on SQLite they are deselected (not skipped) with a
  note; CI runs the suite a second time on PostgreSQL, where they run.
- Tests marked `browser` drive Debian's Chromium (/usr/bin/chromium). Without it they are
  deselected outside CI with a note; in CI (CI=true) a missing Chromium fails the run.
"""

import importlib
import os
import shutil
import socket
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
NIET_GEDRAAID: list[str] = []


def pytest_collection_modifyitems(config, items):
    from django.conf import settings

    op_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    heeft_chromium = Path(CHROMIUM).exists()
    heeft_redis = _redis_bereikbaar()
    gedraaid, weg = [], []
    for item in items:
        if item.get_closest_marker("postgres") and not op_postgres:
            weg.append(item)
        elif item.get_closest_marker("redis") and not heeft_redis:
            if IN_CI:
                raise pytest.UsageError("CI needs Redis at 127.0.0.1:6379.")
            weg.append(item)
        elif item.get_closest_marker("browser") and not heeft_chromium:
            if IN_CI:
                raise pytest.UsageError(f"CI needs {CHROMIUM} for the browser tests.")
            weg.append(item)
        else:
            gedraaid.append(item)
    if weg:
        config.hook.pytest_deselected(items=weg)
        items[:] = gedraaid
        pg = sum(1 for i in weg if i.get_closest_marker("postgres"))
        rd = sum(
            1 for i in weg if i.get_closest_marker("redis") and not i.get_closest_marker("postgres")
        )
        br = len(weg) - pg - rd
        if pg:
            NIET_GEDRAAID.append(
                f"{pg} PostgreSQL-tests niet gedraaid (database is SQLite; "
                "zet DATABASE_URL=postgres://... om ze te draaien)."
            )
        if rd:
            NIET_GEDRAAID.append(f"{rd} Redis-tests niet gedraaid (geen Redis op 127.0.0.1:6379).")
        if br:
            NIET_GEDRAAID.append(f"{br} browsertests niet gedraaid ({CHROMIUM} ontbreekt).")


def _redis_bereikbaar() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def pytest_terminal_summary(terminalreporter):
    for regel in NIET_GEDRAAID:
        terminalreporter.write_line(f"NIET GEDRAAID: {regel}", yellow=True, bold=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BEWAARDE_UPLOADS_MAP = tmp_path / "bewaarde-uploads"


@pytest.fixture(autouse=True)
def _wislog_in_tmp(settings, tmp_path):
    settings.WISLOG_PAD = tmp_path / "wislog.jsonl"


@pytest.fixture(autouse=True)
def _lege_cache():
    """Each test starts with empty caches: Django's (page and facet caches, rate limits), the
    catalogue index and the content-type cache (a transactional test's flush gives content
    types new ids)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    from inspiraties import index

    cache.clear()
    ContentType.objects.clear_cache()
    # A rolled-back test leaves the catalogue version's token as it found it: the next test's
    # different data must not meet this process's index of that token.
    index.vergeten()
    yield
    cache.clear()
    index.vergeten()


@pytest.fixture(autouse=True)
def _zonder_tweede_factor(settings):
    """Staff fixtures log in with force_login; tests/beveiliging/test_tweestaps.py turns the
    second factor on (as production has it) and logs in the way staff do."""
    settings.BEHEER_TWEESTAPS = False


@pytest.fixture(autouse=True)
def _geen_tijdval(settings):
    """Tests submit forms at once; the time trap has its own tests, which set this back."""
    settings.FORMULIER_MIN_INVULTIJD = 0


@pytest.fixture
def werkmodellen(db):
    """The six werkmodellen (a data migration; recreated after a transactional test flushed)."""
    from inspiraties.models import Werkmodel

    migratie = importlib.import_module("inspiraties.migrations.0003_werkmodellen")
    for rij in migratie.WERKMODELLEN:
        Werkmodel.objects.update_or_create(slug=rij["slug"], defaults=rij)
    return {w.slug: w for w in Werkmodel.objects.all()}


@pytest.fixture
def gemeenten(db):
    from baz.gemeenten import gemeenten_laden
    from baz.models import Gemeente

    if not Gemeente.objects.exists():
        gemeenten_laden(Gemeente)
    return {g.naam: g for g in Gemeente.objects.all()}


@pytest.fixture
def medewerker(db, django_user_model):
    return django_user_model.objects.create_user(
        "medewerker",
        "medewerker@example.org",
        "geheim-wachtwoord-42",
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def redacteur(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "redacteur", "redacteur@example.org", "geheim-wachtwoord-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redactie"))
    return user


@pytest.fixture
def bezoeker(client):
    return client


@pytest.fixture
def medewerker_client(client, medewerker):
    client.force_login(medewerker)
    return client


@pytest.fixture
def chromium_pad():
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists()
    return CHROMIUM


def pytest_collection_finish(session):
    """No test module may resolve URLs while it is collected: the URLconf would be built with
    the development settings (DEBUG on, with its /media/ route) before pytest-django turns
    DEBUG off, and tests that walk every URL would see a site that production does not have."""
    import sys

    if "baz.urls" in sys.modules:
        raise pytest.UsageError(
            "baz.urls was imported while collecting tests: reverse() or resolve() at module "
            "level (e.g. in a parametrize list). Pass URL names and reverse them in the test."
        )
