"""Every public and member form, sent empty or wrong: its errors are summarised at the top,
announced (role="alert", and the summary takes the focus), and each error links to its
field: following the link with the keyboard puts the focus on that field, which is marked
invalid and described by its message."""

import re

import pytest
from playwright.sync_api import expect

from netwerken import services as netwerk_services
from tests.browser.gegevens import alles_een_keer, totp_code
from tests.browser.toezicht import aanmelden_als, focus_zichtbaar

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alles(werkmodellen, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return alles_een_keer(werkmodellen)


def foutenoverzicht_klopt(page, naam: str, *, minstens: int = 1) -> int:
    """Check the error summary of the current page; returns the number of linked errors."""
    overzicht = page.locator("#foutenoverzicht")
    expect(overzicht, f"{naam}: geen foutenoverzicht").to_be_visible()
    expect(overzicht).to_have_attribute("role", "alert")
    expect(overzicht, f"{naam}: het overzicht krijgt de focus niet").to_be_focused()
    expect(overzicht).to_be_in_viewport()
    focus_zichtbaar(page)
    # At the top: before every field of the form it summarises.
    boven = overzicht.evaluate(
        """el => {
            const velden = [...document.querySelectorAll("main form input:not([type=hidden]),"
                + " main form select, main form textarea")].filter(v => v.checkVisibility());
            return velden.length > 0 && velden.every(
                v => el.compareDocumentPosition(v) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert boven, f"{naam}: het foutenoverzicht staat niet boven de velden"

    links = overzicht.get_by_role("link")
    aantal = links.count()
    assert aantal >= minstens, f"{naam}: {aantal} gelinkte fouten"
    for i in range(aantal):
        link = links.nth(i)
        doel = link.get_attribute("href")
        assert doel.startswith("#") and len(doel) > 1, f"{naam}: link zonder doel: {doel}"
        veld = page.locator(f"[id='{doel[1:]}']")
        expect(veld, f"{naam}: {doel} bestaat niet").to_have_count(1)
        if i == 0:
            # The keyboard way: from the focused summary, Tab to the first link.
            page.keyboard.press("Tab")
            expect(link).to_be_focused()
        else:
            link.focus()
        focus_zichtbaar(page)
        page.keyboard.press("Enter")
        expect(veld, f"{naam}: {link.inner_text()} zet de focus niet op het veld").to_be_focused()
        focus_zichtbaar(page)
        # The field (or its group) says it is invalid and which message describes it.
        beschreven = veld.evaluate(
            """v => {
                const drager = v.closest("fieldset[aria-describedby]") || v;
                const ids = (drager.getAttribute("aria-describedby") || "").split(/\\s+/);
                const fout = ids.map(id => document.getElementById(id))
                    .find(el => el && el.classList.contains("veld__fout"));
                const ongeldig = v.getAttribute("aria-invalid") === "true"
                    || drager.getAttribute("aria-invalid") === "true";
                return fout ? {ongeldig, fout: fout.textContent.trim()} : null;
            }"""
        )
        assert beschreven, f"{naam}: {doel} verwijst niet naar zijn foutmelding"
        assert beschreven["fout"] in link.inner_text(), f"{naam}: {beschreven} ≠ {link}"
    return aantal


def verstuur(page, knop: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=knop, exact=True).click()


def test_publieke_formulieren(pagina, alles):
    # Workshop request: empty, then with a wrong e-mail address and a date in the past.
    pagina.goto(f"/workshops/{alles.workshop.slug}/aanvragen/")
    verstuur(pagina, "Aanvraag versturen")
    assert foutenoverzicht_klopt(pagina, "aanvraag", minstens=8) >= 8
    pagina.get_by_label("E-mailadres").fill("sofie-at-deplanken")
    pagina.get_by_label("Voorkeursperiode 1").fill("2020-01-01")
    verstuur(pagina, "Aanvraag versturen")
    foutenoverzicht_klopt(pagina, "aanvraag ongeldig")
    expect(pagina.locator("#foutenoverzicht")).to_contain_text("Geef een geldig e-mailadres")
    expect(pagina.locator("#foutenoverzicht")).to_contain_text("Deze datum ligt in het verleden.")

    pagina.goto(alles.sessie.get_absolute_url())
    verstuur(pagina, "Inschrijven")
    foutenoverzicht_klopt(pagina, "inschrijving", minstens=2)

    pagina.goto(f"/workshops/evaluatie/{alles.te_evalueren.token}/")
    verstuur(pagina, "Evaluatie versturen")
    foutenoverzicht_klopt(pagina, "workshopevaluatie")

    pagina.goto("/netwerken/")
    verstuur(pagina, "Interesse versturen")
    foutenoverzicht_klopt(pagina, "interesse", minstens=4)

    pagina.goto("/account/login/")
    verstuur(pagina, "Aanmelden")
    foutenoverzicht_klopt(pagina, "aanmelden", minstens=2)

    pagina.goto("/account/wachtwoord/vergeten/")
    verstuur(pagina, "Link versturen")
    foutenoverzicht_klopt(pagina, "wachtwoord vergeten")

    link = netwerk_services.wachtwoord_link(alles.an.user)
    pagina.goto(link[link.index("/account/") :])
    pagina.get_by_label("Nieuw wachtwoord", exact=True).fill("kort")
    verstuur(pagina, "Wachtwoord bewaren")
    foutenoverzicht_klopt(pagina, "wachtwoord kiezen")


def test_formulieren_voor_deelnemers(pagina, live_server, alles):
    aanmelden_als(pagina, live_server, alles.an.user)
    slug = alles.netwerk.slug

    pagina.goto(f"/netwerken/{slug}/casussen/nieuw/")
    verstuur(pagina, "Casus indienen")
    foutenoverzicht_klopt(pagina, "casus", minstens=3)

    pagina.goto(f"/netwerken/{slug}/inspireer-elkaar/")
    verstuur(pagina, "Bericht plaatsen")
    foutenoverzicht_klopt(pagina, "bericht")
    pagina.get_by_role("textbox", name="Link").fill("geen link")
    verstuur(pagina, "Bericht plaatsen")
    foutenoverzicht_klopt(pagina, "bericht met ongeldige link", minstens=2)

    pagina.goto(f"/netwerken/{slug}/profiel/")
    pagina.get_by_label("Organisatie").fill("")
    verstuur(pagina, "Profiel bewaren")
    foutenoverzicht_klopt(pagina, "profiel")

    pagina.goto(f"{alles.voorbij.get_absolute_url()}evalueren/")
    verstuur(pagina, "Evaluatie versturen")
    foutenoverzicht_klopt(pagina, "evaluatie van een bijeenkomst")

    pagina.goto(f"/netwerken/{slug}/jaarevaluatie/")
    verstuur(pagina, "Jaarevaluatie versturen")
    foutenoverzicht_klopt(pagina, "jaarevaluatie")


def test_code_van_de_tweede_stap_voor_medewerkers(pagina, alles):
    pagina.goto("/beheer/login/")
    pagina.get_by_label("Gebruikersnaam").fill(alles.medewerker.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    pagina.get_by_role("button", name="Aanmelden").click()
    verstuur(pagina, "Bevestigen")
    foutenoverzicht_klopt(pagina, "tweede stap")
    pagina.get_by_label("Code uit je authenticator-app").fill(totp_code(alles.medewerker))
    verstuur(pagina, "Bevestigen")
    expect(pagina).to_have_url(re.compile(r"/beheer/$"))
