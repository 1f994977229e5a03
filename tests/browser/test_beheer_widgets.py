"""The admin's form pieces (baz/beheerformulieren/) in Chromium, under the site's real CSP, on
the inspiratie admin: the counter of the samenvatting, the preview of the verhaal, theme
suggestions with the keyboard, and a chosen image kept when the form comes back with an error.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from taggit.models import Tag

from inspiraties.models import Inspiratie
from tests.browser.conftest import axe_overtredingen
from tests.browser.gegevens import medewerker_maken
from tests.browser.toezicht import Toezicht, aanmelden_als, png_bestand

pytestmark = pytest.mark.django_db(transaction=True)

TOEVOEGEN = "/beheer/inspiraties/inspiratie/add/"


@pytest.fixture(autouse=True)
def _bewaarde_uploads_in_tmp(settings, tmp_path):
    settings.BEWAARDE_UPLOADS_MAP = tmp_path / "bewaarde-uploads"


@pytest.fixture
def beheer(pagina, live_server, werkmodellen):
    """A staff member on the add form of an inspiratie, with the page watched."""
    for naam in ["soep", "Soepbar", "sport", "buurt"]:
        Tag.objects.create(name=naam)
    aanmelden_als(pagina, live_server, medewerker_maken())
    toezicht = Toezicht(pagina)
    pagina.goto(TOEVOEGEN)
    yield pagina
    toezicht.verzamel_csp()
    assert toezicht.csp_overtredingen == []
    assert toezicht.scriptfouten == []
    assert toezicht.consolefouten == []


def test_de_samenvatting_telt_mee_en_meldt_het_rustig(beheer):
    vak = beheer.get_by_label("Samenvatting")
    teller = beheer.locator(".baz-tekstvak-teller")
    status = beheer.locator("#id_samenvatting_teller")
    expect(teller).to_have_text("Nog 300 tekens")
    expect(vak).not_to_have_attribute("maxlength", "300")  # the counter takes over
    expect(vak).to_have_attribute(
        "aria-describedby", "id_samenvatting_helptext id_samenvatting_limiet id_samenvatting_teller"
    )
    vak.fill("Buren helpen elkaar.")
    expect(teller).to_have_text("Nog 280 tekens")
    expect(status).to_have_text("Nog 280 tekens")  # after the pause
    vak.press("End")
    vak.press_sequentially("x" * 3, delay=20)
    expect(teller).to_have_text("Nog 277 tekens")
    vak.fill("x" * 312)
    expect(teller).to_have_text("12 tekens te veel")
    expect(teller).to_have_class("baz-tekstvak-teller baz-tekstvak-teller--te-veel")
    expect(status).to_have_text("12 tekens te veel")
    vak.fill("x" * 299)
    expect(teller).to_have_text("Nog 1 teken")


def test_het_verhaal_heeft_een_voorbeeld_zoals_op_de_website(beheer):
    knop = beheer.get_by_role("button", name="Voorbeeld bekijken")
    expect(knop).to_be_visible()
    voorbeeld = beheer.get_by_role("region", name="Voorbeeld, zoals op de website")
    expect(voorbeeld).to_be_hidden()
    beheer.get_by_role("textbox", name="Verhaal:", exact=True).fill(
        "## Begin\n\nHet **verhaal** <script>alert(1)</script>"
    )
    knop.click()
    expect(voorbeeld).to_be_visible()
    expect(voorbeeld.locator("strong")).to_have_text("verhaal")
    expect(voorbeeld.get_by_role("heading", name="Begin")).to_be_visible()
    assert voorbeeld.locator("script").count() == 0
    expect(beheer.locator(".baz-markdown-status")).to_have_text(
        "Het voorbeeld staat onder het tekstvak."
    )
    assert axe_overtredingen(beheer) == []


def test_themas_kiezen_met_het_toetsenbord(beheer):
    veld = beheer.get_by_role("combobox", name="Thema's")
    lijst = beheer.get_by_role("listbox", name="Bestaande thema's")
    veld.press_sequentially("buurt, SO", delay=30)
    expect(lijst).to_be_visible()
    expect(veld).to_have_attribute("aria-expanded", "true")
    expect(lijst.get_by_role("option")).to_have_text(["soep", "Soepbar"])
    veld.press("ArrowDown")
    veld.press("ArrowDown")
    tweede = lijst.get_by_role("option", name="Soepbar")
    expect(tweede).to_have_attribute("aria-selected", "true")
    expect(veld).to_have_attribute("aria-activedescendant", tweede.get_attribute("id"))
    veld.press("Enter")
    expect(veld).to_have_value("buurt, Soepbar, ")
    expect(lijst).to_be_hidden()
    expect(veld).to_have_attribute("aria-expanded", "false")
    assert beheer.url.endswith(TOEVOEGEN)  # Enter took the theme, it did not send the form

    # A theme already in the field is not offered again; Escape closes the list.
    veld.press_sequentially("s", delay=30)
    expect(lijst.get_by_role("option")).to_have_text(["soep", "sport"])
    assert axe_overtredingen(beheer) == []
    veld.press("Escape")
    expect(lijst).to_be_hidden()
    expect(veld).to_have_value("buurt, Soepbar, s")

    # And with the mouse.
    veld.press_sequentially("p", delay=30)
    lijst.get_by_role("option", name="sport").click()
    expect(veld).to_have_value("buurt, Soepbar, sport, ")
    expect(veld).to_be_focused()


def test_de_gekozen_afbeelding_blijft_bij_een_fout(beheer, settings):
    beheer.get_by_label("Titel").fill("Buurtpunt Nijlen")
    beheer.get_by_label("Reikwijdte").select_option("regionaal")  # "lokaal" needs a gemeente
    beheer.get_by_label("Samenvatting").fill("Een buurtpunt waar mensen elkaar helpen.")
    beheer.get_by_role("textbox", name="Verhaal:", exact=True).fill("Het verhaal.")
    beheer.get_by_label("Community building").check()
    beheer.locator("#id_afbeelding").set_input_files(
        {"name": "buren.png", "mimeType": "image/png", "buffer": png_bestand(800, 450).read()}
    )
    with beheer.expect_navigation():
        beheer.locator("input[name=_save]").click()  # without an alternative text

    expect(beheer.get_by_text("Een afbeelding heeft een alternatieve tekst nodig.")).to_be_visible()
    bewaard = beheer.get_by_text("Gekozen afbeelding: buren.png (blijft bewaard)")
    expect(bewaard).to_be_visible()
    expect(beheer.locator(".baz-bewaard-miniatuur")).to_be_visible()
    expect(beheer.locator("#id_afbeelding")).to_have_accessible_description(
        "Gekozen afbeelding: buren.png (blijft bewaard)"
    )
    assert axe_overtredingen(beheer) == []
    # Kept raw, so outside MEDIA: nothing serves it.
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
    assert len(list(Path(settings.BEWAARDE_UPLOADS_MAP).iterdir())) == 1

    beheer.get_by_label("Alternatieve tekst").fill("Buren aan een tafel")
    with beheer.expect_navigation():
        beheer.locator("input[name=_save]").click()
    expect(beheer.locator(".messagelist .success")).to_be_visible()
    inspiratie = Inspiratie.objects.get(slug="buurtpunt-nijlen")
    assert inspiratie.afbeelding.name.endswith(".webp")
    assert inspiratie.afbeelding_breedte == 800


def test_zonder_javascript_werkt_het_formulier_gewoon(browser, live_server, werkmodellen):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", java_script_enabled=False
    )
    pagina = context.new_page()
    try:
        aanmelden_als(pagina, live_server, medewerker_maken())
        pagina.goto(TOEVOEGEN)
        vak = pagina.get_by_label("Samenvatting")
        expect(vak).to_have_attribute("maxlength", "300")  # the browser's own limit
        expect(pagina.get_by_text("Maximaal 300 tekens.")).to_be_visible()
        expect(pagina.get_by_role("button", name="Voorbeeld bekijken")).to_have_count(0)
        expect(pagina.locator("#id_themas")).not_to_have_attribute("role", "combobox")
        pagina.get_by_label("Titel").fill("Buurtpunt Nijlen")
        pagina.get_by_label("Reikwijdte").select_option("regionaal")  # "lokaal" needs a gemeente
        pagina.get_by_label("Slug").fill("buurtpunt-nijlen")
        vak.fill("Een buurtpunt\nwaar mensen elkaar helpen.")
        pagina.get_by_role("textbox", name="Verhaal:", exact=True).fill("Het verhaal.")
        pagina.get_by_label("Community building").check()
        pagina.locator("#id_themas").fill("buurt, soep")
        with pagina.expect_navigation():
            pagina.locator("input[name=_save]").click()
        expect(pagina.locator(".messagelist .success")).to_be_visible()
    finally:
        context.close()
    inspiratie = Inspiratie.objects.get(slug="buurtpunt-nijlen")
    assert inspiratie.samenvatting == "Een buurtpunt waar mensen elkaar helpen."
    assert sorted(t.name for t in inspiratie.themas.all()) == ["buurt", "soep"]
