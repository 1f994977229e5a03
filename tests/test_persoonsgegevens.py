"""A person asks what BAZ holds about their e-mail address, and then to erase it; staff handle it
on /beheer/persoonsgegevens/, and after restoring an older backup the erasure log erases them again.

Sofie has a row of every kind, in every app; Xavier has the same kinds and must never be touched.
"""

import hashlib
import json
import logging
import stat
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baz.models import Mail, Wissing
from baz.persoonsgegevens.services import persoon_exporteren, persoon_tellen, persoon_wissen
from netwerken import services as netwerken
from netwerken.models import (
    Aanwezigheid,
    Bericht,
    Casus,
    Coachingtraject,
    Deelnemer,
    Evaluatie,
    Herinnering,
    Interesse,
    Jaarevaluatie,
    Reactie,
)
from tests.netwerken.factories import maak_bijeenkomst, maak_netwerk, maak_user
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services as workshops
from workshops.models import Aanvraag, Inschrijving

pytestmark = pytest.mark.django_db

SOFIE = "Sofie.Peeters@Example.org"
XAVIER = "xavier@example.org"
OPZOEKEN = "/beheer/persoonsgegevens/"
EXPORTEREN = "/beheer/persoonsgegevens/exporteren/"
WISSEN = "/beheer/persoonsgegevens/wissen/"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def omgeving(werkmodellen, gemeenten, medewerker):
    workshop = maak_workshop()
    netwerk = maak_netwerk()
    return {
        "workshop": workshop,
        "sessie": maak_sessie(workshop, capaciteit=10),
        "netwerk": netwerk,
        "bijeenkomst": maak_bijeenkomst(netwerk, dagen=-7),
        "traject": Coachingtraject.objects.create(gemeente=gemeenten["Geel"], naam="Traject"),
        "gemeente": gemeenten["Geel"],
        "medewerker": medewerker,
    }


def gegevens_van(email: str, naam: str, omgeving: dict) -> dict:
    """A row of every kind for this address, through the real services."""
    vandaag = timezone.localdate()
    aanvraag, _ = workshops.aanvraag_indienen(
        workshop=omgeving["workshop"],
        organisatie=f"Toneelkring {naam}",
        soort="toneel",
        gemeente=omgeving["gemeente"],
        contactpersoon=naam,
        email=email,
        formaat="live",
        voorkeur_1=vandaag + timedelta(days=30),
        voorkeur_2=vandaag + timedelta(days=45),
        aantal_deelnemers=12,
        leervraag=f"Wat {naam} wil leren",
        nieuwsbrief=True,
    )
    workshops.aanvraag_status_wijzigen(
        aanvraag=aanvraag, status="in_behandeling", door=omgeving["medewerker"]
    )
    # Staff typed where the workshop will be: the full name of the account below.
    Aanvraag.objects.filter(pk=aanvraag.pk).update(geplande_plaats=f"Bij {naam} Test thuis")
    inschrijving = workshops.inschrijving_maken(sessie=omgeving["sessie"], naam=naam, email=email)
    Inschrijving.objects.filter(pk=inschrijving.pk).update(aanwezig=True)  # checked in
    workshops.evaluatie_indienen(
        inschrijving=inschrijving,
        score=4,
        wat_goed=f"{naam} vond het goed",
        nu=inschrijving.sessie.eindigt_op + timedelta(hours=1),
    )

    user = maak_user(email.lower(), email=email, first_name=naam, last_name="Test")
    deelnemer = netwerken.deelnemer_toevoegen(
        netwerk=omgeving["netwerk"], user=user, organisatie=f"Gemeente {naam}"
    )
    bijeenkomst = omgeving["bijeenkomst"]
    Aanwezigheid.objects.create(bijeenkomst=bijeenkomst, deelnemer=deelnemer)
    casus = netwerken.casus_indienen(
        deelnemer=deelnemer, titel=f"Casus van {naam}", context=f"{naam} Test vertelt", vraag="?"
    )
    netwerken.casus_reactie_plaatsen(casus=casus, deelnemer=deelnemer, tekst=f"{naam} vult aan")
    Herinnering.objects.create(bijeenkomst=bijeenkomst, deelnemer=deelnemer)
    netwerken.evaluatie_indienen(
        bijeenkomst=bijeenkomst, deelnemer=deelnemer, score=5, nuttig=f"{naam}: nuttig"
    )
    netwerken.jaarevaluatie_indienen(deelnemer=deelnemer, jaar=vandaag.year, score=4)
    bericht = netwerken.bericht_plaatsen(
        deelnemer=deelnemer, soort="tip", tekst=f"Tip van {naam}", inspiratie_toestemming=True
    )
    netwerken.interesse_melden(
        interesse=Interesse(
            bestuur=f"Bestuur {naam}", contactpersoon=naam, email=email, vorm="netwerk", bericht="?"
        )
    )
    omgeving["netwerk"].begeleiders.add(user)
    omgeving["traject"].begeleiders.add(user)
    LogEntry.objects.create(
        user=omgeving["medewerker"],
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk),
        object_repr=user.username,
        action_flag=CHANGE,
        change_message="[]",
    )
    return {"aanvraag": aanvraag, "inschrijving": inschrijving, "user": user, "bericht": bericht}


@pytest.fixture
def sofie(omgeving):
    return gegevens_van(SOFIE, "Sofie", omgeving)


@pytest.fixture
def xavier(omgeving, sofie):
    """Xavier is in the same network; each replies under the other's post."""
    rijen = gegevens_van(XAVIER, "Xavier", omgeving)
    eigen = Deelnemer.objects.get(user=rijen["user"])
    andere = Deelnemer.objects.get(user=sofie["user"])
    netwerken.reactie_plaatsen(bericht=sofie["bericht"], deelnemer=eigen, tekst="Xavier reageert")
    netwerken.reactie_plaatsen(bericht=rijen["bericht"], deelnemer=andere, tekst="Sofie reageert")
    return rijen


def wislog_regels(settings) -> list[dict]:
    if not settings.WISLOG_PAD.exists():
        return []
    return [json.loads(regel) for regel in settings.WISLOG_PAD.read_text().splitlines()]


def niets_meer(email: str) -> bool:
    return not any(aantal for deel in persoon_tellen(email).values() for aantal in deel.values())


# ---------------------------------------------------------------------------------------------
# Export (right of access)
# ---------------------------------------------------------------------------------------------


def test_export_bevat_elke_soort_en_niets_van_een_ander(sofie, xavier):
    export = persoon_exporteren("  sofie.peeters@EXAMPLE.org ")
    tekst = json.dumps(export)  # JSON as it is: no encoder needed
    for deel in ("workshops", "netwerken", "beheer"):
        leeg = [soort for soort, rijen in export[deel].items() if not rijen]
        assert not leeg, f"{deel}: {leeg}"
    assert export["emailadres"] == "sofie.peeters@example.org"
    assert "xavier" not in tekst.lower()
    assert "Xavier reageert" not in tekst

    aanvraag = export["workshops"]["aanvragen"][0]
    assert aanvraag["contactpersoon"] == "Sofie"
    assert aanvraag["nieuwsbrief_toestemming_tekst"] == workshops.NIEUWSBRIEF_TEKST_VERSIE
    assert aanvraag["nieuwsbrief_toestemming_op"].startswith(str(timezone.now().year))
    assert [w["naar"] for w in aanvraag["statusgeschiedenis"]] == ["nieuw", "in_behandeling"]
    assert "token" not in aanvraag and "token" not in export["workshops"]["inschrijvingen"][0]
    account = export["netwerken"]["accounts"][0]
    assert account["gebruikersnaam"] == "sofie.peeters@example.org" and "password" not in account
    assert not any(geheim in tekst for geheim in ("md5$", "pbkdf2", sofie["user"].password))
    assert export["netwerken"]["reacties"][0]["tekst"] == "Sofie reageert"


def test_export_negeert_hoofdletters(sofie):
    klein, groot = persoon_exporteren(SOFIE.lower()), persoon_exporteren(SOFIE.upper())
    del klein["opgemaakt_op"], groot["opgemaakt_op"]
    assert klein == groot
    # The request's receipt, its "in behandeling" and the sign-up's; the staff notifications of
    # the request and of the interest form name her.
    assert len(klein["mails"]["aan de persoon"]) == 3
    assert len(klein["mails"]["over de persoon"]) == 2
    export = json.dumps(klein, default=str, ensure_ascii=False)
    assert klein["workshops"]["vermeldingen"][0]["fragment"] == "Bij Sofie Test thuis"
    assert "/workshops/inschrijving/…/" in export, "personal links are kept, without the key"
    assert all(i.token not in export for i in Inschrijving.objects.all())
    assert all(a.token not in export for a in Aanvraag.objects.all())


# ---------------------------------------------------------------------------------------------
# Erasure (right to erasure)
# ---------------------------------------------------------------------------------------------


def test_wissen_wist_alles_van_de_persoon_en_niets_van_een_ander(sofie, xavier, settings):
    aantallen = persoon_wissen(SOFIE, door="medewerker")

    assert aantallen["workshops"] == {
        "aanvragen": 1,
        "inschrijvingen": 1,
        "evaluaties": 1,
        "vermeldingen": 1,
    }
    assert aantallen["mails"] == {"aan de persoon": 3, "over de persoon": 2}
    assert aantallen["netwerken"]["berichten"] == 1 and aantallen["netwerken"]["begeleiding"] == 2
    assert aantallen["beheer"] == {"logregels": 1}
    assert niets_meer(SOFIE)

    aanvraag = Aanvraag.objects.get(pk=sofie["aanvraag"].pk)
    assert aanvraag.contactpersoon == "(geanonimiseerd)" and aanvraag.geanonimiseerd_op
    inschrijving = Inschrijving.objects.get(pk=sofie["inschrijving"].pk)
    assert inschrijving.status == "geannuleerd" and inschrijving.naam == "(geanonimiseerd)"
    assert aanvraag.geplande_plaats == ""
    assert not Mail.objects.filter(ontvanger__iexact=SOFIE).exists()
    assert not Mail.objects.filter(tekst__icontains=SOFIE).exists()  # the staff notification

    user = get_user_model().objects.get(pk=sofie["user"].pk)
    assert (user.first_name, user.last_name, user.email) == ("Verwijderd lid", "", "")
    assert user.username.startswith("verwijderd-") and "sofie" not in user.username
    assert not user.is_active and not user.has_usable_password()
    assert not user.begeleide_netwerken.exists() and not user.begeleide_trajecten.exists()
    assert not Deelnemer.objects.filter(user=user).exists()
    for model in (Aanwezigheid, Casus, Evaluatie, Jaarevaluatie, Bericht, Reactie):
        assert not model.objects.filter(deelnemer__user=user).exists(), model
    # Xavier's reply under Sofie's post went with the post (see netwerken/persoonsgegevens.py).
    assert not Reactie.objects.filter(tekst="Xavier reageert").exists()
    assert LogEntry.objects.get(object_id=str(user.pk)).object_repr == "(gewist)"

    assert Aanvraag.objects.get(pk=xavier["aanvraag"].pk).contactpersoon == "Xavier"
    assert Inschrijving.objects.get(pk=xavier["inschrijving"].pk).status == "bevestigd"
    xavier_user = get_user_model().objects.get(pk=xavier["user"].pk)
    assert xavier_user.is_active and xavier_user.email == XAVIER
    assert Bericht.objects.filter(pk=xavier["bericht"].pk).exists()
    assert Interesse.objects.filter(email=XAVIER).exists()
    assert LogEntry.objects.filter(object_repr=XAVIER).exists()
    assert persoon_tellen(XAVIER)["netwerken"]["reacties"] == 0  # Sofie's reply under his post


def test_nogmaals_wissen_vindt_niets_en_verandert_niets(
    sofie, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        persoon_wissen(SOFIE, door="medewerker")
    with django_capture_on_commit_callbacks(execute=True) as terugroepen:
        tweede = persoon_wissen(SOFIE.upper(), door="medewerker")
    assert not any(aantal for deel in tweede.values() for aantal in deel.values())
    assert not terugroepen and Wissing.objects.count() == 1 and len(wislog_regels(settings)) == 1


def test_wissen_is_alles_of_niets(omgeving, settings, django_capture_on_commit_callbacks):
    """The same address has a workshop request and a staff account: workshops is erased first,
    then netwerken refuses the staff account, and the whole erasure is undone."""
    gegevens_van("staf@example.org", "Staf", omgeving)
    get_user_model().objects.filter(email="staf@example.org").update(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        persoon_wissen("staf@example.org", door="medewerker")
    aanvraag = Aanvraag.objects.get(email="staf@example.org")
    assert aanvraag.contactpersoon == "Staf" and aanvraag.geanonimiseerd_op is None
    assert Inschrijving.objects.get(email="staf@example.org").status == "bevestigd"
    assert Mail.objects.filter(ontvanger="staf@example.org").count() == 3
    assert not Wissing.objects.exists() and not settings.WISLOG_PAD.exists()


def test_wislog_regel_zonder_adres_na_de_commit(
    sofie, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as terugroepen:
        persoon_wissen(SOFIE, door="medewerker")
        assert not settings.WISLOG_PAD.exists()  # not before the commit
    for terugroep in terugroepen:
        terugroep()

    tekst = settings.WISLOG_PAD.read_text()
    assert "sofie" not in tekst.lower() and "example.org" not in tekst
    assert stat.S_IMODE(settings.WISLOG_PAD.stat().st_mode) == 0o600
    [regel] = wislog_regels(settings)
    verwacht = hashlib.sha256(f"{regel['zout']}:sofie.peeters@example.org".encode()).hexdigest()
    assert regel["email_sha256"] == verwacht and len(regel["zout"]) == 32
    assert regel["door"] == "medewerker" and regel["op"].endswith("+00:00")
    assert regel["aantallen"]["workshops"]["aanvragen"] == 1
    wissing = Wissing.objects.get()
    assert (str(wissing.pk), wissing.email_sha256) == (regel["id"], regel["email_sha256"])


# ---------------------------------------------------------------------------------------------
# After restoring an older backup: `manage.py wissingen_heruitvoeren`
# ---------------------------------------------------------------------------------------------


def heruitvoeren(*args: str) -> tuple[str, str]:
    uit, fout = StringIO(), StringIO()
    call_command("wissingen_heruitvoeren", *args, stdout=uit, stderr=fout)
    return uit.getvalue(), fout.getvalue()


def test_na_een_herstel_wordt_opnieuw_gewist(
    sofie, omgeving, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        persoon_wissen(SOFIE, door="medewerker")
    # The backup from before the erasure comes back: Sofie's rows, and no Wissing row.
    Wissing.objects.all().delete()
    gegevens_van(SOFIE, "Sofie", omgeving)
    teruggekomen = persoon_tellen(SOFIE)
    assert teruggekomen["workshops"]["aanvragen"] == 1

    uit, _ = heruitvoeren("--dry-run")
    assert "zou opnieuw wissen: beheer: logregels 1; mails: aan de persoon 3" in uit
    assert "workshops: aanvragen 1" in uit
    assert "sofie" not in uit.lower()
    assert persoon_tellen(SOFIE) == teruggekomen and not Wissing.objects.exists()

    uit, _ = heruitvoeren()
    assert "opnieuw toegepast: beheer: logregels 1; mails: aan de persoon 3" in uit
    assert "Klaar: 1 wissing(en) opnieuw toegepast, 1 e-mailadres(sen) gevonden." in uit
    assert niets_meer(SOFIE)
    assert Wissing.objects.count() == 1 and len(wislog_regels(settings)) == 1

    uit, _ = heruitvoeren()
    assert "Klaar: 0 wissing(en) opnieuw toegepast, 0 e-mailadres(sen) gevonden." in uit


def test_wie_na_een_wissing_terugkwam_blijft_staan(
    sofie, omgeving, settings, django_capture_on_commit_callbacks
):
    """Erased in 2025, signed up again in 2026, then last night's backup is restored: the
    database knows the erasure, so the command leaves the new sign-up alone."""
    with django_capture_on_commit_callbacks(execute=True):
        persoon_wissen(SOFIE, door="medewerker")
    gegevens_van(SOFIE, "Sofie", omgeving)
    terug = persoon_tellen(SOFIE)
    uit, _ = heruitvoeren()
    assert "Klaar: 0 wissing(en) opnieuw toegepast" in uit
    assert persoon_tellen(SOFIE) == terug


def test_een_wissing_die_niet_in_het_wislog_kwam_wordt_erbij_geschreven(
    sofie, xavier, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        persoon_wissen(SOFIE, door="medewerker")
    persoon_wissen(XAVIER, door="medewerker")  # committed, but the file was not written
    assert len(wislog_regels(settings)) == 1
    uit, _ = heruitvoeren()
    assert "1 wissing(en) aan het wislog toegevoegd" in uit
    assert {regel["id"] for regel in wislog_regels(settings)} == {
        str(pk) for pk in Wissing.objects.values_list("pk", flat=True)
    }


def test_heruitvoeren_zonder_wislog_is_een_duidelijke_fout(db):
    with pytest.raises(CommandError, match="bestaat niet"):
        heruitvoeren()


def test_onleesbare_regel_wordt_overgeslagen_en_meldt_een_fout(
    sofie, omgeving, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        persoon_wissen(SOFIE, door="medewerker")
    with settings.WISLOG_PAD.open("a") as bestand:
        bestand.write('{"id": "kapot"\n')
    Wissing.objects.all().delete()  # a backup from before the erasure came back
    gegevens_van(SOFIE, "Sofie", omgeving)
    uit, fout = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 onleesbare regel"):
        call_command("wissingen_heruitvoeren", stdout=uit, stderr=fout)
    assert "regel 2 van het wislog is onleesbaar" in fout.getvalue()
    assert niets_meer(SOFIE)  # the good line was still applied


def test_het_commando_persoon_exporteert_en_wist(sofie, settings):
    uit = StringIO()
    call_command("persoon", SOFIE, stdout=uit)
    assert json.loads(uit.getvalue())["netwerken"]["accounts"][0]["voornaam"] == "Sofie"
    call_command("persoon", SOFIE, "--wissen", "--door", "privacy", stdout=uit)
    assert niets_meer(SOFIE) and Wissing.objects.get().door == "privacy"
    with pytest.raises(CommandError, match="Geen geldig e-mailadres"):
        call_command("persoon", "geen-adres")


# ---------------------------------------------------------------------------------------------
# The staff page /beheer/persoonsgegevens/
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def privacyverantwoordelijke(client, django_user_model):
    """Staff with only the permission to handle privacy requests."""
    user = django_user_model.objects.create_user(
        "privacy", "privacy@example.org", "geheim-wachtwoord-42", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="persoonsgegevens_beheren"))
    client.force_login(user)
    return client


def test_alleen_wie_het_recht_heeft(client, redacteur, privacyverantwoordelijke):
    bezoeker = client.__class__()
    response = bezoeker.get(OPZOEKEN)
    assert response.status_code == 302 and "login" in response["Location"]
    redactie = client.__class__()
    redactie.force_login(redacteur)
    assert redactie.get(OPZOEKEN).status_code == 403
    assert redactie.post(EXPORTEREN, {"email": SOFIE}).status_code == 403
    assert "Persoonsgegevens opzoeken" not in redactie.get("/beheer/").content.decode()

    response = privacyverantwoordelijke.get(OPZOEKEN)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1 and '<label for="id_email"' in html
    assert f'href="{OPZOEKEN}"' in privacyverantwoordelijke.get("/beheer/").content.decode()


def test_een_fout_adres_geeft_400_met_de_fout_in_het_nederlands(medewerker_client):
    response = medewerker_client.post(OPZOEKEN, {"email": "sofie@"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Voer een geldig e-mailadres in." in html
    assert 'value="sofie@"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html


def test_overzicht_toont_de_aantallen_per_app(medewerker_client, sofie):
    response = medewerker_client.post(OPZOEKEN, {"email": SOFIE.upper()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>Workshops</caption>" in html and "<caption>Lerende netwerken</caption>" in html
    assert 'value="Exporteren (JSON)"' in html and 'value="Wissen…"' in html
    assert '<th scope="row">Aanvragen</th><td>1</td>' in html


def test_export_is_een_json_download(medewerker_client, sofie):
    response = medewerker_client.post(EXPORTEREN, {"email": SOFIE})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    datum = timezone.localdate().isoformat()
    assert (
        response["Content-Disposition"] == f'attachment; filename="persoonsgegevens-{datum}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["workshops"]["aanvragen"][0]["contactpersoon"] == "Sofie"
    assert medewerker_client.get(EXPORTEREN).status_code == 405


def test_wissen_via_de_bevestiging(
    medewerker_client, sofie, settings, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO)
    response = medewerker_client.post(WISSEN, {"email": SOFIE})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Persoonsgegevens wissen" in html and "verwijderd, met alles hieronder" in html
    assert '<label for="id_bevestiging"' in html
    assert not niets_meer(SOFIE)

    response = medewerker_client.post(WISSEN, {"email": SOFIE, "bevestiging": XAVIER})
    assert response.status_code == 400
    assert "Dit is niet hetzelfde e-mailadres. Er is niets gewist." in response.content.decode()
    assert not niets_meer(SOFIE)

    with django_capture_on_commit_callbacks(execute=True):
        response = medewerker_client.post(
            WISSEN, {"email": SOFIE, "bevestiging": SOFIE.lower()}, follow=True
        )
    assert response.redirect_chain == [(OPZOEKEN, 302)]
    html = response.content.decode()
    assert "Gewist: beheer: logregels 1; mails: aan de persoon 3" in html
    assert niets_meer(SOFIE)
    wissing = Wissing.objects.get()
    assert wissing.door == "medewerker" and len(wislog_regels(settings)) == 1
    gelogd = "\n".join(record.getMessage() for record in caplog.records)
    assert str(wissing.pk) in gelogd and "sofie" not in gelogd.lower()


def test_get_van_de_bevestiging_verandert_niets(medewerker_client, sofie):
    voor = persoon_tellen(SOFIE)
    response = medewerker_client.get(f"{WISSEN}?email={SOFIE}&bevestiging={SOFIE}")
    assert response.status_code == 302 and response["Location"] == reverse(
        "persoonsgegevens:opzoeken"
    )
    assert persoon_tellen(SOFIE) == voor and not Wissing.objects.exists()


def test_een_medewerker_wis_je_niet_hier(medewerker_client, medewerker):
    html = medewerker_client.post(OPZOEKEN, {"email": medewerker.email}).content.decode()
    assert "hoort bij een account van een medewerker" in html and "Wissen…" not in html
    response = medewerker_client.post(
        WISSEN, {"email": medewerker.email, "bevestiging": medewerker.email}
    )
    assert response.status_code == 409
    medewerker.refresh_from_db()
    assert medewerker.is_active and medewerker.email == "medewerker@example.org"


def test_overzicht_telt_met_een_vast_aantal_queries(
    medewerker_client, omgeving, django_assert_max_num_queries
):
    """One COUNT per kind: the overview must not load, or loop over, a person's rows."""
    rijen = gegevens_van(SOFIE, "Sofie", omgeving)
    deelnemer = Deelnemer.objects.get(user=rijen["user"])

    def queries_voor(aantal: int) -> int:
        Mail.objects.bulk_create(
            Mail(ontvanger=SOFIE, onderwerp="x", tekst="x", message_id=f"<{uuid.uuid4()}@x>")
            for _ in range(aantal)
        )
        Bericht.objects.bulk_create(
            Bericht(netwerk=omgeving["netwerk"], deelnemer=deelnemer, tekst="x")
            for _ in range(aantal)
        )
        Interesse.objects.bulk_create(
            Interesse(bestuur="b", contactpersoon="c", email=SOFIE, vorm="netwerk", bericht="x")
            for _ in range(aantal)
        )
        with CaptureQueriesContext(connection) as queries:
            assert medewerker_client.post(OPZOEKEN, {"email": SOFIE}).status_code == 200
        return len(queries)

    # One COUNT per kind and per model with free text, whatever the rows.
    with django_assert_max_num_queries(64):  # netwerken: reminders, case replies
        drie = queries_voor(3)
    assert queries_voor(27) == drie


def test_de_namen_in_het_beheerlog_gaan_mee(sofie, xavier, medewerker):
    """The admin log names objects by their str() ("Sofie Peeters · workshop · date"): those
    names go with the erasure too, other people's stay."""
    inschrijving = Inschrijving.objects.get(email__iexact=SOFIE)
    ander = Inschrijving.objects.exclude(email__iexact=SOFIE).first()
    for rij in (inschrijving, ander):
        LogEntry.objects.log_actions(
            user_id=medewerker.pk, queryset=[rij], action_flag=CHANGE, change_message="x"
        )
    persoon_wissen(SOFIE, door="medewerker")
    soort = ContentType.objects.get_for_model(Inschrijving)
    namen = dict(
        LogEntry.objects.filter(content_type=soort).values_list("object_id", "object_repr")
    )
    assert namen[str(inschrijving.pk)] == "(gewist)"
    assert namen[str(ander.pk)] == str(ander)
