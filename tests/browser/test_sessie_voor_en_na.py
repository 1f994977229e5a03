"""Around a session, in the browser: the session page with its venue and route, the personal
page with the online link, the staff page to mail a session's people (form, error, preview),
and the results of a workshop. Zero axe-core violations on a desktop and on a phone; the mail
page works with the keyboard alone."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.browser.gegevens import medewerker_maken
from tests.browser.toezicht import Rondgang, aanmelden_als
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services
from workshops.models import Evaluatie, Inschrijving, Locatie

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gegevens(werkmodellen, gemeenten):
    cache.clear()
    workshop = maak_workshop()
    locatie = Locatie.objects.create(
        naam="Ontmoetingscentrum De Schakel",
        straat="Kerkstraat 12",
        postcode="2440",
        gemeente=gemeenten["Geel"],
        toegankelijkheid="Ingang zonder drempel, lift naar de zaal.",
        route="Vijf minuten stappen van het station.",
    )
    live = maak_sessie(workshop, plaats="", locatie=locatie, meebrengen="Iets om te schrijven.")
    online = maak_sessie(workshop, dagen=20, plaats="", online_link="https://meet.example.org/x")
    lien = services.inschrijving_maken(sessie=online, naam="Lien", email="lien@example.org")
    services.inschrijving_maken(sessie=live, naam="Bram", email="bram@example.org")
    voorbij = maak_sessie(workshop, dagen=-3, plaats="", locatie=locatie)
    for nummer in range(3):
        inschrijving = Inschrijving.objects.create(
            sessie=voorbij,
            naam=f"D{nummer}",
            email=f"d{nummer}@example.org",
            status="bevestigd",
            aanwezig=True,
            evaluatie_gevraagd_op=timezone.now() - timedelta(days=2),
        )
        if nummer:
            Evaluatie.objects.create(inschrijving=inschrijving, score=4, wat_goed="De verhalen")
    return {"workshop": workshop, "live": live, "online": online, "lien": lien}


def test_de_paginas_rond_een_sessie(scherm, live_server, gegevens):
    ronde = Rondgang(scherm)
    ronde.bekijk("sessie met locatie", gegevens["live"].get_absolute_url())
    assert scherm.get_by_role("link", name="Route op OpenStreetMap").count() == 1
    ronde.bekijk("online sessie", gegevens["online"].get_absolute_url())
    ronde.bekijk("persoonlijke pagina met online link", gegevens["lien"].get_absolute_url())
    assert scherm.get_by_role("link", name="deelnemen via deze link").count() == 1

    aanmelden_als(scherm, live_server, medewerker_maken())
    live = gegevens["live"]
    ronde.bekijk("sessie in het beheer", f"/beheer/workshops/sessie/{live.pk}/change/")
    ronde.bekijk("sessie mailen", f"/beheer/workshops/sessie/{live.pk}/mailen/")
    # With the keyboard: the receivers are one radio group (arrows), then the subject.
    scherm.get_by_label("Wie bevestigd ingeschreven is").focus()
    scherm.keyboard.press("ArrowDown")
    assert scherm.get_by_label("Wie op de wachtlijst staat").is_checked()
    scherm.keyboard.press("Tab")
    scherm.keyboard.type("Andere ingang")
    ronde.verstuur("sessie mailen: fout", "Nakijken voor het versturen", status=400)
    assert "Schrijf een bericht." in scherm.content()
    assert scherm.get_by_label("Onderwerp").input_value() == "Andere ingang"
    scherm.get_by_label("Wie bevestigd ingeschreven is").check()
    scherm.get_by_label("Bericht").fill("Kom binnen langs de tuin.")
    ronde.verstuur("sessie mailen: nakijken", "Nakijken voor het versturen")
    assert "Verstuur naar 1 persoon" in scherm.content()
    ronde.verstuur("sessie na het mailen", "Verstuur naar 1 persoon")
    assert "De mail gaat naar 1 persoon." in scherm.content()
    workshop = gegevens["workshop"]
    ronde.bekijk("evaluaties per workshop", f"/beheer/workshops/workshop/{workshop.pk}/evaluaties/")
    assert "2 van de 3 gevraagden" in scherm.content()
    ronde.klaar("rond een sessie")
