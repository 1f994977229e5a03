"""A line break in a one-line field of a public workshop form: a Dutch message, the form back
with what was typed, nothing stored and no mail (baz/velden.py)."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from baz.models import Mail
from workshops.models import Aanvraag, Inschrijving

from .conftest import geladen

pytestmark = pytest.mark.django_db

REGELEINDEN = {"CR": "\r", "LF": "\n", "NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
MELDING = "Schrijf dit op één regel, zonder regeleinde (Enter)."


def _fout_met_invoer(antwoord, veld: str, getypt: str) -> None:
    assert antwoord.status_code in (200, 400)
    form = antwoord.context["form"]
    assert form.errors[veld] == [MELDING]
    assert form[veld].value() == getypt
    html = antwoord.content.decode()
    assert MELDING in html
    assert f'value="{escape(getypt)}"' in html


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
@pytest.mark.parametrize("veld", ["organisatie", "contactpersoon", "telefoon"])
def test_aanvraag_weigert_regeleinden(bezoeker, workshop, aanvraag_gegevens, veld, teken):
    getypt = {
        "organisatie": f"Toneelkring{teken}De Planken",
        "contactpersoon": f"Sofie{teken}Bcc: iemand@example.org",
        "telefoon": f"0470 12{teken}34 56",
    }[veld]
    antwoord = bezoeker.post(
        reverse("workshop-aanvragen", args=[workshop.slug]), {**aanvraag_gegevens, veld: getypt}
    )
    _fout_met_invoer(antwoord, veld, getypt)
    assert not Aanvraag.objects.exists()
    assert not Mail.objects.exists() and mail.outbox == []


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
@pytest.mark.parametrize("veld", ["naam", "organisatie"])
def test_inschrijving_weigert_regeleinden(bezoeker, sessie, veld, teken):
    gegevens = {
        "naam": "Lien Janssens",
        "email": "lien@example.org",
        "organisatie": "KSA Geel",
        "toegankelijkheid": "Rolstoel,\ngraag een plaats vooraan.",  # a text area: lines are fine
        "geladen": geladen(),
        "website": "",
    }
    getypt = gegevens[veld].replace(" ", teken, 1)
    antwoord = bezoeker.post(sessie.get_absolute_url(), {**gegevens, veld: getypt})
    _fout_met_invoer(antwoord, veld, getypt)
    assert not Inschrijving.objects.exists()


@pytest.mark.parametrize("teken", ["\u2028", "\u2029"], ids=["LS", "PS"])
def test_inschrijving_weigert_een_scheidingsteken_in_het_e_mailadres(bezoeker, sessie, teken):
    """Django's e-mail check lets U+2028 through in a domain; the mail header would not."""
    getypt = f"lien@voor{teken}beeld.be"
    gegevens = {"naam": "Lien", "email": getypt, "geladen": geladen(), "website": ""}
    antwoord = bezoeker.post(sessie.get_absolute_url(), gegevens)
    assert antwoord.context["form"].errors["email"] == [MELDING]
    assert not Inschrijving.objects.exists()


@pytest.mark.parametrize("teken", ["\u2028", "\u2029"], ids=["LS", "PS"])
def test_aanvraag_weigert_een_scheidingsteken_in_het_e_mailadres(
    bezoeker, workshop, aanvraag_gegevens, teken
):
    getypt = f"sofie@de{teken}planken.be"
    antwoord = bezoeker.post(
        reverse("workshop-aanvragen", args=[workshop.slug]), {**aanvraag_gegevens, "email": getypt}
    )
    assert antwoord.context["form"].errors["email"] == [MELDING]
    assert not Aanvraag.objects.exists()
