"""Personas for the netwerken tests: a member of the network, a member of another network, staff."""

import pytest

from tests.netwerken.factories import maak_bijeenkomst, maak_deelnemer, maak_netwerk


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    """PBKDF2 at full strength costs about a second per account; these tests make many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _lege_cache():
    """Login and form counters live in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def netwerk(db):
    return maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")


@pytest.fixture
def ander_netwerk(db):
    return maak_netwerk(naam="Lerend netwerk Waasland", slug="waasland")


@pytest.fixture
def deelnemer(netwerk):
    return maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")


@pytest.fixture
def collega(netwerk):
    """A second member of the same network."""
    return maak_deelnemer(netwerk, username="jef", first_name="Jef", last_name="Claes")


@pytest.fixture
def buitenstaander(ander_netwerk):
    """A member of another network."""
    return maak_deelnemer(ander_netwerk, username="bram", first_name="Bram", last_name="Buiten")


@pytest.fixture
def voorbij(netwerk):
    return maak_bijeenkomst(netwerk, dagen=-7, thema="Kennismaking")


@pytest.fixture
def komend(netwerk):
    return maak_bijeenkomst(netwerk, dagen=14, thema="De rol van het lokaal bestuur")


@pytest.fixture
def deelnemer_client(client, deelnemer):
    client.force_login(deelnemer.user)
    return client
