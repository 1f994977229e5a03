"""Evaluations reach the right people: only those marked present are asked, after the session;
who did not answer gets one reminder a week later, never two; staff see the response rate per
session and the results per workshop."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse

from baz import periodiek
from baz.models import Mail
from workshops import services
from workshops.models import Evaluatie, Inschrijving, Sessie

from .conftest import maak_sessie

pytestmark = pytest.mark.django_db
BRUSSEL = ZoneInfo("Europe/Brussels")
AFGELOPEN = datetime(2031, 3, 3, 12, 0, tzinfo=BRUSSEL)  # the session ended at this moment


@pytest.fixture
def sessie(workshop):
    return Sessie.objects.create(
        workshop=workshop,
        begint_op=AFGELOPEN - timedelta(hours=2),
        eindigt_op=AFGELOPEN,
        plaats="Zaal De Linde, Geel",
        capaciteit=10,
    )


@pytest.fixture
def mensen(sessie):
    rijen = {}
    for naam, status, aanwezig in [
        ("Aanwezig", "bevestigd", True),
        ("Ook", "bevestigd", True),
        ("Afwezig", "bevestigd", False),
        ("Onbekend", "bevestigd", None),
        ("Wachter", "wachtlijst", None),
    ]:
        rijen[naam] = Inschrijving.objects.create(
            sessie=sessie,
            naam=naam,
            email=f"{naam.lower()}@example.org",
            status=status,
            aanwezig=aanwezig,
        )
    return rijen


def _mails(soort: str) -> list[str]:
    return sorted(Mail.objects.filter(soort=soort).values_list("ontvanger", flat=True))


def test_enkel_wie_aanwezig_was_krijgt_de_vraag_na_de_sessie(mensen):
    assert services.evaluaties_vragen(nu=AFGELOPEN - timedelta(minutes=1)) == 0
    assert services.evaluaties_vragen(nu=AFGELOPEN + timedelta(hours=1)) == 2
    assert services.evaluaties_vragen(nu=AFGELOPEN + timedelta(hours=2)) == 0
    assert _mails("workshops.evaluatie_vraag") == ["aanwezig@example.org", "ook@example.org"]
    # Marked present later (staff catch up on the list): asked at the next run, once.
    Inschrijving.objects.filter(pk=mensen["Onbekend"].pk).update(aanwezig=True)
    assert services.evaluaties_vragen(nu=AFGELOPEN + timedelta(days=1)) == 1
    assert services.evaluaties_vragen(nu=AFGELOPEN + timedelta(days=1)) == 0
    assert "afwezig@example.org" not in _mails("workshops.evaluatie_vraag")


def test_een_herinnering_na_een_week_nooit_twee(mensen):
    gevraagd = AFGELOPEN + timedelta(hours=1)
    services.evaluaties_vragen(nu=gevraagd)
    services.evaluatie_indienen(
        inschrijving=mensen["Ook"], score=5, wat_goed="De verhalen", nu=gevraagd
    )

    assert services.evaluatie_herinneringen_versturen(nu=gevraagd + timedelta(days=6)) == 0
    assert services.evaluatie_herinneringen_versturen(nu=gevraagd + timedelta(days=7)) == 1
    assert services.evaluatie_herinneringen_versturen(nu=gevraagd + timedelta(days=8)) == 0
    assert services.evaluatie_herinneringen_versturen(nu=gevraagd + timedelta(days=14)) == 0
    (herinnering,) = Mail.objects.filter(soort="workshops.evaluatie_herinnering")
    aanwezig = mensen["Aanwezig"]
    assert herinnering.ontvanger == "aanwezig@example.org"  # not "Ook", who answered
    assert reverse("evaluatie", args=[aanwezig.token]) in herinnering.tekst
    assert "Dit is de enige herinnering." in herinnering.tekst
    assert "2 mei 2031" in herinnering.tekst  # open until 60 days after the session
    aanwezig.refresh_from_db()
    assert aanwezig.evaluatie_herinnerd_op == gevraagd + timedelta(days=7)


def test_geen_herinnering_als_de_evaluatie_bijna_sluit(mensen):
    laat = AFGELOPEN + timedelta(days=55)  # asked late (marked present late)
    services.evaluaties_vragen(nu=laat)
    assert services.evaluatie_herinneringen_versturen(nu=laat + timedelta(days=7)) == 0


def test_het_commando_en_de_periodieke_taak(mensen, settings):
    uit = StringIO()
    call_command("workshops_evaluaties", stdout=uit)  # today: the session is still to come
    assert uit.getvalue() == "Evaluaties gevraagd: 0.\nHerinneringen: 0.\n"
    nu = AFGELOPEN + timedelta(hours=3)
    assert periodiek.uitvoeren(nu=nu, alle=True)["workshops.evaluaties"] == 2
    assert periodiek.uitvoeren(nu=nu + timedelta(days=7), alle=True)["workshops.evaluaties"] == 2
    assert periodiek.uitvoeren(nu=nu + timedelta(days=8), alle=True)["workshops.evaluaties"] == 0
    assert len(_mails("workshops.evaluatie_vraag")) == 2
    assert len(_mails("workshops.evaluatie_herinnering")) == 2


def _ingevuld(sessie, workshop, aantal: int, gevraagd: int, dagen: int):
    """A finished session with `gevraagd` present participants asked, `aantal` answered."""
    for nummer in range(gevraagd):
        inschrijving = Inschrijving.objects.create(
            sessie=sessie,
            naam=f"Deelnemer {nummer}",
            email=f"d{dagen}.{nummer}@example.org",
            status="bevestigd",
            aanwezig=True,
            evaluatie_gevraagd_op=sessie.eindigt_op,
        )
        if nummer < aantal:
            Evaluatie.objects.create(
                inschrijving=inschrijving,
                score=4 + nummer % 2,
                wat_goed=f"Open antwoord {dagen}.{nummer}" if nummer == 0 else "",
            )


def test_medewerkers_zien_de_respons_per_sessie_en_de_resultaten_per_workshop(
    medewerker_client, workshop, django_assert_max_num_queries
):
    sessies = []
    for dagen in range(2, 8):
        sessie = maak_sessie(workshop, dagen=-dagen)
        _ingevuld(sessie, workshop, aantal=2, gevraagd=4, dagen=dagen)
        sessies.append(sessie)

    pagina = medewerker_client.get(reverse("admin:workshops_sessie_change", args=[sessies[0].pk]))
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "2 van 4 (50%)" in inhoud
    assert "Evaluatie: 2 van de 4 aanwezigen antwoordden." in inhoud

    url = reverse("admin:workshops_workshop_evaluaties", args=[workshop.pk])
    # Sessions with their counts, the evaluations, the distribution: no query per session.
    with django_assert_max_num_queries(12):
        response = medewerker_client.get(url)
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Gemiddelde score 4,5 op 5, uit 12 evaluaties." in inhoud
    assert "Respons: 12 van de 24 gevraagden (50%)." in inhoud
    assert inhoud.count("50%") >= 6  # each session's row
    assert "Open antwoord 2.0" in inhoud and "Open antwoord 7.0" in inhoud
    assert "Deelnemer 0" not in inhoud  # anonymous: no names
    lijst = medewerker_client.get(reverse("admin:workshops_workshop_changelist")).content.decode()
    assert f'href="{url}"' in lijst


def test_de_resultaten_enkel_voor_medewerkers(client, workshop):
    url = reverse("admin:workshops_workshop_evaluaties", args=[workshop.pk])
    assert client.get(url).status_code == 302
