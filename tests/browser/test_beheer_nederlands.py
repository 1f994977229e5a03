"""No English on any admin page, as a person sees it in Chromium: what the server sends and
what the admin's JavaScript writes (the calendar and the clock of a date field, the time-zone
note, the actions bar, the yes/no icons).

The pages are those of the accessibility sweep (tests/browser/test_toegankelijkheid_beheer.py,
from the URL resolver and `admin.site._registry`); the list of English words and phrases is
the one of the server-side test (tests/test_beheer_nederlands.py). The browser's clock runs in
UTC and the server's in Europe/Brussels, so Django writes its time-zone note.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.gegevens import alles_een_keer
from tests.browser.test_toegankelijkheid_beheer import beheerpaginas
from tests.browser.toezicht import aanmelden_als
from tests.test_beheer_nederlands import engelse_woorden

# The text of the page as shown (innerText: nothing hidden, capitals as displayed), and the
# attributes read out or shown: aria-label, title, placeholder, alt, a button's value.
ZICHTBARE_TEKST_JS = """() => {
  const delen = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], img[alt]")) {
    for (const a of ["aria-label", "title", "placeholder", "alt"]) {
      if (el.getAttribute(a)) delen.push(el.getAttribute(a));
    }
  }
  for (const knop of document.querySelectorAll(
      "input[type=submit], input[type=button], input[type=reset]")) {
    delen.push(knop.value);
  }
  return delen.join(" · ");
}"""


def engels_op(page) -> list[str]:
    return engelse_woorden(page.evaluate(ZICHTBARE_TEKST_JS))


@pytest.fixture
def utc_scherm(browser, live_server, werkmodellen):
    """A tab whose clock is in UTC (the server's in Europe/Brussels)."""
    context = browser.new_context(base_url=live_server.url, locale="nl-BE", timezone_id="UTC")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def engels_in_kalender_en_klok(page) -> list[str] | None:
    """Open the calendar and then the clock of the first date and time fields, as a person
    does, and look for English while each is open; None when the page has neither."""
    gevonden = None
    for knop, vak in (("[id^=calendarlink]", ".calendarbox"), ("[id^=clocklink]", ".clockbox")):
        knop = page.locator(f"{knop}:not([id$=_icon])").first
        if knop.count() and knop.is_visible():
            knop.click()
            expect(page.locator(vak).first).to_be_visible()
            gevonden = (gevonden or []) + engels_op(page)
            page.keyboard.press("Escape")
    return gevonden


@pytest.mark.django_db(transaction=True)
def test_geen_engels_op_enige_beheerpagina_in_de_browser(utc_scherm, live_server, werkmodellen):
    page = utc_scherm
    alles = alles_een_keer(werkmodellen)
    aanmelden_als(page, live_server, alles.medewerker)
    paginas, zonder_object = beheerpaginas(alles.medewerker)
    assert zonder_object == []

    engels, bekeken = {}, 0
    for pagina in paginas:
        if pagina.los:
            antwoord = page.request.get(pagina.pad, max_redirects=0)
            if antwoord.status != 200 or not antwoord.headers.get("content-type", "").startswith(
                "text/html"
            ):
                continue
        antwoord = page.goto(pagina.pad)
        assert antwoord.status == 200, f"{pagina.naam}: {pagina.pad} gaf {antwoord.status}"
        bekeken += 1
        engels[pagina.naam] = engels_op(page)

        if pagina.naam.endswith(" lijst") and page.locator("#action-toggle").count():
            # Everything on the page selected: the actions bar offers to select them all.
            page.locator("#action-toggle").check()
            engels[f"{pagina.naam}, alles geselecteerd"] = engels_op(page)
            filter_ = page.locator("#changelist-filter li:not(.selected) a[href^='?']").first
            if filter_.count():
                filter_.click()
                page.wait_for_load_state()
                engels[f"{pagina.naam}, gefilterd"] = engels_op(page)
        kalender = engels_in_kalender_en_klok(page)
        if kalender is not None:
            engels[f"{pagina.naam}, kalender en klok"] = kalender

    assert any(naam.endswith("kalender en klok") for naam in engels)
    fouten = {naam: lijst for naam, lijst in engels.items() if lijst}
    print(f"\nengels in het beheer: {bekeken} pagina's, {len(engels)} toestanden bekeken")
    assert fouten == {}, "\n".join(f"{naam}: {lijst}" for naam, lijst in fouten.items())
    assert bekeken > 5 * 20


@pytest.mark.django_db(transaction=True)
def test_een_datumveld_zonder_tijd_krijgt_geen_tijdzonenota(utc_scherm, live_server, werkmodellen):
    page = utc_scherm
    alles = alles_een_keer(werkmodellen)
    aanmelden_als(page, live_server, alles.medewerker)

    # A network has a start date (a date only): no note, and no reference to one.
    page.goto(reverse("admin:netwerken_netwerk_change", args=[alles.netwerk.pk]))
    expect(page.locator("#id_begint_op")).to_be_visible()
    expect(page.locator(".datetimeshortcuts").first).to_be_attached()  # the script ran
    expect(page.locator(".timezonewarning")).to_have_count(0)
    assert "timezone_warning" not in (
        page.locator("#id_begint_op").get_attribute("aria-describedby") or ""
    )

    # A meeting begins at a date and time: the note stays, in Dutch, named by its fields.
    page.goto(reverse("admin:netwerken_bijeenkomst_change", args=[alles.komend.pk]))
    nota = page.locator("#id_begint_op_timezone_warning_helptext")
    expect(nota).to_have_text(
        re.compile(
            r"^Let op: vul tijden in volgens de tijdzone Europe/Brussels\. "
            r"\(Je loopt [12] uur achter\.\)$"
        )
    )
    assert page.locator("#id_begint_op_0").get_attribute("aria-describedby") == nota.get_attribute(
        "id"
    )


@pytest.mark.django_db(transaction=True)
def test_ja_nee_iconen_heten_ja_en_nee(utc_scherm, live_server, werkmodellen):
    page = utc_scherm
    alles = alles_een_keer(werkmodellen)
    aanmelden_als(page, live_server, alles.medewerker)
    page.goto(reverse("admin:auth_user_changelist"))
    expect(page.locator("img[src*='icon-yes']").first).to_have_attribute("alt", "Ja")
    expect(page.locator("img[src*='icon-no']").first).to_have_attribute("alt", "Nee")
