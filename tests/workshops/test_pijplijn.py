"""The request pipeline as a state machine: allowed steps only, what each step needs, the mails
the association gets (through the outbox), the audit trail, and what the association can do
through its personal link."""

import threading
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baz.models import Auditregel, Mail
from workshops import services
from workshops.models import Aanvraag, AanvraagBericht, Inschrijving, Sessie

from .conftest import geladen, maak_sessie
from .test_services import maak_aanvraag

S = Aanvraag.Status
ALLE = [s.value for s in S]
TOEKOMST = timedelta(days=21)


def _zet(aanvraag: Aanvraag, status: str) -> Aanvraag:
    """Put a request in `status` as the pipeline would have (date and place where needed)."""
    velden = {"status": status}
    if status in {S.INGEPLAND, S.GEGEVEN, S.GEEVALUEERD}:
        dagen = TOEKOMST if status == S.INGEPLAND else -TOEKOMST
        velden |= {"gepland_op": timezone.now() + dagen, "geplande_plaats": "Zaal De Linde"}
    Aanvraag.objects.filter(pk=aanvraag.pk).update(**velden)
    aanvraag.refresh_from_db()
    return aanvraag


def _stap(aanvraag, naar, door):
    return services.aanvraag_status_wijzigen(
        aanvraag=aanvraag,
        status=naar,
        door=door,
        reden="Een reden",
        gepland_op=timezone.now() + TOEKOMST,
        geplande_plaats="Parochiezaal, Geel",
    )


@pytest.mark.parametrize("van", ALLE)
@pytest.mark.parametrize("naar", ALLE)
def test_enkel_de_toegestane_stappen(
    van, naar, workshop, gemeenten, medewerker, django_capture_on_commit_callbacks
):
    aanvraag = _zet(maak_aanvraag(workshop, gemeenten), van)
    if naar == S.GEGEVEN:  # given only after the planned date
        Aanvraag.objects.filter(pk=aanvraag.pk).update(gepland_op=timezone.now() - TOEKOMST)
    mails, regels = Mail.objects.count(), Auditregel.objects.count()
    wijzigingen = aanvraag.wijzigingen.count()
    if naar in services.OVERGANGEN[van]:
        with django_capture_on_commit_callbacks(execute=True):
            _stap(aanvraag, naar, medewerker)
        aanvraag.refresh_from_db()
        assert aanvraag.status == naar
        assert aanvraag.wijzigingen.count() == wijzigingen + 1
        assert Auditregel.objects.filter(actie="workshops.aanvraag_status").count() == 1
    else:
        with pytest.raises(services.OvergangNietToegestaan):
            _stap(aanvraag, naar, medewerker)
        aanvraag.refresh_from_db()
        assert aanvraag.status == van
        assert aanvraag.wijzigingen.count() == wijzigingen
        assert (Mail.objects.count(), Auditregel.objects.count()) == (mails, regels)


def test_de_pijplijn_van_begin_tot_eind_met_de_mails(
    workshop, gemeenten, medewerker, django_capture_on_commit_callbacks
):
    aanvraag = maak_aanvraag(workshop, gemeenten, contactpersoon="Tom Peeters")
    medewerker.first_name, medewerker.last_name = "Mieke", "Medewerker"
    medewerker.save()
    Aanvraag.objects.filter(pk=aanvraag.pk).update(begeleider=medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_status_wijzigen(
            aanvraag=aanvraag, status=S.IN_BEHANDELING, door=medewerker
        )
    mail = Mail.objects.get(soort="workshops.aanvraag_in_behandeling")
    assert mail.ontvanger == "tom@ksa.be" and "Mieke Medewerker" in mail.tekst
    assert aanvraag.get_absolute_url() in mail.tekst

    # Ingepland needs a date and a place, in the future.
    for gepland_op, plaats in [
        (None, "Zaal"),
        (timezone.now() + TOEKOMST, ""),
        (timezone.now() - TOEKOMST, "Zaal"),
    ]:
        with pytest.raises(services.OvergangNietToegestaan):
            services.aanvraag_status_wijzigen(
                aanvraag=aanvraag,
                status=S.INGEPLAND,
                door=medewerker,
                gepland_op=gepland_op,
                geplande_plaats=plaats,
            )
    moment = (timezone.now() + TOEKOMST).replace(hour=18, minute=30, second=0, microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_status_wijzigen(
            aanvraag=aanvraag,
            status=S.INGEPLAND,
            door=medewerker,
            gepland_op=moment,
            geplande_plaats="Jeugdlokaal KSA, Markt 1, Geel",
        )
    mail = Mail.objects.get(soort="workshops.aanvraag_ingepland")
    assert "Jeugdlokaal KSA, Markt 1, Geel" in mail.tekst
    assert timezone.localtime(moment).strftime("%H:%M") in mail.tekst
    assert mail.bijlage_naam == "workshop.ics" and "BEGIN:VEVENT" in mail.bijlage_inhoud

    # "Gegeven" only after the date.
    with pytest.raises(services.OvergangNietToegestaan, match="pas gegeven"):
        services.aanvraag_status_wijzigen(aanvraag=aanvraag, status=S.GEGEVEN, door=medewerker)

    # The session, once; re-planning moves it and tells the association what changed.
    sessie = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    with pytest.raises(services.OvergangNietToegestaan, match="al een sessie"):
        services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    nieuw = moment + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_herplannen(
            aanvraag=aanvraag, gepland_op=nieuw, geplande_plaats="Zaal De Linde", door=medewerker
        )
    sessie.refresh_from_db()
    assert (sessie.begint_op, sessie.plaats) == (nieuw, "Zaal De Linde")
    mail = Mail.objects.get(soort="workshops.aanvraag_herpland")
    assert "Zaal De Linde" in mail.tekst and "Jeugdlokaal KSA" in mail.tekst  # now and before
    assert Auditregel.objects.filter(actie="workshops.aanvraag_herpland").count() == 1

    # Postponed, with the reason in the mail, which cancels the session too; then cancelled.
    Inschrijving.objects.create(sessie=sessie, naam="Lid", email="lid@ksa.be", status="bevestigd")
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_status_wijzigen(
            aanvraag=aanvraag, status=S.UITGESTELD, door=medewerker, reden="De zaal is bezet."
        )
    assert "De zaal is bezet." in Mail.objects.get(soort="workshops.aanvraag_uitgesteld").tekst
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_status_wijzigen(
            aanvraag=aanvraag, status=S.GEANNULEERD, door=medewerker, reden="Vereniging stopt."
        )
    assert "Vereniging stopt." in Mail.objects.get(soort="workshops.aanvraag_geannuleerd").tekst
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op is not None
    assert Mail.objects.filter(soort="workshops.sessie_geannuleerd", ontvanger="lid@ksa.be")
    assert list(aanvraag.wijzigingen.values_list("naar", flat=True)) == [
        "nieuw",
        "in_behandeling",
        "ingepland",
        "uitgesteld",
        "geannuleerd",
    ]
    # Every mail went to the association through the outbox, and was sent.
    naar_de_aanvrager = Mail.objects.filter(ontvanger="tom@ksa.be")
    assert naar_de_aanvrager.exclude(soort="workshops.aanvraag_ontvangen").count() == 5
    assert not naar_de_aanvrager.exclude(soort="workshops.aanvraag_ontvangen").exclude(
        status="verzonden"
    )


def test_de_ontvangstmail_noemt_de_beloofde_antwoordtermijn(
    workshop, gemeenten, settings, django_capture_on_commit_callbacks
):
    settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN = 7
    maak_aanvraag(workshop, gemeenten)
    assert "binnen een week contact" in Mail.objects.get(soort="workshops.aanvraag_ontvangen").tekst
    settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN = 10
    maak_aanvraag(workshop, gemeenten, email="ander@ksa.be")
    assert (
        "binnen 10 dagen"
        in Mail.objects.get(ontvanger="ander@ksa.be", soort__endswith="ontvangen").tekst
    )


# --- The admin: the steps as pages ----------------------------------------------------------


def test_het_beheer_toont_enkel_de_toegestane_stappen(medewerker_client, workshop, gemeenten):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    html = medewerker_client.get(
        reverse("admin:workshops_aanvraag_change", args=[aanvraag.pk])
    ).content.decode()
    for stap in services.OVERGANGEN[S.NIEUW]:
        assert reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, stap]) in html
    assert reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "gegeven"]) not in html
    assert 'name="status"' not in html  # no free drop-down
    # A step that is not allowed from here: back to the request with a message, nothing changes.
    response = medewerker_client.post(
        reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "gegeven"]), follow=True
    )
    assert "Die stap kan niet (meer)" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "nieuw"


def test_inplannen_in_het_beheer_vraagt_datum_en_plaats(
    medewerker_client, medewerker, workshop, gemeenten
):
    aanvraag = _zet(maak_aanvraag(workshop, gemeenten), S.IN_BEHANDELING)
    url = reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "ingepland"])
    pagina = medewerker_client.get(url)
    assert pagina.status_code == 200
    assert "De aanvrager krijgt hierover een mail op tom@ksa.be" in pagina.content.decode()
    fout = medewerker_client.post(
        url, {"gepland_op_0": "", "gepland_op_1": "", "geplande_plaats": "Zaal"}
    )
    assert fout.status_code == 400
    assert 'value="Zaal"' in fout.content.decode()  # what was typed stays
    datum = (timezone.localdate() + TOEKOMST).isoformat()
    response = medewerker_client.post(
        url, {"gepland_op_0": datum, "gepland_op_1": "19:30", "geplande_plaats": "Zaal"}
    )
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingepland"
    assert timezone.localtime(aanvraag.gepland_op).strftime("%Y-%m-%d %H:%M") == f"{datum} 19:30"


def test_redactie_kan_geen_stap_zetten(client, django_user_model, workshop, gemeenten):
    redacteur = django_user_model.objects.create_user("r", "r@example.org", "x", is_staff=True)
    client.force_login(redacteur)
    aanvraag = maak_aanvraag(workshop, gemeenten)
    url = reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "in_behandeling"])
    assert client.post(url).status_code == 403
    aanvraag.refresh_from_db()
    assert aanvraag.status == "nieuw"


# --- The personal link: add information, other dates, cancel ---------------------------------


@pytest.fixture
def aanvraag(workshop, gemeenten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return maak_aanvraag(workshop, gemeenten)


def test_aanvullen_via_de_persoonlijke_link(
    bezoeker, aanvraag, settings, django_capture_on_commit_callbacks
):
    url = reverse("aanvraag-aanvullen", args=[aanvraag.token])
    leeg = bezoeker.post(url, {"tekst": "  "})
    assert leeg.status_code == 400
    assert "Schrijf wat je wilt toevoegen." in leeg.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(url, {"tekst": "We zijn met 20 in plaats van 12."}, follow=True)
    assert "Bedankt, we kregen je aanvulling" in response.content.decode()
    assert "je stuurde een aanvulling" in response.content.decode()
    melding = Mail.objects.get(soort="workshops.aanvraag_bericht")
    assert melding.ontvanger == settings.STAFF_NOTIFICATION_EMAIL
    assert "We zijn met 20 in plaats van 12." in melding.tekst


def test_andere_data_voorstellen(bezoeker, aanvraag, django_capture_on_commit_callbacks):
    url = reverse("aanvraag-andere-data", args=[aanvraag.token])
    gisteren = (timezone.localdate() - timedelta(days=1)).isoformat()
    fout = bezoeker.post(url, {"voorkeur_1": gisteren, "toelichting": "Liever in het voorjaar"})
    assert fout.status_code == 400
    html = fout.content.decode()
    assert "Deze datum ligt in het verleden." in html and "Liever in het voorjaar" in html
    nieuw = timezone.localdate() + timedelta(days=90)
    with django_capture_on_commit_callbacks(execute=True):
        assert bezoeker.post(url, {"voorkeur_1": nieuw.isoformat()}).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.voorkeuren == [nieuw]
    bericht = AanvraagBericht.objects.get()
    assert bericht.soort == "datumvoorstel" and bericht.voorkeuren == [nieuw]
    assert Mail.objects.filter(soort="workshops.aanvraag_bericht").count() == 1


def test_annuleren_vraagt_bevestiging_en_mailt_beide_kanten(
    bezoeker, aanvraag, medewerker, django_capture_on_commit_callbacks
):
    _zet(aanvraag, S.INGEPLAND)
    sessie = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    url = reverse("aanvraag-annuleren", args=[aanvraag.token])
    bevestigen = bezoeker.get(url)
    assert bevestigen.status_code == 200
    assert "Ja, annuleer mijn aanvraag" in bevestigen.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == "ingepland"  # a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = bezoeker.post(url, {"reden": "We vonden geen zaal."}, follow=True)
    html = response.content.decode()
    assert "Je aanvraag is geannuleerd" in html
    assert "Iets toevoegen" not in html  # closed: no more forms
    aanvraag.refresh_from_db()
    assert aanvraag.status == "geannuleerd"
    laatste = aanvraag.wijzigingen.last()
    assert laatste.door_aanvrager and laatste.reden == "Geannuleerd door de aanvrager."
    # The requester's own words stay in their message only (erased with the request), not in
    # the history, the audit trail, the session or the mails to its participants.
    assert AanvraagBericht.objects.get(soort="annulering").tekst == "We vonden geen zaal."
    assert not Auditregel.objects.filter(omschrijving__contains="geen zaal").exists()
    assert "geen zaal" not in Sessie.objects.get(pk=sessie.pk).annuleringsreden
    bevestiging = Mail.objects.get(soort="workshops.aanvraag_geannuleerd")
    assert (
        bevestiging.ontvanger == "tom@ksa.be" and "Je annuleerde je aanvraag" in bevestiging.tekst
    )
    assert Mail.objects.filter(soort="workshops.aanvraag_bericht").count() == 1
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op is not None
    # Afterwards: the cancel page says it is closed; adding information is refused.
    assert "kan niet meer geannuleerd worden" in bezoeker.get(url).content.decode()
    te_laat = bezoeker.post(
        reverse("aanvraag-aanvullen", args=[aanvraag.token]), {"tekst": "Toch nog iets"}
    )
    assert te_laat.status_code == 400
    assert "Deze aanvraag is afgesloten" in te_laat.content.decode()


def test_onbekende_link_voor_de_aanvrager(bezoeker, db):
    for naam in ("aanvraag-aanvullen", "aanvraag-andere-data", "aanvraag-annuleren"):
        assert bezoeker.post(reverse(naam, args=["verzonnen"]), {"tekst": "x"}).status_code == 404


# --- The same sign-up sent ten times at once: ten times the registration page -----------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_tien_gelijke_inschrijvingen_tegelijk_geven_dezelfde_pagina(workshop):
    sessie = maak_sessie(workshop, capaciteit=5)
    sleutel = str(uuid.uuid4())
    gegevens = {
        "naam": "Lien",
        "email": "lien@example.org",
        "sleutel": sleutel,
        "geladen": geladen(),
        "website": "",
    }
    start = threading.Barrier(10)
    antwoorden: list = []

    def versturen():
        try:
            start.wait()
            antwoorden.append(Client().post(sessie.get_absolute_url(), gegevens))
        finally:
            connection.close()

    draden = [threading.Thread(target=versturen) for _ in range(10)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    inschrijving = Inschrijving.objects.get()
    assert [a.status_code for a in antwoorden] == [302] * 10
    assert {a["Location"] for a in antwoorden} == {inschrijving.get_absolute_url()}
    assert Sessie.objects.get().inschrijvingen.count() == 1


def test_de_begeleider_kies_je_op_naam_uit_wie_mag_begeleiden(
    medewerker_client, django_user_model, workshop, gemeenten
):
    from django.contrib.auth.models import Group

    begeleider = django_user_model.objects.create_user(
        "bart", "bart@example.org", "x", is_staff=True, first_name="Bart", last_name="Begeleider"
    )
    begeleider.groups.add(Group.objects.get(name="Begeleiders"))
    redacteur = django_user_model.objects.create_user(
        "ruben", "ruben@example.org", "x", is_staff=True, first_name="Ruben", last_name="Redacteur"
    )
    redacteur.groups.add(Group.objects.get(name="Redactie"))
    aanvraag = maak_aanvraag(workshop, gemeenten)
    url = reverse("admin:workshops_aanvraag_change", args=[aanvraag.pk])
    html = medewerker_client.get(url).content.decode()
    assert f'<option value="{begeleider.pk}">Bart Begeleider</option>' in html
    assert "Ruben Redacteur" not in html and ">ruben<" not in html


# --- Review fixes: the session follows the request; nothing claims what did not happen -------


def _ingepland_met_deelnemer(aanvraag, medewerker):
    _zet(aanvraag, S.INGEPLAND)
    sessie = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    Inschrijving.objects.create(sessie=sessie, naam="Lid", email="lid@ksa.be", status="bevestigd")
    return sessie


def test_uitstellen_annuleert_de_sessie_en_verwittigt_de_deelnemers(
    aanvraag, medewerker, django_capture_on_commit_callbacks
):
    sessie = _ingepland_met_deelnemer(aanvraag, medewerker)
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_status_wijzigen(
            aanvraag=aanvraag, status=S.UITGESTELD, door=medewerker, reden="Onze zaal is bezet."
        )
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op is not None
    mail = Mail.objects.get(soort="workshops.sessie_geannuleerd", ontvanger="lid@ksa.be")
    assert "uitgesteld" in mail.tekst and "Onze zaal" not in mail.tekst  # neutral words
    # Planned again on a new date: a new session can be made for it.
    services.aanvraag_status_wijzigen(
        aanvraag=aanvraag,
        status=S.INGEPLAND,
        door=medewerker,
        gepland_op=timezone.now() + TOEKOMST * 2,
        geplande_plaats="Zaal De Linde",
    )
    nieuw = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    assert nieuw.pk != sessie.pk and nieuw.geannuleerd_op is None


def test_herplannen_mailt_de_deelnemers_van_de_sessie(
    aanvraag, medewerker, django_capture_on_commit_callbacks
):
    _ingepland_met_deelnemer(aanvraag, medewerker)
    nieuw = timezone.now().replace(microsecond=0) + TOEKOMST * 2
    with django_capture_on_commit_callbacks(execute=True):
        services.aanvraag_herplannen(
            aanvraag=aanvraag, gepland_op=nieuw, geplande_plaats="Zaal De Linde", door=medewerker
        )
    mail = Mail.objects.get(soort="workshops.sessie_gewijzigd", ontvanger="lid@ksa.be")
    assert "Zaal De Linde" in mail.tekst and "BEGIN:VEVENT" in mail.bijlage_inhoud


def test_een_datum_ver_in_de_toekomst_geeft_een_melding_geen_500(
    medewerker_client, workshop, gemeenten
):
    aanvraag = _zet(maak_aanvraag(workshop, gemeenten), S.IN_BEHANDELING)
    url = reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "ingepland"])
    response = medewerker_client.post(
        url, {"gepland_op_0": "9999-12-31", "gepland_op_1": "23:59", "geplande_plaats": "Zaal"}
    )
    assert response.status_code == 400
    assert "Kies een datum binnen de twee jaar." in response.content.decode()


def test_de_huidige_begeleider_blijft_gekozen_ook_buiten_de_groep(
    medewerker_client, django_user_model, workshop, gemeenten
):
    oud = django_user_model.objects.create_user(
        "oud", "oud@example.org", "x", is_staff=True, first_name="Olga", last_name="Oud"
    )
    aanvraag = maak_aanvraag(workshop, gemeenten)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(begeleider=oud)
    html = medewerker_client.get(
        reverse("admin:workshops_aanvraag_change", args=[aanvraag.pk])
    ).content.decode()
    assert f'<option value="{oud.pk}" selected>Olga Oud</option>' in html


def test_de_datamigratie_zet_wie_nu_begeleidt_in_de_groep(django_user_model, workshop, gemeenten):
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    oud = django_user_model.objects.create_user("oud", "oud@example.org", "x", is_staff=True)
    aanvraag = maak_aanvraag(workshop, gemeenten)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(begeleider=oud)
    migratie = importlib.import_module("netwerken.migrations.0004_begeleiders")
    migratie.huidige_begeleiders_toevoegen(apps, None)
    assert oud.groups.filter(name="Begeleiders").exists()
    assert Group.objects.get(name="Begeleiders").user_set.count() == 1
