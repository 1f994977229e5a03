"""A staff member links an authenticator app and passes the second step, keyboard only;
both pages at 0 axe violations, on desktop and at phone width."""

from base64 import b32encode

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.beveiliging.test_tweestaps import WACHTWOORD, code

from .conftest import axe_overtredingen
from .toezicht import tab_naar, typ

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _tweede_factor_aan(settings):
    settings.BEHEER_TWEESTAPS = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code, then at once the right one


def wachtwoord_invullen(page):
    page.goto("/beheer/")
    naam = page.locator("#id_username")
    if not naam.evaluate("el => el === document.activeElement"):  # the admin autofocuses it
        tab_naar(page, naam)
    typ(page, "medewerker")
    tab_naar(page, page.locator("#id_password"))
    typ(page, WACHTWOORD)
    page.keyboard.press("Enter")


def code_invullen(page, waarde):
    tab_naar(page, page.locator("#id_code"))
    typ(page, waarde)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("scherm", ["pagina", "telefoon"])
def test_app_koppelen_en_aanmelden_met_het_toetsenbord(request, scherm, medewerker):
    page = request.getfixturevalue(scherm)
    wachtwoord_invullen(page)
    page.wait_for_url("**/account/tweestaps/instellen/**")
    assert axe_overtredingen(page) == []
    tab_naar(page, page.get_by_role("button", name="Start met koppelen"))
    page.keyboard.press("Enter")
    page.get_by_role("img", name="QR-code om je authenticator-app te koppelen").wait_for()
    assert axe_overtredingen(page) == []

    apparaat = TOTPDevice.objects.get(user=medewerker)
    sleutel = page.locator("code.sleutel").inner_text().replace(" ", "")
    assert sleutel == b32encode(apparaat.bin_key).decode(), "the key shown is the device's"
    code_invullen(page, "123")
    page.get_by_text("Een code bestaat uit zes cijfers").first.wait_for()
    assert axe_overtredingen(page) == []
    code_invullen(page, code(apparaat))
    page.wait_for_url("**/beheer/")
    assert page.get_by_role("heading", name="Beheer").is_visible()

    page.context.clear_cookies()
    wachtwoord_invullen(page)
    page.wait_for_url("**/account/tweestaps/?**")
    assert axe_overtredingen(page) == []
    code_invullen(page, "000000")
    page.get_by_text("Deze code klopt niet").first.wait_for()
    samenvatting = page.locator(".formulierfouten, [role=alert]").first
    assert samenvatting.is_visible()
    assert axe_overtredingen(page) == []
    apparaat.refresh_from_db()
    code_invullen(page, code(apparaat, stap=1))
    page.wait_for_url("**/beheer/")
    assert page.get_by_role("heading", name="Beheer").is_visible()
