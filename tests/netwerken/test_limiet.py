"""A network holds at most 15 members unless staff set another maximum."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from netwerken import services
from netwerken.models import STANDAARD_MAX_DEELNEMERS, Deelnemer

from .factories import maak_deelnemer, maak_netwerk, maak_user


def test_standaard_maximum_is_15(netwerk):
    assert netwerk.max_deelnemers == STANDAARD_MAX_DEELNEMERS == 15


def test_zestiende_deelnemer_geweigerd(netwerk):
    for _ in range(15):
        maak_deelnemer(netwerk)
    with pytest.raises(ValidationError) as fout:
        services.deelnemer_toevoegen(netwerk=netwerk, user=maak_user(), organisatie="Gemeente X")
    assert "Dit netwerk is vol" in fout.value.messages[0]
    assert "15 van maximaal 15" in fout.value.messages[0]
    assert Deelnemer.objects.filter(netwerk=netwerk).count() == 15


def test_eigen_maximum(db):
    netwerk = maak_netwerk(max_deelnemers=2)
    maak_deelnemer(netwerk)
    maak_deelnemer(netwerk)
    with pytest.raises(ValidationError):
        maak_deelnemer(netwerk)


def test_limiet_telt_per_netwerk(netwerk, ander_netwerk):
    for _ in range(15):
        maak_deelnemer(netwerk)
    maak_deelnemer(ander_netwerk)  # another network is not full


def test_uitnodigen_via_beheer_toont_duidelijke_melding(medewerker_client, netwerk):
    for _ in range(15):
        maak_deelnemer(netwerk)
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_netwerk_uitnodigen", args=[netwerk.pk]),
        {
            "email": "nieuw@gemeente.be",
            "voornaam": "Nina",
            "achternaam": "Nieuw",
            "organisatie": "Gemeente Y",
        },
    )
    assert antwoord.status_code == 200
    assert "Dit netwerk is vol" in antwoord.content.decode()
    assert Deelnemer.objects.filter(netwerk=netwerk).count() == 15
    assert not Deelnemer.objects.filter(user__email="nieuw@gemeente.be").exists()
    assert mail.outbox == []


def test_zelfde_persoon_niet_tweemaal(netwerk, deelnemer):
    with pytest.raises(ValidationError, match="al deelnemer"):
        services.deelnemer_toevoegen(netwerk=netwerk, user=deelnemer.user, organisatie="X")


def test_beheer_kan_geen_deelnemer_toevoegen_buiten_de_uitnodiging(medewerker_client):
    assert medewerker_client.get(reverse("admin:netwerken_deelnemer_add")).status_code == 403


def test_maximum_niet_onder_huidig_aantal(medewerker_client, netwerk, deelnemer, collega):
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_netwerk_change", args=[netwerk.pk]),
        {
            "naam": netwerk.naam,
            "slug": netwerk.slug,
            "regio": netwerk.regio,
            "doel": netwerk.doel,
            "begint_op": "01/01/2026",
            "max_deelnemers": "1",
            "zichtbaar": "on",
            "deelnemers-TOTAL_FORMS": "2",
            "deelnemers-INITIAL_FORMS": "2",
            "deelnemers-0-id": deelnemer.pk,
            "deelnemers-0-netwerk": netwerk.pk,
            "deelnemers-0-organisatie": deelnemer.organisatie,
            "deelnemers-1-id": collega.pk,
            "deelnemers-1-netwerk": netwerk.pk,
            "deelnemers-1-organisatie": collega.organisatie,
        },
    )
    assert antwoord.status_code == 200
    assert "telt al 2 deelnemers" in antwoord.content.decode()
    netwerk.refresh_from_db()
    assert netwerk.max_deelnemers == 15
