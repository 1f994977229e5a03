"""A line break in a one-line field of the interest form or a member form: a Dutch message and a
400, the form back with what was typed, nothing stored (baz/velden.py). Before, "bestuur" with a
CR/LF was stored and the staff notification then failed on its subject header."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from baz.spamwering import tijdstempel
from netwerken.models import Bericht, Casus, Interesse

pytestmark = pytest.mark.django_db

REGELEINDEN = {"CR": "\r", "LF": "\n", "NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
MELDING = "Schrijf dit op één regel, zonder regeleinde (Enter)."


def _fout_met_invoer(antwoord, veld: str, getypt: str) -> None:
    assert antwoord.status_code == 400
    form = antwoord.context["form"]
    assert form.errors[veld] == [MELDING]
    assert form[veld].value() == getypt
    html = antwoord.content.decode()
    assert MELDING in html
    assert f'value="{escape(getypt)}"' in html


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
@pytest.mark.parametrize("veld", ["bestuur", "contactpersoon", "telefoon"])
def test_interesse_weigert_regeleinden(bezoeker, veld, teken):
    gegevens = {
        "bestuur": "Gemeente Demodorp",
        "contactpersoon": "Karin Beleid",
        "email": "karin@demodorp.be",
        "telefoon": "014 12 34 56",
        "vorm": "netwerk",
        "bericht": "We willen de tweede welzijnspijler uitbouwen.\nSamen met het OCMW.",
        "website": "",
        "geladen": tijdstempel(seconden_geleden=30),
    }
    getypt = gegevens[veld].replace(" ", teken, 1)
    antwoord = bezoeker.post("/netwerken/", {**gegevens, veld: getypt})
    _fout_met_invoer(antwoord, veld, getypt)
    assert not Interesse.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
def test_casus_weigert_een_titel_over_twee_regels(deelnemer_client, teken):
    getypt = f"Vrijwilligers{teken}vinden"
    antwoord = deelnemer_client.post(
        reverse("netwerken:casus-nieuw", args=["kempen"]),
        {"titel": getypt, "context": "Onze buurtwerking.\nZoekt mensen.", "vraag": "Hoe?"},
    )
    _fout_met_invoer(antwoord, "titel", getypt)
    assert not Casus.objects.exists()


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
@pytest.mark.parametrize("veld", ["organisatie", "rol", "telefoon"])
def test_profiel_weigert_regeleinden(deelnemer_client, deelnemer, veld, teken):
    gegevens = {"organisatie": "Gemeente Geel", "rol": "Beleidsmedewerker welzijn",
                "telefoon": "014 12 34 56"}  # fmt: skip
    getypt = gegevens[veld].replace(" ", teken, 1)
    antwoord = deelnemer_client.post(
        reverse("netwerken:profiel", args=["kempen"]), {**gegevens, veld: getypt}
    )
    _fout_met_invoer(antwoord, veld, getypt)
    deelnemer.refresh_from_db()
    assert deelnemer.organisatie == "Gemeente Demodorp"


@pytest.mark.parametrize("teken", ["\u2028", "\u2029"], ids=["LS", "PS"])
def test_bericht_weigert_een_scheidingsteken_in_de_link(deelnemer_client, teken):
    """Django's URL check lets U+2028 through in a host name."""
    getypt = f"https://www.voor{teken}beeld.be/"
    antwoord = deelnemer_client.post(
        reverse("netwerken:inspireer-elkaar", args=["kempen"]),
        {"soort": "tip", "tekst": "Kijk eens.", "link": getypt},
    )
    _fout_met_invoer(antwoord, "link", getypt)
    assert not Bericht.objects.exists()
