"""Every workshop page: status 200, one <h1>, a <title>, lang="nl", no inline styles or scripts."""

import re

import pytest
from django.urls import reverse

from workshops.models import Aanvraag, Inschrijving

from .conftest import maak_sessie
from .test_services import maak_aanvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def paginas(workshop, sessie, gemeenten):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    inschrijving = Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", status="bevestigd"
    )
    voorbij = Inschrijving.objects.create(
        sessie=maak_sessie(workshop, dagen=-2),
        naam="An",
        email="an@example.org",
        status="bevestigd",
    )
    assert isinstance(aanvraag, Aanvraag)
    return [
        "/workshops/",
        "/workshops/?doelpubliek=verenigingen",
        workshop.get_absolute_url(),
        reverse("workshop-aanvragen", args=[workshop.slug]),
        sessie.get_absolute_url(),
        aanvraag.get_absolute_url(),
        reverse("aanvraag-verstuurd", args=[aanvraag.token]),
        inschrijving.get_absolute_url(),
        reverse("evaluatie", args=[voorbij.token]),
    ]


def test_elke_workshoppagina_is_in_orde(bezoeker, paginas):
    for url in paginas:
        response = bezoeker.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert html.count("<h1") == 1, url
        assert re.search(r"<title>[^<]+</title>", html), url
        assert '<html lang="nl">' in html, url
        assert " style=" not in html, url
        assert "<script>" not in html, url
