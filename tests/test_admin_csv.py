"""The one CSV export of the admin (baz/admin_csv.py), on every list of /beheer/, and the two
custom exports that use its writer (a session's participants, a network's overview).

Every export: UTF-8 with a BOM, semicolons, a Dutch header row, "é" as "é", no cell a
spreadsheet would run as a formula, no personal-link token; only for who may view the rows.
"""

import csv
import io

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from baz.admin_csv import BOM, FORMULE_BEGIN, cel
from baz.models import Mail
from inspiraties.models import Inspiratie
from tests.browser.gegevens import alles_een_keer
from workshops import services as workshop_services
from workshops.admin import AanvraagAdmin
from workshops.models import Aanvraag, Inschrijving, Sessie

pytestmark = pytest.mark.django_db
ACTIE = "csv_exporteren"


@pytest.fixture
def alles(werkmodellen, gemeenten):
    alles = alles_een_keer(werkmodellen)
    # What people type that a spreadsheet must not run, and letters Excel must not garble.
    Aanvraag.objects.filter(pk=alles.aanvraag.pk).update(
        organisatie="=1+1", contactpersoon="Hélène Café"
    )
    workshop_services.inschrijving_maken(
        sessie=alles.sessie, naam="@SUM(A1:A9)", email="x@example.org", organisatie="-2+3"
    )
    return alles


def _changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _exporteren(client, model, pks=None):
    pks = pks or [model._default_manager.values_list("pk", flat=True).first()]
    return client.post(_changelist(model), {"action": ACTIE, "index": "0", "_selected_action": pks})


def _lezen(antwoord) -> list[list[str]]:
    assert antwoord.status_code == 200, antwoord.status_code
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"].startswith('attachment; filename="')
    assert antwoord.content.startswith(BOM.encode())
    return list(csv.reader(io.StringIO(antwoord.content.decode("utf-8-sig")), delimiter=";"))


def _geheimen() -> set[str]:
    """Every personal link (and password hash) in the database: never in an export."""
    geheimen = set(Aanvraag.objects.values_list("token", flat=True))
    geheimen |= set(Inschrijving.objects.values_list("token", flat=True))
    geheimen |= set(Sessie.objects.values_list("toegangscode", flat=True))
    geheimen |= set(get_user_model().objects.values_list("password", flat=True))
    return {g for g in geheimen if g}


def _controleer(antwoord, geheimen: set[str]) -> list[list[str]]:
    rijen = _lezen(antwoord)
    tekst = antwoord.content.decode("utf-8-sig")
    assert all(g not in tekst for g in geheimen)
    kop, *data = rijen
    assert kop and all(k.strip() for k in kop)
    assert all(len(rij) == len(kop) for rij in data)
    for rij in data:
        for waarde in rij:
            assert not waarde.startswith(FORMULE_BEGIN), waarde
    return rijen


def test_elke_lijst_in_het_beheer_exporteert(medewerker_client, alles):
    geheimen = _geheimen()
    gedaan = []
    for model in admin.site._registry:
        assert model._default_manager.exists(), f"geen gegevens voor {model._meta.label}"
        html = medewerker_client.get(_changelist(model)).content.decode()
        assert f'<option value="{ACTIE}">Exporteren als CSV</option>' in html, model
        alle = list(model._default_manager.values_list("pk", flat=True))
        rijen = _controleer(_exporteren(medewerker_client, model, alle), geheimen)
        assert len(rijen) == 1 + len(alle), model
        gedaan.append(model._meta.label)
    assert {"workshops.Aanvraag", "netwerken.Interesse", "baz.Mail"} <= set(gedaan)


def test_aanvragen_met_nederlandse_kolommen_bewaakt_en_met_accenten(medewerker_client, alles):
    antwoord = _exporteren(medewerker_client, Aanvraag, [alles.aanvraag.pk])
    kop, rij = _controleer(antwoord, _geheimen())
    assert kop == [
        "ID", "Ontvangen op", "Status", "Workshop", "Organisatie", "Soort organisatie",
        "Gemeente", "Provincie", "Contactpersoon", "E-mailadres", "Telefoon",
        "Verwacht aantal deelnemers", "Begeleider", "Geplande datum en uur",
    ]  # fmt: skip
    waarden = dict(zip(kop, rij, strict=True))
    assert waarden["Organisatie"] == "'=1+1"
    assert waarden["Contactpersoon"] == "Hélène Café"
    assert "Hélène Café".encode() in antwoord.content  # UTF-8, read as such thanks to the BOM
    assert waarden["Status"] == "Nieuw"  # the choice's label, not its key
    assert (waarden["Gemeente"], waarden["Provincie"]) == ("Geel", "Antwerpen")
    assert waarden["Workshop"] == alles.workshop.titel
    assert waarden["Ontvangen op"][:2] == "20" and len(waarden["Ontvangen op"]) == 16
    assert antwoord.content.decode("utf-8-sig").splitlines()[0].count(";") == len(kop) - 1


def test_inschrijvingen_bewaakt(medewerker_client, alles):
    inschrijving = Inschrijving.objects.get(naam="@SUM(A1:A9)")
    kop, rij = _controleer(_exporteren(medewerker_client, Inschrijving, [inschrijving.pk]), set())
    waarden = dict(zip(kop, rij, strict=True))
    assert waarden["Naam"] == "'@SUM(A1:A9)"
    assert waarden["Aanwezig"] == ""


def test_deelnemers_van_een_sessie(medewerker_client, alles):
    antwoord = medewerker_client.post(
        _changelist(Sessie),
        {"action": "deelnemers_exporteren", "index": "0", "_selected_action": [alles.sessie.pk]},
    )
    kop, *rijen = _controleer(antwoord, _geheimen())
    assert kop[:4] == ["Workshop", "Sessie", "Naam", "E-mailadres"]
    namen = {rij[2] for rij in rijen}
    assert "'@SUM(A1:A9)" in namen and "Lien Janssens" in namen
    assert {rij[4] for rij in rijen} >= {"'-2+3"}


def test_overzicht_van_een_netwerk(medewerker_client, alles):
    antwoord = medewerker_client.get(
        reverse("admin:netwerken_netwerk_csv", args=[alles.netwerk.pk])
    )
    kop, *rijen = _controleer(antwoord, _geheimen())
    assert kop == ["Datum", "Thema", "Aanwezig", "Deelnemers", "Evaluaties",
                   "Gemiddelde score", "Open casussen"]  # fmt: skip
    assert [r[1] for r in rijen] == ["Kennismaking", "De rol van het lokaal bestuur"]
    assert rijen[0][5] == "5,0"  # a decimal comma, as Flemish Excel reads it


def test_zonder_leesrecht_geen_export(client, redacteur, alles):
    """Redactie may read inspiraties, not requests: the action answers 403 there."""
    client.force_login(redacteur)
    assert _exporteren(client, Aanvraag).status_code == 403
    assert _lezen(_exporteren(client, Inspiratie))


def test_alleen_leesrecht_volstaat_en_enkel_toegelaten_rijen(client, alles, monkeypatch):
    lezer = get_user_model().objects.create_user("lezer", "lezer@example.org", is_staff=True)
    lezer.user_permissions.add(Permission.objects.get(codename="view_aanvraag"))
    client.force_login(lezer)
    tweede, _ = workshop_services.aanvraag_indienen(
        workshop=alles.workshop,
        organisatie="Jeugdhuis 't Kot",
        soort="jeugd",
        gemeente=alles.aanvraag.gemeente,
        contactpersoon="Tom",
        email="tom@example.org",
        formaat="live",
        voorkeur_1=alles.aanvraag.voorkeur_1,
        voorkeur_2=alles.aanvraag.voorkeur_2,
        aantal_deelnemers=8,
        leervraag="?",
    )
    origineel = AanvraagAdmin.has_view_permission

    def niet_de_tweede(self, request, obj=None):
        return origineel(self, request, obj) and (obj is None or obj.pk != tweede.pk)

    monkeypatch.setattr(AanvraagAdmin, "has_view_permission", niet_de_tweede)
    rijen = _lezen(_exporteren(client, Aanvraag, [alles.aanvraag.pk, tweede.pk]))
    assert [r[0] for r in rijen[1:]] == [str(alles.aanvraag.pk)]


@pytest.mark.parametrize(
    ("waarde", "cel_"),
    [
        ("=1+1", "'=1+1"),
        ("+32470123456", "'+32470123456"),
        ("-", "'-"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Café", "Café"),
        (True, "ja"),
        (None, ""),
        (3, 3),
        (4.5, "4,5"),
        (["a", "=b"], "a, '=b"),
    ],
)
def test_cel(waarde, cel_):
    assert cel(waarde) == cel_


def test_geen_mail_tekst_in_de_export(medewerker_client, alles):
    """The outbox list exports subject and recipient, never the text with its personal links."""
    mail = Mail.objects.first()
    rijen = _lezen(_exporteren(medewerker_client, Mail, [mail.pk]))
    assert "Tekst" not in rijen[0]
