"""Attendance at a workshop session (issue 14): the attendance list and its PDF, the check-in
page with and without JavaScript, the service behind it, and the attestation on the personal
page, only for who was present."""

import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from baz.models import Auditregel
from tests.workshops.conftest import maak_sessie
from workshops.aanwezigheid_services import aanwezigheid_zetten
from workshops.models import Inschrijving, Sessie

BRUSSEL = ZoneInfo("Europe/Brussels")


def pdf_tekst(inhoud: bytes) -> str:
    return "\n".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(inhoud)).pages)


def inschrijven(sessie, naam, *, organisatie="", status="bevestigd", **velden):
    email = naam.lower().replace(" ", ".") + "@example.org"
    return Inschrijving.objects.create(
        sessie=sessie, naam=naam, email=email, organisatie=organisatie, status=status, **velden
    )


@pytest.fixture
def sessie(workshop):
    return maak_sessie(workshop, capaciteit=20)


@pytest.fixture
def anna(sessie):
    return inschrijven(sessie, "Anna Peeters", organisatie="Toneelkring De Planken")


@pytest.fixture
def bert(sessie):
    return inschrijven(sessie, "Bert Claes", organisatie="Chiro Geel")


@pytest.fixture
def lid(client, django_user_model):
    """Logged in, but no staff: a network member, say."""
    user = django_user_model.objects.create_user("lid", "lid@example.org", "geheim-wachtwoord-42")
    client.force_login(user)
    return client


@pytest.fixture
def redacteur_client(client, redacteur):
    client.force_login(redacteur)
    return client


def _urls(sessie):
    return [
        reverse("sessie-aanwezigheidslijst", args=[sessie.pk]),
        reverse("sessie-aanwezigheidslijst-pdf", args=[sessie.pk]),
        reverse("sessie-inchecken", args=[sessie.pk]),
    ]


# --- Who may see and mark -----------------------------------------------------------------


def test_bezoeker_moet_zich_aanmelden(bezoeker, sessie, anna):
    for url in _urls(sessie):
        antwoord = bezoeker.get(url)
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(reverse("login"))
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    assert bezoeker.post(url, {"status": "aanwezig"}).status_code == 302
    anna.refresh_from_db()
    assert anna.aanwezig is None


def test_lid_en_redacteur_zonder_recht_krijgen_403(lid, sessie, anna, redacteur, client):
    for url in _urls(sessie):
        assert lid.get(url).status_code == 403
    client.force_login(redacteur)  # staff, but the Redactie group holds no workshop rights
    for url in _urls(sessie):
        assert client.get(url).status_code == 403
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    assert client.post(url, {"status": "aanwezig"}).status_code == 403
    anna.refresh_from_db()
    assert anna.aanwezig is None


def test_medewerker_met_alleen_kijkrecht_ziet_de_lijst_maar_checkt_niet_in(
    client, django_user_model, sessie, anna
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("kijker", "k@example.org", "x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_inschrijving"))
    client.force_login(user)
    assert client.get(reverse("sessie-aanwezigheidslijst", args=[sessie.pk])).status_code == 200
    assert client.get(reverse("sessie-inchecken", args=[sessie.pk])).status_code == 403


# --- The attendance list -------------------------------------------------------------------


def test_aanwezigheidslijst_met_namen_organisatie_en_handtekening(
    medewerker_client, sessie, anna, bert
):
    inschrijven(sessie, "Wachtende Wim", status="wachtlijst")
    inschrijven(sessie, "Geannuleerde Gerd", status="geannuleerd")
    antwoord = medewerker_client.get(reverse("sessie-aanwezigheidslijst", args=[sessie.pk]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Aanwezigheidslijst" in html and "Handtekening" in html
    assert "Anna Peeters" in html and "Toneelkring De Planken" in html
    assert html.index("Anna Peeters") < html.index("Bert Claes")  # by name
    assert "Wachtende Wim" not in html and "Geannuleerde Gerd" not in html
    assert 'class="aw aw-afdruk"' in html  # the print style sheet keeps only the list
    assert antwoord["Cache-Control"] == "private, no-store"


def test_aanwezigheidslijst_als_pdf(medewerker_client, sessie, anna, bert):
    antwoord = medewerker_client.get(reverse("sessie-aanwezigheidslijst-pdf", args=[sessie.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord["Content-Disposition"].startswith('attachment; filename="aanwezigheidslijst-')
    tekst = pdf_tekst(antwoord.content)
    for verwacht in (
        "Aanwezigheidslijst: Iedereen welkom in jouw vereniging",
        "Anna Peeters",
        "Toneelkring De Planken",
        "Bert Claes",
        "Handtekening",
    ):
        assert verwacht in tekst


def test_lijst_en_inchecken_tellen_vaste_aantallen_queries(
    medewerker_client, sessie, django_assert_num_queries
):
    """Guards against a query per registration (its session, its workshop) in the rows."""
    inschrijven(sessie, "Eerste")

    def tellen(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as vastgelegd:
            assert medewerker_client.get(url).status_code == 200
        return len(vastgelegd)

    urls = [
        reverse("sessie-aanwezigheidslijst", args=[sessie.pk]),
        reverse("sessie-inchecken", args=[sessie.pk]),
    ]
    weinig = [tellen(url) for url in urls]
    for i in range(15):
        inschrijven(sessie, f"Deelnemer {i:02d}")
    assert [tellen(url) for url in urls] == weinig
    with django_assert_num_queries(weinig[1]):
        medewerker_client.get(urls[1])


def test_startpagina_en_sessie_in_het_beheer_linken_naar_inchecken(medewerker_client, workshop):
    vandaag = timezone.localdate()
    begin = datetime.combine(vandaag, time(23, 0), tzinfo=BRUSSEL)
    sessie = Sessie.objects.create(
        workshop=workshop, begint_op=begin, eindigt_op=begin + timedelta(hours=2), capaciteit=5
    )
    inchecken = reverse("sessie-inchecken", args=[sessie.pk])
    html = medewerker_client.get(reverse("admin:index")).content.decode()
    assert "Vandaag en morgen: inchecken" in html
    assert inchecken in html
    html = medewerker_client.get(
        reverse("admin:workshops_sessie_change", args=[sessie.pk])
    ).content.decode()
    assert inchecken in html
    assert reverse("sessie-aanwezigheidslijst-pdf", args=[sessie.pk]) in html


# --- Checking in ---------------------------------------------------------------------------


def test_inchecken_toont_iedereen_met_knoppen(medewerker_client, sessie, anna, bert):
    antwoord = medewerker_client.get(reverse("sessie-inchecken", args=[sessie.pk]))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert html.count('name="status" value="aanwezig"') == 2
    assert html.count('name="status" value="afwezig"') == 2
    assert 'value="verontschuldigd"' not in html  # workshops know present and absent only
    assert "csrfmiddlewaretoken" in html
    assert 'aria-live="polite"' in html
    assert "js/inchecken" in html


def test_zonder_javascript_post_en_terug_naar_dezelfde_rij(medewerker_client, sessie, anna):
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    antwoord = medewerker_client.post(url, {"status": "aanwezig"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("sessie-inchecken", args=[sessie.pk]) + f"#rij-{anna.pk}"
    anna.refresh_from_db()
    assert anna.aanwezig is True
    pagina = medewerker_client.get(antwoord["Location"]).content.decode()
    assert "Anna Peeters: aanwezig" in pagina  # the message
    assert (
        'value="aanwezig" class="aw-knop aw-knop--aanwezig" data-toets="1" aria-pressed="true"'
        in pagina
    )


def test_met_javascript_json_en_een_kleine_schrijfactie(
    medewerker_client, sessie, anna, django_assert_max_num_queries
):
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    # Session, user and second-factor device (3), the registration, its lock, the one UPDATE,
    # the audit row with its content type (cached outside tests), two savepoints.
    with django_assert_max_num_queries(10):
        antwoord = medewerker_client.post(
            url, {"status": "afwezig"}, headers={"accept": "application/json"}
        )
    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "sleutel": anna.pk,
        "status": "afwezig",
        "label": "Afwezig",
        "melding": "Anna Peeters: afwezig",
    }
    anna.refresh_from_db()
    assert anna.aanwezig is False


def test_geen_toestandswijziging_via_get(medewerker_client, sessie, anna):
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    assert medewerker_client.get(url, {"status": "aanwezig"}).status_code == 405
    anna.refresh_from_db()
    assert anna.aanwezig is None


def test_ongeldige_status_of_andere_sessie(medewerker_client, sessie, anna, workshop):
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    antwoord = medewerker_client.post(url, {"status": "misschien"})
    assert antwoord.status_code == 400
    assert "Kies aanwezig of afwezig." in antwoord.content.decode()
    antwoord = medewerker_client.post(
        url, {"status": "misschien"}, headers={"accept": "application/json"}
    )
    assert antwoord.status_code == 400 and antwoord.json()["fout"]
    andere = maak_sessie(workshop, dagen=30)
    url = reverse("sessie-inchecken-markeren", args=[andere.pk, anna.pk])
    assert medewerker_client.post(url, {"status": "aanwezig"}).status_code == 404


def test_zonder_status_blijft_de_markering(medewerker_client, medewerker, sessie, anna):
    """A POST without `status` (or an empty one) is refused and clears nothing; clearing a
    mark takes the explicit value."""
    from workshops.aanwezigheid_services import aanwezigheid_zetten

    aanwezigheid_zetten(inschrijving=anna, aanwezig=True, door=medewerker)
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    for gegevens in ({}, {"status": ""}):
        antwoord = medewerker_client.post(url, gegevens)
        assert antwoord.status_code == 400
        assert "Kies aanwezig of afwezig." in antwoord.content.decode()
        antwoord = medewerker_client.post(url, gegevens, headers={"accept": "application/json"})
        assert antwoord.status_code == 400 and antwoord.json()["fout"]
        anna.refresh_from_db()
        assert anna.aanwezig is True
    assert medewerker_client.post(url, {"status": "niet_aangeduid"}).status_code == 302
    anna.refresh_from_db()
    assert anna.aanwezig is None


def test_wachtlijst_kan_niet_aanwezig_zijn(medewerker_client, sessie):
    wim = inschrijven(sessie, "Wachtende Wim", status="wachtlijst")
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, wim.pk])
    antwoord = medewerker_client.post(url, {"status": "aanwezig"})
    assert antwoord.status_code == 400
    assert "bevestigd ingeschreven" in antwoord.content.decode()
    wim.refresh_from_db()
    assert wim.aanwezig is None


def test_csrf_is_verplicht(client, medewerker, sessie, anna):
    from django.test import Client

    strikt = Client(enforce_csrf_checks=True)
    strikt.force_login(medewerker)
    url = reverse("sessie-inchecken-markeren", args=[sessie.pk, anna.pk])
    assert strikt.post(url, {"status": "aanwezig"}).status_code == 403
    anna.refresh_from_db()
    assert anna.aanwezig is None


# --- The service ---------------------------------------------------------------------------


def test_service_schrijft_een_auditregel_en_niets_dubbel(sessie, anna, medewerker):
    aanwezigheid_zetten(inschrijving=anna, aanwezig=True, door=medewerker)
    aanwezigheid_zetten(inschrijving=anna, aanwezig=True, door=medewerker)  # no change
    aanwezigheid_zetten(inschrijving=anna, aanwezig=False, door=medewerker)
    regels = list(Auditregel.objects.filter(actie="workshops.aanwezigheid_gezet").order_by("pk"))
    assert [r.omschrijving for r in regels] == [
        "Van niet aangeduid naar aanwezig",
        "Van aanwezig naar afwezig",
    ]
    assert regels[0].door == medewerker
    anna.refresh_from_db()
    assert anna.aanwezig is False


def test_service_weigert_een_geannuleerde_sessie(sessie, anna, medewerker):
    Sessie.objects.filter(pk=sessie.pk).update(geannuleerd_op=sessie.begint_op)
    with pytest.raises(ValidationError):
        aanwezigheid_zetten(inschrijving=anna, aanwezig=True, door=medewerker)


# --- The attestation -----------------------------------------------------------------------


@pytest.fixture
def voorbije_sessie(workshop):
    begin = datetime(2026, 3, 28, 14, 0, tzinfo=BRUSSEL)  # Saturday before summer time
    return Sessie.objects.create(
        workshop=workshop,
        begint_op=begin,
        eindigt_op=datetime(2026, 3, 28, 16, 30, tzinfo=BRUSSEL),
        capaciteit=12,
        plaats="Zaal De Linde, Geel",
    )


def test_attest_voor_wie_aanwezig_was(bezoeker, voorbije_sessie, medewerker):
    lien = inschrijven(voorbije_sessie, "Lien Janssens", organisatie="KSA Geel")
    aanwezigheid_zetten(inschrijving=lien, aanwezig=True, door=medewerker)
    pagina = bezoeker.get(lien.get_absolute_url()).content.decode()
    attest_url = reverse("inschrijving-attest", args=[lien.token])
    assert attest_url in pagina  # linked from the personal page

    antwoord = bezoeker.get(attest_url)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert "no-store" in antwoord["Cache-Control"]
    tekst = pdf_tekst(antwoord.content)
    for verwacht in (
        "Attest van deelname",
        "Lien Janssens",
        "KSA Geel",
        "Iedereen welkom in jouw vereniging",
        "zaterdag 28 maart 2026, 14:00–16:30",
        "2 uur 30 minuten",
        "Zaal De Linde, Geel",
        "BurgersAanZet (BAZ)",
        "info@burgersaanzet.be",
    ):
        assert verwacht in tekst, verwacht


@pytest.mark.parametrize("aanwezig", [None, False])
def test_geen_attest_voor_wie_niet_aanwezig_was(bezoeker, voorbije_sessie, aanwezig):
    jan = inschrijven(voorbije_sessie, "Jan Smets", aanwezig=aanwezig)
    pagina = bezoeker.get(jan.get_absolute_url()).content.decode()
    attest_url = reverse("inschrijving-attest", args=[jan.token])
    assert attest_url not in pagina
    antwoord = bezoeker.get(attest_url)
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"].startswith("text/html")
    assert "Geen attest beschikbaar" in antwoord.content.decode()
    assert "als aanwezig heeft aangeduid" in antwoord.content.decode()


def test_geen_attest_voor_een_sessie_die_nog_komt(bezoeker, sessie, anna, medewerker):
    aanwezigheid_zetten(inschrijving=anna, aanwezig=True, door=medewerker)
    attest_url = reverse("inschrijving-attest", args=[anna.token])
    assert attest_url not in bezoeker.get(anna.get_absolute_url()).content.decode()
    assert bezoeker.get(attest_url).status_code == 404


def test_geen_attest_bij_een_onbekende_link(bezoeker, db):
    antwoord = bezoeker.get(reverse("inschrijving-attest", args=["bestaat-niet"]))
    assert antwoord.status_code == 404
    assert "We vinden geen inschrijving" in antwoord.content.decode()
