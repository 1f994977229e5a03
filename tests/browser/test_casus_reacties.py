"""A member replies to a case with the keyboard only, first with an error; the profile's digest
choice; axe-core at 0 violations on each page (issue 14, part 8)."""

import re

import pytest
from playwright.sync_api import expect

from netwerken import services
from netwerken.models import CasusReactie, Deelnemer, Digest
from tests.browser.conftest import axe_overtredingen
from tests.netwerken.factories import maak_deelnemer, maak_netwerk

pytestmark = pytest.mark.browser


@pytest.fixture
def casus(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")
    jef = maak_deelnemer(netwerk, username="jef", first_name="Jef", last_name="Claes")
    casus = services.casus_indienen(
        deelnemer=jef, titel="Vrijwilligers vinden", context="Een buurtproject.", vraag="Hoe?"
    )
    services.casus_reactie_plaatsen(casus=casus, deelnemer=jef, tekst="Aanvulling van Jef.")
    return casus


def _aanmelden(pagina, volgende: str):
    pagina.goto(volgende)
    pagina.get_by_label("Gebruikersnaam").fill("an")
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    pagina.get_by_label("Wachtwoord").press("Enter")
    expect(pagina).to_have_url(re.compile(re.escape(volgende) + "$"))


def _geen_overtredingen(pagina):
    assert pagina.locator("h1").count() == 1
    assert axe_overtredingen(pagina) == [], pagina.url


def test_reageren_met_het_toetsenbord(pagina, casus):
    _aanmelden(pagina, casus.get_absolute_url())
    expect(pagina.get_by_role("heading", name="Reacties (1)")).to_be_visible()
    _geen_overtredingen(pagina)

    # Empty: the error summary, 400, nothing stored.
    veld = pagina.get_by_label("Je reactie")
    veld.focus()
    pagina.keyboard.press("Tab")  # to the button
    expect(pagina.get_by_role("button", name="Reactie plaatsen")).to_be_focused()
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("alert")).to_contain_text("Schrijf een reactie.")
    _geen_overtredingen(pagina)

    pagina.get_by_label("Je reactie").fill("Bij ons werkte een oproep via de school.")
    pagina.get_by_label("Je reactie").focus()
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_text("Je reactie is geplaatst.")).to_be_visible()
    expect(pagina.get_by_text("Bij ons werkte een oproep via de school.")).to_be_visible()
    expect(pagina.get_by_role("heading", name="Reacties (2)")).to_be_visible()
    _geen_overtredingen(pagina)
    assert CasusReactie.objects.count() == 2


def test_overzicht_per_mail_uitzetten_in_het_profiel(pagina, casus):
    _aanmelden(pagina, "/netwerken/kempen/profiel/")
    expect(pagina.get_by_label("Wekelijks (op maandag)")).to_be_checked()
    _geen_overtredingen(pagina)
    pagina.get_by_label("Nooit").check()
    pagina.get_by_role("button", name="Profiel bewaren").click()
    expect(pagina.get_by_text("Je profiel is bewaard.")).to_be_visible()
    assert Deelnemer.objects.get(user__username="an").digest == Digest.UIT
