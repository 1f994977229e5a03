"""/in-cijfers/ and /beheer/jaarverslag/: what a visitor and a medewerker see, the downloads,
and a query count that stays the same whatever the amount of data."""

import csv
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.jaarcijfers.conftest import GEHEIME_NAMEN, aanvraag, bxl, inspiratie, sessie

pytestmark = pytest.mark.django_db


def _html(antwoord) -> str:
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _tekst(html: str) -> str:
    """The page's text, without tags, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _csv(antwoord) -> list[list[str]]:
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/csv")
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))


def test_in_cijfers_gaat_naar_het_laatste_volledige_jaar(bezoeker, gegevens):
    antwoord = bezoeker.get("/in-cijfers/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/in-cijfers/2025/"


def test_publieke_pagina_toont_de_cijfers_met_kleine_groepen(bezoeker, gegevens):
    html = _html(bezoeker.get("/in-cijfers/2024/"))
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    tekst = _tekst(html)
    assert "BAZ in cijfers 2024" in tekst
    # Every year with data is a link; this one is the current page.
    for jaar in (2023, 2025):
        assert f'href="/in-cijfers/{jaar}/"' in html
    assert 'href="/in-cijfers/2024/" aria-current="page"' in html
    # The month list links each inspiratie of the year.
    assert "Net in januari" in tekst and "Op oudejaarsavond" in tekst
    assert "Nog in 2023" not in tekst
    assert ">Gearchiveerd<" not in html and ">Concept<" not in html
    # Figures of the tables (this year, then last year).
    assert "Toneelvereniging &lt; 5 0" in tekst or "Toneelvereniging < 5 0" in tekst
    assert "Jeugdvereniging 6 0" in tekst
    assert "Sessies gegeven 2 0" in tekst
    assert "Deelnemers 7 0" in tekst
    assert "Gemiddelde evaluatiescore (1-5) 4,2" in tekst
    assert "Bijeenkomsten gehouden 3 0" in tekst
    assert "Gemiddelde aanwezigheid per bijeenkomst 5,0" in tekst
    assert "Casussen ingebracht &lt; 5" in tekst
    assert "Gemeenten: Geel, Turnhout" in tekst
    # The counting rules, the charts and a CSV link per table.
    assert "Hoe we tellen" in tekst
    assert html.count('<svg class="grafiek"') >= 5
    assert 'href="/in-cijfers/2024/aanvragen-per-soort.csv"' in html
    assert "wm--buddywerking" in html


def test_niets_persoonlijks_en_niets_interns_op_de_publieke_pagina(bezoeker, gegevens):
    html = _html(bezoeker.get("/in-cijfers/2024/"))
    for naam in GEHEIME_NAMEN:
        assert naam not in html
    for intern in ("Ziekte van de workshopgever", "Heel boeiend", "Meer casussen", "trechter"):
        assert intern not in html
    # The evaluation average of three answers is not shown in public.
    assert "4,3" not in _tekst(html)
    pdf = _pdf_tekst(bezoeker.get("/in-cijfers/2024/pdf/"))
    for naam in GEHEIME_NAMEN:
        assert naam not in pdf


def test_onbekend_jaar_of_tabel_geeft_404(bezoeker, gegevens):
    assert bezoeker.get("/in-cijfers/2019/").status_code == 404
    assert bezoeker.get("/in-cijfers/2999/").status_code == 404
    assert bezoeker.get("/in-cijfers/2024/bestaat-niet.csv").status_code == 404
    assert bezoeker.get("/in-cijfers/2024/trechter.csv").status_code == 404  # staff only


def test_csv_per_tabel(bezoeker, gegevens):
    rijen = _csv(bezoeker.get("/in-cijfers/2024/aanvragen-per-soort.csv"))
    assert rijen[0] == ["Soort organisatie", "2024", "2023"]
    per_soort = {r[0]: r[1:] for r in rijen[1:]}
    assert per_soort["Toneelvereniging"] == ["< 5", "0"]
    assert per_soort["Jeugdvereniging"] == ["6", "0"]
    assert per_soort["Sportvereniging"] == ["0", "< 5"]
    maanden = _csv(bezoeker.get("/in-cijfers/2024/inspiraties-per-maand.csv"))
    assert maanden[1] == ["januari", "1", "0"]
    assert maanden[-1] == ["Totaal", "3", "1"]


def test_kleine_groepen_niet_terug_te_rekenen(bezoeker, medewerker_client, gegevens):
    """With a "< 5" in a column, its total would give the hidden cell away by subtraction:
    in public the total is not shown (staff see it). The four-roles averages of a single
    trajectory are not shown in public either."""
    rijen = _csv(bezoeker.get("/in-cijfers/2024/aanvragen-per-soort.csv"))
    assert rijen[-1] == ["Totaal", "niet getoond", "niet getoond"]
    intern = _csv(medewerker_client.get("/beheer/jaarverslag/2024/aanvragen-per-soort.csv"))
    assert intern[-1][0] == "Totaal" and intern[-1][1].isdigit()
    rollen = _csv(bezoeker.get("/in-cijfers/2024/vier-rollen.csv"))
    assert all(rij[1:] in (["", ""], ["–", "–"]) for rij in rollen[1:]), rollen
    intern = _csv(medewerker_client.get("/beheer/jaarverslag/2024/vier-rollen.csv"))
    assert intern[1][1:] in (["4.0", "3.0"], ["4,0", "3,0"]), intern
    assert "3,0" not in _tekst(_html(bezoeker.get("/in-cijfers/2024/")))


def _pdf_tekst(antwoord) -> str:
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    lezer = PdfReader(io.BytesIO(antwoord.content))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in lezer.pages))


def test_pdf_van_het_hele_verslag(bezoeker, gegevens):
    tekst = _pdf_tekst(bezoeker.get("/in-cijfers/2024/pdf/"))
    for kop in (
        "BAZ in cijfers 2024",
        "BAZ voor iedereen: inspiraties",
        "Een overzicht",
        "BAZ Lokaal",
        "Hoe we tellen",
        "Gemaakt op",
        "Pagina 1 van",
    ):
        assert kop in tekst
    assert "Net in januari" in tekst
    assert "Sessies gegeven 2 0" in tekst
    assert "Jeugdvereniging 6 0" in tekst


def test_jaarverslag_alleen_voor_medewerkers(client, redacteur, gegevens):
    antwoord = client.get("/beheer/jaarverslag/2024/")
    assert antwoord.status_code == 302 and "/login/" in antwoord["Location"]
    client.force_login(redacteur)  # staff, but no right to requests and evaluations
    assert client.get("/beheer/jaarverslag/2024/").status_code == 403
    assert client.get("/beheer/jaarverslag/2024/trechter.csv").status_code == 403


def test_jaarverslag_met_de_interne_cijfers(medewerker_client, gegevens):
    html = _html(medewerker_client.get("/beheer/jaarverslag/2024/"))
    tekst = _tekst(html)
    assert "Jaarverslag 2024 (intern)" in tekst
    assert "Toneelvereniging 3 0" in tekst  # exact numbers for staff
    assert "Ontvangen 9" in tekst and "Ingepland 1" in tekst and "Geannuleerd 1" in tekst
    assert "Ziekte van de workshopgever" in tekst and "Zaal niet vrij" in tekst
    assert "Beantwoord na de termijn 1" in tekst
    assert "Heel boeiend" in tekst and "Meer casussen" in tekst
    assert "Gemiddelde evaluatiescore (1-5) 4,3" in tekst  # networks, three answers
    rijen = _csv(medewerker_client.get("/beheer/jaarverslag/2024/trechter.csv"))
    assert rijen[1:] == [
        ["Ontvangen", "9"],
        ["Ingepland", "1"],
        ["Gegeven", "1"],
        ["Uitgesteld", "1"],
        ["Geannuleerd", "1"],
    ]
    pdf = _pdf_tekst(medewerker_client.get("/beheer/jaarverslag/2024/pdf/"))
    assert "Aanvragen: van ontvangen tot gegeven" in pdf
    assert "Ziekte van de workshopgever" in pdf


def _meer_gegevens(gegevens, n: int) -> None:
    """n more of everything in 2024, so a page that loops per row would run more queries."""
    workshop = gegevens["workshop"]
    for i in range(n):
        inspiratie(f"Extra {i}", bxl(2024, 1 + i % 12, 2, 10), werkmodellen=("buddywerking",))
        aanvraag(workshop, "cultuur", bxl(2024, 4, 2, 10), stappen=[(2, "geannuleerd", f"R{i}")])
        sessie(workshop, bxl(2024, 7, 1 + i % 28, 10))


@pytest.mark.parametrize("extra", [0, 15])
def test_vast_aantal_queries(bezoeker, medewerker_client, gegevens, extra,
                             django_assert_num_queries):  # fmt: skip
    """Every figure is an aggregate: no query per inspiratie, request, session or meeting
    (the month list, the reasons and the open answers are one query each)."""
    _meer_gegevens(gegevens, extra)
    with django_assert_num_queries(PUBLIEK_QUERIES):
        bezoeker.get("/in-cijfers/2024/")
    with django_assert_num_queries(PUBLIEK_QUERIES - 1):  # the page's header reads one more
        bezoeker.get("/in-cijfers/2024/aanvragen-per-soort.csv")
    with django_assert_num_queries(INTERN_QUERIES):
        medewerker_client.get("/beheer/jaarverslag/2024/")


# 4 for the years with data; the figures of the year (12 of them the month list, one query per
# month) and of last year (no titles), each an aggregate; staff: +8 for the internal tables and
# the session, the account and its second factor.
PUBLIEK_QUERIES = 45
INTERN_QUERIES = 54


def test_link_in_de_voettekst(bezoeker, db):
    assert reverse("jaarcijfers:overzicht") in bezoeker.get("/").content.decode()


def test_blok_op_de_startpagina_van_het_beheer(medewerker_client, db):
    from jaarcijfers.cijfers import laatste_volledige_jaar

    html = medewerker_client.get("/beheer/").content.decode()
    assert 'id="blok-jaarcijfers-jaarverslag"' in html
    assert f'href="/beheer/jaarverslag/{laatste_volledige_jaar()}/"' in html


def test_publieke_pdf_een_keer_per_dag_gemaakt_en_beperkt(
    bezoeker, gegevens, settings, django_assert_max_num_queries
):
    """WeasyPrint takes about a second: the public PDF is made once per year and day, then
    comes from the cache (no report queries); too many requests from one address get 429."""
    from django.core.cache import cache

    from jaarcijfers.views import _pdf_sleutel

    settings.RATELIMIETEN = {**settings.RATELIMIETEN, "jaarcijfers_pdf": (3, 600)}
    eerste = bezoeker.get("/in-cijfers/2024/pdf/")
    assert eerste.status_code == 200
    assert cache.get(_pdf_sleutel(2024)) is not None
    assert "2024" in _pdf_sleutel(2024)
    with django_assert_max_num_queries(3):  # the rate limit's counter only
        tweede = bezoeker.get("/in-cijfers/2024/pdf/")
    assert tweede.status_code == 200
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == "application/pdf"
    assert tweede["Content-Disposition"] == eerste["Content-Disposition"]
    assert _pdf_tekst(tweede)
    assert bezoeker.get("/in-cijfers/2024/pdf/").status_code == 200
    assert bezoeker.get("/in-cijfers/2024/pdf/").status_code == 429
