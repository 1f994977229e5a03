"""Browser journey for /inspiraties/tip/: a bezoeker tips an initiative (bad input first, the
gemeente through the combobox, a photo), checks the answers, sends; the eindredactie takes it up
in the admin and publishes it; the tipper is mailed the link. axe-core finds nothing on any page
or state, at desktop and phone width."""

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from PIL import Image
from playwright.sync_api import expect

from baz.models import Mail
from inspiraties.models import Inspiratie, Tip
from tests.browser.conftest import axe_overtredingen


@pytest.fixture
def omgeving(werkmodellen, gemeenten, settings):
    settings.FORMULIER_MIN_INVULTIJD = 0
    settings.SITE_URL = "https://baz.example.org"
    cache.clear()  # the rate limit counts per address; the live server is always 127.0.0.1


@pytest.fixture
def eindredacteur(omgeving, django_user_model):
    """The Eindredactie's permissions given directly: a live-server test flushes the groups
    that a data migration made."""
    eindredacteur = django_user_model.objects.create_user(
        "eindredacteur",
        "eindredacteur@example.org",
        "geheim-wachtwoord-42",
        is_staff=True,
        first_name="Els",
    )
    eindredacteur.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="inspiraties",
            codename__in=["publiceren", "change_inspiratie", "view_inspiratie"],
        )
    )
    return eindredacteur


def _jpeg() -> bytes:
    bestand = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(bestand, format="JPEG")
    return bestand.getvalue()


def _het_initiatief_invullen(pagina) -> None:
    pagina.get_by_label("Naam van het initiatief").fill("Soepcafé De Pollepel")
    pagina.get_by_label("Wat doet het initiatief?").fill(
        "Elke zondag koken buren samen soep en eten ze samen, voor wie alleen is."
    )
    gemeente = pagina.get_by_role("combobox", name="Waar?")
    gemeente.fill("gee")
    pagina.get_by_role("option", name="Geel", exact=True).click()
    expect(gemeente).to_have_value("Geel")
    pagina.get_by_label("Community building").check()
    pagina.get_by_label("Je naam", exact=True).fill("Sofie Peeters")
    pagina.get_by_label("Nee", exact=True).check()
    pagina.get_by_label("Alleen met mijn voornaam").check()


def test_tip_van_formulier_tot_publicatie(pagina, eindredacteur):
    pagina.goto("/inspiraties/")
    pagina.get_by_role("link", name="Tip een inspiratie").first.click()
    assert pagina.locator("h1").inner_text() == "Tip een inspiratie"
    assert axe_overtredingen(pagina) == []

    # Bad input first: an error summary, messages beside the fields, everything kept.
    _het_initiatief_invullen(pagina)
    pagina.get_by_label("Je e-mailadres").fill("sofie-at-example")
    pagina.get_by_label("Een foto van het initiatief").set_input_files(
        files=[{"name": "pollepel.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    pagina.get_by_role("button", name="Verder: je antwoorden nakijken").click()
    expect(pagina.locator(".foutenoverzicht")).to_be_visible()
    expect(pagina.locator(".foutenoverzicht")).to_be_focused()
    inhoud = pagina.content()
    assert "Geef een geldig e-mailadres" in inhoud
    assert "Zonder toestemming van de maker" in inhoud
    assert "Gekozen foto: pollepel.jpg" in inhoud  # kept on the server, not lost
    assert pagina.get_by_label("Naam van het initiatief").input_value() == "Soepcafé De Pollepel"
    expect(pagina.get_by_role("combobox", name="Waar?")).to_have_value("Geel")
    assert axe_overtredingen(pagina) == []

    pagina.get_by_label("Je e-mailadres").fill("sofie@example.org")
    pagina.get_by_label("Wat staat er op de foto?").fill("Buren aan een lange tafel met soep")
    pagina.get_by_label("Wie maakte de foto?").fill("Jan Janssens")
    pagina.get_by_label(re.compile("^Wie de foto maakte en wie erop staat")).check()
    pagina.get_by_label(re.compile("^BurgersAanZet mag me mailen")).check()
    pagina.get_by_role("button", name="Verder: je antwoorden nakijken").click()

    # The check page: nothing stored yet.
    assert pagina.locator("h1").inner_text() == "Kijk je tip na"
    inhoud = pagina.content()
    assert "Geel (Antwerpen)" in inhoud and "pollepel.jpg" in inhoud and "Jan Janssens" in inhoud
    assert not Inspiratie.objects.exists()
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Aanpassen").click()
    assert pagina.get_by_label("Je naam", exact=True).input_value() == "Sofie Peeters"
    assert "Gekozen foto: pollepel.jpg" in pagina.content()
    pagina.get_by_role("button", name="Verder: je antwoorden nakijken").click()
    pagina.get_by_role("button", name="Tip versturen").click()

    # The confirmation says what happens next and when.
    assert pagina.locator("h1").inner_text() == "Bedankt voor je tip"
    assert "binnen 10 werkdagen" in pagina.content()
    assert axe_overtredingen(pagina) == []
    tip = Tip.objects.select_related("inspiratie").get()
    assert tip.inspiratie.status == Inspiratie.Status.GETIPT
    assert tip.inspiratie.afbeelding and tip.foto_toestemming and tip.toestemming_op
    assert set(Mail.objects.values_list("soort", flat=True)) == {
        "inspiraties.tip_ontvangen",
        "inspiraties.tip_melding",
    }
    # Not public while getipt.
    assert pagina.goto(tip.inspiratie.get_absolute_url()).status == 404

    # The staff side: the start page lists the tip; take it up, then publish it.
    pagina.goto("/beheer/login/")
    pagina.get_by_label("Gebruikersnaam").fill("eindredacteur")
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    pagina.get_by_role("button", name="Aanmelden").click()
    expect(pagina).to_have_url(re.compile(r"/beheer/$"))
    pagina.get_by_role("link", name="Soepcafé De Pollepel").click()
    expect(pagina.locator("#redactie-status")).to_have_text("Getipt (nog niet opgepakt)")
    herkomst = pagina.locator("#tip-group")
    expect(herkomst).to_contain_text("Sofie Peeters")
    expect(herkomst).to_contain_text("tip-2026-12")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Tip oppakken (wordt een concept)").click()
    expect(pagina.locator("#redactie-status")).to_have_text("Concept")
    pagina.get_by_role("button", name="Publiceren").click()
    expect(pagina.locator("#redactie-status")).to_have_text("Gepubliceerd")

    mail = Mail.objects.get(soort="inspiraties.tip_gepubliceerd")
    assert mail.ontvanger == "sofie@example.org"
    assert "https://baz.example.org/inspiraties/soepcafe-de-pollepel/" in mail.tekst

    # Published: the story shows the tipper's first name, "Doe mee" and the link to tip.
    pagina.goto("/inspiraties/soepcafe-de-pollepel/")
    assert pagina.locator("h1").inner_text() == "Soepcafé De Pollepel"
    inhoud = pagina.content()
    assert "Getipt door" in inhoud and ">Sofie<" in inhoud and "Peeters" not in inhoud
    assert pagina.get_by_role("heading", name="Doe mee").is_visible()
    assert axe_overtredingen(pagina) == []


def test_tip_op_een_telefoon_zonder_en_met_fouten(telefoon, omgeving):
    telefoon.goto("/inspiraties/tip/?gemeente=geel")
    expect(telefoon.get_by_role("combobox", name="Waar?")).to_have_value("Geel")
    assert axe_overtredingen(telefoon) == []
    telefoon.get_by_role("button", name="Verder: je antwoorden nakijken").click()
    expect(telefoon.locator(".foutenoverzicht")).to_be_visible()
    assert axe_overtredingen(telefoon) == []
    # Typed, but no gemeente of the list: said so, what was typed kept.
    gemeente = telefoon.get_by_role("combobox", name="Waar?")
    gemeente.fill("Atlantis")
    telefoon.get_by_role("button", name="Verder: je antwoorden nakijken").click()
    assert "Kies een gemeente uit de lijst." in telefoon.content()
    assert axe_overtredingen(telefoon) == []


def test_gemeente_zonder_javascript_is_een_gewone_keuzelijst(browser, live_server, omgeving):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", java_script_enabled=False
    )
    pagina = context.new_page()
    try:
        pagina.goto("/inspiraties/tip/")
        pagina.get_by_label("Waar?").select_option(label="Geel")
        assert pagina.get_by_role("combobox", name="Waar?").evaluate("e => e.tagName") == "SELECT"
    finally:
        context.close()


def test_gemeentepaginas_zonder_axe_fouten(scherm, omgeving, gemeenten):
    from tests.factories import maak_inspiratie

    maak_inspiratie(titel="Buren in Geel", gemeente=gemeenten["Geel"], provincie="antwerpen")
    maak_inspiratie(titel="Hecht Arendonk", gemeente=gemeenten["Arendonk"], provincie="antwerpen")
    for adres in ("/gemeenten/", "/gemeenten/?q=2440", "/gemeenten/?q=xyz", "/gemeenten/geel/"):
        scherm.goto(adres)
        assert scherm.locator("h1").count() == 1
        assert axe_overtredingen(scherm) == [], adres
    scherm.goto("/inspiraties/?gemeente=geel")
    assert "1 inspiratie" in scherm.locator("#resultaten-kop").inner_text()
    assert axe_overtredingen(scherm) == []
    # The map, opened: its areas are links; the table has the same facts, by keyboard too.
    for adres, kaart in (
        ("/inspiraties/", "#kaart-catalogus"),
        ("/gemeenten/", "#kaart-gemeenten"),
    ):
        scherm.goto(adres)
        scherm.locator(f"{kaart} summary").click()
        expect(scherm.locator(f"{kaart} svg")).to_be_visible()
        assert axe_overtredingen(scherm) == [], adres
    scherm.locator("#kaart-gemeenten svg a").first.click()
    expect(scherm).to_have_url(re.compile(r"/inspiraties/\?provincie=antwerpen$"))
    assert "2 inspiraties" in scherm.locator("#resultaten-kop").inner_text()
