"""Test data for netwerken, through the real models and services."""

import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from netwerken import services
from netwerken.models import Bijeenkomst, Deelnemer, Netwerk, Verslag

_teller = itertools.count(1)


def maak_netwerk(**velden) -> Netwerk:
    nummer = next(_teller)
    velden.setdefault("naam", f"Netwerk {nummer}")
    velden.setdefault("slug", f"netwerk-{nummer}")
    velden.setdefault("regio", "Kempen")
    velden.setdefault("doel", "Samen leren over de **tweede welzijnspijler**.")
    velden.setdefault("begint_op", date(2026, 1, 1))
    return Netwerk.objects.create(**velden)


def maak_user(username: str | None = None, **velden):
    username = username or f"gebruiker{next(_teller)}"
    velden.setdefault("email", f"{username}@example.org")
    return get_user_model().objects.create_user(username, password="geheim-wachtwoord-42", **velden)


def maak_deelnemer(netwerk: Netwerk, username: str | None = None, **velden) -> Deelnemer:
    profiel = {k: velden.pop(k) for k in ("organisatie", "rol") if k in velden}
    profiel.setdefault("organisatie", "Gemeente Demodorp")
    user = maak_user(username, **velden)
    return services.deelnemer_toevoegen(netwerk=netwerk, user=user, **profiel)


def maak_bijeenkomst(netwerk: Netwerk, dagen: int = 7, **velden) -> Bijeenkomst:
    begin = timezone.now().replace(microsecond=0) + timedelta(days=dagen)
    velden.setdefault("thema", f"Bijeenkomst {next(_teller)}")
    velden.setdefault("plaats", "Stadhuis, zaal 1")
    return Bijeenkomst.objects.create(
        netwerk=netwerk, begint_op=begin, eindigt_op=begin + timedelta(hours=3), **velden
    )


def maak_verslag(
    bijeenkomst: Bijeenkomst, tekst: str = "We bespraken **drie** casussen."
) -> Verslag:
    return Verslag.objects.create(bijeenkomst=bijeenkomst, tekst=tekst)
