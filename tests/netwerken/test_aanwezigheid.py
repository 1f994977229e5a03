"""Attendance at a network meeting (issue 14): the attendance list and its PDF, the check-in
page (present, absent, excused) for staff and begeleiders of the network, and a member's
yearly attestation of the meetings attended, only their own."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from baz.models import Auditregel
from netwerken import services
from netwerken.models import Aanwezigheid, Bijeenkomst

from .factories import maak_bijeenkomst, maak_deelnemer, maak_user

BRUSSEL = ZoneInfo("Europe/Brussels")


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.fixture
def medewerker_client(client, db):
    client.force_login(maak_user("mieke", first_name="Mieke", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def begeleider(netwerk):
    user = maak_user("bea", first_name="Bea", last_name="Begeleider", is_staff=True)
    user.groups.add(Group.objects.get(name="Begeleiders"))
    netwerk.begeleiders.add(user)
    return user


def _args(bijeenkomst):
    return [bijeenkomst.netwerk.slug, bijeenkomst.pk]


def _staf_urls(bijeenkomst):
    return [
        reverse(naam, args=_args(bijeenkomst))
        for naam in (
            "netwerken:bijeenkomst-aanwezigheidslijst",
            "netwerken:bijeenkomst-aanwezigheidslijst-pdf",
            "netwerken:bijeenkomst-inchecken",
        )
    ]


def _markeren(bijeenkomst, deelnemer):
    return reverse(
        "netwerken:bijeenkomst-inchecken-markeren", args=[*_args(bijeenkomst), deelnemer.pk]
    )


# --- Staff: who may ------------------------------------------------------------------------


def test_bezoeker_en_lid_komen_niet_binnen(deelnemer_client, komend, deelnemer):
    for url in _staf_urls(komend):
        assert Client().get(url).status_code == 302  # to the login
        assert deelnemer_client.get(url).status_code == 403
    assert (
        deelnemer_client.post(_markeren(komend, deelnemer), {"status": "aanwezig"}).status_code
        == 403
    )
    assert not Aanwezigheid.objects.exists()


def test_begeleider_van_het_netwerk_wel_van_een_ander_niet(
    client, begeleider, komend, deelnemer, ander_netwerk
):
    client.force_login(begeleider)
    for url in _staf_urls(komend):
        assert client.get(url).status_code == 200
    elders = maak_bijeenkomst(ander_netwerk, dagen=3)
    for url in _staf_urls(elders):
        assert client.get(url).status_code == 404  # not in their admin either


def test_redacteur_zonder_recht_krijgt_403(client, redacteur, komend):
    client.force_login(redacteur)
    for url in _staf_urls(komend):
        assert client.get(url).status_code == 403


# --- The list ------------------------------------------------------------------------------


def test_aanwezigheidslijst_en_pdf(medewerker_client, komend, deelnemer, collega):
    antwoord = medewerker_client.get(_staf_urls(komend)[0])
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "An Peeters" in html and "Jef Claes" in html and "Gemeente Demodorp" in html
    assert "Handtekening" in html and "Lerend netwerk Kempen" in html
    assert html.index("An Peeters") < html.index("Jef Claes")

    antwoord = medewerker_client.get(_staf_urls(komend)[1])
    assert antwoord["Content-Type"] == "application/pdf"
    tekst = pdf_tekst(antwoord.content)
    for verwacht in (
        "Aanwezigheidslijst: De rol van het lokaal bestuur",
        "An Peeters",
        "Jef Claes",
        "Gemeente Demodorp",
        "Handtekening",
    ):
        assert verwacht in tekst


def test_vaste_aantallen_queries(medewerker_client, komend, netwerk, deelnemer):
    """Guards against a query per member (their account, their attendance row)."""

    def tellen(url):
        with CaptureQueriesContext(connection) as vastgelegd:
            assert medewerker_client.get(url).status_code == 200
        return len(vastgelegd)

    urls = _staf_urls(komend)[::2]  # the list and the check-in page
    weinig = [tellen(url) for url in urls]
    for i in range(12):
        lid = maak_deelnemer(netwerk, username=f"lid{i}", first_name=f"Lid {i:02d}")
        services.aanwezigheid_zetten(bijeenkomst=komend, deelnemer=lid, status="afwezig", door=None)
    assert [tellen(url) for url in urls] == weinig


# --- Checking in ---------------------------------------------------------------------------


def test_inchecken_met_drie_keuzes(medewerker_client, komend, deelnemer, collega):
    html = medewerker_client.get(_staf_urls(komend)[2]).content.decode()
    for waarde in ("aanwezig", "afwezig", "verontschuldigd"):
        assert html.count(f'name="status" value="{waarde}"') == 2
    assert "Verontschuldigd: An Peeters" in html


def test_zonder_javascript(medewerker_client, komend, deelnemer):
    antwoord = medewerker_client.post(_markeren(komend, deelnemer), {"status": "verontschuldigd"})
    assert antwoord.status_code == 302
    assert antwoord["Location"].endswith(f"/inchecken/#rij-{deelnemer.pk}")
    rij = Aanwezigheid.objects.get(bijeenkomst=komend, deelnemer=deelnemer)
    assert rij.status == "verontschuldigd"
    pagina = medewerker_client.get(antwoord["Location"]).content.decode()
    assert "An Peeters: verontschuldigd" in pagina
    assert Auditregel.objects.filter(actie="netwerken.aanwezigheid_gezet").count() == 1


def test_met_javascript(medewerker_client, komend, deelnemer):
    antwoord = medewerker_client.post(
        _markeren(komend, deelnemer), {"status": "aanwezig"}, headers={"accept": "application/json"}
    )
    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "sleutel": deelnemer.pk,
        "status": "aanwezig",
        "label": "Aanwezig",
        "melding": "An Peeters: aanwezig",
    }
    assert Aanwezigheid.objects.get(deelnemer=deelnemer).status == "aanwezig"


def test_ongeldig_of_van_een_ander_netwerk(medewerker_client, komend, deelnemer, buitenstaander):
    antwoord = medewerker_client.post(_markeren(komend, deelnemer), {"status": "misschien"})
    assert antwoord.status_code == 400
    assert "Kies aanwezig, afwezig of verontschuldigd." in antwoord.content.decode()
    url = _markeren(komend, buitenstaander)
    assert medewerker_client.post(url, {"status": "aanwezig"}).status_code == 404
    assert not Aanwezigheid.objects.exists()


def test_startpagina_van_het_beheer_linkt_naar_inchecken(medewerker_client, netwerk, deelnemer):
    vandaag = timezone.localdate()
    bijeenkomst = _op(netwerk, vandaag.year, vandaag.month, vandaag.day, "Vandaag samen")
    html = medewerker_client.get(reverse("admin:index")).content.decode()
    assert "Vandaag en morgen: inchecken op bijeenkomsten" in html
    assert reverse("netwerken:bijeenkomst-inchecken", args=_args(bijeenkomst)) in html


def test_beheer_van_een_bijeenkomst_linkt_naar_inchecken(medewerker_client, komend):
    html = medewerker_client.get(
        reverse("admin:netwerken_bijeenkomst_change", args=[komend.pk])
    ).content.decode()
    assert reverse("netwerken:bijeenkomst-inchecken", args=_args(komend)) in html
    assert reverse("netwerken:bijeenkomst-aanwezigheidslijst-pdf", args=_args(komend)) in html


# --- A member's yearly attestation --------------------------------------------------------


def _op(netwerk, jaar, maand, dag, thema):
    return Bijeenkomst.objects.create(
        netwerk=netwerk,
        thema=thema,
        begint_op=datetime(jaar, maand, dag, 13, 30, tzinfo=BRUSSEL),
        eindigt_op=datetime(jaar, maand, dag, 16, 30, tzinfo=BRUSSEL),
        plaats="Stadhuis Geel",
    )


@pytest.fixture
def jaar_2026(netwerk, deelnemer, collega):
    """An was at two meetings of 2026 and excused for a third; one of 2025."""
    for bijeenkomst, status in (
        (_op(netwerk, 2026, 2, 10, "Kennismaking"), "aanwezig"),
        (_op(netwerk, 2026, 4, 21, "Buurtzorg in de Kempen"), "aanwezig"),
        (_op(netwerk, 2026, 6, 16, "Mantelzorg"), "verontschuldigd"),
        (_op(netwerk, 2025, 11, 18, "Startbijeenkomst"), "aanwezig"),
    ):
        services.aanwezigheid_zetten(
            bijeenkomst=bijeenkomst, deelnemer=deelnemer, status=status, door=None
        )
    return netwerk


def test_lid_ziet_zijn_attesten_per_jaar(deelnemer_client, jaar_2026, deelnemer):
    profiel = deelnemer_client.get(reverse("netwerken:profiel", args=[jaar_2026.slug]))
    assert reverse("netwerken:attesten", args=[jaar_2026.slug]) in profiel.content.decode()
    antwoord = deelnemer_client.get(reverse("netwerken:attesten", args=[jaar_2026.slug]))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Attest 2026 (PDF)" in html and "2 bijeenkomsten" in html
    assert "Attest 2025 (PDF)" in html and "1 bijeenkomst" in html


def test_attest_van_een_jaar_met_de_bijgewoonde_bijeenkomsten(deelnemer_client, jaar_2026):
    antwoord = deelnemer_client.get(reverse("netwerken:attest", args=[jaar_2026.slug, 2026]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert "no-store" in antwoord["Cache-Control"]
    tekst = pdf_tekst(antwoord.content)
    for verwacht in (
        "Attest van deelname 2026",
        "An Peeters",
        "Gemeente Demodorp",
        "Lerend netwerk Kempen",
        "Kennismaking",
        "dinsdag 10 februari 2026, 13:30–16:30",
        "Buurtzorg in de Kempen",
        "In totaal 2 bijeenkomsten",
        "6 uur",
        "BurgersAanZet (BAZ)",
    ):
        assert verwacht in tekst, verwacht
    assert "Mantelzorg" not in tekst  # excused is not present
    assert "Startbijeenkomst" not in tekst  # another year


def test_geen_attest_voor_een_jaar_zonder_aanwezigheid(deelnemer_client, jaar_2026, collega):
    antwoord = deelnemer_client.get(reverse("netwerken:attest", args=[jaar_2026.slug, 2024]))
    assert antwoord.status_code == 404
    assert "Voor 2024 is er geen attest" in antwoord.content.decode()
    assert (
        deelnemer_client.get(reverse("netwerken:attest", args=[jaar_2026.slug, 99999])).status_code
        == 404
    )


def test_alleen_het_eigen_attest(client, jaar_2026, collega, buitenstaander):
    # Jef (same network) gets his own, empty overview: never An's meetings.
    client.force_login(collega.user)
    html = client.get(reverse("netwerken:attesten", args=[jaar_2026.slug])).content.decode()
    assert "Er is nog geen attest" in html
    assert client.get(reverse("netwerken:attest", args=[jaar_2026.slug, 2026])).status_code == 404
    # A member of another network, and staff who are no member: 404.
    client.force_login(buitenstaander.user)
    assert client.get(reverse("netwerken:attesten", args=[jaar_2026.slug])).status_code == 404
    client.force_login(maak_user("mieke", is_staff=True, is_superuser=True))
    assert client.get(reverse("netwerken:attesten", args=[jaar_2026.slug])).status_code == 404


def test_bezoeker_moet_zich_aanmelden(client, jaar_2026):
    antwoord = client.get(reverse("netwerken:attest", args=[jaar_2026.slug, 2026]))
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("login"))
