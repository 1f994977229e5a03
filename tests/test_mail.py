"""The one outbox (baz/mail.py): stored with the data, sent after the commit by the worker,
retried with a pause when SMTP fails, claimed by one worker only, one Message-ID for life.

SMTP failing is a real closed port (127.0.0.1:9), not a mock."""

import socket
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from baz import mail
from baz.models import Auditregel, Mail
from baz.spamwering import tijdstempel

SMTP_DICHT = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
    }
}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


def _poort_is_dicht(poort: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", poort)) != 0


def _in_wachtrij(**velden) -> Mail:
    velden.setdefault("ontvanger", "an@example.org")
    velden.setdefault("onderwerp", "Dag An")
    velden.setdefault("tekst", "Hallo")
    velden.setdefault("soort", "account.wachtwoord_reset")
    return mail.mail_in_wachtrij(**velden)


@pytest.mark.django_db
def test_verstuurd_na_de_commit_met_een_vaste_message_id(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _in_wachtrij()
        assert django_mail.outbox == []  # nothing before the commit
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.VERZONDEN and bericht.pogingen == 1
    assert bericht.message_id.startswith("<") and bericht.message_id.endswith(">")
    [verstuurd] = django_mail.outbox
    assert verstuurd.extra_headers["Message-ID"] == bericht.message_id
    assert verstuurd.message()["Message-ID"] == bericht.message_id


@pytest.mark.django_db
def test_niets_verstuurd_en_niets_bewaard_bij_een_rollback(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                _in_wachtrij()
                raise RuntimeError("de rest mislukt")
        except RuntimeError:
            pass
    assert Mail.objects.count() == 0
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_smtp_dicht_bewaart_de_mail_en_probeert_later_opnieuw(
    settings, django_capture_on_commit_callbacks
):
    assert _poort_is_dicht(9)
    settings.MAILERS = SMTP_DICHT
    settings.MAIL_WACHTTIJDEN = [60, 300]
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _in_wachtrij()
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.WACHTEND
    assert bericht.pogingen == 1
    assert "ConnectionRefusedError" in bericht.laatste_fout
    assert bericht.volgende_poging_op > timezone.now() + timedelta(seconds=50)

    # Not due yet: the worker's round leaves it alone.
    assert mail.nalopen() == {}
    # Its time has come and SMTP is back: sent, once, with the same Message-ID.
    settings.MAILERS = LOCMEM
    Mail.objects.update(volgende_poging_op=timezone.now())
    assert mail.nalopen() == {"verzonden": 1}
    assert mail.nalopen() == {}
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.VERZONDEN and bericht.pogingen == 2
    assert [m.extra_headers["Message-ID"] for m in django_mail.outbox] == [bericht.message_id]


@pytest.mark.django_db
def test_na_de_laatste_poging_mislukt_en_staff_kan_opnieuw(settings):
    settings.MAILERS = SMTP_DICHT
    settings.MAIL_MAX_POGINGEN = 2
    settings.MAIL_WACHTTIJDEN = [0]
    bericht = Mail.objects.create(ontvanger="an@example.org", onderwerp="Dag", tekst="x")
    assert mail.versturen(bericht.pk) == "uitgesteld"
    assert mail.versturen(bericht.pk) == "mislukt"
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.MISLUKT and bericht.laatste_fout
    assert mail.versturen(bericht.pk) == "overgeslagen"  # failed for good: no more attempts
    assert mail.wachtrij_toestand()["mislukt"] == 1

    settings.MAILERS = LOCMEM
    assert mail.opnieuw_proberen(mails=Mail.objects.all()) == 1
    assert mail.nalopen() == {"verzonden": 1}
    assert mail.wachtrij_toestand() == {"oudste_wachtend_seconden": None, "mislukt": 0}


@pytest.mark.django_db
def test_een_mail_in_handen_van_een_worker_neemt_een_ander_niet(settings):
    bericht = Mail.objects.create(ontvanger="an@example.org", onderwerp="Dag", tekst="x")
    # A worker claimed it a moment ago and is sending it now.
    Mail.objects.filter(pk=bericht.pk).update(
        status=Mail.Status.BEZIG, geclaimd_op=timezone.now(), pogingen=1
    )
    assert mail.versturen(bericht.pk) == "overgeslagen"
    assert mail.nalopen() == {}
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_wat_een_gestopte_worker_liet_liggen_gaat_na_de_claimtijd_alsnog(settings):
    settings.MAIL_CLAIM_SECONDEN = 300
    bericht = Mail.objects.create(ontvanger="an@example.org", onderwerp="Dag", tekst="x")
    Mail.objects.filter(pk=bericht.pk).update(
        status=Mail.Status.BEZIG,
        geclaimd_op=timezone.now() - timedelta(seconds=301),
        pogingen=1,
    )
    assert mail.nalopen() == {"verzonden": 1}
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.VERZONDEN and bericht.pogingen == 2
    assert django_mail.outbox[0].extra_headers["Message-ID"] == bericht.message_id


@pytest.mark.django_db
def test_regeleinden_in_het_onderwerp_maken_een_mail_nooit_onverstuurbaar(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = _in_wachtrij(
            onderwerp="Nieuwe aanvraag: VZW\r\nBcc: x@example.org\u2028 De Kring"
        )
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.VERZONDEN
    assert bericht.onderwerp == "Nieuwe aanvraag: VZW Bcc: x@example.org De Kring"
    assert django_mail.outbox[0].to == ["an@example.org"]
    assert "Bcc" not in django_mail.outbox[0].message()


@pytest.mark.django_db
def test_mails_versturen_commando_verstuurt_wat_aan_de_beurt_is():
    Mail.objects.create(ontvanger="a@example.org", onderwerp="A", tekst="x")
    Mail.objects.create(
        ontvanger="b@example.org",
        onderwerp="B",
        tekst="x",
        volgende_poging_op=timezone.now() + timedelta(hours=1),
    )
    uit = StringIO()
    call_command("mails_versturen", stdout=uit)
    assert "verzonden 1" in uit.getvalue()
    assert [m.to for m in django_mail.outbox] == [["a@example.org"]]


@pytest.mark.django_db
def test_beheer_toont_mislukte_mails_en_probeert_opnieuw(
    medewerker_client, django_capture_on_commit_callbacks
):
    bericht = Mail.objects.create(
        ontvanger="an@example.org",
        onderwerp="Dag An",
        tekst="x",
        status=Mail.Status.MISLUKT,
        pogingen=8,
        laatste_fout="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    lijst = medewerker_client.get(reverse("admin:baz_mail_changelist") + "?status=mislukt")
    assert lijst.status_code == 200
    assert "Dag An" in lijst.text
    detail = medewerker_client.get(reverse("admin:baz_mail_change", args=[bericht.pk]))
    assert "SMTPServerDisconnected" in detail.text
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = medewerker_client.post(
            reverse("admin:baz_mail_changelist") + "?status__exact=mislukt",
            {"action": "opnieuw_proberen", "_selected_action": [bericht.pk]},
            follow=True,
        )
    assert "1 mail staat opnieuw in de wachtrij." in antwoord.text
    assert "ongemoeid" not in antwoord.text
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.VERZONDEN  # immediate task backend in tests
    assert Auditregel.objects.count() == 0  # the outbox is not a person's situation


@pytest.mark.django_db
def test_wachtwoord_vergeten_gaat_door_de_wachtrij(client, django_user_model, settings):
    django_user_model.objects.create_user("an", "an@example.org", "oud-wachtwoord-42")
    settings.MAILERS = SMTP_DICHT  # the relay is down: the page still tells the truth
    antwoord = client.post(
        reverse("wachtwoord-vergeten"),
        {"email": "an@example.org", "geladen": tijdstempel(30)},
    )
    assert antwoord.status_code == 302
    reset = Mail.objects.get(soort="account.wachtwoord_reset")
    assert reset.ontvanger == "an@example.org"
    assert "/account/wachtwoord/instellen/" in reset.tekst
    assert "\n" not in reset.onderwerp
    # The mail is kept, not lost: sent once the relay is back.
    settings.MAILERS = LOCMEM
    Mail.objects.update(volgende_poging_op=timezone.now())
    assert mail.nalopen() == {"verzonden": 1}
    assert django_mail.outbox[0].to == ["an@example.org"]


@pytest.mark.django_db
def test_wachtwoord_vergeten_voor_onbekend_adres_mailt_niets(client):
    antwoord = client.post(
        reverse("wachtwoord-vergeten"),
        {"email": "nie@example.org", "geladen": tijdstempel(30)},
    )
    assert antwoord.status_code == 302
    assert Mail.objects.count() == 0


@pytest.mark.django_db
def test_een_taak_van_een_gestopte_worker_wordt_gesloten():
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    from baz.management.commands.worker import vastgelopen_taken_sluiten

    def taak(minuten: int) -> DBTaskResult:
        return DBTaskResult.objects.create(
            task_path="baz.tasks.mail_versturen",
            args_kwargs={"args": [1], "kwargs": {}},
            backend_name="default",
            queue_name="default",
            run_after=get_date_max(),
            status=TaskResultStatus.RUNNING,
            started_at=timezone.now() - timedelta(minutes=minuten),
        )

    oud, recent = taak(16), taak(1)
    assert vastgelopen_taken_sluiten() == 1
    oud.refresh_from_db()
    recent.refresh_from_db()
    assert oud.status == TaskResultStatus.FAILED and "stopte" in oud.traceback
    assert recent.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_een_auditactie_zonder_naam_kan_niet():
    from baz import audit

    with pytest.raises(ValueError, match="Onbekende auditactie"):
        audit.vastleggen(door=None, actie="iets.onbekends")
    assert audit.actie_naam("workshops.sessie_geannuleerd") == "Sessie geannuleerd"


@pytest.mark.django_db
def test_opnieuw_proberen_laat_een_intussen_verzonden_mail_met_rust(
    django_capture_on_commit_callbacks,
):
    verzonden = Mail.objects.create(
        ontvanger="an@example.org", onderwerp="Dag", tekst="x", status=Mail.Status.VERZONDEN
    )
    bezig = Mail.objects.create(
        ontvanger="jef@example.org",
        onderwerp="Dag",
        tekst="x",
        status=Mail.Status.BEZIG,
        geclaimd_op=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert mail.opnieuw_proberen(mails=Mail.objects.all()) == 0
    assert django_mail.outbox == []
    assert Mail.objects.get(pk=verzonden.pk).status == Mail.Status.VERZONDEN
    assert Mail.objects.get(pk=bezig.pk).status == Mail.Status.BEZIG


@pytest.mark.django_db
def test_een_mail_waarbij_de_worker_telkens_stopt_wordt_niet_eindeloos_herhaald(settings):
    settings.MAIL_MAX_POGINGEN = 3
    bericht = Mail.objects.create(
        ontvanger="an@example.org",
        onderwerp="Dag",
        tekst="x",
        status=Mail.Status.BEZIG,
        pogingen=3,
        geclaimd_op=timezone.now() - timedelta(seconds=settings.MAIL_CLAIM_SECONDEN + 1),
    )
    assert mail.nalopen() == {"mislukt": 1}
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.MISLUKT and "stopte telkens" in bericht.laatste_fout
    assert django_mail.outbox == []


@pytest.mark.django_db
def test_het_beheer_toont_geen_sleutel_van_een_persoonlijke_link(
    medewerker_client, django_user_model
):
    bericht = Mail.objects.create(
        ontvanger="an@example.org",
        onderwerp="Nieuw wachtwoord",
        tekst="Kies een wachtwoord: http://127.0.0.1:8000/account/wachtwoord/instellen/MQ/"
        "cz7k2j-0123456789abcdef0123456789abcdef/",
    )
    detail = medewerker_client.get(reverse("admin:baz_mail_change", args=[bericht.pk]))
    assert detail.status_code == 200
    assert "0123456789abcdef" not in detail.text
    assert "/account/wachtwoord/instellen/" in detail.text


@pytest.mark.django_db
def test_de_melding_van_een_gewiste_interesse_gaat_mee(
    gemeenten, django_capture_on_commit_callbacks
):
    from baz.persoonsgegevens.services import persoon_wissen
    from netwerken import services as netwerken
    from netwerken.models import Interesse

    interesse = Interesse(
        bestuur="OCMW Wevelgem",
        contactpersoon="Sofie",
        email="sofie@example.org",
        vorm=Interesse.Vorm.choices[0][0],
        bericht="Mijn zoon Jonas heeft autisme; ik woon in de Kerkstraat 5.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        netwerken.interesse_melden(interesse=interesse)
    melding = Mail.objects.get(soort="netwerken.interesse")
    assert "Kerkstraat 5" in melding.tekst
    persoon_wissen("sofie@example.org", door="test")
    assert not Mail.objects.filter(pk=melding.pk).exists()
    assert not Mail.objects.filter(tekst__contains="Kerkstraat").exists()


def test_een_soort_mail_zonder_naam_kan_niet():
    with pytest.raises(ValueError, match="Onbekende soort mail"):
        mail.mail_in_wachtrij(ontvanger="a@example.org", onderwerp="x", tekst="x", soort="iets")
    assert mail.soort_naam("netwerken.verslag") == "Verslag van een bijeenkomst"
