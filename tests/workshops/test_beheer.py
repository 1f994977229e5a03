"""The staff side: the request pipeline, sessions, CSV exports and the outbox in /beheer/."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baz.models import Auditregel, Mail
from workshops import services
from workshops.models import Aanvraag, Inschrijving, Sessie

from .conftest import maak_sessie
from .test_services import maak_aanvraag

pytestmark = pytest.mark.django_db


def test_beheerpaginas_openen(medewerker_client, workshop, sessie, gemeenten):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    Inschrijving.objects.create(sessie=sessie, naam="A", email="a@x.org", status="bevestigd")
    for model in (
        "workshop",
        "aanvraag",
        "sessie",
        "inschrijving",
        "evaluatie",
        "doelpubliek",
    ):
        assert (
            medewerker_client.get(reverse(f"admin:workshops_{model}_changelist")).status_code == 200
        )
    # The outbox is the core's now (every app's mails).
    assert medewerker_client.get(reverse("admin:baz_mail_changelist")).status_code == 200
    assert (
        medewerker_client.get(
            reverse("admin:workshops_aanvraag_change", args=[aanvraag.pk])
        ).status_code
        == 200
    )
    assert (
        medewerker_client.get(
            reverse("admin:workshops_sessie_change", args=[sessie.pk])
        ).status_code
        == 200
    )
    assert medewerker_client.get(reverse("admin:workshops_workshop_add")).status_code == 200
    assert medewerker_client.get(reverse("admin:workshops_aanvraag_add")).status_code == 200


def test_pijplijn_filteren(medewerker_client, workshop, gemeenten):
    maak_aanvraag(workshop, gemeenten, organisatie="KSA Geel")
    maak_aanvraag(
        workshop, gemeenten, organisatie="Chiro Brugge", gemeente=gemeenten["Brugge"], soort="jeugd"
    )
    url = reverse("admin:workshops_aanvraag_changelist")
    html = medewerker_client.get(url, {"provincie": "west-vlaanderen"}).content.decode()
    assert "Chiro Brugge" in html and "KSA Geel" not in html
    html = medewerker_client.get(
        url, {"status__exact": "nieuw", "soort__exact": "jeugd"}
    ).content.decode()
    assert "Chiro Brugge" in html


def _wijzig(client, aanvraag, **velden):
    url = reverse("admin:workshops_aanvraag_change", args=[aanvraag.pk])
    formulier = client.get(url).context["adminform"].form
    gegevens = {}
    for naam, veld in formulier.fields.items():
        waarde = formulier.initial.get(naam, veld.initial)
        if hasattr(waarde, "pk"):
            waarde = waarde.pk
        if naam in ("gepland_op",) and waarde:
            waarde = timezone.localtime(waarde)
            gegevens.update(
                {f"{naam}_0": waarde.date().isoformat(), f"{naam}_1": waarde.strftime("%H:%M")}
            )
            continue
        if naam == "gepland_op":
            gegevens.update({f"{naam}_0": "", f"{naam}_1": ""})
            continue
        gegevens[naam] = "" if waarde is None else waarde
    gegevens.update({"wijzigingen-TOTAL_FORMS": "0", "wijzigingen-INITIAL_FORMS": "0"})
    gegevens.update({"berichten-TOTAL_FORMS": "0", "berichten-INITIAL_FORMS": "0"})
    gegevens.update(velden)
    return client.post(url, gegevens)


def test_statuswijziging_in_het_beheer_komt_in_de_geschiedenis(
    medewerker_client, medewerker, workshop, gemeenten
):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    stap = reverse("admin:workshops_aanvraag_stap", args=[aanvraag.pk, "geannuleerd"])
    response = medewerker_client.post(stap, {"reden": ""})
    assert response.status_code == 400
    assert "Geef een reden: de aanvrager krijgt ze in de mail." in response.content.decode()
    response = medewerker_client.post(stap, {"reden": "Vereniging stopt"})
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == "geannuleerd"
    laatste = aanvraag.wijzigingen.last()
    assert (laatste.van, laatste.naar, laatste.reden, laatste.door) == (
        "nieuw",
        "geannuleerd",
        "Vereniging stopt",
        medewerker,
    )
    # The audit trail says who changed whose request, and how.
    regel = Auditregel.objects.get(actie="workshops.aanvraag_status")
    assert (regel.door, regel.object_id) == (medewerker, str(aanvraag.pk))
    assert regel.omschrijving == "Status van “Nieuw” naar “Geannuleerd”. Vereniging stopt"


def test_het_wijzigformulier_verandert_de_status_niet(
    medewerker_client, medewerker, workshop, gemeenten
):
    """The change form has no status field: a forged one is ignored, the rest is kept."""
    aanvraag = maak_aanvraag(workshop, gemeenten)
    response = _wijzig(medewerker_client, aanvraag, status="gegeven", begeleider=medewerker.pk)
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.begeleider) == ("nieuw", medewerker)


def test_csv_export_van_de_gefilterde_aanvragen(medewerker_client, workshop, gemeenten):
    aanvraag = maak_aanvraag(workshop, gemeenten, organisatie='=HYPERLINK("x")')
    response = medewerker_client.post(
        reverse("admin:workshops_aanvraag_changelist"),
        {"action": "csv_exporteren", "_selected_action": [aanvraag.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:4] == ["ID", "Ontvangen op", "Status", "Workshop"]
    assert rijen[1][4].startswith("'=")  # no formula injection
    assert rijen[1][6:8] == ["Geel", "Antwerpen"]


def test_sessie_maken_vanuit_een_ingeplande_aanvraag(
    medewerker_client, medewerker, workshop, gemeenten
):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    services.aanvraag_status_wijzigen(aanvraag=aanvraag, status="in_behandeling", door=medewerker)
    services.aanvraag_status_wijzigen(
        aanvraag=aanvraag,
        status="ingepland",
        door=medewerker,
        gepland_op=timezone.now() + timedelta(days=9),
        geplande_plaats="Parochiezaal, Geel",
    )
    for _keer in range(2):  # "Maak de sessie" twice: one session
        response = medewerker_client.post(
            reverse("admin:workshops_aanvraag_changelist"),
            {"action": "sessie_maken", "_selected_action": [aanvraag.pk]},
            follow=True,
        )
    sessie = Sessie.objects.get(aanvraag=aanvraag)
    assert sessie.openbaar is False
    assert "Deze aanvraag heeft al een sessie" in response.content.decode()


def test_sessie_annuleren_en_deelnemers_exporteren(
    medewerker_client, workshop, django_capture_on_commit_callbacks
):
    sessie = maak_sessie(workshop, capaciteit=1, annuleringsreden="Te weinig inschrijvingen.")
    services.inschrijving_maken(
        sessie=sessie, naam="A", email="a@x.org", toegankelijkheid="Rolstoel"
    )
    services.inschrijving_maken(sessie=sessie, naam="B", email="b@x.org")
    url = reverse("admin:workshops_sessie_changelist")
    export = medewerker_client.post(
        url, {"action": "deelnemers_exporteren", "_selected_action": [sessie.pk]}
    )
    tekst = export.content.decode("utf-8-sig")
    assert "Rolstoel" in tekst and "Op de wachtlijst" in tekst
    with django_capture_on_commit_callbacks(execute=True):
        medewerker_client.post(url, {"action": "annuleren", "_selected_action": [sessie.pk]})
    sessie.refresh_from_db()
    assert sessie.geannuleerd_op
    assert Mail.objects.filter(onderwerp__startswith="Geannuleerd").count() == 2
    regel = Auditregel.objects.get(actie="workshops.sessie_geannuleerd")
    assert regel.door_naam == "medewerker" and regel.object_id == str(sessie.pk)
    assert "Te weinig inschrijvingen." in regel.omschrijving


def test_aanwezigheid_niet_rechtstreeks_in_het_beheer(medewerker_client, workshop):
    """Attendance goes through the check-in page (checked and audited): the list, the
    registration's form and the session's inline show it read-only and link there."""
    sessie = maak_sessie(workshop, dagen=-1)
    inschrijving = Inschrijving.objects.create(
        sessie=sessie, naam="A", email="a@x.org", status="bevestigd"
    )
    wachtend = Inschrijving.objects.create(
        sessie=sessie, naam="W", email="w@x.org", status="wachtlijst"
    )
    lijst = medewerker_client.get(reverse("admin:workshops_inschrijving_changelist"))
    assert 'name="form-0-aanwezig"' not in lijst.content.decode()
    medewerker_client.post(
        reverse("admin:workshops_inschrijving_changelist"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": inschrijving.pk,
            "form-0-aanwezig": "true",
            "form-1-id": wachtend.pk,
            "form-1-aanwezig": "true",
            "_save": "Opslaan",
        },
    )
    url = reverse("admin:workshops_inschrijving_change", args=[wachtend.pk])
    pagina = medewerker_client.get(url).content.decode()
    assert 'name="aanwezig"' not in pagina
    assert reverse("sessie-inchecken", args=[sessie.pk]) in pagina
    medewerker_client.post(url, {"naam": "W", "email": "w@x.org", "aanwezig": "true"})
    sessie_pagina = medewerker_client.get(
        reverse("admin:workshops_sessie_change", args=[sessie.pk])
    ).content.decode()
    assert 'name="inschrijvingen-0-aanwezig"' not in sessie_pagina
    for rij in (inschrijving, wachtend):
        rij.refresh_from_db()
        assert rij.aanwezig is None
    assert not Auditregel.objects.filter(actie="workshops.aanwezigheid_gezet").exists()


def test_bezoeker_komt_niet_in_het_beheer(bezoeker, db):
    response = bezoeker.get(reverse("admin:workshops_aanvraag_changelist"))
    assert response.status_code == 302


def test_telefonische_aanvraag_invoeren_in_het_beheer(
    medewerker_client, medewerker, workshop, gemeenten
):
    vandaag = timezone.localdate()
    response = medewerker_client.post(
        reverse("admin:workshops_aanvraag_add"),
        {
            "status": "nieuw",
            "status_reden": "",
            "begeleider": medewerker.pk,
            "gepland_op_0": "",
            "gepland_op_1": "",
            "geplande_plaats": "",
            "interne_notities": "Belde op",
            "workshop": workshop.pk,
            "formaat": "live",
            "voorkeur_1": (vandaag + timedelta(days=10)).isoformat(),
            "voorkeur_2": (vandaag + timedelta(days=20)).isoformat(),
            "voorkeur_3": "",
            "aantal_deelnemers": "8",
            "organisatie": "Sportclub",
            "soort": "sport",
            "gemeente": gemeenten["Geel"].pk,
            "bron": "",
            "contactpersoon": "Jan",
            "email": "jan@sportclub.be",
            "telefoon": "",
            "leervraag": "Inclusie",
            "drempels": "",
            "wijzigingen-TOTAL_FORMS": "0",
            "berichten-TOTAL_FORMS": "0",
            "berichten-INITIAL_FORMS": "0",
            "wijzigingen-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    aanvraag = Aanvraag.objects.get(organisatie="Sportclub")
    assert list(aanvraag.wijzigingen.values_list("naar", "door")) == [("nieuw", medewerker.pk)]
