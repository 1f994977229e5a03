"""A visitor uses the inspiratie catalogue: filters, search, a story, back, removing a filter.

With JavaScript the filters apply without a page load (progressive enhancement); without it
the same form works with the "Filters toepassen" button.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.toezicht import catalogus_inspiraties
from tests.factories import maak_inspiratie

ALLE = [
    "Buddy's in Antwerpen",
    "Buddy's in Limburg",
    "Buren koken samen",
    "Lotgenoten aan de soeptafel",
]


def kaarttitels(page):
    return page.locator(".resultaten .kaart__titel")


def filter_vakje(page, facet: str, label: str):
    return page.get_by_role("group", name=facet).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)}\b")
    )


@pytest.fixture
def zonder_js(browser, live_server, werkmodellen):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_bezoeker_filtert_opent_een_verhaal_en_verwijdert_een_filter(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/")
    expect(kaarttitels(pagina)).to_have_text(ALLE)
    pagina.evaluate("window.__zelfdePagina = true")

    filter_vakje(pagina, "Werkmodel", "Buddywerking").check()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?werkmodel=buddywerking$"))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buddy's in Limburg"])
    expect(pagina.locator("#catalogus-status")).to_have_text("2 inspiraties")

    filter_vakje(pagina, "Provincie", "Antwerpen").check()
    expect(pagina).to_have_url(
        re.compile(r"/inspiraties/\?werkmodel=buddywerking&provincie=antwerpen$")
    )
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen"])
    expect(pagina.locator("#catalogus-status")).to_have_text("1 inspiratie")
    # The results changed without a page load: the script state survived.
    assert pagina.evaluate("window.__zelfdePagina") is True
    # The counts follow the other active filters: with Antwerpen, Limburg gives nothing.
    expect(filter_vakje(pagina, "Werkmodel", "Community building")).to_have_accessible_name(
        "Community building (1)"
    )

    pagina.get_by_role("link", name="Buddy's in Antwerpen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Buddy's in Antwerpen")
    expect(pagina).to_have_url(re.compile(r"/inspiraties/buddys-in-antwerpen/$"))

    pagina.go_back()
    expect(pagina).to_have_url(
        re.compile(r"/inspiraties/\?werkmodel=buddywerking&provincie=antwerpen$")
    )
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen"])

    actief = pagina.locator(".actieve-filters")
    expect(actief.get_by_role("heading")).to_have_text("Actieve filters")
    actief.get_by_role("link", name="Verwijder filter Werkmodel: Buddywerking").click()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?provincie=antwerpen$"))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buren koken samen"])
    expect(filter_vakje(pagina, "Werkmodel", "Buddywerking")).not_to_be_checked()
    expect(filter_vakje(pagina, "Provincie", "Antwerpen")).to_be_checked()
    # Focus does not get lost when the link that had it disappears.
    expect(pagina.locator("#resultaten-kop")).to_be_focused()


def test_terugknop_herstelt_de_vorige_filters(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/")
    filter_vakje(pagina, "Werkmodel", "Buddywerking").check()
    expect(pagina).to_have_url(re.compile(r"werkmodel=buddywerking$"))
    filter_vakje(pagina, "Provincie", "Limburg").check()
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Limburg"])

    pagina.go_back()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?werkmodel=buddywerking$"))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buddy's in Limburg"])
    expect(filter_vakje(pagina, "Provincie", "Limburg")).not_to_be_checked()

    pagina.go_back()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/$"))
    expect(kaarttitels(pagina)).to_have_text(ALLE)


def test_zoeken_in_de_inspiraties(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/")
    pagina.get_by_label("Zoek in de inspiraties").fill("soep")
    pagina.get_by_role("button", name="Zoeken").click()
    expect(pagina).to_have_url(re.compile(r"[?&]q=soep\b"))
    expect(kaarttitels(pagina)).to_have_text(["Lotgenoten aan de soeptafel"])
    expect(
        pagina.get_by_role("heading", name=re.compile("1 inspiratie voor “soep”"))
    ).to_be_visible()
    expect(pagina).to_have_title(re.compile("soep"))

    # Removing the search keeps the filter form in step with the URL.
    pagina.get_by_role("link", name="Alles wissen").click()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/$"))
    expect(kaarttitels(pagina)).to_have_text(ALLE)
    expect(pagina.get_by_label("Zoek in de inspiraties")).to_have_value("")


def test_tellingen_volgen_de_zoekterm_en_de_zoekterm_is_een_chip(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/?q=buddy")
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buddy's in Limburg"])
    # The counts are those of the search, not of the whole catalogue (Antwerpen has 2).
    expect(filter_vakje(pagina, "Provincie", "Antwerpen")).to_have_accessible_name("Antwerpen (1)")
    expect(filter_vakje(pagina, "Werkmodel", "Community building")).to_have_accessible_name(
        "Community building (0)"
    )

    filter_vakje(pagina, "Provincie", "Antwerpen").check()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?q=buddy&provincie=antwerpen$"))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen"])
    expect(pagina.locator("#catalogus-status")).to_have_text("1 inspiratie voor “buddy”")
    expect(filter_vakje(pagina, "Werkmodel", "Buddywerking")).to_have_accessible_name(
        "Buddywerking (1)"
    )

    actief = pagina.locator(".actieve-filters")
    expect(actief.get_by_role("link")).to_have_text(
        ["Zoekterm “buddy” wissen ×", "Verwijder filter Provincie: Antwerpen ×", "Alles wissen"]
    )
    actief.get_by_role("link", name="Zoekterm “buddy” wissen", exact=True).click()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?provincie=antwerpen$"))
    expect(pagina.get_by_label("Zoek in de inspiraties")).to_have_value("")
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buren koken samen"])
    expect(filter_vakje(pagina, "Provincie", "Antwerpen")).to_be_checked()
    expect(filter_vakje(pagina, "Werkmodel", "Community building")).to_have_accessible_name(
        "Community building (1)"
    )
    expect(actief.get_by_role("link", name=re.compile("^Zoekterm"))).to_have_count(0)


def test_geen_resultaten_biedt_aan_een_filter_weg_te_laten(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/?werkmodel=lotgenotennetwerk&provincie=limburg")
    expect(kaarttitels(pagina)).to_have_count(0)
    expect(pagina.get_by_text("Geen inspiraties gevonden.")).to_be_visible()
    expect(pagina.get_by_text("Probeer een filter weg te laten:")).to_be_visible()

    pagina.get_by_role("link", name="Zonder “Limburg”").click()
    expect(pagina).to_have_url(re.compile(r"/inspiraties/\?werkmodel=lotgenotennetwerk$"))
    expect(kaarttitels(pagina)).to_have_text(["Lotgenoten aan de soeptafel"])


def test_onbekende_filterwaarde_geeft_een_duidelijke_melding(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/?werkmodel=bestaat-niet&provincie=antwerpen")
    expect(pagina.get_by_text("Er bestaat geen werkmodel “bestaat-niet”")).to_be_visible()
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buren koken samen"])


def test_zonder_javascript_werkt_de_catalogus_met_de_knop(zonder_js):
    catalogus_inspiraties()
    pagina = zonder_js
    pagina.goto("/inspiraties/")
    expect(kaarttitels(pagina)).to_have_text(ALLE)

    filter_vakje(pagina, "Werkmodel", "Buddywerking").check()
    filter_vakje(pagina, "Provincie", "Antwerpen").check()
    # Nothing happens until the visitor asks for it.
    expect(pagina).to_have_url(re.compile(r"/inspiraties/$"))
    expect(kaarttitels(pagina)).to_have_count(4)

    pagina.get_by_role("button", name="Filters toepassen").click()
    expect(pagina).to_have_url(re.compile(r"werkmodel=buddywerking&provincie=antwerpen"))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen"])

    pagina.get_by_role("link", name="Verwijder filter Provincie: Antwerpen").click()
    expect(pagina).not_to_have_url(re.compile(r"provincie="))
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Antwerpen", "Buddy's in Limburg"])

    pagina.get_by_label("Sorteer op").select_option(label="Titel (A–Z)")
    pagina.get_by_role("button", name="Sorteer", exact=True).click()
    expect(pagina).to_have_url(re.compile(r"sorteer=titel"))

    pagina.get_by_label("Zoek in de inspiraties").fill("Limburg")
    pagina.get_by_label("Zoek in de inspiraties").press("Enter")
    expect(kaarttitels(pagina)).to_have_text(["Buddy's in Limburg"])

    pagina.get_by_role("link", name="Buddy's in Limburg").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Buddy's in Limburg")


def test_sorteren_met_javascript_zonder_herladen(pagina):
    catalogus_inspiraties()
    pagina.goto("/inspiraties/")
    expect(pagina.get_by_role("button", name="Sorteer", exact=True)).to_be_hidden()
    pagina.get_by_label("Sorteer op").select_option(label="Titel (A–Z)")
    expect(pagina).to_have_url(re.compile(r"\?sorteer=titel$"))
    expect(kaarttitels(pagina)).to_have_text(sorted(ALLE))


def test_bladeren_met_javascript_zet_de_focus_op_de_resultaten(pagina):
    for nummer in range(14):
        maak_inspiratie(titel=f"Verhaal {nummer:02d}", dagen_geleden=nummer + 1)
    pagina.goto("/inspiraties/")
    expect(kaarttitels(pagina)).to_have_count(12)
    pagina.get_by_role("link", name="Volgende pagina").click()
    expect(pagina).to_have_url(re.compile(r"\?pagina=2$"))
    expect(kaarttitels(pagina)).to_have_text(["Verhaal 12", "Verhaal 13"])
    expect(pagina.locator("#resultaten-kop")).to_be_focused()
    expect(pagina.get_by_role("link", name="Pagina 2")).to_have_attribute("aria-current", "page")
