"""Every public and member page at zero axe-core violations, on a desktop and on a phone.

Beside the pages themselves: their empty states (no inspiraties, workshops, sessions,
networks, messages), their error states (each form sent empty or wrong, with its error
summary), and the error pages (400, 403, CSRF, 404, 410, 429, 500). The catalogue pages of
test_toegankelijkheid.PAGINAS are checked there on a desktop and here on a phone.
Each test prints how many pages it checked (`pytest -s`); the run ends with the total.
"""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from netwerken import services as netwerk_services
from tests.browser.gegevens import alles_een_keer
from tests.browser.test_toegankelijkheid import PAGINAS
from tests.browser.toezicht import (
    Rondgang,
    aanmelden_als,
    catalogus_inspiraties,
    media_serveren,
    met_afbeelding,
)
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Doelpubliek, Inschrijving

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alles(werkmodellen):
    return alles_een_keer(werkmodellen)


def test_lege_toestanden(scherm, werkmodellen):
    """Before there is any content: no inspiraties, workshops, sessions or networks."""
    ronde = Rondgang(scherm)
    ronde.bekijk("home zonder inspiraties", "/")
    ronde.bekijk("catalogus zonder inspiraties", "/inspiraties/")
    ronde.bekijk("workshops zonder aanbod en sessies", "/workshops/")
    ronde.bekijk("netwerken zonder netwerken", "/netwerken/")
    ronde.klaar("lege toestanden")


def test_catalogus_op_een_telefoon(telefoon, live_server, settings, werkmodellen):
    """The catalogue pages that test_toegankelijkheid checks on a desktop, at 360 px."""
    inspiraties = catalogus_inspiraties()
    met_afbeelding(inspiraties["buddy-antwerpen"], alt="Twee mensen drinken koffie.")
    media_serveren(telefoon, live_server, settings.MEDIA_ROOT)
    ronde = Rondgang(telefoon)
    for naam, pad in PAGINAS.items():
        ronde.bekijk(naam, pad, status=404 if "bestaat-niet/" in pad else 200)
    telefoon.goto("/account/login/")
    telefoon.get_by_label("Gebruikersnaam").fill("iemand")
    telefoon.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    ronde.verstuur("aanmelden met fout", "Aanmelden", status=400)
    ronde.klaar("catalogus")


def test_workshops(scherm, alles):
    ronde = Rondgang(scherm)
    workshop = alles.workshop
    Doelpubliek.objects.create(slug="burgers", naam="Burgers")
    zonder_sessies = maak_workshop(slug="zonder-sessies", titel="Een workshop zonder sessies")
    toekomstig = Inschrijving.objects.create(
        sessie=alles.sessie, naam="Toekomst", email="t@example.org", status="bevestigd"
    )
    oud = Inschrijving.objects.create(
        sessie=maak_sessie(workshop, dagen=-90),
        naam="Oud",
        email="o@example.org",
        status="bevestigd",
    )

    ronde.bekijk("workshops", "/workshops/")
    ronde.bekijk("workshops gefilterd", "/workshops/?doelpubliek=verenigingen")
    ronde.bekijk("workshops gefilterd zonder aanbod", "/workshops/?doelpubliek=burgers")
    ronde.bekijk("workshop met sessies", workshop.get_absolute_url())
    ronde.bekijk("workshop zonder sessies", zonder_sessies.get_absolute_url())

    ronde.bekijk("aanvraagformulier", f"/workshops/{workshop.slug}/aanvragen/")
    ronde.verstuur("aanvraagformulier leeg verstuurd", "Aanvraag versturen", status=400)
    ronde.bekijk("aanvraag verstuurd", f"{alles.aanvraag.get_absolute_url()}verstuurd/")
    ronde.bekijk("aanvraag opvolgen", alles.aanvraag.get_absolute_url())

    ronde.bekijk("sessie met plaatsen", alles.sessie.get_absolute_url())
    ronde.verstuur("inschrijven leeg verstuurd", "Inschrijven", status=400)
    ronde.bekijk("sessie volzet", alles.volle_sessie.get_absolute_url())
    ronde.bekijk("sessie geannuleerd", alles.gesloten_sessie.get_absolute_url())
    ronde.bekijk("inschrijving bevestigd", alles.inschrijving.get_absolute_url())
    ronde.bekijk("inschrijving op de wachtlijst", alles.wachtende.get_absolute_url())
    ronde.bekijk("inschrijving geannuleerd", alles.geannuleerde.get_absolute_url())

    ronde.bekijk("evaluatie", f"/workshops/evaluatie/{alles.te_evalueren.token}/")
    ronde.verstuur("evaluatie leeg verstuurd", "Evaluatie versturen", status=400)
    ronde.bekijk("evaluatie al ingevuld", f"/workshops/evaluatie/{alles.geevalueerd.token}/")
    ronde.bekijk("evaluatie nog niet open", f"/workshops/evaluatie/{toekomstig.token}/")
    ronde.bekijk("evaluatie verlopen", f"/workshops/evaluatie/{oud.token}/", status=410)
    ronde.bekijk("onbekende persoonlijke link", "/workshops/inschrijving/bestaat-niet/", status=404)
    ronde.klaar("workshops")


def test_wat_een_bot_en_een_overijverige_bezoeker_zien(scherm, alles, settings):
    ronde = Rondgang(scherm)
    scherm.goto(alles.sessie.get_absolute_url())
    scherm.get_by_label("Naam").fill("Bot")
    scherm.get_by_label("E-mailadres").fill("bot@example.org")
    scherm.locator("input[name=website]").evaluate("veld => { veld.value = 'spam'; }")
    ronde.verstuur("ontvangen (honingpot)", "Inschrijven")

    settings.RATELIMIETEN = {**settings.RATELIMIETEN, "inschrijving": (0, 600)}
    scherm.goto(alles.sessie.get_absolute_url())
    ronde.verstuur("workshops: te veel formulieren", "Inschrijven", status=429)

    scherm.goto("/netwerken/")
    for _ in range(5):  # the limit of the interest form: five an hour from one address
        with scherm.expect_navigation():
            scherm.get_by_role("button", name="Interesse versturen").click()
    ronde.verstuur("netwerken: te vaak", "Interesse versturen", status=429)
    ronde.klaar("bot en te veel")


def test_netwerken_publiek_en_wachtwoord(scherm, alles):
    ronde = Rondgang(scherm)
    ronde.bekijk("netwerken", "/netwerken/")
    ronde.verstuur("interesse leeg verstuurd", "Interesse versturen", status=400)
    scherm.get_by_label("Bestuur of samenwerkingsverband").fill("Gemeente Geel")
    scherm.get_by_label("Contactpersoon").fill("Karel")
    scherm.get_by_label("E-mailadres").fill("karel@geel.be")
    scherm.get_by_label("Een lerend netwerk").check()
    scherm.get_by_label("Wat wil je bereiken?").fill("Een lerend netwerk starten.")
    ronde.verstuur("interesse verstuurd", "Interesse versturen")

    ronde.bekijk("wachtwoord vergeten", "/account/wachtwoord/vergeten/")
    ronde.verstuur("wachtwoord vergeten leeg verstuurd", "Link versturen", status=400)
    scherm.get_by_label("E-mailadres").fill("an@example.org")
    ronde.verstuur("wachtwoord link verstuurd", "Link versturen")
    ronde.bekijk("wachtwoordlink ongeldig", "/account/wachtwoord/instellen/MQ/ongeldig/")
    link = netwerk_services.wachtwoord_link(alles.an.user)
    ronde.bekijk("wachtwoord kiezen", link[link.index("/account/") :])
    ronde.verstuur("wachtwoord kiezen leeg verstuurd", "Wachtwoord bewaren", status=400)
    scherm.get_by_label("Nieuw wachtwoord", exact=True).fill("een-lang-nieuw-wachtwoord")
    scherm.get_by_label("Nieuw wachtwoord bevestigen").fill("een-lang-nieuw-wachtwoord")
    ronde.verstuur("wachtwoord bewaard", "Wachtwoord bewaren")
    ronde.klaar("netwerken publiek")


def test_ledenpaginas(scherm, live_server, alles):
    ronde = Rondgang(scherm)
    kempen = alles.netwerk
    eigen = netwerk_services.casus_indienen(
        deelnemer=alles.an, titel="Buren bereiken", context="Context.", vraag="Vraag?"
    )

    aanmelden_als(scherm, live_server, alles.an.user)
    ronde.bekijk("netwerken met jouw netwerken", "/netwerken/")
    ronde.bekijk("netwerkruimte", kempen.get_absolute_url())
    ronde.bekijk("bijeenkomst met verslag", alles.voorbij.get_absolute_url())
    ronde.bekijk("komende bijeenkomst", alles.komend.get_absolute_url())
    ronde.bekijk("evalueren", f"{alles.voorbij.get_absolute_url()}evalueren/")
    ronde.verstuur("evalueren leeg verstuurd", "Evaluatie versturen", status=400)
    ronde.bekijk("casus van een ander", alles.casus.get_absolute_url())
    ronde.bekijk("eigen casus", eigen.get_absolute_url())
    ronde.bekijk("casus aanpassen", f"{eigen.get_absolute_url()}bewerken/")
    ronde.bekijk("casus indienen", f"/netwerken/{kempen.slug}/casussen/nieuw/")
    ronde.verstuur("casus leeg verstuurd", "Casus indienen", status=400)
    ronde.bekijk("inspireer elkaar", f"/netwerken/{kempen.slug}/inspireer-elkaar/")
    ronde.verstuur("bericht leeg verstuurd", "Bericht plaatsen", status=400)
    ronde.bekijk("jaarevaluatie", f"/netwerken/{kempen.slug}/jaarevaluatie/")
    ronde.verstuur("jaarevaluatie leeg verstuurd", "Jaarevaluatie versturen", status=400)
    ronde.bekijk("profiel", f"/netwerken/{kempen.slug}/profiel/")
    scherm.get_by_label("Organisatie").fill("")
    ronde.verstuur("profiel met fout", "Profiel bewaren", status=400)
    ronde.bekijk("onbekend netwerk", "/netwerken/bestaat-niet/", status=404)

    jef = kempen.deelnemers.get(user__username="jef")
    aanmelden_als(scherm, live_server, jef.user)
    ronde.bekijk("bijeenkomst geëvalueerd", alles.voorbij.get_absolute_url())
    ronde.bekijk("jaarevaluatie al ingevuld", f"/netwerken/{kempen.slug}/jaarevaluatie/")

    nina = alles.leeg_netwerk.deelnemers.get()
    aanmelden_als(scherm, live_server, nina.user)
    ronde.bekijk("netwerk zonder bijeenkomsten", alles.leeg_netwerk.get_absolute_url())
    ronde.bekijk(
        "inspireer elkaar zonder berichten",
        f"/netwerken/{alles.leeg_netwerk.slug}/inspireer-elkaar/",
    )

    aanmelden_als(scherm, live_server, alles.medewerker)
    ronde.bekijk("netwerk bekeken door een medewerker", kempen.get_absolute_url())
    ronde.bekijk("403: schrijven als medewerker", f"/netwerken/{kempen.slug}/profiel/", status=403)
    ronde.klaar("leden")


def test_foutpaginas(scherm, live_server, werkmodellen):
    ronde = Rondgang(scherm)
    ronde.bekijk("400", "/%00/", status=400)
    ronde.bekijk("404", "/bestaat-niet/", status=404)

    # A form sent without its CSRF cookie (expired, or cookies off).
    scherm.goto("/netwerken/")
    scherm.context.clear_cookies()
    ronde.verstuur("403 CSRF", "Interesse versturen", status=403)

    # The 500 page is static; serve what Django's handler answers on an address of our own.
    fout = server_error(RequestFactory().get("/"))
    scherm.route(
        f"{live_server.url}/stuk/",
        lambda route: route.fulfill(
            status=500, body=fout.content, content_type="text/html; charset=utf-8"
        ),
    )
    ronde.bekijk("500", "/stuk/", status=500)
    ronde.klaar("foutpagina's")
