"""/netwerken/: public intro, the networks without member data, and the interest form."""

import pytest
from django.core import mail
from django.urls import reverse

from baz.spamwering import tijdstempel
from netwerken.models import Interesse

pytestmark = pytest.mark.django_db

URL = "/netwerken/"
GELDIG = {
    "bestuur": "Gemeente Demodorp",
    "contactpersoon": "Karin Beleid",
    "email": "karin@demodorp.be",
    "telefoon": "",
    "vorm": "netwerk",
    "bericht": "We willen de tweede welzijnspijler uitbouwen.",
    "website": "",
    "geladen": tijdstempel(seconden_geleden=30),
}


def test_pagina_toont_netwerken_maar_geen_deelnemers(bezoeker, netwerk, deelnemer):
    antwoord = bezoeker.get(URL)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert html.count("<h1") == 1
    assert "Lerend netwerk Kempen" in html
    assert "Coachingtraject" in html
    assert "Peeters" not in html
    assert deelnemer.user.email not in html
    assert 'href="/privacy/"' in html
    assert reverse("netwerken:overzicht") == URL


def test_verborgen_netwerk_niet_publiek(bezoeker, netwerk):
    netwerk.zichtbaar = False
    netwerk.save()
    assert "Lerend netwerk Kempen" not in bezoeker.get(URL).content.decode()


def test_interesse_bereikt_medewerkers(bezoeker, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = bezoeker.post(URL, GELDIG, follow=True)
    assert antwoord.status_code == 200
    assert "Bedankt" in antwoord.content.decode()
    interesse = Interesse.objects.get()
    assert interesse.bestuur == "Gemeente Demodorp"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [settings.STAFF_NOTIFICATION_EMAIL]
    assert "Gemeente Demodorp" in mail.outbox[0].subject


def test_fouten_in_het_nederlands_en_invoer_blijft(bezoeker):
    antwoord = bezoeker.post(URL, {**GELDIG, "email": "geen-adres", "vorm": ""})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Vul een geldig e-mailadres in" in html
    assert "Kies waarin je interesse hebt." in html
    assert 'value="Gemeente Demodorp"' in html
    assert not Interesse.objects.exists()


def test_menu_heeft_netwerken(bezoeker, db):
    html = bezoeker.get(URL).content.decode()
    assert 'href="/netwerken/" aria-current="page">Netwerken<' in html


def test_eigen_netwerken_voor_aangemelde_deelnemer(deelnemer_client, netwerk):
    html = deelnemer_client.get(URL).content.decode()
    assert ">Mijn netwerken</h2>" in html
    assert netwerk.get_absolute_url() in html


def test_te_veel_berichten_van_een_adres(bezoeker):
    def versturen(adres):
        # Each a form of its own: a form's time stamp works once.
        gegevens = {**GELDIG, "geladen": tijdstempel(seconden_geleden=30)}
        return bezoeker.post(URL, gegevens, REMOTE_ADDR=adres)

    for _ in range(5):
        assert versturen("10.2.2.2").status_code == 302
    antwoord = versturen("10.2.2.2")
    assert antwoord.status_code == 429
    assert "Even geduld" in antwoord.content.decode()
    assert Interesse.objects.count() == 5
    assert versturen("10.3.3.3").status_code == 302
