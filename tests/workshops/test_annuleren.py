"""Cancelling a sign-up or leaving the waiting list: a confirmation page, a confirmation mail,
signing up again while there is room, and a personal page that always says where one stands."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baz.models import Mail
from workshops import services
from workshops.models import Inschrijving

from .conftest import maak_sessie
from .test_inschrijven import inschrijven

pytestmark = pytest.mark.django_db


def annuleren_url(inschrijving) -> str:
    return reverse("inschrijving-annuleren", args=[inschrijving.token])


def pagina(client, inschrijving) -> str:
    response = client.get(inschrijving.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_de_bevestigingspagina_toont_wat_vervalt_en_verandert_niets(bezoeker, sessie):
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    lien = Inschrijving.objects.get()
    persoonlijk = pagina(bezoeker, lien)
    assert f'href="{annuleren_url(lien)}"' in persoonlijk  # a link now, not a POST button
    assert f'action="{annuleren_url(lien)}"' not in persoonlijk

    response = bezoeker.get(annuleren_url(lien))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Ja, annuleer mijn inschrijving" in inhoud
    assert "Nee, terug" in inhoud
    assert f'href="{lien.get_absolute_url()}"' in inhoud
    assert sessie.workshop.titel in inhoud
    assert "Zaal De Linde, Geel" in inhoud
    assert timezone.localtime(sessie.begint_op).strftime("%Y") in inhoud
    assert 'name="csrfmiddlewaretoken"' in inhoud
    assert response["X-Robots-Tag"] == "noindex"
    lien.refresh_from_db()
    assert lien.status == "bevestigd"
    assert not Mail.objects.filter(soort="workshops.inschrijving_geannuleerd").exists()


def test_annuleren_mailt_schuift_door_en_opnieuw_inschrijven_lukt(
    bezoeker, sessie, django_capture_on_commit_callbacks
):
    for letter in "abc":
        inschrijven(bezoeker, sessie, letter.upper(), f"{letter}@example.org")
    a = Inschrijving.objects.get(email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(annuleren_url(a))
    assert response.status_code == 302
    assert response["Location"] == a.get_absolute_url()

    bevestiging = Mail.objects.get(soort="workshops.inschrijving_geannuleerd")
    assert bevestiging.ontvanger == "a@example.org"
    assert bevestiging.sleutel == f"workshops.inschrijving:{a.pk}"
    assert sessie.get_absolute_url() in bevestiging.tekst  # the way back
    assert Mail.objects.get(soort="workshops.inschrijving_doorgeschoven").ontvanger == (
        "c@example.org"
    )
    assert [m.to for m in mail.outbox] == [["a@example.org"], ["c@example.org"]]
    assert dict(Inschrijving.objects.values_list("email", "status")) == {
        "a@example.org": "geannuleerd",
        "b@example.org": "bevestigd",
        "c@example.org": "bevestigd",
    }

    # Their page says so and offers to sign up again (the session is full: waiting list).
    inhoud = pagina(bezoeker, a)
    assert "Je inschrijving is geannuleerd" in inhoud  # the message after the POST
    assert "Deze inschrijving werd geannuleerd op" in inhoud
    assert f'href="{sessie.get_absolute_url()}"' in inhoud
    assert "Opnieuw inschrijven" in inhoud

    # B cancels too: a place is free, and A signs up again with the same address.
    services.inschrijving_annuleren(inschrijving=Inschrijving.objects.get(email="b@example.org"))
    response = inschrijven(bezoeker, sessie, "A", "a@example.org")
    assert response.status_code == 302
    opnieuw = Inschrijving.objects.get(email="a@example.org", status="bevestigd")
    assert opnieuw.pk != a.pk
    assert response["Location"] == opnieuw.get_absolute_url()
    assert "je bent ingeschreven" in pagina(bezoeker, opnieuw)
    assert Mail.objects.filter(
        soort="workshops.inschrijving_bevestigd", sleutel=(f"workshops.inschrijving:{opnieuw.pk}")
    ).exists()
    # The old page now points to the new sign-up instead of offering it again.
    inhoud = pagina(bezoeker, a)
    assert "Je schreef je intussen opnieuw in" in inhoud
    assert "Opnieuw inschrijven" not in inhoud


def test_van_de_wachtlijst_gaan(bezoeker, sessie, django_capture_on_commit_callbacks):
    for letter in "abcd":
        inschrijven(bezoeker, sessie, letter.upper(), f"{letter}@example.org")
    c = Inschrijving.objects.get(email="c@example.org")
    assert "Haal me van de wachtlijst" in pagina(bezoeker, c)
    inhoud = bezoeker.get(annuleren_url(c)).content.decode()
    assert "Van de wachtlijst gaan" in inhoud
    assert "Je staat op de wachtlijst (plaats 1); wil je die verlaten?" in inhoud
    assert "Ja, haal me van de wachtlijst" in inhoud

    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(annuleren_url(c))
    assert response.status_code == 302
    (bericht,) = mail.outbox
    assert bericht.to == ["c@example.org"]
    assert "niet meer op de wachtlijst" in bericht.subject
    assert Mail.objects.get(soort="workshops.wachtlijst_verlaten").ontvanger == "c@example.org"
    # No place was freed: the confirmed stay, D moves up the waiting list, nobody is mailed.
    assert sessie.inschrijvingen.bevestigd().count() == 2
    d = Inschrijving.objects.get(email="d@example.org")
    assert d.status == "wachtlijst"
    assert "Je staat niet meer op de wachtlijst" in pagina(bezoeker, c)
    assert "je staat op de wachtlijst (plaats 1)" in pagina(bezoeker, d)


def test_twee_keer_annuleren_mailt_een_keer(bezoeker, sessie, django_capture_on_commit_callbacks):
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    lien = Inschrijving.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert bezoeker.post(annuleren_url(lien)).status_code == 302
        assert bezoeker.post(annuleren_url(lien)).status_code == 302
        services.inschrijving_annuleren(inschrijving=lien, bevestigen=True)
    assert Mail.objects.filter(soort="workshops.inschrijving_geannuleerd").count() == 1
    assert len(mail.outbox) == 1
    # The confirmation page of a cancelled sign-up says so and has no button.
    inhoud = bezoeker.get(annuleren_url(lien)).content.decode()
    assert "Deze inschrijving is al geannuleerd." in inhoud
    assert "Ja, annuleer" not in inhoud


def test_annuleren_kan_niet_meer_na_de_start_of_een_geannuleerde_sessie(bezoeker, workshop):
    voorbij = maak_sessie(workshop, dagen=-3)
    oud = Inschrijving.objects.create(
        sessie=voorbij, naam="An", email="an@example.org", status="bevestigd"
    )
    response = bezoeker.post(annuleren_url(oud))
    assert response.status_code == 400
    assert "annuleren kan niet meer" in response.content.decode()
    oud.refresh_from_db()
    assert oud.status == "bevestigd"
    assert not Mail.objects.exists()


def test_onbekende_link_en_enkel_get_of_post(bezoeker, sessie):
    assert bezoeker.get(reverse("inschrijving-annuleren", args=["niet-bestaand"])).status_code == (
        404
    )
    assert bezoeker.post(reverse("inschrijving-annuleren", args=["niet-bestaand"])).status_code == (
        404
    )
    inschrijven(bezoeker, sessie, "Lien", "lien@example.org")
    lien = Inschrijving.objects.get()
    assert bezoeker.put(annuleren_url(lien)).status_code == 405


def test_annuleren_vraagt_een_csrf_token(sessie):
    inschrijving = Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", status="bevestigd"
    )
    streng = Client(enforce_csrf_checks=True)
    assert streng.post(annuleren_url(inschrijving)).status_code == 403
    inschrijving.refresh_from_db()
    assert inschrijving.status == "bevestigd"


@pytest.mark.parametrize(
    ("opzet", "tekst"),
    [
        ("bevestigd", "Lien, je bent ingeschreven."),
        ("wachtlijst", "je staat op de wachtlijst (plaats 2)"),
        ("doorgeschoven", "je schoof op"),
        ("geannuleerd", "Deze inschrijving werd geannuleerd op"),
        ("sessie_geannuleerd", "Deze sessie is geannuleerd. De lesgever is ziek."),
        ("voorbij", "Deze sessie is voorbij."),
    ],
)
def test_de_persoonlijke_pagina_zegt_waar_je_staat(bezoeker, workshop, opzet, tekst):
    sessie = maak_sessie(workshop, capaciteit=1, dagen=-3 if opzet == "voorbij" else 14)
    Inschrijving.objects.create(
        sessie=sessie,
        naam="Vol",
        email="vol@example.org",
        status=("bevestigd" if opzet != "bevestigd" else "wachtlijst"),
    )
    nu = timezone.now()
    if opzet == "wachtlijst":
        Inschrijving.objects.create(
            sessie=sessie,
            naam="Eerst",
            email="eerst@example.org",
            status="wachtlijst",
            aangemaakt_op=nu - timedelta(hours=1),
        )
    velden = {
        "bevestigd": {"status": "bevestigd"},
        "wachtlijst": {"status": "wachtlijst"},
        "doorgeschoven": {"status": "bevestigd", "doorgeschoven_op": nu},
        "geannuleerd": {"status": "geannuleerd", "geannuleerd_op": nu},
        "sessie_geannuleerd": {"status": "bevestigd"},
        "voorbij": {"status": "bevestigd"},
    }[opzet]
    lien = Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", **velden
    )
    if opzet == "sessie_geannuleerd":
        services.sessie_annuleren(sessie=sessie, reden="De lesgever is ziek.")
    inhoud = pagina(bezoeker, lien)
    assert tekst in inhoud
    kan_annuleren = opzet in {"bevestigd", "wachtlijst", "doorgeschoven"}
    assert (f'href="{annuleren_url(lien)}"' in inhoud) is kan_annuleren
    if opzet == "geannuleerd":
        assert timezone.localtime(nu).strftime("%Y") in inhoud
