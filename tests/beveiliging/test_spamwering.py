"""The public forms against bots: honeypot, time trap and rate limit.

A caught bot sees an ordinary thank-you page and nothing is stored or mailed; a person who was
merely quick gets the form back with everything typed; too many posts from one address get 429.
"""

import logging
import time

import pytest
from django.core import mail, signing

from baz.models import Mail
from baz.spamwering import TIJDVAL_ZOUT, tijdstempel
from netwerken.models import Interesse
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Aanvraag, Inschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(gemeenten, werkmodellen):
    workshop = maak_workshop()
    gegevens = {
        "organisatie": "Toneelkring De Planken",
        "soort": "toneel",
        "gemeente": gemeenten["Geel"].pk,
        "contactpersoon": "Sofie Peeters",
        "email": "sofie@deplanken.be",
        "formaat": "live",
        "voorkeur_1": "2027-03-01",
        "voorkeur_2": "2027-03-15",
        "aantal_deelnemers": "14",
        "leervraag": "Hoe maken we onze kring toegankelijker?",
        "bron": "partner",
    }
    return f"/workshops/{workshop.slug}/aanvragen/", gegevens, "Toneelkring De Planken"


@pytest.fixture
def inschrijving(werkmodellen):
    sessie = maak_sessie(maak_workshop())
    return (
        sessie.get_absolute_url(),
        {"naam": "Lien Janssens", "email": "lien@example.org"},
        "Lien Janssens",
    )


@pytest.fixture
def interesse(db):
    gegevens = {
        "bestuur": "Gemeente Demodorp",
        "contactpersoon": "Karin Beleid",
        "email": "karin@demodorp.be",
        "vorm": "netwerk",
        "bericht": "We willen de tweede welzijnspijler uitbouwen.",
    }
    return "/netwerken/", gegevens, "Gemeente Demodorp"


@pytest.fixture
def wachtwoord(django_user_model):
    django_user_model.objects.create_user("an", "an@example.org", "een-lang-wachtwoord-42")
    return "/account/wachtwoord/vergeten/", {"email": "an@example.org"}, "an@example.org"


def _oud_getekend(seconden: int) -> str:
    """A time stamp as a form loaded `seconden` ago carries it (signed back then)."""

    class Toen(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - seconden)

    return Toen(salt=TIJDVAL_ZOUT).sign_object(time.time() - seconden)


FORMULIEREN = ["aanvraag", "inschrijving", "interesse", "wachtwoord"]


def opgeslagen() -> int:
    return (
        Aanvraag.objects.count()
        + Inschrijving.objects.count()
        + Interesse.objects.count()
        + Mail.objects.count()
    )


def versturen(client, formulier, request, **extra):
    url, gegevens, _getypt = request.getfixturevalue(formulier)
    velden = {**gegevens, "website": "", "geladen": tijdstempel(seconden_geleden=30), **extra}
    return client.post(url, {k: v for k, v in velden.items() if v is not None}, follow=True)


@pytest.mark.parametrize("formulier", FORMULIEREN)
def test_een_mens_komt_erdoor(client, formulier, request, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = versturen(client, formulier, request)
    assert response.status_code == 200
    assert response.redirect_chain, "a real submit ends on its own confirmation page"
    assert mail.outbox


@pytest.mark.parametrize("formulier", FORMULIEREN)
def test_een_bot_ziet_een_gewone_pagina_en_niets_wordt_bewaard(
    client, formulier, request, caplog, django_capture_on_commit_callbacks
):
    with (
        caplog.at_level(logging.INFO, logger="baz.spamwering"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = versturen(client, formulier, request, website="https://pillen.example")
    html = response.content.decode()
    assert response.status_code == 200
    assert ("Kijk in je mailbox" if formulier == "wachtwoord" else "Bedankt") in html
    formulier_terug = response.context.get("form")
    assert formulier_terug is None or not formulier_terug.errors
    assert opgeslagen() == 0
    assert mail.outbox == []
    assert f"Formulier {formulier}: bot tegengehouden (honingpot)." in caplog.messages
    getypt = request.getfixturevalue(formulier)[2]
    assert all(getypt not in regel for regel in caplog.messages), "no submitted data in the log"


TIJDSTEMPELS = {
    "te-snel": lambda: tijdstempel(seconden_geleden=2),
    "geen-tijdstempel": lambda: None,
    "vervalst": lambda: "1700000000.0:vervalst:handtekening",
    "oud-zout": lambda: signing.dumps(1.0, salt="workshops.formulier"),
    "verlopen": lambda: _oud_getekend(2 * 86400),
}


@pytest.mark.parametrize(
    ("formulier", "geladen"),
    [
        pytest.param(formulier, maak, id=f"{naam}-{formulier}")
        for naam, maak in TIJDSTEMPELS.items()
        for formulier in FORMULIEREN
        # A one-field form is never too quick: test_een_veld_is_nooit_te_snel.
        if not (naam == "te-snel" and formulier == "wachtwoord")
    ],
)
def test_wie_de_tijdval_niet_haalt_krijgt_het_formulier_terug_met_alles_erin(
    client, formulier, request, settings, geladen
):
    """A person whose page stayed open across a deploy or overnight, or who was very quick:
    the form comes back with what was typed, nothing is stored, and the next send works."""
    settings.FORMULIER_MIN_INVULTIJD = 60
    response = versturen(client, formulier, request, geladen=geladen())
    html = response.content.decode()
    assert response.status_code == 400
    assert "erg snel verstuurd of stond te lang open" in html
    assert request.getfixturevalue(formulier)[2] in html
    assert opgeslagen() == 0
    # The form came back with a fresh time stamp: sent again later, it gets through.
    nieuw = response.context["form"].data["geladen"]
    settings.FORMULIER_MIN_INVULTIJD = 0
    assert versturen(client, formulier, request, geladen=nieuw).redirect_chain


def test_een_veld_is_nooit_te_snel(client, request, settings, django_capture_on_commit_callbacks):
    """A person who pastes their address into the one-field reset form and presses Enter at
    once gets through; a form of many fields sent as fast is still refused."""
    settings.FORMULIER_MIN_INVULTIJD = 3
    with django_capture_on_commit_callbacks(execute=True):
        snel = versturen(client, "wachtwoord", request, geladen=tijdstempel(seconden_geleden=0))
    assert snel.redirect_chain and "Kijk in je mailbox" in snel.content.decode()
    assert Mail.objects.filter(soort="account.wachtwoord_reset").count() == 1
    te_snel = versturen(client, "aanvraag", request, geladen=tijdstempel(seconden_geleden=0))
    assert te_snel.status_code == 400
    assert "erg snel verstuurd" in te_snel.content.decode()


@pytest.mark.parametrize("formulier", FORMULIEREN)
def test_het_lokveld_is_onzichtbaar_voor_iedereen(client, formulier, request):
    url = request.getfixturevalue(formulier)[0]
    html = client.get(url).content.decode()
    start = html.index('<div class="honingpot" aria-hidden="true">')
    lokveld = html[start : html.index("</div>", start)]
    assert 'tabindex="-1"' in lokveld
    assert 'autocomplete="off"' in lokveld
    assert 'name="geladen"' in html


@pytest.mark.parametrize("formulier", FORMULIEREN)
def test_te_veel_berichten_van_een_adres_geven_429(client, formulier, request, settings):
    settings.RATELIMIETEN = {
        **settings.RATELIMIETEN,
        "aanvraag": (3, 600),
        "inschrijving": (3, 600),
    }
    antwoorden = [
        versturen(client, formulier, request, email="ongeldig").status_code for _ in range(6)
    ]
    assert 429 in antwoorden
    assert opgeslagen() == 0
