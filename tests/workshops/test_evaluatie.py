"""A participant evaluates a session once, through the link in the mail."""

import pytest
from django.urls import reverse

from workshops.models import Evaluatie, Inschrijving

from .conftest import maak_sessie

pytestmark = pytest.mark.django_db


def deelnemer(workshop, dagen=-2, **velden):
    velden.setdefault("aanwezig", True)
    sessie = maak_sessie(workshop, dagen=dagen)
    return Inschrijving.objects.create(
        sessie=sessie, naam="Lien", email="lien@example.org", status="bevestigd", **velden
    )


def test_evalueren_een_keer(bezoeker, workshop):
    inschrijving = deelnemer(workshop)
    url = reverse("evaluatie", args=[inschrijving.token])
    assert "Hoe tevreden ben je" in bezoeker.get(url).content.decode()
    fout = bezoeker.post(url, {"score": "9"})
    assert fout.status_code == 400
    assert "Kies een score van 1 tot 5." in fout.content.decode()
    assert bezoeker.post(url, {"score": "5", "wat_goed": "De verhalen"}).status_code == 302
    assert Evaluatie.objects.get().score == 5
    tweede = bezoeker.post(url, {"score": "1"})
    assert "Je vulde de evaluatie al in" in tweede.content.decode()
    assert Evaluatie.objects.get().score == 5


def test_evaluatie_pas_na_de_sessie_en_niet_te_laat(bezoeker, workshop):
    toekomst = deelnemer(workshop, dagen=3)
    assert (
        "opent na afloop"
        in bezoeker.get(reverse("evaluatie", args=[toekomst.token])).content.decode()
    )
    Inschrijving.objects.all().delete()
    oud = deelnemer(workshop, dagen=-90)
    response = bezoeker.get(reverse("evaluatie", args=[oud.token]))
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()


@pytest.mark.parametrize("aanwezig", [False, None])
def test_wie_niet_aanwezig_was_kan_niet_evalueren(bezoeker, workshop, aanwezig):
    from workshops.models import Sessie

    inschrijving = deelnemer(workshop, aanwezig=aanwezig)
    url = reverse("evaluatie", args=[inschrijving.token])
    pagina = bezoeker.get(url)
    assert pagina.status_code == 200
    assert "Alleen wie op de sessie aanwezig was" in pagina.content.decode()
    assert "Hoe tevreden ben je" not in pagina.content.decode()
    antwoord = bezoeker.post(url, {"score": "5"})
    assert antwoord.status_code == 200
    assert "Alleen wie op de sessie aanwezig was" in antwoord.content.decode()
    assert not Evaluatie.objects.exists()

    # The response rate counts only who was asked (and present): never above 100%.
    Evaluatie.objects.create(inschrijving=inschrijving, score=3)  # from before this rule
    sessie = Sessie.objects.met_respons().get(pk=inschrijving.sessie_id)
    assert (sessie.aantal_gevraagd, sessie.aantal_geevalueerd) == (0, 0)


@pytest.mark.parametrize("aanwezig", [False, None])
def test_de_service_zelf_weigert_wie_niet_aanwezig_was(workshop, aanwezig):
    """Not only the view: whoever calls the service (a later form, the admin, a script)
    cannot store an evaluation of someone not marked present, nor before the session ends."""
    from django.core.exceptions import ValidationError

    from workshops import services

    afwezig = deelnemer(workshop, aanwezig=aanwezig)
    with pytest.raises(ValidationError, match="Alleen wie op de sessie aanwezig was"):
        services.evaluatie_indienen(inschrijving=afwezig, score=4)
    nog_bezig = deelnemer(workshop, dagen=2)
    with pytest.raises(ValidationError, match="opent na afloop"):
        services.evaluatie_indienen(inschrijving=nog_bezig, score=4)
    assert not Evaluatie.objects.exists()


def test_aanwezigheid_teruggedraaid_tussen_formulier_en_verzenden(bezoeker, workshop):
    """The page was opened while marked present; staff undo the mark before the form is sent:
    the evaluation is refused with a message (400), not stored."""
    inschrijving = deelnemer(workshop)
    url = reverse("evaluatie", args=[inschrijving.token])
    assert "Hoe tevreden ben je" in bezoeker.get(url).content.decode()
    Inschrijving.objects.filter(pk=inschrijving.pk).update(aanwezig=False)
    antwoord = bezoeker.post(url, {"score": "5"})
    assert "Alleen wie op de sessie aanwezig was" in antwoord.content.decode()
    assert not Evaluatie.objects.exists()
