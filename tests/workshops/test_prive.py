"""Pages behind a personal link are never stored by a browser cache or a proxy."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baz.privaat import PRIVE
from workshops.models import Aanvraag, Inschrijving

from .conftest import geladen

pytestmark = pytest.mark.django_db


def test_opvolgpagina_van_een_aanvraag(bezoeker, workshop, aanvraag_gegevens):
    verstuurd = bezoeker.post(
        reverse("workshop-aanvragen", args=[workshop.slug]), aanvraag_gegevens
    )
    assert verstuurd.status_code == 302
    bevestiging = bezoeker.get(verstuurd["Location"])
    assert bevestiging["Cache-Control"] == PRIVE
    opvolgen = bezoeker.get(Aanvraag.objects.get().get_absolute_url())
    assert opvolgen.status_code == 200
    assert opvolgen["Cache-Control"] == PRIVE


def test_inschrijving_agenda_en_evaluatie(bezoeker, sessie):
    verstuurd = bezoeker.post(
        sessie.get_absolute_url(),
        {"naam": "Lien", "email": "lien@example.org", "website": "", "geladen": geladen()},
    )
    assert verstuurd.status_code == 302
    inschrijving = Inschrijving.objects.get()
    for naam in ("inschrijving", "inschrijving-ics"):
        antwoord = bezoeker.get(reverse(naam, args=[inschrijving.token]))
        assert antwoord.status_code == 200, naam
        assert antwoord["Cache-Control"] == PRIVE, naam
    sessie.begint_op = timezone.now() - timedelta(days=2)
    sessie.eindigt_op = sessie.begint_op + timedelta(hours=2)
    sessie.save()
    evaluatie = bezoeker.get(reverse("evaluatie", args=[inschrijving.token]))
    assert evaluatie.status_code == 200
    assert evaluatie["Cache-Control"] == PRIVE


def test_publieke_paginas_blijven_cachebaar(bezoeker, sessie):
    for url in ("/workshops/", sessie.get_absolute_url()):
        assert "no-store" not in bezoeker.get(url).get("Cache-Control", ""), url
