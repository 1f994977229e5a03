"""One status code for a form with errors, across the whole site: 400 (issue 11). Every public
and personal-link form, sent empty, comes back with its error summary and a 400."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.workshops.conftest import geladen, maak_sessie, maak_workshop
from workshops import services
from workshops.models import Inschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def adressen(werkmodellen, gemeenten, django_user_model):
    workshop = maak_workshop()
    sessie = maak_sessie(workshop)
    aanvraag, _ = services.aanvraag_indienen(
        workshop=workshop,
        organisatie="KSA Geel",
        soort="jeugd",
        gemeente=gemeenten["Geel"],
        contactpersoon="Tom",
        email="tom@ksa.be",
        formaat="live",
        voorkeur_1=sessie.begint_op.date(),
        voorkeur_2=sessie.eindigt_op.date(),
        aantal_deelnemers=12,
        leervraag="Drempels verlagen",
    )
    voorbij = maak_sessie(workshop, dagen=-3)
    deelnemer = Inschrijving.objects.create(
        sessie=voorbij, naam="Lien", email="lien@example.org", status="bevestigd", aanwezig=True
    )
    lid = django_user_model.objects.create_user("lid", "lid@example.org", "een-lang-wachtwoord")
    return {
        "aanvraag": reverse("workshop-aanvragen", args=[workshop.slug]),
        "inschrijving": sessie.get_absolute_url(),
        "evaluatie": reverse("evaluatie", args=[deelnemer.token]),
        "aanvullen": reverse("aanvraag-aanvullen", args=[aanvraag.token]),
        "andere data": reverse("aanvraag-andere-data", args=[aanvraag.token]),
        "interesse": reverse("netwerken:overzicht"),
        "aanmelden": reverse("login"),
        "wachtwoord vergeten": reverse("wachtwoord-vergeten"),
        "wachtwoord instellen": reverse(
            "wachtwoord-instellen",
            args=[
                urlsafe_base64_encode(force_bytes(lid.pk)),
                default_token_generator.make_token(lid),
            ],
        ),
    }


@pytest.mark.parametrize(
    "formulier",
    [
        "aanvraag",
        "inschrijving",
        "evaluatie",
        "aanvullen",
        "andere data",
        "interesse",
        "aanmelden",
        "wachtwoord vergeten",
        "wachtwoord instellen",
    ],
)
def test_een_formulier_met_fouten_geeft_400(client, adressen, formulier):
    url = adressen[formulier]
    if formulier == "wachtwoord instellen":  # Django moves the token into the session first
        url = client.get(url)["Location"]
    response = client.post(url, {"geladen": geladen(), "website": ""})
    assert response.status_code == 400, formulier
    html = response.content.decode()
    assert "foutenoverzicht" in html or "errornote" in html or "veld__fout" in html
