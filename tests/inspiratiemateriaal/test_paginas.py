"""The public pages /inspiratiemateriaal/, /inspiratiemateriaal/<slug>/ and its ondertitels.vtt.
Personas: `bezoeker`, and `medewerker` (staff preview concepts)."""

import re

import pytest

from inspiratiemateriaal import demo, views
from inspiratiemateriaal.bestanden import ondertitels_lezen
from inspiratiemateriaal.models import Materiaal

from .factories import ONDERTITELS, maak_materiaal

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanbod(werkmodellen, publieken):
    """One of each kind online, newest first within a kind, and two that are not online."""
    return {
        "screencast": maak_materiaal(
            titel="Screencast buurtpunt",
            werkmodellen=("community-building",),
            publieken=("burgers",),
        ),
        "publicatie": maak_materiaal(
            soort="publicatie",
            titel="Verhalenbundel",
            werkmodellen=("vrijwillig-engagement", "persoonlijk-netwerk"),
            publieken=("verenigingen", "burgers"),
        ),
        "tool": maak_materiaal(
            soort="tool",
            titel="Zelfreflectie",
            werkmodellen=("vrijwillig-engagement",),
            publieken=("verenigingen",),
            dagen_geleden=2,
        ),
        "tool_nieuw": maak_materiaal(
            soort="tool", titel="Nieuwe checklist", tool_pdf=True, publieken=("lokale-besturen",)
        ),
        "concept": maak_materiaal(titel="Geheim concept", status="concept"),
        "archief": maak_materiaal(soort="publicatie", titel="Oud archief", status="gearchiveerd"),
    }


def titels(antwoord) -> list[str]:
    assert antwoord.status_code == 200
    return [m.titel for m in antwoord.context["pagina"].object_list]


def meldingen(antwoord) -> list[str]:
    return antwoord.context["meldingen"]


def test_alleen_gepubliceerd_materiaal_per_soort(bezoeker, aanbod):
    antwoord = bezoeker.get("/inspiratiemateriaal/")
    assert titels(antwoord) == [
        "Screencast buurtpunt",
        "Verhalenbundel",
        "Nieuwe checklist",
        "Zelfreflectie",
    ]
    html = antwoord.content.decode()
    koppen = re.findall(r'<h3 class="materiaal__soort">([^<]+)</h3>', html)
    assert koppen == ["Screencasts", "Publicaties", "Tools"]
    assert "Geheim concept" not in html and "Oud archief" not in html
    assert "4 items" in html
    # What a card says about its download.
    assert "PDF, " in html and "2 pagina's" in html
    assert "link naar een andere website" in html
    assert meldingen(antwoord) == []


@pytest.mark.parametrize(
    ("zoek", "verwacht"),
    [
        ("soort=tool", ["Nieuwe checklist", "Zelfreflectie"]),
        ("soort=screencast&soort=publicatie", ["Screencast buurtpunt", "Verhalenbundel"]),
        ("werkmodel=vrijwillig-engagement", ["Verhalenbundel", "Zelfreflectie"]),
        # Both of the bundle's werkmodellen chosen: it is listed once.
        (
            "werkmodel=vrijwillig-engagement&werkmodel=persoonlijk-netwerk",
            ["Verhalenbundel", "Zelfreflectie"],
        ),
        ("voor=burgers", ["Screencast buurtpunt", "Verhalenbundel"]),
        (
            "voor=burgers&voor=verenigingen",
            ["Screencast buurtpunt", "Verhalenbundel", "Zelfreflectie"],
        ),
        ("voor=burgers&voor=burgers", ["Screencast buurtpunt", "Verhalenbundel"]),
        ("soort=tool&voor=verenigingen", ["Zelfreflectie"]),
        ("soort=publicatie&werkmodel=vrijwillig-engagement&voor=burgers", ["Verhalenbundel"]),
        ("soort=screencast&werkmodel=buddywerking", []),
    ],
)
def test_filters_alleen_en_samen(bezoeker, aanbod, zoek, verwacht):
    antwoord = bezoeker.get(f"/inspiratiemateriaal/?{zoek}")
    assert titels(antwoord) == verwacht
    assert meldingen(antwoord) == []
    html = antwoord.content.decode()
    assert "Alle filters wissen" in html
    # The chosen boxes stay ticked.
    for naam, waarde in (deel.split("=") for deel in zoek.split("&")):
        assert re.search(rf'name="{naam}" value="{waarde}" id="[^"]+" checked', html)
    if not verwacht:
        assert "Er is geen materiaal met deze filters." in html


def test_onbekende_waarden_geven_een_melding(bezoeker, aanbod):
    antwoord = bezoeker.get(
        "/inspiratiemateriaal/?soort=video&werkmodel=zevende-model&voor=<b>iedereen</b>&soort=tool"
    )
    assert titels(antwoord) == ["Nieuwe checklist", "Zelfreflectie"]
    assert meldingen(antwoord) == [
        "Er bestaat geen soort “video”; we tonen alles zonder die filter.",
        "Er bestaat geen werkmodel “zevende-model”; we tonen alles zonder die filter.",
        "Er bestaat geen publiek “<b>iedereen</b>”; we tonen alles zonder die filter.",
    ]
    html = antwoord.content.decode()
    assert "&lt;b&gt;iedereen&lt;/b&gt;" in html and "<b>iedereen</b>" not in html


@pytest.mark.parametrize(
    ("pagina", "nummer", "melding"),
    [
        ("1", 1, None),
        ("2", 2, None),
        ("abc", 1, "Die pagina bestaat niet; we tonen pagina 1."),
        ("999", 2, "Die pagina bestaat niet; we tonen pagina 2."),
        ("-1", 2, "Die pagina bestaat niet; we tonen pagina 2."),
        ("", 1, None),
    ],
)
def test_paginering_en_een_pagina_die_niet_bestaat(
    bezoeker, aanbod, monkeypatch, pagina, nummer, melding
):
    monkeypatch.setattr(views, "PER_PAGINA", 3)
    antwoord = bezoeker.get(f"/inspiratiemateriaal/?pagina={pagina}")
    assert antwoord.status_code == 200
    assert antwoord.context["pagina"].number == nummer
    assert meldingen(antwoord) == ([melding] if melding else [])


@pytest.mark.parametrize("aantal", [3, 30])
def test_de_lijst_in_een_vast_aantal_queries(
    bezoeker, werkmodellen, publieken, django_assert_num_queries, aantal
):
    for nummer in range(aantal):
        maak_materiaal(
            soort=["screencast", "publicatie", "tool"][nummer % 3],
            werkmodellen=("buddywerking", "community-building"),
            publieken=("burgers", "verenigingen"),
        )
    # The werkmodel and publiek options, the count, the page, and one prefetch each for the
    # cards' werkmodellen and publieken: no query per card for its labels and "Voor ..." line
    # (the N+1 of {{ materiaal.werkmodellen.all }} inside the loop).
    with django_assert_num_queries(6):
        antwoord = bezoeker.get("/inspiratiemateriaal/?voor=burgers&werkmodel=buddywerking")
    assert len(titels(antwoord)) == min(aantal, views.PER_PAGINA)
    assert antwoord.content.decode().count("Buddywerking</span>") == min(aantal, views.PER_PAGINA)


# Detail pages


def test_een_screencast_met_ondertitels_en_transcript(bezoeker, aanbod):
    screencast = aanbod["screencast"]
    antwoord = bezoeker.get(f"/inspiratiemateriaal/{screencast.slug}/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert f'<source src="{screencast.bestand.url}" type="video/webm">' in html
    assert f'width="{demo.BREEDTE}" height="{demo.HOOGTE}"' in html
    track = re.search(r"<track [^>]+>", html).group(0)
    assert 'kind="captions"' in track and 'srclang="nl"' in track
    assert f'src="/inspiratiemateriaal/{screencast.slug}/ondertitels.vtt"' in track
    assert 'aria-labelledby="transcript-kop"' in html
    assert "Welkom bij BAZ &amp; co." in html  # the transcript, escaped once
    assert "Duur: 6 s." in html
    assert "Download de ondertitels" in html
    assert "Dit materiaal is niet publiek" not in html


def test_een_publicatie_met_pdf_en_samenvatting_als_html(bezoeker, aanbod):
    publicatie = aanbod["publicatie"]
    html = bezoeker.get(publicatie.get_absolute_url()).content.decode()
    assert f'href="{publicatie.bestand.url}" download' in html
    grootte = re.search(r"\(PDF, ([\d,]+)\xa0KB, 2 pagina's\)", html)
    assert grootte, "the download says PDF, its size and its pages"
    assert "<h3>Wat staat erin</h3>" in html  # its "##" one level under the page's <h2>
    assert "<strong>deelnemen</strong>" in html
    assert "<video" not in html and "<track" not in html
    assert "Verenigingen, Burgers" in html or "Burgers, Verenigingen" in html


def test_de_samenvatting_laat_geen_script_door(bezoeker, publieken):
    publicatie = maak_materiaal(
        soort="publicatie",
        samenvatting="## Kop\n\n<script>alert(1)</script> [x](javascript:alert(1))",
    )
    html = bezoeker.get(publicatie.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html


def test_een_tool_met_een_link(bezoeker, aanbod):
    html = bezoeker.get(aanbod["tool"].get_absolute_url()).content.decode()
    link = re.search(r'<a class="knop" href="https://example.org/tool"[^>]*>', html).group(0)
    assert 'rel="noopener noreferrer"' in link
    assert "(andere website)" in html


def test_een_tool_met_een_pdf(bezoeker, aanbod):
    html = bezoeker.get(aanbod["tool_nieuw"].get_absolute_url()).content.decode()
    assert "Download “Nieuwe checklist”" in html
    assert "(PDF, " in html


@pytest.mark.parametrize("sleutel", ["concept", "archief"])
def test_niet_publiek_materiaal_alleen_voor_medewerkers(
    bezoeker, medewerker, aanbod, sleutel, client
):
    materiaal = aanbod[sleutel]
    assert bezoeker.get(materiaal.get_absolute_url()).status_code == 404
    client.force_login(medewerker)
    antwoord = client.get(materiaal.get_absolute_url())
    assert antwoord.status_code == 200
    status = materiaal.get_status_display().lower()
    assert (
        f"Dit materiaal is niet publiek ({status}): alleen medewerkers zien deze pagina."
        in antwoord.content.decode()
    )
    assert "no-store" in antwoord["Cache-Control"] and "private" in antwoord["Cache-Control"]


def test_onbekend_materiaal_is_404(bezoeker, publieken):
    assert bezoeker.get("/inspiratiemateriaal/bestaat-niet/").status_code == 404
    assert bezoeker.get("/inspiratiemateriaal/bestaat-niet/ondertitels.vtt").status_code == 404


# The captions file


def test_de_ondertitels_als_webvtt(bezoeker, aanbod):
    antwoord = bezoeker.get(f"/inspiratiemateriaal/{aanbod['screencast'].slug}/ondertitels.vtt")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/vtt; charset=utf-8"
    assert antwoord.content.decode() == ONDERTITELS
    assert "public" in antwoord["Cache-Control"]


def test_geen_ondertitels_of_niet_publiek_is_404(bezoeker, medewerker, aanbod, client):
    assert (
        bezoeker.get(f"/inspiratiemateriaal/{aanbod['tool'].slug}/ondertitels.vtt").status_code
        == 404
    )
    verborgen = f"/inspiratiemateriaal/{aanbod['concept'].slug}/ondertitels.vtt"
    assert bezoeker.get(verborgen).status_code == 404
    client.force_login(medewerker)
    antwoord = client.get(verborgen)
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]


def test_elke_gepubliceerde_screencast_heeft_ondertitels_en_transcript(
    bezoeker, aanbod, werkmodellen
):
    demo.materiaal_laden()
    screencasts = Materiaal.objects.gepubliceerd().filter(soort="screencast")
    assert screencasts.count() == 3
    for screencast in screencasts:
        assert ondertitels_lezen(screencast.ondertitels)
        assert screencast.transcript.strip()
        html = bezoeker.get(screencast.get_absolute_url()).content.decode()
        assert '<track kind="captions"' in html, screencast.slug
        assert 'id="transcript-kop"' in html, screencast.slug
        vtt = bezoeker.get(f"/inspiratiemateriaal/{screencast.slug}/ondertitels.vtt")
        assert vtt.status_code == 200 and vtt.content.decode().startswith("WEBVTT")
