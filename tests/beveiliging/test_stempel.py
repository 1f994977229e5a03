"""A form's time stamp works once, and a double-submit key shows the earlier result only to
the browser that sent it (baz/spamwering.py)."""

import threading
import uuid

import pytest
from django.db import connection
from django.test import Client

from baz.spamwering import tijdstempel
from netwerken.models import Interesse
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Inschrijving

pytestmark = pytest.mark.django_db

INTERESSE = {
    "bestuur": "Gemeente Demodorp",
    "contactpersoon": "Karin Beleid",
    "email": "karin@demodorp.be",
    "vorm": "netwerk",
    "bericht": "We willen de tweede welzijnspijler uitbouwen.",
    "website": "",
}
AL_VERSTUURD = "Je verstuurde dit formulier al."


def browser() -> Client:
    """A client with a CSRF cookie of its own, as a browser has once it showed a form."""
    client = Client()
    client.get("/account/login/")
    assert client.cookies.get("csrftoken")
    return client


def test_een_tweede_post_met_dezelfde_stempel_krijgt_het_formulier_terug():
    client = browser()
    stempel = tijdstempel(30)
    assert client.post("/netwerken/", {**INTERESSE, "geladen": stempel}).status_code == 302
    terug = client.post("/netwerken/", {**INTERESSE, "geladen": stempel})
    assert terug.status_code == 400
    html = terug.content.decode()
    assert AL_VERSTUURD in html
    assert 'value="Gemeente Demodorp"' in html  # what was typed stays
    assert Interesse.objects.count() == 1
    vers = terug.context["form"].data["geladen"]
    assert vers != stempel
    # Meant it? Sent again with the fresh stamp, it goes through.
    assert client.post("/netwerken/", {**INTERESSE, "geladen": vers}).status_code == 302
    assert Interesse.objects.count() == 2


def test_een_formulier_met_een_fout_komt_terug_met_een_verse_stempel():
    client = browser()
    stempel = tijdstempel(30)
    fout = client.post("/netwerken/", {**INTERESSE, "email": "geen-adres", "geladen": stempel})
    assert fout.status_code == 400
    assert AL_VERSTUURD not in fout.content.decode()
    vers = fout.context["form"].data["geladen"]
    assert vers != stempel
    assert client.post("/netwerken/", {**INTERESSE, "geladen": vers}).status_code == 302


@pytest.fixture
def sessie(werkmodellen):
    return maak_sessie(maak_workshop())


def inschrijven(client, sessie, *, stempel, sleutel, naam="Lien", email="lien@example.org"):
    return client.post(
        sessie.get_absolute_url(),
        {"naam": naam, "email": email, "website": "", "geladen": stempel, "sleutel": sleutel},
    )


def test_een_dubbelklik_eindigt_op_de_eerdere_bevestiging(sessie):
    client = browser()
    stempel, sleutel = tijdstempel(30), str(uuid.uuid4())
    eerste = inschrijven(client, sessie, stempel=stempel, sleutel=sleutel)
    tweede = inschrijven(client, sessie, stempel=stempel, sleutel=sleutel)
    assert eerste.status_code == tweede.status_code == 302
    assert eerste["Location"] == tweede["Location"]
    assert Inschrijving.objects.count() == 1


def test_dezelfde_stempel_met_een_andere_sleutel_wordt_niet_nog_eens_bewaard(sessie):
    client = browser()
    stempel = tijdstempel(30)
    assert (
        inschrijven(client, sessie, stempel=stempel, sleutel=str(uuid.uuid4())).status_code == 302
    )
    tweede = inschrijven(
        client, sessie, stempel=stempel, sleutel=str(uuid.uuid4()), email="bot@example.org"
    )
    assert tweede.status_code == 400
    assert AL_VERSTUURD in tweede.content.decode()
    assert Inschrijving.objects.count() == 1


def test_een_andere_browser_met_dezelfde_sleutel_ziet_niemands_resultaat(sessie):
    stempel, sleutel = tijdstempel(30), str(uuid.uuid4())
    lien = browser()
    eerste = inschrijven(lien, sessie, stempel=stempel, sleutel=sleutel)
    assert eerste.status_code == 302
    token = Inschrijving.objects.get().token
    assert token in eerste["Location"]

    # The whole form replayed (stamp and key) from elsewhere: the form comes back.
    ander = browser()
    herhaald = inschrijven(ander, sessie, stempel=stempel, sleutel=sleutel, email="x@example.org")
    assert herhaald.status_code == 400
    assert token not in herhaald.content.decode()
    assert AL_VERSTUURD in herhaald.content.decode()

    # Only the key, with a stamp of its own: a registration of its own, not Lien's page.
    eigen = inschrijven(
        ander, sessie, stempel=tijdstempel(30), sleutel=sleutel, email="x@example.org"
    )
    assert eigen.status_code == 302
    assert token not in eigen["Location"]
    assert Inschrijving.objects.count() == 2
    assert "lien@example.org" not in ander.get(eigen["Location"]).content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_tien_dezelfde_inschrijvingen_tegelijk_eindigen_allemaal_op_dezelfde_bevestiging(
    werkmodellen,
):
    sessie = maak_sessie(maak_workshop())
    csrf = browser().cookies["csrftoken"].value  # one browser, ten requests at once
    stempel, sleutel = tijdstempel(30), str(uuid.uuid4())
    antwoorden = []
    slot = threading.Lock()
    start = threading.Barrier(10)

    def versturen():
        try:
            client = Client()
            client.cookies["csrftoken"] = csrf
            start.wait()
            antwoord = inschrijven(client, sessie, stempel=stempel, sleutel=sleutel)
            with slot:
                antwoorden.append((antwoord.status_code, antwoord.get("Location", "")))
        finally:
            connection.close()

    draden = [threading.Thread(target=versturen) for _ in range(10)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    token = Inschrijving.objects.get().token
    assert len(antwoorden) == 10
    assert all(status == 302 and token in plaats for status, plaats in antwoorden), antwoorden
