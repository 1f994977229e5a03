"""Logs carry no personal data: the public forms, their mails and a failed login log no e-mail
address, name or phone number, at any level (a mail that cannot be sent included)."""

import logging
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from baz.models import Mail
from workshops.models import Sessie, Workshop

pytestmark = pytest.mark.django_db

PERSOON = {
    "naam": "Griet Vanderzande",
    "email": "griet.vanderzande@voorbeeld.be",
    "telefoon": "0470 98 76 54",
}
SPOREN = ["Vanderzande", "griet.vanderzande", "voorbeeld.be", "98 76 54", "+32470987654"]


def gelogd(caplog) -> str:
    teksten = []
    for record in caplog.records:
        teksten.append(record.getMessage())
        if record.exc_text:
            teksten.append(record.exc_text)
        teksten.append(repr(getattr(record, "request", "")))
    return "\n".join(teksten)


@pytest.fixture
def alles_loggen(caplog, settings):
    settings.FORMULIER_MIN_INVULTIJD = 0
    caplog.set_level(logging.DEBUG)
    return caplog


def test_publieke_formulieren_loggen_geen_persoonsgegevens(
    alles_loggen, demo_site, gemeenten, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from tests.workshops.conftest import geladen

    client = Client()
    workshop = Workshop.objects.gepubliceerd().first()
    volgend_jaar = timezone.localdate().year + 1
    aanvraag = {
        "organisatie": "Toneelkring De Planken",
        "soort": "toneel",
        "gemeente": gemeenten["Geel"].pk,
        "contactpersoon": PERSOON["naam"],
        "email": PERSOON["email"],
        "telefoon": PERSOON["telefoon"],
        "formaat": "live",
        "voorkeur_1": f"{volgend_jaar}-03-01",
        "voorkeur_2": f"{volgend_jaar}-04-01",
        "aantal_deelnemers": "14",
        "leervraag": "Hoe maken we onze kring toegankelijker?",
        "bron": "partner",
        "website": "",
        "geladen": geladen(),
        "sleutel": str(uuid.uuid4()),
    }
    sessie = Sessie.objects.filter(
        openbaar=True, workshop__gepubliceerd=True, begint_op__gt=timezone.now()
    ).first()
    inschrijving = {
        "naam": PERSOON["naam"],
        "email": PERSOON["email"],
        "website": "",
        "geladen": geladen(),
        "sleutel": str(uuid.uuid4()),
    }
    interesse = {
        "bestuur": "Gemeente Geel",
        "contactpersoon": PERSOON["naam"],
        "email": PERSOON["email"],
        "telefoon": PERSOON["telefoon"],
        "vorm": "netwerk",
        "bericht": "We willen leren.",
        "website": "",
        "geladen": geladen(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        url = reverse("workshop-aanvragen", args=[workshop.slug])
        assert client.post(url, aanvraag).status_code == 302
        assert client.post(sessie.get_absolute_url(), inschrijving).status_code == 302
        assert client.post(reverse("netwerken:overzicht"), interesse).status_code == 302
        # Invalid input is logged neither.
        client.post(url, {**aanvraag, "email": PERSOON["email"] + "@", "sleutel": ""})
        client.post(reverse("login"), {"username": PERSOON["email"], "password": "fout"})
    assert any(PERSOON["email"] in m.to for m in mail.outbox)
    logboek = gelogd(alles_loggen)
    for spoor in SPOREN:
        assert spoor not in logboek


def test_mislukte_mail_logt_geen_ontvanger(alles_loggen, demo_site, settings):
    from baz.tasks import mail_versturen

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    bericht = Mail.objects.create(
        ontvanger=PERSOON["email"],
        onderwerp=f"Dag {PERSOON['naam']}",
        tekst="Hallo",
        message_id="<test@burgersaanzet.be>",
    )
    mail_versturen.enqueue(bericht.pk)
    bericht.refresh_from_db()
    assert bericht.status == Mail.Status.WACHTEND and bericht.laatste_fout
    logboek = gelogd(alles_loggen)
    for spoor in SPOREN:
        assert spoor not in logboek
