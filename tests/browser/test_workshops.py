"""Browser journeys for workshops: a request, and sign-up with waiting list and cancellation.
axe-core must find no violations on any page, error states included."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Aanvraag, Doelpubliek, Inschrijving


@pytest.fixture
def workshop(werkmodellen, settings):
    settings.FORMULIER_MIN_INVULTIJD = 0
    cache.clear()  # the rate limit counts per address; the live server is always 127.0.0.1
    doelpubliek = Doelpubliek.objects.create(slug="verenigingen", naam="Verenigingen")
    return maak_workshop(
        doelpubliek=doelpubliek, werkmodellen=[werkmodellen["vrijwillig-engagement"]]
    )


def test_een_vereniging_vraagt_een_workshop_aan(pagina, workshop, gemeenten):
    pagina.goto("/workshops/")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Iedereen welkom in jouw vereniging").first.click()
    assert pagina.locator("h1").inner_text() == "Iedereen welkom in jouw vereniging"
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Vraag deze workshop aan").click()
    assert axe_overtredingen(pagina) == []

    # Sending half a form: an error summary, messages beside the fields, input kept.
    pagina.get_by_label("Naam van de vereniging of organisatie").fill("Toneelkring De Planken")
    pagina.get_by_role("button", name="Aanvraag versturen").click()
    expect(pagina.locator(".foutenoverzicht")).to_be_visible()
    assert pagina.get_by_label("Naam van de vereniging of organisatie").input_value() == (
        "Toneelkring De Planken"
    )
    assert "Geef een e-mailadres." in pagina.content()
    assert axe_overtredingen(pagina) == []

    vandaag = timezone.localdate()
    pagina.get_by_label("Toneelvereniging").check()
    pagina.get_by_label("Gemeente").select_option(label="Geel")
    pagina.get_by_label("Contactpersoon").fill("Sofie Peeters")
    pagina.get_by_label("E-mailadres").fill("sofie@deplanken.be")
    pagina.get_by_label("Telefoon").fill("0470 12 34 56")
    pagina.get_by_label("Live", exact=True).check()
    pagina.get_by_label("Voorkeursperiode 1").fill((vandaag + timedelta(days=30)).isoformat())
    pagina.get_by_label("Voorkeursperiode 2").fill((vandaag + timedelta(days=60)).isoformat())
    pagina.get_by_label("Verwacht aantal deelnemers").fill("14")
    pagina.get_by_label("Wat willen jullie leren?").fill("Hoe verwelkomen we nieuwe leden?")
    pagina.get_by_role("button", name="Aanvraag versturen").click()

    assert pagina.locator("h1").inner_text() == "Bedankt, we ontvingen je aanvraag"
    assert axe_overtredingen(pagina) == []
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.organisatie == "Toneelkring De Planken"
    assert aanvraag.nieuwsbrief is False


def test_inschrijven_wachtlijst_en_annuleren(pagina, workshop):
    sessie = maak_sessie(workshop, capaciteit=1)
    eerste = Inschrijving.objects.create(
        sessie=sessie, naam="Eerste", email="eerste@example.org", status="bevestigd"
    )
    pagina.goto(workshop.get_absolute_url())
    pagina.locator(".ws-sessie a").first.click()
    assert "Inschrijven op de wachtlijst" in pagina.content()
    assert axe_overtredingen(pagina) == []

    pagina.get_by_role("button", name="Op de wachtlijst").click()
    expect(pagina.locator(".foutenoverzicht")).to_be_visible()
    assert axe_overtredingen(pagina) == []

    pagina.get_by_label("Naam").fill("Lien")
    pagina.get_by_label("E-mailadres").fill("lien@example.org")
    pagina.get_by_role("button", name="Op de wachtlijst").click()
    assert "je staat op de wachtlijst (plaats 1)" in pagina.content()
    assert axe_overtredingen(pagina) == []
    lien_url = pagina.url

    # The first participant cancels through their personal link; Lien moves up.
    pagina.goto(eerste.get_absolute_url())
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("link", name="Annuleer mijn inschrijving").click()
    assert "Ja, annuleer mijn inschrijving" in pagina.content()
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Ja, annuleer mijn inschrijving").click()
    assert "Je inschrijving is geannuleerd" in pagina.content()
    assert axe_overtredingen(pagina) == []
    pagina.goto(lien_url)
    assert "je bent ingeschreven" in pagina.content()


def test_onbekende_link_en_telefoon(pagina, telefoon, workshop):
    pagina.goto("/workshops/inschrijving/bestaat-niet/")
    assert pagina.locator("h1").inner_text() == "Deze link werkt niet"
    assert axe_overtredingen(pagina) == []
    maak_sessie(workshop)
    telefoon.goto("/workshops/")
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360
    assert axe_overtredingen(telefoon) == []


def test_evaluatie_met_foutmelding(pagina, workshop):
    sessie = maak_sessie(workshop, dagen=-2)
    inschrijving = Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", status="bevestigd", aanwezig=True
    )
    pagina.goto(f"/workshops/evaluatie/{inschrijving.token}/")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Evaluatie versturen").click()
    assert "Kies een score van 1 tot 5." in pagina.content()
    assert axe_overtredingen(pagina) == []
    pagina.get_by_label("4").check()
    pagina.get_by_label("Wat was goed?").fill("De verhalen")
    pagina.get_by_role("button", name="Evaluatie versturen").click()
    assert "Bedankt voor je evaluatie!" in pagina.content()
    assert axe_overtredingen(pagina) == []
