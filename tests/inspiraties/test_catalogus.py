"""The catalogue /inspiraties/: filters, facet counts, sorting, pagination and bad input."""

import re

import pytest
from django.db import connection

from tests.factories import maak_inspiratie


@pytest.fixture
def catalogus(werkmodellen):
    """A small catalogue whose facet counts can be checked by hand."""
    return {
        "a": maak_inspiratie(
            titel="Alfa buurtsoep",
            werkmodellen=("buddywerking",),
            provincie="antwerpen",
            themas=("eenzaamheid",),
            doelgroepen=("ouderen",),
            dagen_geleden=1,
        ),
        "b": maak_inspiratie(
            titel="Bravo buddy's",
            werkmodellen=("buddywerking", "community-building"),
            provincie="limburg",
            themas=("eenzaamheid", "armoede"),
            doelgroepen=("jongeren",),
            dagen_geleden=2,
        ),
        "c": maak_inspiratie(
            titel="Charlie lotgenoten",
            werkmodellen=("lotgenotennetwerk",),
            provincie="antwerpen",
            themas=("rouw",),
            dagen_geleden=3,
        ),
        "concept": maak_inspiratie(
            titel="Delta concept", werkmodellen=("buddywerking",), status="concept"
        ),
    }


def titels(antwoord) -> list[str]:
    return [i.titel for i in antwoord.context["catalogus"].pagina.object_list]


def facet(antwoord, naam: str) -> dict[str, int]:
    catalogus = antwoord.context["catalogus"]
    return {o.waarde: o.aantal for f in catalogus.facetten if f.naam == naam for o in f.opties}


def test_zonder_filters_alle_gepubliceerde_nieuwste_eerst(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/")
    assert titels(antwoord) == ["Alfa buurtsoep", "Bravo buddy's", "Charlie lotgenoten"]
    assert antwoord.context["catalogus"].aantal == 3


def test_of_binnen_een_filter_en_tussen_filters(bezoeker, catalogus):
    of = bezoeker.get("/inspiraties/?werkmodel=buddywerking&werkmodel=lotgenotennetwerk")
    assert titels(of) == ["Alfa buurtsoep", "Bravo buddy's", "Charlie lotgenoten"]
    en = bezoeker.get("/inspiraties/?werkmodel=buddywerking&provincie=antwerpen")
    assert titels(en) == ["Alfa buurtsoep"]


def test_facetten_tellen_met_de_andere_actieve_filters(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/?provincie=antwerpen")
    # Werkmodel counts only look at Antwerp; the provincie facet ignores its own filter.
    assert facet(antwoord, "werkmodel")["buddywerking"] == 1
    assert facet(antwoord, "werkmodel")["lotgenotennetwerk"] == 1
    assert facet(antwoord, "werkmodel")["community-building"] == 0
    assert facet(antwoord, "provincie") == {
        "antwerpen": 2,
        "limburg": 1,
        "oost-vlaanderen": 0,
        "vlaams-brabant": 0,
        "west-vlaanderen": 0,
        "brussel": 0,
    }
    assert facet(antwoord, "thema") == {"eenzaamheid": 1, "armoede": 0, "rouw": 1}
    assert facet(antwoord, "doelgroep")["ouderen"] == 1
    assert facet(antwoord, "doelgroep")["jongeren"] == 0


def test_concept_telt_niet_mee_in_de_facetten(bezoeker, catalogus):
    assert facet(bezoeker.get("/inspiraties/"), "werkmodel")["buddywerking"] == 2


def test_filter_op_thema_en_doelgroep(bezoeker, catalogus):
    assert titels(bezoeker.get("/inspiraties/?thema=armoede")) == ["Bravo buddy's"]
    assert titels(bezoeker.get("/inspiraties/?doelgroep=ouderen")) == ["Alfa buurtsoep"]


def test_actieve_filters_zijn_elk_met_een_klik_te_verwijderen(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/?werkmodel=buddywerking&provincie=antwerpen&q=soep")
    html = antwoord.content.decode()
    assert 'href="/inspiraties/?provincie=antwerpen&amp;q=soep"' in html
    assert 'href="/inspiraties/?werkmodel=buddywerking&amp;q=soep"' in html


def test_geen_resultaten_biedt_aan_een_filter_weg_te_laten(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/?werkmodel=lotgenotennetwerk&provincie=limburg")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Geen inspiraties gevonden." in html
    assert "Zonder “Limburg”" in html


def test_sorteren_op_titel(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/?sorteer=titel")
    assert titels(antwoord) == ["Alfa buurtsoep", "Bravo buddy's", "Charlie lotgenoten"]
    assert antwoord.context["catalogus"].sortering == "titel"


def test_paginering_in_de_url(bezoeker, werkmodellen):
    for nummer in range(15):
        maak_inspiratie(titel=f"Inspiratie {nummer:02}", dagen_geleden=nummer + 1)
    eerste = bezoeker.get("/inspiraties/?sorteer=titel")
    tweede = bezoeker.get("/inspiraties/?sorteer=titel&pagina=2")
    assert len(titels(eerste)) == 12
    assert titels(tweede) == ["Inspiratie 12", "Inspiratie 13", "Inspiratie 14"]
    assert 'href="?sorteer=titel&amp;pagina=2"' in eerste.content.decode()


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ("?werkmodel=bestaat-niet", "Er bestaat geen werkmodel “bestaat-niet”"),
        ("?provincie=atlantis", "Er bestaat geen provincie “atlantis”"),
        ("?thema=onbekend", "Er bestaat geen thema “onbekend”"),
        ("?pagina=abc", "“abc” is geen paginanummer"),
        ("?pagina=99999", "Pagina 99999 bestaat niet"),
        ("?pagina=-3", "Pagina -3 bestaat niet"),
        ("?sorteer=prijs", "Die sortering bestaat niet"),
        ("?q=" + "a" * 5000, "Je zoekterm was te lang"),
    ],
)
def test_slechte_invoer_geeft_een_normale_pagina_met_uitleg(bezoeker, catalogus, query, melding):
    antwoord = bezoeker.get("/inspiraties/" + query)
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()


def test_een_geldige_en_een_onbekende_waarde_houdt_de_geldige(bezoeker, catalogus):
    antwoord = bezoeker.get("/inspiraties/?werkmodel=lotgenotennetwerk&werkmodel=nep")
    assert titels(antwoord) == ["Charlie lotgenoten"]


@pytest.mark.parametrize(
    "waarde",
    ['<script>alert("x")</script>', "' OR 1=1 --", '"><img src=x onerror=alert(1)>', "%00"],
)
@pytest.mark.parametrize("parameter", ["q", "werkmodel", "provincie", "thema", "sorteer", "pagina"])
def test_html_of_sql_in_een_parameter_wordt_nooit_ongefilterd_teruggegeven(
    bezoeker, catalogus, parameter, waarde
):
    antwoord = bezoeker.get("/inspiraties/", {parameter: waarde})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_fragment_voor_progressieve_verbetering(bezoeker, catalogus):
    antwoord = bezoeker.get(
        "/inspiraties/?werkmodel=buddywerking", headers={"X-Fragment": "catalogus"}
    )
    html = antwoord.content.decode()
    assert "<html" not in html
    assert "Alfa buurtsoep" in html
    assert "X-Fragment" in antwoord["Vary"]


def test_zoeken_zonder_accenten_vindt_accenten(bezoeker, werkmodellen):
    maak_inspiratie(titel="Het café van Nijlen")
    maak_inspiratie(titel="Iets anders")
    assert titels(bezoeker.get("/inspiraties/?q=cafe")) == ["Het café van Nijlen"]
    assert titels(bezoeker.get("/inspiraties/?q=CAFÉ nijlen")) == ["Het café van Nijlen"]


def test_zoeken_in_het_verhaal_en_de_themas(bezoeker, werkmodellen):
    maak_inspiratie(titel="Een", verhaal="Wekelijks eten we samen soep.")
    maak_inspiratie(titel="Twee", themas=("mantelzorg",))
    assert titels(bezoeker.get("/inspiraties/?q=soep")) == ["Een"]
    assert titels(bezoeker.get("/inspiraties/?q=mantelzorg")) == ["Twee"]


@pytest.mark.postgres
def test_postgresql_zoekt_met_stemming_en_rangschikt(bezoeker, werkmodellen):
    assert connection.vendor == "postgresql"
    maak_inspiratie(titel="Vrijwilligers in de buurt", verhaal="Samen sterk.", dagen_geleden=5)
    maak_inspiratie(titel="Koken", verhaal="Een vrijwilliger kookt soep.", dagen_geleden=1)
    maak_inspiratie(titel="Iets anders", verhaal="Niets te zien.")
    gevonden = titels(bezoeker.get("/inspiraties/?q=vrijwilliger"))
    # Stemming: 'vrijwilligers' matches 'vrijwilliger'; a title match ranks above the story.
    assert gevonden == ["Vrijwilligers in de buurt", "Koken"]
    assert titels(bezoeker.get("/inspiraties/?q=vrijwilligers")) == gevonden


@pytest.mark.postgres
def test_postgresql_zoekt_accentongevoelig(bezoeker, werkmodellen):
    maak_inspiratie(titel="Café Chantant", verhaal="Ontmoeting.")
    maak_inspiratie(titel="Naïeve vragen", verhaal="Over het leven.")
    assert titels(bezoeker.get("/inspiraties/?q=cafe")) == ["Café Chantant"]
    assert titels(bezoeker.get("/inspiraties/?q=naieve")) == ["Naïeve vragen"]
    assert titels(bezoeker.get('/inspiraties/?q="café chantant" -naieve')) == ["Café Chantant"]


@pytest.mark.parametrize("aantal", [3, 30])
def test_catalogus_heeft_een_vast_aantal_queries(
    bezoeker, werkmodellen, django_assert_num_queries, aantal
):
    for nummer in range(aantal):
        maak_inspiratie(
            titel=f"Inspiratie {nummer}",
            werkmodellen=("buddywerking", "community-building"),
            provincie="antwerpen",
            themas=("eenzaamheid", f"thema-{nummer % 4}"),
            doelgroepen=("ouderen",),
        )
    # Guards the N+1 on each card's werkmodellen and gemeente, and a query per facet option or
    # per inspiratie: the facets are counted in the catalogue index (inspiraties/index.py),
    # built by this first request in one snapshot (its version and 7 reads: the published
    # ids, their order by title, and the positions per werkmodel, doelgroep, theme, provincie
    # and gemeente). Then: 2 version reads (page cache, index),
    # werkmodel, doelgroep and theme labels, the search's matches and title matches, the page
    # and its werkmodellen. On PostgreSQL the search's two queries run in their own
    # transaction that keeps the planner on the full-text indexes (savepoint, SET LOCAL,
    # RESET, release: 4 more).
    with django_assert_num_queries(19 + (4 if connection.vendor == "postgresql" else 0)):
        bezoeker.get(
            "/inspiraties/?werkmodel=buddywerking&provincie=antwerpen&thema=eenzaamheid"
            "&doelgroep=ouderen&q=inspiratie"
        )
    # Without filters, the index built and the filters' options kept with it: 2 version reads,
    # the page and its werkmodellen.
    with django_assert_num_queries(4):
        bezoeker.get("/inspiraties/")
    # The same page again: served from the page cache after reading the version.
    with django_assert_num_queries(1):
        assert bezoeker.get("/inspiraties/")["X-Paginacache"] == "hit"
    # Any other page costs the same, whatever its number or the filters.
    if aantal > 12:
        with django_assert_num_queries(4):
            bezoeker.get("/inspiraties/?pagina=2&sorteer=titel")


@pytest.mark.parametrize("aantal", [3, 30])
def test_homepage_heeft_een_vast_aantal_queries(
    bezoeker, werkmodellen, django_assert_num_queries, django_user_model, aantal
):
    from tests.workshops.conftest import maak_sessie, maak_workshop

    for nummer in range(aantal):
        maak_inspiratie(titel=f"Inspiratie {nummer}", uitgelicht=nummer == 0)
    workshop = maak_workshop()
    for dag in range(1, 5):
        maak_sessie(workshop, dagen=dag)
    # Guards the N+1 on card werkmodellen and on each session's workshop and places:
    # catalogue version (page and fragment cache), werkmodellen, featured (+prefetch), recent
    # (+prefetch), sessions.
    with django_assert_num_queries(8):
        antwoord = bezoeker.get("/")
    assert len(antwoord.context["sessies"]) == 3
    # Within seconds an anonymous visitor gets the stored page: one version read.
    with django_assert_num_queries(1):
        assert "Inspiratie 0" in bezoeker.get("/").content.decode()  # the featured one
    # Signed-in users get a fresh page, with the inspiratie part from the fragment cache.
    bezoeker.force_login(django_user_model.objects.create_user("lid", "lid@example.org", "x"))
    # session + user, catalogue version, sessions, and the "Mijn netwerk" link of the header
    with django_assert_num_queries(5):
        assert "Inspiratie 0" in bezoeker.get("/").content.decode()


@pytest.mark.parametrize(
    "parameter", ["q", "werkmodel", "provincie", "thema", "doelgroep", "sorteer", "pagina"]
)
def test_een_nul_byte_in_een_parameter_geeft_geen_fout(bezoeker, catalogus, parameter):
    antwoord = bezoeker.get("/inspiraties/", {parameter: "buddy\x00werking"})
    assert antwoord.status_code == 200


def test_werkmodelpagina_noemt_het_werkmodel_in_de_koppen(bezoeker, werkmodellen):
    """Issue 11: the heading read "Inspiraties rond" with nothing after it."""
    maak_inspiratie(titel="Samen in de wijk", werkmodellen=("community-building",))
    for werkmodel in werkmodellen.values():
        html = bezoeker.get(werkmodel.get_absolute_url()).content.decode()
        assert re.findall(r"<h1>(.*?)</h1>", html) == [werkmodel.naam]
        kop = re.search(r'<h2 id="wm-inspiraties">(.*?)</h2>', html).group(1)
        assert kop == f"Inspiraties rond {werkmodel.naam.lower()}"
    html = bezoeker.get("/werkmodellen/community-building/").content.decode()
    assert '<h2 id="wm-inspiraties">Inspiraties rond community building</h2>' in html


@pytest.mark.postgres
def test_titel_en_slug_blijven_in_de_rij(db):
    # toast_tuple_target = 128 moves every longer value out of line; the title and the slug,
    # sorted and matched on, must stay in the row (sorting 100k out-of-line titles took 6 s).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
            "'inspiraties_inspiratie'::regclass AND attname IN ('titel', 'slug', 'verhaal')"
        )
        opslag = dict(cursor.fetchall())
    assert opslag == {"titel": "p", "slug": "p", "verhaal": "x"}
