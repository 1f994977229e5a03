"""A visitor searches the catalogue and trusts the counts beside every filter option.

Every option's count is what ticking it gives, with the search and the other active filters:
these tests read the page as the visitor gets it (the form's search field, its ticked boxes and
the number in each label), tick every option in turn and compare with the result count.
Run on the demo content, where "eenzaamheid" finds 2 of 25 inspiraties.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.db import connection

from inspiraties.demo import inspiraties_laden
from tests.factories import maak_inspiratie


@pytest.fixture
def demo(werkmodellen, gemeenten):
    assert inspiraties_laden() > 20


class Catalogusformulier(HTMLParser):
    """The catalogue form as the browser submits it: search, ticked boxes, labelled counts."""

    def __init__(self, html: str):
        super().__init__()
        self.zoekterm = ""
        self.vakjes: list[dict] = []  # name, value, id, checked
        self.labels: dict[str, str] = {}
        self._label_voor: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "q":
            self.zoekterm = attrs.get("value") or ""
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.vakjes.append(
                {
                    "name": attrs["name"],
                    "value": attrs["value"],
                    "id": attrs["id"],
                    "checked": "checked" in attrs,
                }
            )
        elif tag == "label" and attrs.get("for", "").startswith("f-"):
            self._label_voor = attrs["for"]
            self.labels[self._label_voor] = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label_voor = None

    def handle_data(self, data):
        if self._label_voor:
            self.labels[self._label_voor] += data

    def getoond_aantal(self, vakje: dict) -> int:
        return int(re.search(r"\((\d+)\)\s*$", self.labels[vakje["id"]]).group(1))

    def url(self, *, erbij: dict | None = None, enkel: dict | None = None) -> str:
        """The address after ticking `erbij`, or with `enkel` the only one of its filter."""
        paren = [("q", self.zoekterm)] if self.zoekterm else []
        for vakje in self.vakjes:
            if enkel and vakje["name"] == enkel["name"]:
                continue
            if vakje["checked"]:
                paren.append((vakje["name"], vakje["value"]))
        for extra in (erbij, enkel):
            if extra:
                paren.append((extra["name"], extra["value"]))
        return "/inspiraties/?" + urlencode(paren)


def resultaataantal(bezoeker, url: str) -> int:
    """The count in the results heading ("2 inspiraties voor …"), as the visitor reads it."""
    antwoord = bezoeker.get(url)
    assert antwoord.status_code == 200
    kop = re.search(r'id="resultaten-kop"[^>]*>\s*(\d+) inspiratie', antwoord.content.decode())
    return int(kop.group(1))


def controleer_elke_optie(
    bezoeker, url: str, facetten=("werkmodel", "provincie", "thema", "doelgroep")
) -> dict[str, dict[str, int]]:
    """Tick every option of the page at `url`; return the counts shown, per filter."""
    formulier = Catalogusformulier(bezoeker.get(url).content.decode())
    actieve_filters = {v["name"] for v in formulier.vakjes if v["checked"]}
    getoond: dict[str, dict[str, int]] = {}
    for vakje in formulier.vakjes:
        aantal = formulier.getoond_aantal(vakje)
        getoond.setdefault(vakje["name"], {})[vakje["value"]] = aantal
        if vakje["name"] in actieve_filters:
            # A filter with something ticked counts each option as if it were its only one
            # (ticking more widens it: OR within a filter).
            gevolgd = formulier.url(enkel=vakje)
        else:
            gevolgd = formulier.url(erbij=vakje)
        assert resultaataantal(bezoeker, gevolgd) == aantal, (
            f"{vakje['name']}={vakje['value']} toont ({aantal}), {gevolgd} geeft er een ander"
        )
    # The gemeente filter offers only the gemeenten with something (its options were ticked and
    # checked above like every other); without any, it is not shown.
    assert set(getoond) - {"gemeente"} == set(facetten)
    return getoond


def test_elke_optie_van_een_zoekopdracht_telt_wat_aanvinken_geeft(bezoeker, demo):
    assert resultaataantal(bezoeker, "/inspiraties/?q=eenzaamheid") == 2
    getoond = controleer_elke_optie(bezoeker, "/inspiraties/?q=eenzaamheid")
    # The counts of issue 11 were those of the whole catalogue (12, 15, 2).
    assert getoond["werkmodel"]["community-building"] == 1
    assert getoond["werkmodel"]["vrijwillig-engagement"] == 2
    assert getoond["doelgroep"]["buurtbewoners"] == 0
    assert getoond["provincie"] == {
        "antwerpen": 0,
        "limburg": 0,
        "oost-vlaanderen": 0,
        "vlaams-brabant": 0,
        "west-vlaanderen": 1,
        "brussel": 0,
    }
    assert getoond["thema"]["eenzaamheid"] == 2
    # Every theme in use stays on offer, with what the search leaves of it.
    assert getoond["thema"]["buurt"] == 0


def test_elke_optie_van_een_gezochte_en_gefilterde_pagina(bezoeker, demo):
    url = "/inspiraties/?q=vrijwilligers&werkmodel=vrijwillig-engagement"
    getoond = controleer_elke_optie(bezoeker, url)  # on every database: counts match results
    if connection.vendor != "sqlite":
        # PostgreSQL matches whole (stemmed) words, so "vrijwilligers" finds fewer stories than
        # SQLite's substring search ("vrijwilligerswerk"); the numbers below are SQLite's.
        assert resultaataantal(bezoeker, url) == getoond["werkmodel"]["vrijwillig-engagement"]
        return
    assert resultaataantal(bezoeker, url) == 14
    # Search and filter together, against the search alone (4) and the catalogue (15).
    assert getoond["doelgroep"]["buurtbewoners"] == 7
    assert resultaataantal(bezoeker, "/inspiraties/?q=vrijwilligers&doelgroep=buurtbewoners") == 7
    assert resultaataantal(bezoeker, "/inspiraties/?doelgroep=buurtbewoners") == 15
    # The werkmodel filter counts with the search but without its own ticked option.
    assert getoond["werkmodel"]["community-building"] == 4


def test_elke_optie_met_zoekterm_en_filters_in_twee_facetten(bezoeker, demo):
    url = "/inspiraties/?q=buurt&provincie=antwerpen&werkmodel=community-building"
    assert resultaataantal(bezoeker, url) == 2
    getoond = controleer_elke_optie(bezoeker, url)
    assert getoond["doelgroep"]["buurtbewoners"] == 2
    assert getoond["provincie"]["antwerpen"] == 2
    assert getoond["werkmodel"]["community-building"] == 2


def test_facetten_tellen_met_de_zoekterm(bezoeker, werkmodellen):
    maak_inspiratie(titel="Soep in Antwerpen", provincie="antwerpen", themas=("soep",))
    maak_inspiratie(titel="Soep in Limburg", provincie="limburg", themas=("soep", "koken"))
    maak_inspiratie(titel="Fietsen in Antwerpen", provincie="antwerpen", themas=("koken",))
    catalogus = bezoeker.get("/inspiraties/?q=soep").context["catalogus"]
    telling = {f.naam: {o.waarde: o.aantal for o in f.opties} for f in catalogus.facetten}
    assert catalogus.aantal == 2
    assert telling["provincie"]["antwerpen"] == 1
    assert telling["provincie"]["limburg"] == 1
    assert telling["thema"] == {"koken": 1, "soep": 2}
    assert telling["werkmodel"]["buddywerking"] == 2


def test_een_andere_zoekterm_krijgt_zijn_eigen_tellingen(bezoeker, werkmodellen):
    """The facet cache is keyed by the search: a second search never reuses the first's."""
    maak_inspiratie(titel="Soep", provincie="antwerpen")
    maak_inspiratie(titel="Fietsen", provincie="limburg")
    soep = bezoeker.get("/inspiraties/?q=soep&provincie=antwerpen").context["catalogus"]
    fiets = bezoeker.get("/inspiraties/?q=fietsen&provincie=antwerpen").context["catalogus"]
    alles = bezoeker.get("/inspiraties/?provincie=antwerpen").context["catalogus"]

    def provincie(catalogus):
        (facet,) = [f for f in catalogus.facetten if f.naam == "provincie"]
        return {o.waarde: o.aantal for o in facet.opties if o.aantal}

    assert provincie(soep) == {"antwerpen": 1}
    assert provincie(fiets) == {"limburg": 1}
    assert provincie(alles) == {"antwerpen": 1, "limburg": 1}
    assert (soep.aantal, fiets.aantal, alles.aantal) == (1, 0, 1)


def test_de_zoekterm_is_een_chip_die_de_zoekterm_wist_en_de_filters_houdt(bezoeker, demo):
    antwoord = bezoeker.get("/inspiraties/?q=eenzaamheid&werkmodel=vrijwillig-engagement")
    html = antwoord.content.decode()
    chip = re.search(r'<a class="chip chip--zoekterm" href="([^"]*)">(.*?)</a>', html)
    assert chip.group(1) == "/inspiraties/?werkmodel=vrijwillig-engagement"
    # Its accessible name says what the link does: visible text plus the hidden verb.
    tekst = re.sub(r'<span aria-hidden="true">×</span>', "", chip.group(2))
    assert re.sub(r"<[^>]+>", "", tekst).strip() == "Zoekterm “eenzaamheid” wissen"
    # Following it: the filter stays, the search is gone, the counts are the filter's alone.
    zonder = bezoeker.get(chip.group(1)).context["catalogus"]
    assert zonder.zoekterm == ""
    assert [o.waarde for _, o in zonder.actieve_filters] == ["vrijwillig-engagement"]
    assert zonder.aantal == 14


def test_de_zoekchip_houdt_de_sortering_maar_niet_de_relevantie(bezoeker, werkmodellen):
    maak_inspiratie(titel="Soep", provincie="antwerpen")
    titel = bezoeker.get("/inspiraties/?q=soep&provincie=antwerpen&sorteer=titel")
    assert titel.context["catalogus"].zonder_zoekterm_url == "?provincie=antwerpen&sorteer=titel"
    relevantie = bezoeker.get("/inspiraties/?q=soep&sorteer=relevantie")
    # Ranking needs a search: without one the page falls back to its default order quietly.
    assert relevantie.context["catalogus"].zonder_zoekterm_url == ""
    assert 'class="chip chip--zoekterm" href="/inspiraties/"' in relevantie.content.decode()


def test_zonder_zoekterm_geen_zoekchip(bezoeker, demo):
    html = bezoeker.get("/inspiraties/?werkmodel=buddywerking").content.decode()
    assert "chip--zoekterm" not in html
    assert "Verwijder filter" in html


def test_de_zoekterm_in_de_chip_wordt_ontsnapt(bezoeker, werkmodellen):
    html = bezoeker.get("/inspiraties/", {"q": "<b>vet</b>"}).content.decode()
    assert "Zoekterm “&lt;b&gt;vet&lt;/b&gt;”" in html


def test_geen_resultaten_biedt_aan_de_zoekterm_weg_te_laten(bezoeker, demo):
    html = bezoeker.get("/inspiraties/?q=eenzaamheid&provincie=antwerpen").content.decode()
    assert "Geen inspiraties gevonden." in html
    assert "Probeer een filter of de zoekterm weg te laten:" in html
    assert '<a href="/inspiraties/?provincie=antwerpen">Zonder zoekterm “eenzaamheid”</a>' in html
    assert '<a href="/inspiraties/?q=eenzaamheid">Zonder “Antwerpen”</a>' in html


@pytest.mark.postgres
def test_postgresql_telt_met_dezelfde_zoekvector_als_de_resultaten(bezoeker, werkmodellen):
    maak_inspiratie(titel="Vrijwilligers in Antwerpen", provincie="antwerpen")
    maak_inspiratie(titel="Koken", verhaal="Een vrijwilliger kookt soep.", provincie="limburg")
    maak_inspiratie(titel="Iets anders", provincie="limburg")
    # Dutch stemming: "vrijwilligers" also finds "vrijwilliger", in the counts as in the list.
    getoond = controleer_elke_optie(
        bezoeker, "/inspiraties/?q=vrijwilligers", facetten=("werkmodel", "provincie")
    )
    assert resultaataantal(bezoeker, "/inspiraties/?q=vrijwilligers") == 2
    assert {p: n for p, n in getoond["provincie"].items() if n} == {"antwerpen": 1, "limburg": 1}
    # Web-search syntax: "-soep" leaves out the story about soup.
    getoond = controleer_elke_optie(
        bezoeker, "/inspiraties/?q=vrijwilligers -soep", facetten=("werkmodel", "provincie")
    )
    assert {p: n for p, n in getoond["provincie"].items() if n} == {"antwerpen": 1}
