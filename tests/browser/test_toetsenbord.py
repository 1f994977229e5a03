"""Every journey of the site done with the keyboard alone: Tab, Shift+Tab, Enter, Space, the
arrow keys and typing (page.goto only for the first address, as a typed URL or a link in a
mail). On every stop the focus is visible; the honeypot of a public form is never one; and
from the top of a page Tab reaches its last stop, in the footer, without getting stuck.

The catalogue's keyboard journey is in test_toegankelijkheid.py.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netwerken.models import Bericht, Casus, Evaluatie, Interesse, Reactie
from tests.browser.gegevens import WACHTWOORD, alles_een_keer, totp_code
from tests.browser.toezicht import focus_zichtbaar, geen_val, tab, tab_naar, typ
from workshops.models import Aanvraag, AanvraagStatuswijziging, Inschrijving
from workshops.models import Evaluatie as WorkshopEvaluatie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alles(werkmodellen, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return alles_een_keer(werkmodellen)


def veld(page, label: str):
    return page.get_by_label(label, exact=True)


def knop(page, naam: str):
    return page.get_by_role("button", name=naam, exact=True)


def invullen(page, label: str, tekst: str) -> None:
    """Tab to the field labelled `label` and type `tekst` into it."""
    tab_naar(page, veld(page, label))
    typ(page, tekst)
    expect(veld(page, label)).to_have_value(tekst)


def datum_typen(page, label: str, datum) -> None:
    """Type a date into Chromium's date field, part by part. The order of its parts follows
    the machine's locale (day or month first), so the dates have day == month."""
    assert datum.day == datum.month
    tab_naar(page, veld(page, label))
    typ(page, datum.strftime("%d%m%Y"))
    expect(veld(page, label)).to_have_value(datum.isoformat())


def dag_gelijk_aan_maand(na):
    """The first date after `na` whose day equals its month (1/1, 2/2, ... 12/12)."""
    datum = na + timedelta(days=1)
    while datum.day != datum.month:
        datum += timedelta(days=1)
    return datum


def kies_met_pijltjes(page, groep: str, keuze: str) -> None:
    """Tab into a group of radio buttons (the focus lands on the checked one, or on the
    first), then arrow down to `keuze`, which checks it."""
    radios = page.get_by_role("group", name=groep).get_by_role("radio")
    gekozen = page.get_by_role("group", name=groep).locator("input:checked")
    tab_naar(page, gekozen if gekozen.count() else radios.first)
    doel = page.get_by_role("group", name=groep).get_by_role("radio", name=keuze, exact=True)
    if doel.evaluate("el => el === document.activeElement && !el.checked"):
        page.keyboard.press("Space")
    for _ in range(radios.count()):
        if doel.is_checked():
            break
        page.keyboard.press("ArrowDown")
        focus_zichtbaar(page)
    expect(doel).to_be_checked()
    expect(doel).to_be_focused()


def activeer(page, doel, toets: str = "Enter", *, achteruit: bool = False) -> None:
    """Tab (or Shift+Tab) to `doel` and press Enter (a link, a button) or Space (a button)."""
    tab_naar(page, doel, achteruit=achteruit)
    page.keyboard.press(toets)


def test_een_vereniging_vraagt_een_workshop_aan(pagina, gemeenten, alles):
    vandaag = timezone.localdate()
    pagina.goto("/workshops/")
    activeer(
        pagina, pagina.get_by_role("link", name="Iedereen welkom in jouw vereniging", exact=True)
    )
    expect(pagina.get_by_role("heading", level=1)).to_have_text(
        "Iedereen welkom in jouw vereniging"
    )
    activeer(pagina, pagina.get_by_role("link", name="Vraag deze workshop aan"))
    expect(pagina.get_by_role("heading", level=1)).to_contain_text("aanvragen")

    invullen(pagina, "Naam van de vereniging of organisatie", "Jeugdhuis De Schakel")
    kies_met_pijltjes(pagina, "Soort organisatie", "Jeugdvereniging")
    # The municipality: a native select of some 300; typing its name picks it (type-ahead).
    tab_naar(pagina, veld(pagina, "Gemeente"))
    assert veld(pagina, "Gemeente").locator("option").count() > 250
    typ(pagina, "Geel")
    expect(veld(pagina, "Gemeente").locator("option:checked")).to_have_text("Geel")
    invullen(pagina, "Contactpersoon", "Sofie Peeters")
    invullen(pagina, "E-mailadres", "sofie@deplanken.be")
    invullen(pagina, "Telefoon (optioneel)", "0470 12 34 56")
    kies_met_pijltjes(pagina, "Gewenst formaat", "Online")
    eerste = dag_gelijk_aan_maand(vandaag + timedelta(days=7))
    tweede = dag_gelijk_aan_maand(eerste)
    datum_typen(pagina, "Voorkeursperiode 1", eerste)
    datum_typen(pagina, "Voorkeursperiode 2", tweede)
    invullen(pagina, "Verwacht aantal deelnemers", "14")
    invullen(pagina, "Wat willen jullie leren?", "Hoe verwelkomen we nieuwe leden?")
    tab_naar(pagina, veld(pagina, "Ja, stuur me de nieuwsbrief van BurgersAanZet. (optioneel)"))
    pagina.keyboard.press("Space")
    # On to the button, past the honeypot (in the page, never a stop).
    expect(pagina.locator("input[name=website]")).to_have_count(1)
    activeer(pagina, knop(pagina, "Aanvraag versturen"))

    expect(pagina.get_by_role("heading", level=1)).to_have_text("Bedankt, we ontvingen je aanvraag")
    aanvraag = Aanvraag.objects.get(organisatie="Jeugdhuis De Schakel")
    assert (aanvraag.soort, aanvraag.gemeente.naam, aanvraag.formaat) == (
        "jeugd",
        "Geel",
        "online",
    )
    assert (aanvraag.voorkeur_1, aanvraag.voorkeur_2) == (eerste, tweede)
    assert aanvraag.nieuwsbrief is True
    geen_val(pagina)


def test_inschrijven_annuleren_en_evalueren(pagina, alles):
    pagina.goto("/workshops/")
    sessies = pagina.get_by_role("region", name="Komende open sessies")
    activeer(pagina, sessies.get_by_role("link").first)
    expect(pagina.get_by_role("heading", level=2, name="Inschrijven")).to_be_visible()
    invullen(pagina, "Naam", "Lien Peeters")
    invullen(pagina, "E-mailadres", "lien.peeters@example.org")
    expect(pagina.locator("input[name=website]")).to_have_count(1)
    activeer(pagina, knop(pagina, "Inschrijven"))
    expect(pagina.get_by_role("status")).to_contain_text("je bent ingeschreven")
    geen_val(pagina)

    # The personal page: back up from the footer to the cancel link, then confirm on its own
    # page (Space on the button).
    activeer(pagina, pagina.get_by_role("link", name="Annuleer mijn inschrijving"), achteruit=True)
    activeer(pagina, knop(pagina, "Ja, annuleer mijn inschrijving"), "Space")
    expect(pagina.get_by_text("Je inschrijving is geannuleerd")).to_be_visible()
    assert Inschrijving.objects.get(email="lien.peeters@example.org").status == "geannuleerd"

    # The evaluation, from the link in the mail after a past session.
    pagina.goto(f"/workshops/evaluatie/{alles.te_evalueren.token}/")
    radios = pagina.get_by_role("radio")
    tab_naar(pagina, radios.first)
    for _ in range(3):
        pagina.keyboard.press("ArrowRight")
        focus_zichtbaar(pagina)
    expect(pagina.get_by_role("radio", name="4", exact=True)).to_be_checked()
    invullen(pagina, "Wat was goed? (optioneel)", "De verhalen van de andere verenigingen")
    activeer(pagina, knop(pagina, "Evaluatie versturen"))
    expect(pagina.get_by_text("Bedankt voor je evaluatie!")).to_be_visible()
    assert WorkshopEvaluatie.objects.get(inschrijving=alles.te_evalueren).score == 4
    geen_val(pagina)


def test_een_bestuur_toont_interesse_in_een_netwerk(pagina, alles):
    pagina.goto("/netwerken/")
    invullen(pagina, "Bestuur of samenwerkingsverband", "Gemeente Geel")
    invullen(pagina, "Contactpersoon", "Karel Peeters")
    invullen(pagina, "E-mailadres", "karel.peeters@geel.be")
    kies_met_pijltjes(pagina, "Interesse in", "Een coachingtraject")
    invullen(pagina, "Wat wil je bereiken?", "Een coachingtraject voor ons lokaal bestuur.")
    expect(pagina.locator("input[name=website]")).to_have_count(1)
    activeer(pagina, knop(pagina, "Interesse versturen"))
    expect(pagina.get_by_role("status")).to_contain_text("Bedankt!")
    assert Interesse.objects.get(email="karel.peeters@geel.be").vorm == "coaching"
    geen_val(pagina)


def test_een_deelnemer_in_de_ruimte_van_het_netwerk(pagina, alles):
    pagina.goto("/account/login/")
    invullen(pagina, "Gebruikersnaam", "an")
    tab(pagina)
    typ(pagina, WACHTWOORD)
    pagina.keyboard.press("Enter")
    expect(pagina.get_by_role("button", name="Afmelden")).to_be_visible()

    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    activeer(pagina, menu.get_by_role("link", name="Netwerken"))
    activeer(pagina, pagina.get_by_role("link", name="Lerend netwerk Kempen"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Lerend netwerk Kempen")
    activeer(pagina, pagina.get_by_role("link", name="De rol van het lokaal bestuur", exact=True))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("De rol van het lokaal bestuur")
    geen_val(pagina)

    # Inspireer elkaar: a question, then a reply to a colleague's tip.
    netwerkmenu = pagina.get_by_role("navigation", name="Netwerkmenu")
    activeer(pagina, netwerkmenu.get_by_role("link", name="Inspireer elkaar"), achteruit=True)
    kies_met_pijltjes(pagina, "Soort", "Vraag")
    invullen(pagina, "Bericht", "Wie heeft ervaring met een buurtbabbel?")
    activeer(pagina, knop(pagina, "Bericht plaatsen"))
    expect(pagina.get_by_role("status")).to_contain_text("Je bericht staat online")
    tip = pagina.get_by_role("article", name="Tip van Jef Claes")
    tab_naar(pagina, tip.get_by_label("Je reactie"))
    typ(pagina, "Dat proberen we ook!")
    activeer(pagina, tip.get_by_role("button", name="Reageren"))
    expect(pagina.get_by_role("status")).to_contain_text("Je reactie is geplaatst")
    assert Bericht.objects.filter(soort="vraag", deelnemer=alles.an).exists()
    assert Reactie.objects.filter(tekst="Dat proberen we ook!").exists()

    # A case for the next meeting.
    activeer(pagina, netwerkmenu.get_by_role("link", name="Casus indienen"))
    invullen(pagina, "Titel", "Nieuwe buren verwelkomen")
    invullen(pagina, "Context", "Onze buurtwerking zoekt nieuwe vrijwilligers.")
    invullen(pagina, "Vraag aan het netwerk", "Hoe bereiken jullie nieuwe mensen?")
    tab_naar(pagina, veld(pagina, "Bijeenkomst (optioneel)"))
    pagina.keyboard.press("ArrowDown")
    expect(veld(pagina, "Bijeenkomst (optioneel)").locator("option:checked")).to_contain_text(
        "De rol van het lokaal bestuur"
    )
    activeer(pagina, knop(pagina, "Casus indienen"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Nieuwe buren verwelkomen")
    assert Casus.objects.get(titel="Nieuwe buren verwelkomen").bijeenkomst == alles.komend

    # The evaluation of the past meeting.
    activeer(pagina, netwerkmenu.get_by_role("link", name="Overzicht"))
    evalueren = re.compile(r"Evalueer deze bijeenkomst\s*: Kennismaking")
    activeer(pagina, pagina.get_by_role("link", name=evalueren))
    kies_met_pijltjes(pagina, "Hoe waardeer je deze bijeenkomst?", "4")
    invullen(pagina, "Wat was nuttig voor jou? (optioneel)", "De kennismaking")
    activeer(pagina, knop(pagina, "Evaluatie versturen"))
    expect(pagina.get_by_text("Bedankt voor je evaluatie!")).to_be_visible()
    assert Evaluatie.objects.get(deelnemer=alles.an).score == 4
    geen_val(pagina)


def test_een_medewerker_wijzigt_de_status_van_een_aanvraag(pagina, alles):
    pagina.goto("/beheer/")
    invullen(pagina, "Gebruikersnaam:", alles.medewerker.username)
    tab(pagina)
    typ(pagina, WACHTWOORD)
    pagina.keyboard.press("Enter")
    # The second step: the code from the authenticator app.
    tab_naar(pagina, veld(pagina, "Code uit je authenticator-app"))
    typ(pagina, totp_code(alles.medewerker))
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile(r"/beheer/$"))

    # The workshops come last on the admin's long index: backwards is the short way there.
    activeer(
        pagina,
        pagina.locator("#content-main").get_by_role("link", name="Aanvragen"),
        achteruit=True,
    )
    # Past the navigation with the admin's skip link.
    activeer(pagina, pagina.get_by_role("link", name="Naar hoofdinhoud"))
    activeer(pagina, pagina.get_by_role("link", name="Toneelkring De Planken"))
    # The next step of the pipeline is a link to its own page, with a button.
    activeer(pagina, pagina.get_by_role("link", name="In behandeling nemen"))
    expect(pagina.get_by_role("heading", name="In behandeling nemen")).to_be_visible()
    activeer(pagina, pagina.get_by_role("button", name="In behandeling nemen"))
    expect(pagina.locator(".messagelist")).to_contain_text("In behandeling nemen: gelukt.")
    alles.aanvraag.refresh_from_db()
    assert alles.aanvraag.status == "in_behandeling"
    assert AanvraagStatuswijziging.objects.filter(
        aanvraag=alles.aanvraag, naar="in_behandeling", door=alles.medewerker
    ).exists()
    geen_val(pagina, in_voettekst=False)
