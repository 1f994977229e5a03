"""A member evaluates each meeting once (1-5, what was useful, suggestions); a year-end evaluation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from netwerken import services
from netwerken.models import Evaluatie, Jaarevaluatie


def _url(bijeenkomst):
    return reverse("netwerken:evalueren", args=[bijeenkomst.netwerk.slug, bijeenkomst.pk])


def test_evalueren_via_formulier(deelnemer_client, deelnemer, voorbij):
    antwoord = deelnemer_client.post(
        _url(voorbij), {"score": "4", "nuttig": "De casus", "suggesties": "Meer pauze"}
    )
    assert antwoord.status_code == 302
    evaluatie = Evaluatie.objects.get()
    assert (evaluatie.deelnemer, evaluatie.score, evaluatie.nuttig) == (deelnemer, 4, "De casus")


def test_tweede_evaluatie_geweigerd_door_service(deelnemer, voorbij):
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    with pytest.raises(ValidationError, match="al geëvalueerd"):
        services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=2)
    assert Evaluatie.objects.count() == 1


def test_tweede_evaluatie_geweigerd_door_database(deelnemer, voorbij):
    Evaluatie.objects.create(bijeenkomst=voorbij, deelnemer=deelnemer, score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluatie.objects.create(bijeenkomst=voorbij, deelnemer=deelnemer, score=5)


def test_tweede_evaluatie_via_formulier_verandert_niets(deelnemer_client, deelnemer, voorbij):
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    antwoord = deelnemer_client.post(_url(voorbij), {"score": "1"}, follow=True)
    assert "al geëvalueerd" in antwoord.content.decode()
    assert Evaluatie.objects.get().score == 4


def test_andere_deelnemer_evalueert_apart(deelnemer, collega, voorbij):
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=collega, score=5)
    assert Evaluatie.objects.count() == 2


def test_score_buiten_1_tot_5_geeft_nederlandse_fout_en_houdt_invoer(deelnemer_client, voorbij):
    antwoord = deelnemer_client.post(_url(voorbij), {"score": "9", "nuttig": "Mijn tekst"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Kies een score van 1 tot 5." in html
    assert "Mijn tekst" in html
    assert not Evaluatie.objects.exists()


def test_komende_bijeenkomst_nog_niet_evalueren(deelnemer_client, deelnemer, komend):
    antwoord = deelnemer_client.post(_url(komend), {"score": "5"})
    assert antwoord.status_code == 302
    assert not Evaluatie.objects.exists()
    with pytest.raises(ValidationError):
        services.evaluatie_indienen(bijeenkomst=komend, deelnemer=deelnemer, score=5)


def test_bijeenkomst_van_ander_netwerk_niet_evalueren(buitenstaander, voorbij):
    with pytest.raises(PermissionDenied):
        services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=buitenstaander, score=5)
    assert not Evaluatie.objects.exists()


def test_jaarevaluatie_eenmaal_per_jaar(deelnemer_client, deelnemer):
    url = reverse("netwerken:jaarevaluatie", args=[deelnemer.netwerk.slug])
    assert deelnemer_client.post(url, {"score": "5", "geleerd": "Veel"}).status_code == 302
    antwoord = deelnemer_client.post(url, {"score": "1"})
    assert "al geëvalueerd" in antwoord.content.decode()
    assert Jaarevaluatie.objects.get().score == 5


@pytest.mark.parametrize("status", ["afwezig", "verontschuldigd"])
def test_wie_afwezig_was_kan_de_bijeenkomst_niet_evalueren(
    deelnemer_client, deelnemer, voorbij, status
):
    services.aanwezigheid_zetten(bijeenkomst=voorbij, deelnemer=deelnemer, status=status, door=None)
    for antwoord in (
        deelnemer_client.get(_url(voorbij), follow=True),
        deelnemer_client.post(_url(voorbij), {"score": "4"}, follow=True),
    ):
        assert antwoord.redirect_chain[-1][0] == voorbij.get_absolute_url()
        assert "niet op deze bijeenkomst" in antwoord.content.decode()
    with pytest.raises(ValidationError, match="niet op deze bijeenkomst"):
        services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    assert not Evaluatie.objects.exists()


def test_wie_aanwezig_of_niet_aangeduid_was_kan_evalueren(deelnemer, collega, voorbij):
    services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=deelnemer, status="aanwezig", door=None
    )
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=deelnemer, score=4)
    services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=collega, score=5)
    assert Evaluatie.objects.count() == 2
