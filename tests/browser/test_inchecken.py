"""Checking in at a session or meeting (issue 14), in Chromium: on a phone with one tap, by
keyboard alone, and without JavaScript; the attendance list for print; the pages around the
attestation. axe-core finds no violations on any of them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from netwerken.models import Aanwezigheid
from tests.browser.conftest import TELEFOON, axe_overtredingen
from tests.browser.toezicht import aanmelden_als, focus_zichtbaar, tab_naar
from tests.netwerken.factories import maak_bijeenkomst, maak_deelnemer, maak_netwerk
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Inschrijving, Sessie

pytestmark = pytest.mark.django_db(transaction=True)

BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def medewerker(transactional_db):
    return get_user_model().objects.create_user(
        "mieke", "mieke@example.org", "geheim-wachtwoord-42", is_staff=True, is_superuser=True
    )


@pytest.fixture
def sessie(werkmodellen):
    sessie = maak_sessie(maak_workshop(), dagen=0, capaciteit=20)
    for naam, organisatie in (
        ("Anna Peeters", "Toneelkring De Planken"),
        ("Bert Claes", "Chiro Geel"),
        ("Chris Janssens", ""),
    ):
        Inschrijving.objects.create(
            sessie=sessie,
            naam=naam,
            email=naam.split()[0].lower() + "@example.org",
            organisatie=organisatie,
            status="bevestigd",
        )
    return sessie


def _inschrijving(naam: str) -> Inschrijving:
    return Inschrijving.objects.get(naam=naam)


def _doelen_groot_genoeg(page) -> None:
    """WCAG 2.5.8 and the brief: every mark button at least 44 by 44 CSS pixels."""
    knoppen = page.locator(".aw-knop")
    assert knoppen.count() > 0
    for i in range(knoppen.count()):
        vak = knoppen.nth(i).bounding_box()
        assert vak["width"] >= 44 and vak["height"] >= 44, (i, vak)


def test_inchecken_op_een_telefoon_met_een_tik(telefoon, live_server, sessie, medewerker):
    aanmelden_als(telefoon, live_server, medewerker)
    telefoon.goto(f"/workshops/sessies/{sessie.pk}/inchecken/")
    expect(telefoon.get_by_role("heading", level=1)).to_contain_text("Inchecken")
    assert axe_overtredingen(telefoon) == []
    _doelen_groot_genoeg(telefoon)
    assert telefoon.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]

    telefoon.evaluate("window.nietHerladen = true")
    telefoon.get_by_role("button", name="Aanwezig: Anna Peeters").click()
    expect(telefoon.locator("#aw-melding")).to_have_text("Anna Peeters: aanwezig")
    knop = telefoon.get_by_role("button", name="Aanwezig: Anna Peeters")
    expect(knop).to_have_attribute("aria-pressed", "true")
    rij = telefoon.locator(f"#rij-{_inschrijving('Anna Peeters').pk}")
    expect(rij.locator("[data-status-tekst]")).to_have_text("Aanwezig")
    expect(telefoon.locator('[data-telling="aanwezig"]')).to_have_text("1")
    expect(telefoon.locator('[data-telling=""]')).to_have_text("2")
    assert telefoon.evaluate("window.nietHerladen") is True  # no page load
    assert _inschrijving("Anna Peeters").aanwezig is True

    telefoon.get_by_role("button", name="Afwezig: Bert Claes").click()
    expect(telefoon.locator("#aw-melding")).to_have_text("Bert Claes: afwezig")
    assert _inschrijving("Bert Claes").aanwezig is False
    assert axe_overtredingen(telefoon) == []


def test_inchecken_met_alleen_het_toetsenbord(pagina, live_server, sessie, medewerker):
    aanmelden_als(pagina, live_server, medewerker)
    pagina.goto(f"/workshops/sessies/{sessie.pk}/inchecken/")
    eerste = pagina.get_by_role("button", name="Aanwezig: Anna Peeters")
    tab_naar(pagina, eerste)  # every stop on the way has a visible focus
    pagina.keyboard.press("Enter")
    expect(pagina.locator("#aw-melding")).to_have_text("Anna Peeters: aanwezig")
    expect(eerste).to_be_focused()

    # The digit of a button marks the person whose row has the focus.
    pagina.keyboard.press("2")
    expect(pagina.locator("#aw-melding")).to_have_text("Anna Peeters: afwezig")
    expect(pagina.get_by_role("button", name="Afwezig: Anna Peeters")).to_be_focused()
    # Arrow down: the same button of the next person; 1 marks them present.
    pagina.keyboard.press("ArrowDown")
    expect(pagina.get_by_role("button", name="Afwezig: Bert Claes")).to_be_focused()
    focus_zichtbaar(pagina)
    pagina.keyboard.press("1")
    expect(pagina.locator("#aw-melding")).to_have_text("Bert Claes: aanwezig")
    expect(pagina.get_by_role("button", name="Aanwezig: Bert Claes")).to_be_focused()
    pagina.keyboard.press("ArrowUp")
    expect(pagina.get_by_role("button", name="Aanwezig: Anna Peeters")).to_be_focused()

    # The keyboard help opens with the keyboard too.
    hulp = pagina.locator(".aw__hulp summary")
    tab_naar(pagina, hulp, achteruit=True)
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_text("pijltje omhoog of omlaag")).to_be_visible()
    assert axe_overtredingen(pagina) == []
    assert _inschrijving("Anna Peeters").aanwezig is False
    assert _inschrijving("Bert Claes").aanwezig is True


def test_inchecken_dat_niet_lukt_zegt_het_in_het_nederlands(
    pagina, live_server, sessie, medewerker
):
    """A server error, no connection or an expired login: the live region says in Dutch that
    the mark was not stored, and the row keeps the state it had."""
    aanmelden_als(pagina, live_server, medewerker)
    pagina.goto(f"/workshops/sessies/{sessie.pk}/inchecken/")
    melding = pagina.locator("#aw-melding")
    knop = pagina.get_by_role("button", name="Aanwezig: Anna Peeters")
    rij = pagina.locator(f"#rij-{_inschrijving('Anna Peeters').pk}")
    markeren = "**/inchecken/*/"

    pagina.route(
        markeren,
        lambda route: route.fulfill(
            status=500, content_type="text/html", body="<h1>Server Error (500)</h1>"
        ),
    )
    knop.click()
    expect(melding).to_have_text("Niet bewaard: er ging iets mis. Probeer opnieuw.")
    pagina.unroute(markeren)

    pagina.route(markeren, lambda route: route.abort("internetdisconnected"))
    knop.click()
    expect(melding).to_have_text("Niet bewaard: geen verbinding.")
    pagina.unroute(markeren)

    pagina.context.clear_cookies()  # the login expired: Django answers a CSRF page (403)
    knop.click()
    expect(melding).to_have_text("Niet bewaard: meld je opnieuw aan en probeer opnieuw.")

    expect(knop).to_have_attribute("aria-pressed", "false")
    expect(rij).to_have_attribute("data-status", "")
    expect(rij.locator("[data-status-tekst]")).to_have_text("nog niet aangeduid")
    expect(pagina.locator('[data-telling="aanwezig"]')).to_have_text("0")
    assert _inschrijving("Anna Peeters").aanwezig is None


def test_inchecken_zonder_javascript(browser, live_server, sessie, medewerker, werkmodellen):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-BE", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        aanmelden_als(page, live_server, medewerker)
        page.goto(f"/workshops/sessies/{sessie.pk}/inchecken/")
        page.get_by_role("button", name="Aanwezig: Chris Janssens").click()
        chris = _inschrijving("Chris Janssens")
        page.wait_for_url(f"**/workshops/sessies/{sessie.pk}/inchecken/#rij-{chris.pk}")
        expect(page.locator(".meldingen")).to_contain_text("Chris Janssens: aanwezig")
        expect(page.get_by_role("button", name="Aanwezig: Chris Janssens")).to_have_attribute(
            "aria-pressed", "true"
        )
        chris.refresh_from_db()
        assert chris.aanwezig is True
    finally:
        context.close()


def test_bijeenkomst_met_verontschuldigd(pagina, live_server, medewerker, werkmodellen):
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    an = maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")
    maak_deelnemer(netwerk, username="jef", first_name="Jef", last_name="Claes")
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=0, thema="Buurtzorg")
    aanmelden_als(pagina, live_server, medewerker)
    pagina.goto(f"/netwerken/kempen/bijeenkomsten/{bijeenkomst.pk}/inchecken/")
    assert axe_overtredingen(pagina) == []
    _doelen_groot_genoeg(pagina)
    knop = pagina.get_by_role("button", name="Aanwezig: An Peeters")
    tab_naar(pagina, knop)
    pagina.keyboard.press("3")
    expect(pagina.locator("#aw-melding")).to_have_text("An Peeters: verontschuldigd")
    expect(pagina.locator('[data-telling="verontschuldigd"]')).to_have_text("1")
    assert Aanwezigheid.objects.get(deelnemer=an).status == "verontschuldigd"
    assert axe_overtredingen(pagina) == []


def test_aanwezigheidslijst_afdrukken(pagina, live_server, sessie, medewerker):
    aanmelden_als(pagina, live_server, medewerker)
    pagina.goto(f"/workshops/sessies/{sessie.pk}/aanwezigheid/")
    expect(pagina.get_by_role("columnheader", name="Handtekening")).to_be_visible()
    assert axe_overtredingen(pagina) == []
    pagina.emulate_media(media="print")
    expect(pagina.locator("header.kop")).to_be_hidden()
    expect(pagina.locator("footer.voet")).to_be_hidden()
    expect(pagina.get_by_text("Druk deze pagina af")).to_be_hidden()
    expect(pagina.get_by_role("cell", name="Anna Peeters")).to_be_visible()
    expect(pagina.get_by_role("columnheader", name="Handtekening")).to_be_visible()


def test_paginas_rond_het_attest(pagina, live_server, werkmodellen):
    begin = datetime(2026, 3, 28, 14, 0, tzinfo=BRUSSEL)
    sessie = Sessie.objects.create(
        workshop=maak_workshop(),
        begint_op=begin,
        eindigt_op=begin + timedelta(hours=2),
        capaciteit=10,
        plaats="Zaal De Linde, Geel",
    )
    lien = Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", status="bevestigd", aanwezig=True
    )
    jan = Inschrijving.objects.create(
        sessie=sessie, naam="Jan", email="jan@example.org", status="bevestigd"
    )
    pagina.goto(lien.get_absolute_url())
    link = pagina.get_by_role("link", name="Download je attest van deelname (PDF)")
    expect(link).to_be_visible()
    assert axe_overtredingen(pagina) == []
    with pagina.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("attest-")

    antwoord = pagina.goto(f"/workshops/inschrijving/{jan.token}/attest.pdf")
    assert antwoord.status == 404
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Geen attest beschikbaar")
    assert axe_overtredingen(pagina) == []

    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    an = maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=-7)
    Aanwezigheid.objects.create(bijeenkomst=bijeenkomst, deelnemer=an, status="aanwezig")
    aanmelden_als(pagina, live_server, an.user)
    pagina.goto("/netwerken/kempen/attesten/")
    expect(
        pagina.get_by_role("link", name=f"Attest {bijeenkomst.begint_op.year} (PDF)")
    ).to_be_visible()
    assert axe_overtredingen(pagina) == []
    pagina.goto("/netwerken/kempen/attesten/2001.pdf")
    expect(pagina.get_by_text("Voor 2001 is er geen attest")).to_be_visible()
    assert axe_overtredingen(pagina) == []
