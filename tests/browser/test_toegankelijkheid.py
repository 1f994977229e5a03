"""WCAG 2.2 AA (axe-core), keyboard use, phone width, and a page that stays on its own site.

Every public page of the catalogue part of the site, error states included, has zero axe-core
violations; no request goes to another site; the console stays free of errors and of
Content-Security-Policy violations.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen
from tests.browser.toezicht import Toezicht, catalogus_inspiraties, media_serveren, met_afbeelding

PAGINAS = {
    "home": "/",
    "catalogus": "/inspiraties/",
    "catalogus gefilterd": "/inspiraties/?werkmodel=buddywerking&provincie=antwerpen",
    "catalogus gezocht": "/inspiraties/?q=soep",
    "catalogus geen resultaten": "/inspiraties/?werkmodel=lotgenotennetwerk&provincie=limburg",
    "catalogus ongeldige parameter": "/inspiraties/?werkmodel=bestaat-niet",
    "catalogus ongeldige pagina": "/inspiraties/?pagina=abc&sorteer=%3Cb%3E",
    "detail": "/inspiraties/buddys-in-limburg/",
    "detail met afbeelding": "/inspiraties/buddys-in-antwerpen/",
    "werkmodellen": "/werkmodellen/",
    "werkmodel": "/werkmodellen/buddywerking/",
    "werkmodel zonder inspiraties": "/werkmodellen/persoonlijk-netwerk/",
    "over BAZ": "/over-baz/",
    "privacy": "/privacy/",
    "toegankelijkheid": "/toegankelijkheid/",
    "aanmelden": "/account/login/",
    "404": "/bestaat-niet/",
    "404 onbekende inspiratie": "/inspiraties/bestaat-niet/",
}


@pytest.fixture
def inhoud(werkmodellen):
    """The catalogue data, one inspiratie with an image and uitgelicht (for the home page)."""
    inspiraties = catalogus_inspiraties()
    buddy = met_afbeelding(
        inspiraties["buddy-antwerpen"],
        alt="Twee mensen drinken koffie aan een keukentafel.",
        credit="Fotograaf BAZ",
    )
    buddy.uitgelicht = True
    buddy.save()
    return inspiraties


@pytest.fixture
def met_media(pagina, telefoon, live_server, settings):
    for page in (pagina, telefoon):
        media_serveren(page, live_server, settings.MEDIA_ROOT)


@pytest.mark.parametrize("pad", PAGINAS.values(), ids=PAGINAS.keys())
def test_geen_axe_overtredingen(pagina, inhoud, met_media, pad):
    antwoord = pagina.goto(pad)
    assert antwoord.status == (404 if "bestaat-niet/" in pad else 200)
    expect(pagina.locator("h1")).to_have_count(1)
    assert axe_overtredingen(pagina) == []


def test_detailpagina_toont_de_afbeelding_met_alt_tekst_en_credit(pagina, inhoud, met_media):
    pagina.goto("/inspiraties/buddys-in-antwerpen/")
    beeld = pagina.get_by_role("img", name="Twee mensen drinken koffie aan een keukentafel.")
    expect(beeld).to_be_visible()
    assert beeld.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(pagina.locator("figcaption")).to_have_text("Foto: Fotograaf BAZ")


def test_geen_axe_overtredingen_na_filteren_met_javascript(pagina, inhoud):
    pagina.goto("/inspiraties/")
    pagina.get_by_role("checkbox", name=re.compile(r"^Lotgenotennetwerk")).check()
    pagina.get_by_role("checkbox", name=re.compile(r"^Limburg")).check()
    expect(pagina.get_by_text("Geen inspiraties gevonden.")).to_be_visible()
    assert axe_overtredingen(pagina) == []


def test_mislukte_aanmelding_zonder_axe_overtredingen(pagina, inhoud):
    pagina.goto("/account/login/")
    pagina.get_by_label("Gebruikersnaam").fill("iemand")
    pagina.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    pagina.get_by_role("button", name="Aanmelden").click()
    fouten = pagina.get_by_role("alert")
    expect(fouten).to_contain_text("probleem")
    expect(pagina.get_by_label("Gebruikersnaam")).to_have_value("iemand")
    assert axe_overtredingen(pagina) == []


@pytest.mark.parametrize(
    "pad",
    ["/", "/inspiraties/", "/inspiraties/buddys-in-antwerpen/", "/werkmodellen/buddywerking/"],
)
def test_leesbaar_op_een_telefoon(telefoon, inhoud, met_media, pad):
    telefoon.goto(pad)
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 360, f"{pad} scrolt horizontaal: {breedte}px breed"
    assert axe_overtredingen(telefoon) == []


def test_skiplink_is_de_eerste_tabstop_en_gaat_naar_de_inhoud(pagina, inhoud):
    pagina.goto("/inspiraties/")
    pagina.keyboard.press("Tab")
    skiplink = pagina.get_by_role("link", name="Naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    pagina.keyboard.press("Enter")
    expect(pagina.locator("main")).to_be_focused()
    # The next Tab continues inside main (the first link under the introduction), not back at
    # the top of the page.
    pagina.keyboard.press("Tab")
    expect(pagina.get_by_role("link", name="Tip een inspiratie").first).to_be_focused()


def tab_tot(page, doel, maximum: int = 60) -> int:
    """Press Tab until `doel` has focus; returns the number of presses (fails after maximum)."""
    langs = []
    for keer in range(1, maximum + 1):
        page.keyboard.press("Tab")
        if doel.evaluate("el => el === document.activeElement"):
            return keer
        langs.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    raise AssertionError(f"{doel} kreeg geen focus na {maximum} keer Tab, langs: {langs}")


def omlijning(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).outlineStyle")


def test_filteren_en_een_verhaal_openen_met_alleen_het_toetsenbord(pagina, inhoud):
    pagina.goto("/inspiraties/")
    vakje = pagina.get_by_role("checkbox", name=re.compile(r"^Buddywerking"))
    tab_tot(pagina, vakje)
    assert omlijning(vakje) != "none", "geen zichtbare focus op het filtervakje"
    pagina.keyboard.press("Space")
    expect(pagina).to_have_url(re.compile(r"\?werkmodel=buddywerking$"))
    expect(pagina.locator(".resultaten .kaart")).to_have_count(2)
    # Focus stays on the checkbox after the results were replaced.
    expect(vakje).to_be_checked()
    expect(vakje).to_be_focused()

    eerste = pagina.locator(".resultaten .kaart__titel a").first
    expect(eerste).to_have_text("Buddy's in Antwerpen")
    tab_tot(pagina, eerste)
    assert omlijning(pagina.locator(".resultaten .kaart").first) != "none"
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Buddy's in Antwerpen")


def test_actieve_filter_verwijderen_met_het_toetsenbord(pagina, inhoud):
    pagina.goto("/inspiraties/?werkmodel=buddywerking&provincie=limburg")
    chip = pagina.get_by_role("link", name="Verwijder filter Provincie: Limburg")
    tab_tot(pagina, chip)
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile(r"\?werkmodel=buddywerking$"))
    expect(pagina.locator("#resultaten-kop")).to_be_focused()
    expect(pagina.locator("#catalogus-status")).to_have_text("2 inspiraties")


def bezoek_alles(page, toezicht):
    for pad in PAGINAS.values():
        page.goto(pad)
        toezicht.verzamel_csp()
    page.goto("/inspiraties/")
    page.get_by_role("checkbox", name=re.compile(r"^Buddywerking")).check()
    expect(page).to_have_url(re.compile(r"werkmodel=buddywerking"))
    page.get_by_role("link", name="Verwijder filter Werkmodel: Buddywerking").click()
    expect(page).to_have_url(re.compile(r"/inspiraties/$"))
    page.goto("/account/login/")
    page.get_by_label("Gebruikersnaam").fill("iemand")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("alert")).to_be_visible()
    toezicht.verzamel_csp()


def test_geen_verzoeken_naar_andere_sites(pagina, inhoud, met_media, live_server):
    toezicht = Toezicht(pagina)
    bezoek_alles(pagina, toezicht)
    assert len(toezicht.verzoeken) > len(PAGINAS)
    buiten = [
        url
        for url in toezicht.verzoeken
        if not (url.startswith(live_server.url + "/") or url.startswith("data:"))
    ]
    assert buiten == []


def test_geen_consolefouten_en_geen_csp_overtredingen(pagina, inhoud, met_media, live_server):
    toezicht = Toezicht(pagina)
    bezoek_alles(pagina, toezicht)
    # The 404 pages answer 404 on purpose, and a form sent with errors (the wrong password of
    # the login) 400; Chromium logs that for the document itself.
    fouten = [
        fout
        for fout in toezicht.consolefouten
        if not ("status of 404" in fout and re.search(r"/(inspiraties/)?bestaat-niet/\)$", fout))
        and not ("status of 400" in fout and re.search(r"/account/login/\)$", fout))
    ]
    assert fouten == []
    assert toezicht.scriptfouten == []
    assert toezicht.csp_overtredingen == []


def test_werkmodel_iconen_worden_getoond(pagina, inhoud):
    """The icon sprite must be well-formed XML, or no icon appears anywhere."""
    pagina.goto("/werkmodellen/")
    sprite = pagina.locator(".werkmodel-tegel__icoon use").first.get_attribute("href")
    fout = pagina.evaluate(
        """async (url) => {
            const tekst = await (await fetch(url)).text();
            const doc = new DOMParser().parseFromString(tekst, "image/svg+xml");
            const fout = doc.querySelector("parsererror");
            return fout ? fout.textContent : null;
        }""",
        sprite.split("#")[0],
    )
    assert fout is None
    symbolen = pagina.evaluate(
        """async (url) => {
            const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "image/svg+xml");
            return [...doc.querySelectorAll("symbol")].map(s => s.id);
        }""",
        sprite.split("#")[0],
    )
    assert set(symbolen) >= {
        "persoonlijke-competentieversterking",
        "buddywerking",
        "persoonlijk-netwerk",
        "lotgenotennetwerk",
        "vrijwillig-engagement",
        "community-building",
    }


def test_op_een_telefoon_staan_de_filters_ingeklapt_boven_de_resultaten(telefoon, inhoud):
    telefoon.goto("/inspiraties/?provincie=antwerpen")
    knop = telefoon.locator("summary", has_text="Filters")
    expect(knop).to_have_accessible_name("Filters (1 actief)")
    vakje = telefoon.get_by_role("checkbox", name=re.compile(r"^Buddywerking"))
    expect(vakje).to_be_hidden()
    expect(telefoon.locator("#resultaten-kop")).to_be_in_viewport()
    expect(telefoon.locator(".actieve-filters")).to_contain_text("Provincie: Antwerpen")

    knop.click()
    vakje.check()
    expect(telefoon).to_have_url(re.compile(r"\?werkmodel=buddywerking&provincie=antwerpen$"))
    expect(telefoon.locator(".resultaten .kaart")).to_have_count(1)
    # The filters stay open while the visitor is using them.
    expect(vakje).to_be_visible()
    expect(knop).to_contain_text("(2 actief)")


def test_zonder_javascript_staan_de_filters_open_op_een_telefoon(browser, live_server, inhoud):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/inspiraties/")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Buddywerking"))).to_be_visible()
    expect(page.get_by_role("button", name="Filters toepassen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_werkmodellen_staan_overal_in_dezelfde_volgorde(pagina, inhoud):
    pagina.goto("/")
    op_home = pagina.locator(".werkmodel-tegel h3").all_inner_texts()
    pagina.goto("/werkmodellen/")
    expect(pagina.locator(".werkmodel-tegel h2")).to_have_text(op_home)
    pagina.goto("/inspiraties/")
    expect(pagina.get_by_role("group", name="Werkmodel").locator("label")).to_have_text(
        [re.compile(rf"^{re.escape(naam)} \(") for naam in op_home]
    )


def test_de_filters_overslaan_met_het_toetsenbord(pagina, inhoud):
    fragmenten = []
    pagina.on(
        "request", lambda verzoek: "x-fragment" in verzoek.headers and fragmenten.append(verzoek)
    )
    pagina.goto("/inspiraties/?werkmodel=buddywerking")
    overslaan = pagina.get_by_role("link", name="Sla de filters over, naar de resultaten")
    tab_tot(pagina, overslaan, maximum=20)
    expect(overslaan).to_be_in_viewport()
    pagina.keyboard.press("Enter")
    expect(pagina.locator("#resultaten-kop")).to_be_focused()
    expect(pagina).to_have_url(re.compile(r"\?werkmodel=buddywerking#resultaten-kop$"))
    # From the results heading the first story is a few steps away, not behind every filter.
    eerste = pagina.locator(".resultaten .kaart__titel a").first
    assert tab_tot(pagina, eerste, maximum=5) <= 5
    # The skip link changes only the fragment: nothing is reloaded (a reload arriving later
    # put the focus back on the heading while the user tabbed on).
    assert fragmenten == []
