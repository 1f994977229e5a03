"""A member's journey through the network space, with axe-core at 0 violations on every page."""

import re

import pytest
from playwright.sync_api import expect

from netwerken import services
from netwerken.models import Casus, Evaluatie
from tests.browser.conftest import axe_overtredingen
from tests.netwerken.factories import (
    maak_bijeenkomst,
    maak_deelnemer,
    maak_netwerk,
    maak_verslag,
)


@pytest.fixture
def netwerk_met_verslag(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    an = maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")
    jef = maak_deelnemer(netwerk, username="jef", first_name="Jef", last_name="Claes")
    bericht = services.bericht_plaatsen(deelnemer=jef, soort="tip", tekst="Probeer een buurtsoep.")
    services.reactie_plaatsen(bericht=bericht, deelnemer=an, tekst="Goed idee!")
    voorbij = maak_bijeenkomst(netwerk, dagen=-7, thema="Kennismaking")
    maak_bijeenkomst(netwerk, dagen=14, thema="De rol van het lokaal bestuur")
    services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[an])
    services.verslag_publiceren(
        verslag=maak_verslag(voorbij, tekst="We spraken af om **elke maand** af te spreken.")
    )
    return netwerk


def _geen_overtredingen(pagina):
    assert pagina.locator("h1").count() == 1
    assert axe_overtredingen(pagina) == [], pagina.url


def test_deelnemer_leest_verslag_dient_casus_in_en_evalueert(pagina, netwerk_met_verslag):
    # Anonymous: the network sends us to the login page and back.
    pagina.goto("/netwerken/kempen/")
    expect(pagina).to_have_url(re.compile(r"/account/login/\?next="))
    pagina.get_by_label("Gebruikersnaam").fill("an")
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    pagina.get_by_role("button", name="Aanmelden").click()
    expect(pagina).to_have_url(re.compile(r"/netwerken/kempen/$"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Lerend netwerk Kempen")
    _geen_overtredingen(pagina)

    # Read the verslag of the past meeting.
    pagina.get_by_role("link", name=re.compile(r"Lees het verslag\s*: Kennismaking")).click()
    expect(pagina.get_by_role("heading", name="Verslag")).to_be_visible()
    expect(pagina.get_by_text("elke maand")).to_be_visible()
    _geen_overtredingen(pagina)

    # Post a case for the upcoming meeting; first with an error, then correctly.
    pagina.get_by_role("navigation", name="Netwerkmenu").get_by_role(
        "link", name="Casus indienen"
    ).click()
    _geen_overtredingen(pagina)
    pagina.get_by_label("Titel").fill("Vrijwilligers vinden")
    pagina.get_by_role("button", name="Casus indienen").click()
    expect(pagina.get_by_role("alert")).to_contain_text("Beschrijf de context van je casus.")
    expect(pagina.get_by_label("Titel")).to_have_value("Vrijwilligers vinden")
    _geen_overtredingen(pagina)
    pagina.get_by_label("Context").fill("Onze buurtwerking zoekt nieuwe vrijwilligers.")
    pagina.get_by_label("Vraag aan het netwerk").fill("Hoe bereiken jullie nieuwe mensen?")
    pagina.get_by_label("Bijeenkomst").select_option(label="De rol van het lokaal bestuur")
    pagina.get_by_role("button", name="Casus indienen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Vrijwilligers vinden")
    _geen_overtredingen(pagina)
    assert Casus.objects.get().bijeenkomst.thema == "De rol van het lokaal bestuur"

    # Evaluate the past meeting.
    pagina.get_by_role("navigation", name="Netwerkmenu").get_by_role(
        "link", name="Overzicht"
    ).click()
    pagina.get_by_role(
        "link", name=re.compile(r"Evalueer deze bijeenkomst\s*: Kennismaking")
    ).click()
    _geen_overtredingen(pagina)
    pagina.get_by_label("4", exact=True).check()
    pagina.get_by_label("Wat was nuttig voor jou?").fill("De kennismaking")
    pagina.get_by_role("button", name="Evaluatie versturen").click()
    expect(pagina.get_by_text("Bedankt voor je evaluatie!")).to_be_visible()
    expect(pagina.get_by_text("Je gaf deze bijeenkomst 4 op 5.")).to_be_visible()
    _geen_overtredingen(pagina)
    assert Evaluatie.objects.get().score == 4

    # The remaining member pages.
    for pad in ["/netwerken/kempen/profiel/", "/netwerken/kempen/inspireer-elkaar/",
                "/netwerken/kempen/jaarevaluatie/", "/netwerken/"]:  # fmt: skip
        pagina.goto(pad)
        _geen_overtredingen(pagina)


def test_lid_landt_in_het_netwerk_en_vindt_het_terug_in_de_kop(scherm, netwerk_met_verslag):
    """Logging in without a ?next= lands in one's own network; from any page "Mijn netwerk"
    in the header leads back, at desktop and phone width, without axe violations."""
    scherm.goto("/account/login/")
    scherm.get_by_label("Gebruikersnaam").fill("an")
    scherm.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    scherm.get_by_role("button", name="Aanmelden").click()
    expect(scherm).to_have_url(re.compile(r"/netwerken/kempen/$"))
    expect(scherm.get_by_role("heading", level=1)).to_have_text("Lerend netwerk Kempen")

    scherm.goto("/inspiraties/")
    link = scherm.get_by_role("banner").get_by_role("link", name="Mijn netwerk", exact=True)
    expect(link).to_be_visible()
    _geen_overtredingen(scherm)
    # The header fits the screen: nothing sticks out to the side.
    assert scherm.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    link.click()
    expect(scherm).to_have_url(re.compile(r"/netwerken/kempen/$"))

    # Logged out, the header has no network link (and the public page no one's name).
    scherm.get_by_role("button", name="Afmelden").click()
    scherm.goto("/inspiraties/")
    expect(scherm.get_by_role("banner").get_by_role("link", name="Aanmelden")).to_be_visible()
    expect(scherm.get_by_role("link", name="Mijn netwerk")).to_have_count(0)


def test_publieke_pagina_en_foutmeldingen_op_telefoon(telefoon, transactional_db):
    maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    telefoon.goto("/netwerken/")
    _geen_overtredingen(telefoon)
    telefoon.get_by_role("button", name="Interesse versturen").click()
    expect(telefoon.get_by_role("alert")).to_be_visible()
    _geen_overtredingen(telefoon)


def test_medewerker_nodigt_uit_en_publiceert_verslag(pagina, transactional_db, settings):
    from django.contrib.auth import get_user_model
    from django.core import mail

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user(
        "mieke", "mieke@example.org", "geheim-wachtwoord-42", is_staff=True, is_superuser=True
    )
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    voorbij = maak_bijeenkomst(netwerk, dagen=-7, thema="Kennismaking")
    maak_verslag(voorbij, tekst="Demoverslag.")

    pagina.goto("/beheer/")
    pagina.get_by_label("Gebruikersnaam").fill("mieke")
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    pagina.get_by_role("button", name="Aanmelden").click()
    pagina.goto(f"/beheer/netwerken/netwerk/{netwerk.pk}/change/")
    pagina.get_by_role("link", name="Deelnemer uitnodigen").click()
    pagina.get_by_label("E-mailadres").fill("nina@gemeente.be")
    pagina.get_by_label("Voornaam").fill("Nina")
    pagina.get_by_label("Achternaam").fill("Nieuw")
    pagina.get_by_label("Organisatie").fill("Gemeente Y")
    pagina.get_by_role("button", name="Uitnodiging versturen").click()
    expect(pagina.get_by_text("Nina Nieuw is uitgenodigd")).to_be_visible()
    assert netwerk.deelnemers.get().user.email == "nina@gemeente.be"

    pagina.goto("/beheer/netwerken/verslag/")
    pagina.get_by_role("checkbox", name=re.compile("selecteer", re.IGNORECASE)).last.check()
    pagina.get_by_role("combobox", name=re.compile("actie", re.IGNORECASE)).select_option(
        "publiceren"
    )
    pagina.get_by_role("button", name=re.compile("uitvoeren", re.IGNORECASE)).click()
    expect(pagina.get_by_text("gepubliceerd; de deelnemers krijgen een mail")).to_be_visible()
    assert [m.to for m in mail.outbox if "Kennismaking" in m.subject] == [["nina@gemeente.be"]]
