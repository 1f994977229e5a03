"""Fault test with the real parts: Redis unreachable under production settings.

Two gunicorn servers (two workers each) on a PostgreSQL database of their own, with REDIS_URL
pointing at a port nobody listens on. From the outside: every page of the site walk (from / and
the sitemap, as tests/beveiliging/test_crawl.py walks it) answers below 500, twice (the second
time no copy can come from the cache either); the public forms (login, workshop sign-up and
request, interest, password reset) work; the login cool-off refuses the sixth wrong password for
an account whose attempts went to different servers and workers; /healthz answers 200 and names
the cache as degraded.
"""

import json
import re
import statistics
import time
from collections import deque

import pytest

from tests.beveiliging.test_crawl import MAX_PAGINAS, OVERSLAAN, links_uit
from tests.fouten.processen import (
    Client,
    database_url,
    django_uitvoeren,
    eigen_database,
    gunicorn_starten,
    omgeving,
    processen,
    vrije_poort,
)

pytestmark = pytest.mark.postgres

MAX_VARIANTEN = 4  # pages that differ only in their query string, per path
TE_VEEL = "Te veel mislukte pogingen"

DEMO = """
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from workshops.models import Sessie, Workshop
import io

call_command("demo", "--zonder-accounts", stdout=io.StringIO())
get_user_model().objects.create_user("an", "an@example.org", "geheim-wachtwoord-42")
sessie = Sessie.objects.filter(
    openbaar=True, workshop__gepubliceerd=True, begint_op__gt=timezone.now(),
    geannuleerd_op__isnull=True,
).order_by("begint_op").first()
uitkomst["sessie"] = sessie.get_absolute_url()
workshop = Workshop.objects.gepubliceerd().order_by("pk").first()
uitkomst["aanvraag"] = reverse("workshop-aanvragen", args=[workshop.slug])
"""


class _Antwoord:
    """What tests/beveiliging/test_crawl.py's links_uit() reads of a response."""

    def __init__(self, antwoord):
        self.content = antwoord.tekst.encode()
        self._headers = antwoord.headers

    def get(self, naam, standaard=None):
        return self._headers.get(naam.lower(), standaard)


def _eigen_pad(basis: str, href: str, adres: str) -> str | None:
    from urllib.parse import urljoin, urlsplit

    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    absoluut = urlsplit(urljoin(adres + basis, href))
    if absoluut.netloc not in {urlsplit(adres).netloc, "127.0.0.1"}:
        return None
    pad = absoluut.path or "/"
    if pad.startswith((*OVERSLAAN, "/beheer/")):
        return None
    return pad + (f"?{absoluut.query}" if absoluut.query else "")


def site_wandeling(client: Client, adres: str) -> dict[str, tuple[int, float]]:
    """{path: (status, seconds)} for every page reached from / and /sitemap.xml."""
    bezocht: dict[str, tuple[int, float]] = {}
    varianten: dict[str, int] = {}
    wachtrij = deque(["/", "/sitemap.xml"])
    gezien = set(wachtrij)
    while wachtrij:
        pad = wachtrij.popleft()
        assert len(bezocht) < MAX_PAGINAS
        antwoord = client.get(pad)
        bezocht[pad] = (antwoord.status, antwoord.duur)
        if 300 <= antwoord.status < 400:
            links = [antwoord.headers.get("location", "")]
        elif antwoord.status < 300:
            links = links_uit(_Antwoord(antwoord))
        else:
            links = []
        for href in links:
            doel = _eigen_pad(pad, href, adres)
            if doel is None or doel in gezien:
                continue
            kaal = doel.split("?")[0]
            if "?" in doel:
                if varianten.get(kaal, 0) >= MAX_VARIANTEN:
                    continue
                varianten[kaal] = varianten.get(kaal, 0) + 1
            gezien.add(doel)
            wachtrij.append(doel)
    return bezocht


def verborgen_velden(html: str) -> dict[str, str]:
    return dict(re.findall(r'name="(csrfmiddlewaretoken|geladen|sleutel)" value="([^"]*)"', html))


def formulier_openen(client: Client, pad: str) -> tuple[dict[str, str], str]:
    antwoord = client.get(pad)
    assert antwoord.status == 200, (pad, antwoord.status)
    return verborgen_velden(antwoord.tekst), antwoord.tekst


def test_zonder_redis_geen_5xx_en_de_afkoeling_houdt_over_servers_heen(request, tmp_path):
    gesloten = vrije_poort()  # bound and released: nobody listens there
    with eigen_database(request.node.name) as db, processen(tmp_path) as starten:
        env = omgeving(
            database_url(db), smtp_poort=vrije_poort(), REDIS_URL=f"redis://127.0.0.1:{gesloten}/0"
        )
        paden = django_uitvoeren(env, DEMO)
        servers = [gunicorn_starten(starten, env, workers=2) for _ in range(2)]
        a, b = (server.klaar() for server in servers)

        # 1. Every page of the site walk, twice.
        eerste = site_wandeling(Client(a), a)
        tweede = site_wandeling(Client(b), b)
        fouten = {p: s for p, (s, _d) in {**eerste, **tweede}.items() if s >= 500}
        assert not fouten, fouten
        assert len(eerste) > 50 and set(eerste) == set(tweede)
        duur = [d for _s, d in [*eerste.values(), *tweede.values()]]

        # 2. The public forms, each from an address of its own; their stamps must be 3 s old.
        formulieren: list[tuple[str, str, Client, dict]] = []

        def openen(naam: str, server: str, pad: str, bron: str, velden: dict) -> str:
            client = Client(server, bron=bron)
            verborgen, html = formulier_openen(client, pad)
            formulieren.append((naam, pad, client, {**verborgen, "website": "", **velden}))
            return html

        aanvraag_html = openen(
            "workshopaanvraag", a, paden["aanvraag"], "127.0.0.21", {}
        )  # the fields below need its options
        gemeente = re.search(r'<option value="(\d+)"', aanvraag_html).group(1)
        formaat = re.search(r'name="formaat" value="([^"]+)"', aanvraag_html).group(1)
        vandaag = time.strftime("%Y")
        formulieren[-1][3].update(
            organisatie="Toneelkring De Planken",
            soort="toneel",
            gemeente=gemeente,
            contactpersoon="Sofie Peeters",
            email="sofie@deplanken.test",
            formaat=formaat,
            voorkeur_1=f"{int(vandaag) + 1}-03-01",
            voorkeur_2=f"{int(vandaag) + 1}-03-15",
            aantal_deelnemers="14",
            leervraag="Hoe maken we onze kring toegankelijker?",
            bron="partner",
        )
        openen(
            "inschrijving",
            b,
            paden["sessie"],
            "127.0.0.22",
            {"naam": "Lien Janssens", "email": "lien@example.test"},
        )
        openen(
            "interesse",
            a,
            "/netwerken/",
            "127.0.0.23",
            {
                "bestuur": "Gemeente Demodorp",
                "contactpersoon": "Karin Beleid",
                "email": "karin@demodorp.test",
                "vorm": "netwerk",
                "bericht": "We willen de tweede welzijnspijler uitbouwen.",
            },
        )
        openen(
            "wachtwoord vergeten",
            b,
            "/account/wachtwoord/vergeten/",
            "127.0.0.24",
            {"email": "an@example.org"},
        )
        openen(
            "aanmelden",
            a,
            "/account/login/",
            "127.0.0.25",
            {"username": "an", "password": "geheim-wachtwoord-42"},
        )
        time.sleep(3.1)
        verstuurd = {}
        for naam, pad, client, velden in formulieren:
            antwoord = client.post(pad, velden)
            verstuurd[naam] = antwoord.status
            assert antwoord.status == 302, (naam, antwoord.status, antwoord.tekst[:2000])
            volgend = client.get(antwoord.headers["location"])
            assert volgend.status == 200, (naam, antwoord.headers["location"], volgend.status)

        # 3. The cool-off, attempts spread over both servers (four workers), each attempt from
        # another address: the account's counter is shared.
        pogingen = []
        for i in range(7):
            server = (a, b)[i % 2]
            client = Client(server, bron=f"127.0.1.{i + 1}")
            verborgen, _html = formulier_openen(client, "/account/login/")
            wachtwoord = "geheim-wachtwoord-42" if i == 6 else f"fout-{i}"
            antwoord = client.post(
                "/account/login/", {**verborgen, "username": "an", "password": wachtwoord}
            )
            pogingen.append((antwoord.status, TE_VEEL in antwoord.tekst))
        assert pogingen[:5] == [(400, False)] * 5, pogingen  # wrong, checked
        assert pogingen[5] == (400, True), pogingen  # the sixth wrong one: refused
        assert pogingen[6] == (400, True), pogingen  # even the right password, for now

        # 4. /healthz on both: up, and the cache named as degraded.
        for server in (a, b):
            gezond = Client(server).get("/healthz")
            assert gezond.status == 200
            staat = json.loads(gezond.tekst)
            assert staat["status"] == "verminderd"
            assert staat["database"] == "ok"
            assert staat["cache"] == "onbereikbaar"
            assert "cache" in staat["verminderd"]

    print(
        f"\nRedis onbereikbaar: {len(eerste)} pagina's x 2 servers, "
        f"{len(verstuurd)} formulieren ({', '.join(verstuurd)}), {len(pogingen)} aanmeldpogingen; "
        f"5xx: {len(fouten)}; pagina's p50 {statistics.median(duur) * 1000:.0f} ms, "
        f"max {max(duur) * 1000:.0f} ms"
    )
