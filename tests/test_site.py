"""Site-wide checks: every public URL renders properly, and the plumbing URLs answer."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import maak_inspiratie

PUBLIEKE_URLS = [
    "/",
    "/over-baz/",
    "/werkmodellen/",
    "/werkmodellen/buddywerking/",
    "/inspiraties/",
    "/inspiraties/?werkmodel=buddywerking&provincie=antwerpen",
    "/inspiraties/klaverpost-test/",
    "/privacy/",
    "/toegankelijkheid/",
    "/account/login/",
]


@pytest.fixture
def inhoud(werkmodellen):
    maak_inspiratie(titel="Klaverpost", slug="klaverpost-test", provincie="antwerpen")


@pytest.mark.parametrize("url", PUBLIEKE_URLS)
def test_elke_publieke_pagina_heeft_een_titel_een_h1_en_nederlands(bezoeker, inhoud, url):
    antwoord = bezoeker.get(url)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert '<html lang="nl">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    titel = re.search(r"<title>(.+?)</title>", html, re.S)
    assert titel and "BurgersAanZet" in titel.group(1)


def test_geen_ontbrekende_migraties(db):
    uitvoer = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=uitvoer)
    assert "No changes detected" in uitvoer.getvalue()


def test_healthz_controleert_de_database(bezoeker, db):
    antwoord = bezoeker.get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "mail": {"status": "ok", "oudste_wachtend_seconden": None, "mislukt": 0},
    }


def test_robots_verwijst_naar_de_sitemap_en_sluit_beheer_uit(bezoeker, db):
    tekst = bezoeker.get("/robots.txt").content.decode()
    assert "Disallow: /beheer/" in tekst
    assert "Sitemap: http://testserver/sitemap.xml" in tekst


def test_sitemap_bevat_alleen_gepubliceerde_inspiraties(bezoeker, werkmodellen):
    maak_inspiratie(titel="Zichtbaar", slug="zichtbaar")
    maak_inspiratie(titel="Concept", slug="geheim-concept", status="concept")
    xml = "".join(  # the index (/sitemap.xml) names a section per kind: tests/test_sitemap.py
        bezoeker.get(f"/sitemap-{sectie}.xml").content.decode()
        for sectie in ("inspiraties", "werkmodellen")
    )
    assert "/inspiraties/zichtbaar/" in xml
    assert "geheim-concept" not in xml
    assert "/werkmodellen/community-building/" in xml


def test_atom_feed_van_nieuwe_inspiraties(bezoeker, werkmodellen):
    maak_inspiratie(titel="Kom voor de soep", slug="kom-voor-de-soep")
    maak_inspiratie(titel="Nog niet klaar", slug="nog-niet-klaar", status="review")
    antwoord = bezoeker.get(reverse("inspiraties-feed"))
    assert antwoord["Content-Type"].startswith("application/atom+xml")
    xml = antwoord.content.decode()
    assert "<title>Kom voor de soep</title>" in xml
    assert "Nog niet klaar" not in xml
    assert '<category term="Buddywerking"' in xml


def test_security_txt(bezoeker, db):
    tekst = bezoeker.get("/.well-known/security.txt").content.decode()
    assert tekst.startswith("Contact: mailto:")
    assert "Expires:" in tekst


def test_onbekende_pagina_geeft_een_nederlandse_404(bezoeker, db):
    antwoord = bezoeker.get("/bestaat-niet/")
    assert antwoord.status_code == 404
    assert "Deze pagina bestaat niet" in antwoord.content.decode()


def test_csp_zonder_unsafe_inline_voor_scripts(bezoeker, db):
    csp = bezoeker.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "base-uri 'none'" in csp


def test_favicon_ico_verwijst_naar_het_icoon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].startswith("/static/img/favicon")
    assert response["Location"].endswith(".svg")
