"""A deelnemer signs up for an open session, lands on the waiting list, cancels, moves up."""

import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from workshops.models import Inschrijving

from .conftest import geladen, maak_sessie

pytestmark = pytest.mark.django_db


def inschrijven(client, sessie, naam, email, **extra):
    gegevens = {"naam": naam, "email": email, "geladen": geladen(), "website": "", **extra}
    return client.post(sessie.get_absolute_url(), gegevens)


def ics_uit(bericht) -> Calendar:
    (naam, inhoud, soort), *_ = bericht.attachments
    assert naam == "workshop.ics"
    assert soort.startswith("text/calendar")
    return Calendar.from_ical(inhoud)


def test_inschrijving_bevestigd_met_ics_en_persoonlijke_link(
    bezoeker, sessie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = inschrijven(bezoeker, sessie, "Lien", "Lien@Example.org", organisatie="KSA")
    inschrijving = Inschrijving.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("inschrijving", args=[inschrijving.token])
    assert inschrijving.status == "bevestigd"
    assert inschrijving.email == "lien@example.org"
    pagina = bezoeker.get(response["Location"])
    assert "je bent ingeschreven" in pagina.content.decode()

    (bericht,) = mail.outbox
    assert bericht.to == ["lien@example.org"]
    assert "Je bent ingeschreven" in bericht.subject
    assert inschrijving.get_absolute_url() in bericht.body
    kalender = ics_uit(bericht)
    (event,) = kalender.events
    assert event.start == sessie.begint_op
    assert event.end == sessie.eindigt_op
    assert str(event["SUMMARY"]) == sessie.workshop.titel
    assert sessie.get_absolute_url() in str(event["URL"])
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert kalender.walk("VTIMEZONE")


def test_volzet_zet_op_wachtlijst_en_zegt_het(bezoeker, sessie, django_capture_on_commit_callbacks):
    inschrijven(bezoeker, sessie, "A", "a@example.org")
    inschrijven(bezoeker, sessie, "B", "b@example.org")
    pagina = bezoeker.get(sessie.get_absolute_url())
    assert "Inschrijven op de wachtlijst" in pagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = inschrijven(bezoeker, sessie, "C", "c@example.org")
    c = Inschrijving.objects.get(email="c@example.org")
    assert c.status == "wachtlijst"
    pagina = bezoeker.get(response["Location"]).content.decode()
    assert "je staat op de wachtlijst (plaats 1)" in pagina
    (bericht,) = mail.outbox
    assert "wachtlijst" in bericht.subject
    assert bericht.attachments == []


def test_annuleren_laat_de_eerste_van_de_wachtlijst_doorschuiven(
    bezoeker, sessie, django_capture_on_commit_callbacks
):
    for letter in "abcd":
        inschrijven(bezoeker, sessie, letter.upper(), f"{letter}@example.org")
    a = Inschrijving.objects.get(email="a@example.org")
    # GET never changes anything: it asks for confirmation; the POST from there cancels.
    assert bezoeker.get(reverse("inschrijving-annuleren", args=[a.token])).status_code == 200
    assert Inschrijving.objects.get(pk=a.pk).status == "bevestigd"
    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(reverse("inschrijving-annuleren", args=[a.token]))
    assert response.status_code == 302
    statussen = dict(Inschrijving.objects.values_list("email", "status"))
    assert statussen == {
        "a@example.org": "geannuleerd",
        "b@example.org": "bevestigd",
        "c@example.org": "bevestigd",
        "d@example.org": "wachtlijst",
    }
    bevestiging, bericht = mail.outbox
    assert bevestiging.to == ["a@example.org"]
    assert "geannuleerd" in bevestiging.subject
    assert bericht.to == ["c@example.org"]
    assert "plaats vrij" in bericht.subject
    assert ics_uit(bericht).events
    assert "geannuleerd" in bezoeker.get(response["Location"]).content.decode()


def test_zelfde_adres_twee_keer_krijgt_een_duidelijke_melding(bezoeker, sessie):
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    response = inschrijven(bezoeker, sessie, "Lien", "LIEN@example.org")
    assert response.status_code == 400
    assert "al iemand ingeschreven" in response.content.decode()
    assert Inschrijving.objects.count() == 1


def test_dubbele_klik_geeft_een_inschrijving_en_dezelfde_pagina(bezoeker, sessie):
    sleutel = str(uuid.uuid4())
    eerste = inschrijven(bezoeker, sessie, "Lien", "lien@example.org", sleutel=sleutel)
    tweede = inschrijven(bezoeker, sessie, "Lien", "lien@example.org", sleutel=sleutel)
    assert eerste["Location"] == tweede["Location"]
    assert Inschrijving.objects.count() == 1


def test_foute_invoer(bezoeker, sessie):
    response = inschrijven(bezoeker, sessie, "", "geen-adres", toegankelijkheid="x" * 5000)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Geef je naam." in html
    assert "Geef een geldig e-mailadres" in html
    assert "hoogstens 1000 tekens" in html
    assert Inschrijving.objects.count() == 0


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"geannuleerd_op": timezone.now()}, "Deze sessie is geannuleerd."),
        ({"inschrijving_open": False}, "De inschrijvingen voor deze sessie zijn gesloten."),
        (
            {"inschrijven_tot": timezone.now() - timedelta(hours=1)},
            "De inschrijvingstermijn voor deze sessie is verstreken.",
        ),
    ],
)
def test_gesloten_sessie_zegt_waarom(bezoeker, workshop, wijziging, melding):
    sessie = maak_sessie(workshop, **wijziging)
    pagina = bezoeker.get(sessie.get_absolute_url()).content.decode()
    assert melding in pagina
    assert 'name="email"' not in pagina
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    assert Inschrijving.objects.count() == 0


def test_voorbije_sessie(bezoeker, workshop):
    sessie = maak_sessie(workshop, dagen=-3)
    assert "Deze sessie is voorbij." in bezoeker.get(sessie.get_absolute_url()).content.decode()


def test_gesloten_groepssessie_enkel_met_de_link(bezoeker, workshop):
    sessie = maak_sessie(workshop, openbaar=False)
    kaal = reverse("sessie", args=[workshop.slug, sessie.pk])
    assert bezoeker.get(kaal).status_code == 404
    assert bezoeker.get(sessie.get_absolute_url()).status_code == 200
    assert sessie.get_absolute_url().startswith(kaal + "?toegang=")
    assert "Zaal De Linde" not in bezoeker.get("/workshops/").content.decode()


def test_onbekende_token_geeft_een_duidelijke_404(bezoeker, db):
    for naam in ("inschrijving", "inschrijving-ics", "evaluatie"):
        response = bezoeker.get(reverse(naam, args=["niet-bestaand"]))
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
    response = bezoeker.post(reverse("inschrijving-annuleren", args=["niet-bestaand"]))
    assert response.status_code == 404


def test_ics_van_de_inschrijving(bezoeker, sessie):
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    inschrijving = Inschrijving.objects.get()
    response = bezoeker.get(reverse("inschrijving-ics", args=[inschrijving.token]))
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).events
    assert event.start == sessie.begint_op
