"""Members post cases, attach them to a meeting, read the others' and edit only their own."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from netwerken import services
from netwerken.models import Casus

from .factories import maak_bijeenkomst


def test_casus_indienen_voor_een_bijeenkomst(deelnemer_client, deelnemer, komend):
    antwoord = deelnemer_client.post(
        reverse("netwerken:casus-nieuw", args=["kempen"]),
        {
            "titel": "Vrijwilligers vinden",
            "context": "Onze buurtwerking zoekt mensen.",
            "vraag": "Hoe pakken jullie dat aan?",
            "bijeenkomst": komend.pk,
        },
    )
    casus = Casus.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == casus.get_absolute_url()
    assert (casus.deelnemer, casus.netwerk, casus.bijeenkomst) == (
        deelnemer,
        komend.netwerk,
        komend,
    )


def test_fouten_in_het_nederlands_en_invoer_blijft(deelnemer_client):
    antwoord = deelnemer_client.post(
        reverse("netwerken:casus-nieuw", args=["kempen"]), {"titel": "Mijn titel"}
    )
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Beschrijf de context van je casus." in html
    assert 'value="Mijn titel"' in html
    assert not Casus.objects.exists()


def test_bijeenkomst_van_ander_netwerk_kiezen_kan_niet(deelnemer_client, ander_netwerk):
    vreemd = maak_bijeenkomst(ander_netwerk, dagen=5)
    antwoord = deelnemer_client.post(
        reverse("netwerken:casus-nieuw", args=["kempen"]),
        {"titel": "T", "context": "C", "vraag": "V", "bijeenkomst": vreemd.pk},
    )
    assert antwoord.status_code == 400
    assert not Casus.objects.exists()


def test_service_weigert_bijeenkomst_van_ander_netwerk(deelnemer, ander_netwerk):
    vreemd = maak_bijeenkomst(ander_netwerk, dagen=5)
    with pytest.raises(ValidationError):
        services.casus_indienen(
            deelnemer=deelnemer, titel="T", context="C", vraag="V", bijeenkomst=vreemd
        )


def test_andere_deelnemers_lezen_mee(client, deelnemer, collega):
    casus = services.casus_indienen(deelnemer=deelnemer, titel="T1", context="C", vraag="V?")
    client.force_login(collega.user)
    antwoord = client.get(casus.get_absolute_url())
    assert antwoord.status_code == 200
    assert "T1" in antwoord.content.decode()
    assert "Je casus aanpassen" not in antwoord.content.decode()


def test_eigen_casus_aanpassen(deelnemer_client, deelnemer):
    casus = services.casus_indienen(deelnemer=deelnemer, titel="Oud", context="C", vraag="V?")
    antwoord = deelnemer_client.post(
        reverse("netwerken:casus-bewerken", args=["kempen", casus.pk]),
        {"titel": "Nieuw", "context": "C", "vraag": "V?"},
    )
    assert antwoord.status_code == 302
    casus.refresh_from_db()
    assert casus.titel == "Nieuw"


def test_casus_van_een_ander_aanpassen_kan_niet(client, deelnemer, collega):
    casus = services.casus_indienen(deelnemer=deelnemer, titel="Van An", context="C", vraag="V?")
    client.force_login(collega.user)
    url = reverse("netwerken:casus-bewerken", args=["kempen", casus.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"titel": "Gekaapt", "context": "C", "vraag": "V"}).status_code == 403
    casus.refresh_from_db()
    assert casus.titel == "Van An"
    with pytest.raises(PermissionDenied):
        services.casus_bijwerken(casus=casus, deelnemer=collega, titel="X", context="C", vraag="V")
