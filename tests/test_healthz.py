"""/healthz tells down from degraded: 503 without a database (tests/fouten/), else 200 with the
degraded parts named (the cache, the outbox's oldest waiting mail, failed mails)."""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from baz.models import Mail

pytestmark = pytest.mark.django_db


def mail(status: str, *, minuten_oud: int = 0, nummer: int = 0) -> Mail:
    return Mail.objects.create(
        ontvanger="iemand@example.org",
        onderwerp="Onderwerp",
        tekst="Tekst",
        message_id=f"<healthz-{status}-{nummer}@test>",
        status=status,
        aangemaakt_op=timezone.now() - timedelta(minutes=minuten_oud),
    )


def test_alles_in_orde(client):
    antwoord = client.get("/healthz")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord.json()["status"] == "ok"


def test_database_in_orde_en_cache_onbereikbaar_is_200_verminderd(client, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "baz.cache.ZachteRedisCache",
            "LOCATION": f"redis://127.0.0.1:{poort}/0",
        }
    }
    antwoord = client.get("/healthz")
    assert antwoord.status_code == 200
    staat = antwoord.json()
    assert staat["status"] == "verminderd"
    assert staat["database"] == "ok"
    assert staat["cache"] == "onbereikbaar"
    assert staat["verminderd"] == ["cache"]


def test_een_mislukte_mail_wordt_genoemd(client):
    mail(Mail.Status.VERZONDEN)
    mail(Mail.Status.MISLUKT)
    staat = client.get("/healthz").json()
    assert staat["status"] == "verminderd"
    assert staat["verminderd"] == ["mail"]
    assert staat["mail"] == {"status": "mislukt", "oudste_wachtend_seconden": None, "mislukt": 1}


def test_een_te_lang_wachtende_mail_wordt_genoemd_een_verse_niet(client, settings):
    settings.HEALTHZ_MAIL_MAX_WACHTTIJD = 15 * 60
    mail(Mail.Status.WACHTEND, minuten_oud=1, nummer=1)
    assert client.get("/healthz").json()["status"] == "ok"
    mail(Mail.Status.BEZIG, minuten_oud=20, nummer=2)
    staat = client.get("/healthz").json()
    assert staat["verminderd"] == ["mail"]
    assert staat["mail"]["status"] == "achterstand"
    assert 20 * 60 <= staat["mail"]["oudste_wachtend_seconden"] < 21 * 60


def test_drempels_uit_de_instellingen(client, settings):
    settings.HEALTHZ_MAIL_MAX_MISLUKT = 2
    for nummer in range(2):
        mail(Mail.Status.MISLUKT, nummer=nummer)
    assert client.get("/healthz").json()["status"] == "ok"


def test_goedkoop(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get("/healthz")
