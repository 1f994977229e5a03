"""Redis unreachable: the cache backend (baz/cache.py) turns it into cache misses, fast, and says
so once; the site answers every page and form without it. Real sockets, no mocks: the cache
points at a port nobody listens on, or at a redis-server this test starts and stops."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches

from baz.cache import ZachteRedisCache
from baz.spamwering import tijdstempel


def gesloten_poort() -> int:
    """A port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def zachte_cache(poort: int, **opties) -> ZachteRedisCache:
    return ZachteRedisCache(f"redis://127.0.0.1:{poort}/0", {"OPTIONS": opties})


def test_onbereikbare_redis_is_een_lege_cache():
    cache = zachte_cache(gesloten_poort())
    assert cache.get("x") is None
    assert cache.get("x", "standaard") == "standaard"
    cache.set("x", 1)
    assert cache.add("x", 1) is False
    assert cache.delete("x") is False
    assert cache.get_many(["x", "y"]) == {}
    assert cache.has_key("x") is False
    assert cache.touch("x") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    cache.delete_many(["a", "b"])
    assert cache.get_or_set("x", "berekend") == "berekend"
    with pytest.raises(ValueError):
        cache.incr("x")
    assert cache.clear() is False
    assert cache.bereikbaar() is False


def test_de_stroomonderbreker_spaart_elke_oproep_een_verbinding_en_meldt_het_eenmaal(caplog):
    cache = zachte_cache(gesloten_poort())
    begin = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="baz.cache"):
        for i in range(2000):
            cache.get(f"sleutel-{i}")
            cache.set(f"sleutel-{i}", i)
    assert time.monotonic() - begin < 1.0
    meldingen = [r for r in caplog.records if r.name == "baz.cache"]
    assert len(meldingen) == 1
    assert "onbereikbaar" in meldingen[0].getMessage()
    assert cache.breker.is_open


@pytest.mark.redis
@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server ontbreekt")
def test_na_de_pauze_komt_een_herstelde_redis_terug_en_dat_wordt_gemeld(caplog):
    poort = gesloten_poort()
    cache = zachte_cache(poort, pauze=0.2)
    with caplog.at_level(logging.WARNING, logger="baz.cache"):
        cache.set("a", 1)
        assert cache.get("a") is None
        server = subprocess.Popen(
            ["redis-server", "--port", str(poort), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", poort), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            time.sleep(0.25)  # the breaker's pause
            cache.set("a", 1)
            assert cache.get("a") == 1
            assert cache.bereikbaar()
        finally:
            server.terminate()
            server.wait(timeout=10)
        assert cache.get("a") is None  # gone again: a miss, not an error
    berichten = [r.getMessage() for r in caplog.records if r.name == "baz.cache"]
    assert len(berichten) == 3, berichten  # down, back, down again: one line each
    assert "onbereikbaar" in berichten[0]
    assert "weer bereikbaar" in berichten[1]
    assert "onbereikbaar" in berichten[2]


@pytest.fixture
def redis_weg(settings):
    """The site's cache is Redis at a closed port, as in production with Redis down."""
    settings.CACHES = {
        "default": {
            "BACKEND": "baz.cache.ZachteRedisCache",
            "LOCATION": f"redis://127.0.0.1:{gesloten_poort()}/0",
        }
    }
    yield caches["default"]


@pytest.mark.django_db
def test_zonder_redis_antwoordt_elke_pagina_en_werken_de_formulieren(
    redis_weg, client, werkmodellen, gemeenten
):
    from tests.factories import maak_inspiratie
    from tests.workshops.conftest import maak_sessie, maak_workshop
    from workshops.models import Inschrijving

    inspiratie = maak_inspiratie(titel="Klaverpost", slug="klaverpost")
    sessie = maak_sessie(maak_workshop())
    for url in ["/", "/inspiraties/", "/inspiraties/?werkmodel=buddywerking", "/account/login/"]:
        assert client.get(url).status_code == 200, url
        assert client.get(url).status_code == 200, url  # the second time as well: no copy
    assert client.get(inspiratie.get_absolute_url()).status_code == 200
    antwoord = client.post(
        sessie.get_absolute_url(),
        {"naam": "Lien", "email": "lien@example.org", "website": "", "geladen": tijdstempel(30)},
    )
    assert antwoord.status_code == 302
    assert Inschrijving.objects.filter(email="lien@example.org").exists()
    reset = client.post(
        "/account/wachtwoord/vergeten/",
        {"email": "an@example.org", "website": "", "geladen": tijdstempel(30)},
    )
    assert reset.status_code == 302
    login = client.post("/account/login/", {"username": "an", "password": "fout"})
    assert login.status_code == 400  # a form with errors, as everywhere
    assert client.get("/healthz").json()["cache"] == "onbereikbaar"
