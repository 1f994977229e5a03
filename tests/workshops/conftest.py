"""Fixtures for the workshop tests: a workshop of the offer, sessions, and the form data."""

from datetime import timedelta

import pytest
from django.utils import timezone

from baz.spamwering import tijdstempel
from workshops.models import Doelpubliek, Sessie, Workshop


def geladen(seconden_geleden: int = 30) -> str:
    """The signed 'form loaded at' value a browser would send back."""
    return tijdstempel(seconden_geleden)


@pytest.fixture
def doelpublieken(db):
    rijen = [("verenigingen", "Verenigingen"), ("eerstelijn", "Eerstelijnsorganisaties")]
    return {
        slug: Doelpubliek.objects.get_or_create(slug=slug, defaults={"naam": naam})[0]
        for slug, naam in rijen
    }


def maak_workshop(*, slug="iedereen-welkom", doelpubliek=None, werkmodellen=(), **velden):
    velden.setdefault("titel", "Iedereen welkom in jouw vereniging")
    velden.setdefault("samenvatting", "Drempels verlagen in je vereniging.")
    velden.setdefault("beschrijving", "Een **workshop** over drempels.")
    velden.setdefault("leerdoelen", "Drempels herkennen\nStappen zetten")
    velden.setdefault("duur_minuten", 150)
    workshop = Workshop.objects.create(slug=slug, **velden)
    if doelpubliek:
        workshop.doelpublieken.add(doelpubliek)
    if werkmodellen:
        workshop.werkmodellen.set(werkmodellen)
    return workshop


def maak_sessie(workshop, *, dagen=14, capaciteit=10, **velden):
    begin = timezone.now().replace(microsecond=0) + timedelta(days=dagen)
    velden.setdefault("plaats", "Zaal De Linde, Geel")
    return Sessie.objects.create(
        workshop=workshop,
        begint_op=begin,
        eindigt_op=begin + timedelta(hours=2, minutes=30),
        capaciteit=capaciteit,
        **velden,
    )


@pytest.fixture
def workshop(doelpublieken, werkmodellen):
    return maak_workshop(
        doelpubliek=doelpublieken["verenigingen"],
        werkmodellen=[werkmodellen["vrijwillig-engagement"]],
    )


@pytest.fixture
def sessie(workshop):
    return maak_sessie(workshop, capaciteit=2)


@pytest.fixture
def aanvraag_gegevens(gemeenten):
    """What an association types into the request form (valid)."""
    vandaag = timezone.localdate()
    return {
        "organisatie": "Toneelkring De Planken",
        "soort": "toneel",
        "gemeente": gemeenten["Geel"].pk,
        "contactpersoon": "Sofie Peeters",
        "email": "sofie@deplanken.be",
        "telefoon": "0470 12 34 56",
        "formaat": "live",
        "voorkeur_1": (vandaag + timedelta(days=30)).isoformat(),
        "voorkeur_2": (vandaag + timedelta(days=45)).isoformat(),
        "voorkeur_3": "",
        "aantal_deelnemers": "14",
        "leervraag": "Hoe maken we onze kring toegankelijker voor nieuwe leden?",
        "drempels": "Lidgeld en taal.",
        "bron": "partner",
        "website": "",
        "geladen": geladen(),
    }
