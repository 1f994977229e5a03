"""Every page for a logged-in member, and the personal password link, is private, not stored."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from baz.privaat import PRIVE

pytestmark = pytest.mark.django_db


def test_ledenpaginas_en_elke_pagina_voor_een_aangemeld_lid(deelnemer_client, netwerk):
    for url in (netwerk.get_absolute_url(), reverse("netwerken:profiel", args=[netwerk.slug])):
        antwoord = deelnemer_client.get(url)
        assert antwoord.status_code == 200, url
        assert antwoord["Cache-Control"] == PRIVE, url
    for url in ("/", "/inspiraties/", "/netwerken/"):
        assert deelnemer_client.get(url)["Cache-Control"] == PRIVE, url


def test_anoniem_geen_no_store_op_publieke_paginas(client, db):
    assert "no-store" not in client.get("/netwerken/").get("Cache-Control", "")


def test_de_persoonlijke_link_om_een_wachtwoord_in_te_stellen(client, deelnemer):
    user = deelnemer.user
    url = reverse(
        "wachtwoord-instellen",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    antwoord = client.get(url, follow=True)
    assert antwoord.status_code == 200
    assert antwoord["Cache-Control"] == PRIVE
