"""Two app servers (gunicorn) on one PostgreSQL database and one Redis: the platform is
stateless per server. A login made through one is valid through the other, and a publication
through one shows through the other at once."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from inspiraties.models import Inspiratie
from tests.factories import maak_inspiratie

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parent.parent


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def twee_servers():
    instellingen = connection.settings_dict
    database_url = "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
        **{**instellingen, "PORT": instellingen["PORT"] or 5432}
    )
    omgeving = {
        k: v for k, v in os.environ.items() if k not in {"BAZ_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    omgeving.update(
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="meerdere-servers-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL="redis://127.0.0.1:6379/15",
        CACHE_KEY_PREFIX=f"test-{os.getpid()}",
        EMAIL_BACKEND_KIND="console",
        LOG_LEVEL="WARNING",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT, env=omgeving, check=True,
    )  # fmt: skip
    poorten = [vrije_poort(), vrije_poort()]
    servers = [
        subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "baz.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{poort}",
                "--no-control-socket",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=omgeving,
        )
        for poort in poorten
    ]
    adressen = [f"http://127.0.0.1:{poort}" for poort in poorten]
    try:
        for adres in adressen:
            for _ in range(150):
                try:
                    urllib.request.urlopen(adres + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail(f"{adres} kwam niet op")
        yield adressen
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


class Browser:
    """A cookie-keeping HTTP client; cookies count for 127.0.0.1 on every port, like a browser."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=10) as antwoord:
            return antwoord.read().decode()

    def post(self, url: str, data: dict) -> str:
        formulier = self.get(url) if not data.pop("_geen_get", False) else ""
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulier)
        if token:
            data.setdefault("csrfmiddlewaretoken", token.group(1))
        verzoek = urllib.request.Request(
            url, data=urllib.parse.urlencode(data, doseq=True).encode(), headers={"Referer": url}
        )
        with self.opener.open(verzoek, timeout=10) as antwoord:
            return antwoord.read().decode()


def medewerker_aanmelden(browser: Browser, server: str, medewerker) -> None:
    """Password, then the authenticator code (production has the second factor on)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.beveiliging.test_tweestaps import code

    apparaat = TOTPDevice.objects.create(user=medewerker, name="Telefoon", confirmed=True)
    browser.post(
        server + "/account/login/", {"username": "medewerker", "password": "geheim-wachtwoord-42"}
    )
    browser.post(server + "/account/tweestaps/", {"code": code(apparaat)})


def test_aanmelden_via_de_ene_server_geldt_op_de_andere(twee_servers, medewerker):
    a, b = twee_servers
    browser = Browser()
    browser.post(
        a + "/account/login/", {"username": "medewerker", "password": "geheim-wachtwoord-42"}
    )
    assert "Afmelden" in browser.get(b + "/")
    assert "Persoonsgegevens opzoeken" not in browser.get(b + "/beheer/"), "no code yet"
    medewerker_aanmelden(browser, a, medewerker)
    assert "Persoonsgegevens opzoeken" in browser.get(b + "/beheer/")


def test_een_publicatie_via_de_ene_server_is_meteen_zichtbaar_op_de_andere(
    twee_servers, medewerker, werkmodellen
):
    a, b = twee_servers
    bezoeker = Browser()
    concept = maak_inspiratie(titel="Verhaal over twee servers", status="concept")
    assert "Verhaal over twee servers" not in bezoeker.get(b + "/inspiraties/")
    assert "Verhaal over twee servers" not in bezoeker.get(b + "/inspiraties/")  # now cached

    beheer = Browser()
    medewerker_aanmelden(beheer, a, medewerker)
    beheer.post(
        a + "/beheer/inspiraties/inspiratie/",
        {"action": "publiceren", "_selected_action": [concept.pk], "index": 0},
    )
    assert Inspiratie.objects.get(pk=concept.pk).status == "gepubliceerd"
    begin = time.monotonic()
    assert "Verhaal over twee servers" in bezoeker.get(b + "/inspiraties/")
    assert time.monotonic() - begin < 2


def test_plaatsen_blijven_exact_als_inschrijvingen_over_beide_servers_verdeeld_zijn(
    twee_servers, werkmodellen
):
    from concurrent.futures import ThreadPoolExecutor

    from tests.workshops.conftest import maak_sessie, maak_workshop
    from workshops.models import Inschrijving

    sessie = maak_sessie(maak_workshop(), capaciteit=8)
    pad = sessie.get_absolute_url()
    deelnemers = []
    for nummer in range(24):
        browser, server = Browser(), twee_servers[nummer % 2]
        formulier = browser.get(server + pad)
        velden = dict(
            re.findall(r'name="(csrfmiddlewaretoken|geladen|sleutel)" value="([^"]+)"', formulier)
        )
        deelnemers.append((browser, server, velden, nummer))
    time.sleep(3.2)  # the forms' time trap: a human takes a few seconds to fill them in

    def inschrijven(deelnemer) -> str:
        browser, server, velden, nummer = deelnemer
        data = {
            **velden,
            "naam": f"Deelnemer {nummer}",
            "email": f"d{nummer}@example.org",
            "_geen_get": True,
        }
        return browser.post(server + pad, data)

    with ThreadPoolExecutor(max_workers=12) as pool:
        antwoorden = list(pool.map(inschrijven, deelnemers))

    assert all("je bent ingeschreven" in a or "wachtlijst" in a for a in antwoorden)
    statussen = list(Inschrijving.objects.filter(sessie=sessie).values_list("status", flat=True))
    assert len(statussen) == 24
    assert statussen.count("bevestigd") == 8
    assert statussen.count("wachtlijst") == 16
