"""Saving a session in the admin writes only what the form changed: the other fields with
update_fields, time and place through services.sessie_wijzigen, the places through
sessie_capaciteit_wijzigen. So a change committed by someone else meanwhile (a cancellation, a
new capacity) is not undone by a save of the row as the admin had read it."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from baz.models import Auditregel, Mail
from workshops.models import Sessie

pytestmark = pytest.mark.django_db


def _gegevens(sessie: Sessie, **anders) -> dict:
    """What the change form sends back unchanged, with `anders` typed over it."""
    gegevens = {
        "workshop": sessie.workshop_id,
        "locatie": sessie.locatie_id or "",
        "plaats": sessie.plaats,
        "online_link": sessie.online_link,
        "meebrengen": sessie.meebrengen,
        "capaciteit": str(sessie.capaciteit),
        "inschrijven_tot_0": "",
        "inschrijven_tot_1": "",
        "annuleringsreden": sessie.annuleringsreden,
        "inschrijvingen-TOTAL_FORMS": "0",
        "inschrijvingen-INITIAL_FORMS": "0",
        "inschrijvingen-MIN_NUM_FORMS": "0",
        "inschrijvingen-MAX_NUM_FORMS": "1000",
        "_save": "Bewaren",
    }
    for veld in ("begint_op", "eindigt_op"):
        lokaal = timezone.localtime(anders.pop(veld, getattr(sessie, veld)))
        gegevens[f"{veld}_0"] = lokaal.date().isoformat()
        gegevens[f"{veld}_1"] = lokaal.strftime("%H:%M:%S")
    for vinkje in ("openbaar", "inschrijving_open"):
        if getattr(sessie, vinkje):
            gegevens[vinkje] = "on"
    gegevens.update(anders)
    return gegevens


def _gelijktijdig_annuleren(sessie: Sessie) -> None:
    """Someone else cancels the session and raises its places, committed meanwhile."""
    Sessie.objects.filter(pk=sessie.pk).update(
        geannuleerd_op=timezone.now(), annuleringsreden="Zaal onbeschikbaar.", capaciteit=5
    )


def _opslaan_zoals_het_beheer(medewerker, sessie: Sessie, gegevens: dict):
    """The admin's change view, with the concurrent cancellation between reading the row and
    saving it: the object and the form as read, then save_model."""
    modeladmin = admin.site._registry[Sessie]
    request = RequestFactory().post("/", gegevens)
    request.user = medewerker
    request._messages = CookieStorage(request)
    gelezen = modeladmin.get_object(request, str(sessie.pk))
    formulier = modeladmin.get_form(request, gelezen, change=True)(gegevens, instance=gelezen)
    assert formulier.is_valid(), formulier.errors
    obj = modeladmin.save_form(request, formulier, change=True)
    _gelijktijdig_annuleren(sessie)
    modeladmin.save_model(request, obj, formulier, change=True)
    return request


def _controleer_annulering_staat(sessie: Sessie) -> Sessie:
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op is not None
    assert sessie.annuleringsreden == "Zaal onbeschikbaar."
    assert sessie.capaciteit == 5
    return sessie


def test_een_ander_veld_opslaan_maakt_een_gelijktijdige_annulering_niet_ongedaan(
    medewerker, sessie
):
    _opslaan_zoals_het_beheer(
        medewerker, sessie, _gegevens(sessie, meebrengen="Een laptop, als je er een hebt.")
    )
    sessie = _controleer_annulering_staat(sessie)
    assert sessie.meebrengen == "Een laptop, als je er een hebt."


def test_verzetten_na_een_gelijktijdige_annulering_zegt_waarom_het_niet_kan(medewerker, sessie):
    oud_begin = sessie.begint_op
    request = _opslaan_zoals_het_beheer(
        medewerker,
        sessie,
        _gegevens(
            sessie,
            begint_op=sessie.begint_op + timedelta(days=1),
            eindigt_op=sessie.eindigt_op + timedelta(days=1),
            meebrengen="Een laptop.",
        ),
    )
    sessie = _controleer_annulering_staat(sessie)
    assert sessie.begint_op == oud_begin and sessie.volgnummer == 0
    assert sessie.meebrengen == "Een laptop."
    assert [str(m) for m in get_messages(request)] == [
        "Datum, uur en plaats zijn niet gewijzigd: Deze sessie is geannuleerd."
    ]
    assert not Mail.objects.filter(soort="workshops.sessie_gewijzigd").exists()
    assert not Auditregel.objects.filter(actie="workshops.sessie_gewijzigd").exists()


def test_bewaren_in_het_beheer_na_een_annulering_laat_ze_staan(medewerker_client, sessie):
    """Through the change view itself: the form data built before the cancellation (with an
    empty reason, and time fields the cancelled session no longer lets change)."""
    gegevens = _gegevens(
        sessie,
        begint_op=sessie.begint_op + timedelta(days=1),
        eindigt_op=sessie.eindigt_op + timedelta(days=1),
        meebrengen="Pen en papier.",
    )
    oud_begin = sessie.begint_op
    Sessie.objects.filter(pk=sessie.pk).update(
        geannuleerd_op=timezone.now(), annuleringsreden="Zaal onbeschikbaar."
    )
    url = reverse("admin:workshops_sessie_change", args=[sessie.pk])
    antwoord = medewerker_client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op is not None
    assert sessie.annuleringsreden == "Zaal onbeschikbaar."
    assert sessie.begint_op == oud_begin and sessie.volgnummer == 0
    assert sessie.meebrengen == "Pen en papier."


def test_verzetten_en_plaatsen_in_het_beheer_lopen_via_de_services(medewerker_client, sessie):
    nieuw_begin = sessie.begint_op + timedelta(days=2)
    gegevens = _gegevens(
        sessie,
        begint_op=nieuw_begin,
        eindigt_op=sessie.eindigt_op + timedelta(days=2),
        capaciteit="8",
        meebrengen="Een laptop.",
    )
    url = reverse("admin:workshops_sessie_change", args=[sessie.pk])
    antwoord = medewerker_client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    sessie.refresh_from_db()
    assert sessie.begint_op == nieuw_begin and sessie.volgnummer == 1
    assert sessie.capaciteit == 8 and sessie.meebrengen == "Een laptop."
    assert sessie.geannuleerd_op is None
    assert Auditregel.objects.filter(actie="workshops.sessie_gewijzigd").count() == 1
