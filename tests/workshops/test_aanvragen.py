"""A vereniging requests a workshop: the form, its validation, the confirmation and the mails."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from baz.models import Mail
from workshops.models import Aanvraag

pytestmark = pytest.mark.django_db


def url(workshop):
    return reverse("workshop-aanvragen", args=[workshop.slug])


def test_formulier_toont_privacy_en_lege_nieuwsbrief(bezoeker, workshop):
    response = bezoeker.get(url(workshop))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/privacy/"' in html
    assert 'name="nieuwsbrief"' in html
    assert 'id="id_nieuwsbrief" checked' not in html
    assert html.count("<h1") == 1


def test_vereniging_vraagt_aan_en_krijgt_bevestiging_en_mails(
    bezoeker, workshop, aanvraag_gegevens, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(url(workshop), aanvraag_gegevens)
    aanvraag = Aanvraag.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("aanvraag-verstuurd", args=[aanvraag.token])
    assert aanvraag.status == Aanvraag.Status.NIEUW
    assert aanvraag.telefoon == "+32470123456"
    assert aanvraag.nieuwsbrief is False and aanvraag.nieuwsbrief_toestemming_op is None
    assert list(aanvraag.wijzigingen.values_list("van", "naar")) == [("", "nieuw")]

    bevestiging = bezoeker.get(response["Location"])
    assert "Bedankt, we ontvingen je aanvraag" in bevestiging.content.decode()
    assert "Toneelkring De Planken" in bevestiging.content.decode()

    aanvrager, medewerkers = sorted(mail.outbox, key=lambda m: m.to[0] != aanvraag.email)
    assert aanvrager.to == ["sofie@deplanken.be"]
    assert "Iedereen welkom in jouw vereniging" in aanvrager.subject
    assert settings.SITE_URL + aanvraag.get_absolute_url() in aanvrager.body
    assert "Hoe maken we onze kring toegankelijker" in aanvrager.body
    assert medewerkers.to == [settings.STAFF_NOTIFICATION_EMAIL]
    assert "Toneelkring De Planken" in medewerkers.subject
    assert f"/beheer/workshops/aanvraag/{aanvraag.pk}/change/" in medewerkers.body
    assert set(Mail.objects.values_list("status", flat=True)) == {"verzonden"}


def test_geen_mail_zolang_de_transactie_niet_vastligt(
    bezoeker, workshop, aanvraag_gegevens, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        bezoeker.post(url(workshop), aanvraag_gegevens)
    assert mail.outbox == []
    assert Mail.objects.filter(status="wachtend").count() == 2
    assert len(callbacks) == 2


def test_nieuwsbrief_toestemming_met_bewijs(bezoeker, workshop, aanvraag_gegevens):
    bezoeker.post(url(workshop), {**aanvraag_gegevens, "nieuwsbrief": "on"})
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.nieuwsbrief is True
    assert aanvraag.nieuwsbrief_toestemming_op is not None
    assert aanvraag.nieuwsbrief_toestemming_tekst.startswith("nieuwsbrief-")


def test_dubbel_versturen_geeft_een_aanvraag_en_dezelfde_pagina(
    bezoeker, workshop, aanvraag_gegevens
):
    gegevens = {**aanvraag_gegevens, "sleutel": str(uuid.uuid4())}
    eerste = bezoeker.post(url(workshop), gegevens)
    tweede = bezoeker.post(url(workshop), gegevens)
    assert Aanvraag.objects.count() == 1
    assert eerste["Location"] == tweede["Location"]


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("organisatie", "", "Geef de naam van jullie vereniging of organisatie."),
        ("email", "geen-adres", "Geef een geldig e-mailadres"),
        ("telefoon", "12345", "Geef een Belgisch telefoonnummer"),
        ("aantal_deelnemers", "0", "Minstens 1 deelnemer."),
        ("aantal_deelnemers", "5000", "Voor meer dan 200 deelnemers"),
        ("aantal_deelnemers", "veel", "Geef een getal."),
        ("soort", "circus", "Kies een soort uit de lijst."),
        ("gemeente", "99999", "Kies een gemeente uit de lijst."),
        ("voorkeur_1", "31/02/2027", "Geef een geldige datum"),
        ("leervraag", "x" * 3001, "hoogstens 3000 tekens"),
    ],
)
def test_foute_invoer_geeft_nederlandse_melding_en_houdt_de_rest(
    bezoeker, workshop, aanvraag_gegevens, veld, waarde, melding
):
    response = bezoeker.post(url(workshop), {**aanvraag_gegevens, veld: waarde})
    assert response.status_code == 400
    html = response.content.decode()
    assert melding in html
    assert 'class="foutenoverzicht"' in html
    assert 'value="Sofie Peeters"' in html  # what was typed stays
    assert Aanvraag.objects.count() == 0


def test_datum_in_het_verleden_wordt_geweigerd(bezoeker, workshop, aanvraag_gegevens):
    gisteren = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = bezoeker.post(url(workshop), {**aanvraag_gegevens, "voorkeur_1": gisteren})
    assert "Deze datum ligt in het verleden." in response.content.decode()
    assert Aanvraag.objects.count() == 0


def test_twee_dezelfde_voorkeuren_worden_geweigerd(bezoeker, workshop, aanvraag_gegevens):
    gegevens = {**aanvraag_gegevens, "voorkeur_2": aanvraag_gegevens["voorkeur_1"]}
    response = bezoeker.post(url(workshop), gegevens)
    assert "Kies een andere datum dan je eerste voorkeur." in response.content.decode()


@pytest.mark.parametrize(
    ("invoer", "opgeslagen"),
    [
        ("03 123 45 67", "+3231234567"),
        ("0470/12.34.56", "+32470123456"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0032 9 123 45 67", "+3291234567"),
    ],
)
def test_belgische_telefoonnummers(bezoeker, workshop, aanvraag_gegevens, invoer, opgeslagen):
    bezoeker.post(url(workshop), {**aanvraag_gegevens, "telefoon": invoer})
    assert Aanvraag.objects.get().telefoon == opgeslagen


def test_leeg_formulier(bezoeker, workshop):
    response = bezoeker.post(url(workshop), {})
    assert response.status_code == 400
    assert "Geef minstens twee voorkeursperiodes." in response.content.decode()


def test_onzin_en_te_grote_post_geven_nooit_500(bezoeker, workshop, aanvraag_gegevens):
    onzin = bezoeker.post(
        url(workshop), b"\xff\xfe\x00garbage", content_type="application/x-www-form-urlencoded"
    )
    assert onzin.status_code < 500
    groot = bezoeker.post(url(workshop), {**aanvraag_gegevens, "drempels": "x" * 100_000})
    assert groot.status_code == 400
    assert Aanvraag.objects.count() == 0


def test_onbekende_workshop_is_404(bezoeker, db):
    assert bezoeker.get("/workshops/bestaat-niet/aanvragen/").status_code == 404


def test_opvolgpagina_en_onbekende_token(bezoeker, workshop, aanvraag_gegevens):
    bezoeker.post(url(workshop), aanvraag_gegevens)
    aanvraag = Aanvraag.objects.get()
    pagina = bezoeker.get(aanvraag.get_absolute_url())
    assert pagina.status_code == 200
    assert "Nieuw" in pagina.content.decode()
    onbekend = bezoeker.get(reverse("aanvraag-opvolgen", args=["verzonnen-token"]))
    assert onbekend.status_code == 404
    assert "Deze link werkt niet" in onbekend.content.decode()


def test_te_veel_verzendingen_geven_429(bezoeker, workshop, aanvraag_gegevens, settings):
    settings.RATELIMIETEN = {**settings.RATELIMIETEN, "aanvraag": (3, 600)}
    for _ in range(3):
        assert bezoeker.post(url(workshop), {**aanvraag_gegevens, "email": "x"}).status_code == 400
    response = bezoeker.post(url(workshop), aanvraag_gegevens)
    assert response.status_code == 429
    assert "Even geduld" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 600
    assert Aanvraag.objects.count() == 0


def test_te_veel_velden_geeft_400(bezoeker, workshop, aanvraag_gegevens):
    gegevens = {**aanvraag_gegevens, **{f"veld{i}": "x" for i in range(1500)}}
    assert bezoeker.post(url(workshop), gegevens).status_code == 400
    assert Aanvraag.objects.count() == 0
