"""The counters behind the rate limits and the login cool-off (baz/ratelimiet.py): in the
database, atomic, shared, never evicted by the cache; and the one 429 page."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from baz import ratelimiet
from baz.models import Teller
from baz.spamwering import tijdstempel

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"


def _verlopen(naam: str) -> None:
    Teller.objects.filter(sleutel=naam).update(verloopt_op=timezone.now() - timedelta(seconds=1))


def test_een_teller_telt_op_binnen_zijn_venster_en_begint_daarna_opnieuw():
    eerste = ratelimiet.tellen("t:a", 60)
    assert eerste.aantal == 1
    assert 59 <= eerste.seconden_over <= 60
    assert [ratelimiet.tellen("t:a", 60).aantal for _ in range(3)] == [2, 3, 4]
    assert ratelimiet.tellen("t:a", 60).verloopt_op == eerste.verloopt_op  # a fixed window
    _verlopen("t:a")
    assert ratelimiet.tellen("t:a", 60).aantal == 1
    assert Teller.objects.filter(sleutel="t:a").count() == 1


def test_een_afkoeling_loopt_vanaf_de_laatste_poging():
    eerste = ratelimiet.tellen("t:b", 600, vanaf_laatste=True)
    Teller.objects.filter(sleutel="t:b").update(verloopt_op=timezone.now() + timedelta(seconds=5))
    tweede = ratelimiet.tellen("t:b", 600, vanaf_laatste=True)
    assert tweede.aantal == 2
    assert tweede.verloopt_op >= eerste.verloopt_op
    assert tweede.seconden_over > 590


def test_een_eerste_eigenaar_houdt_zijn_naam_tot_ze_verloopt():
    assert ratelimiet.eerste_eigenaar("t:c", 7, 60) == 7
    assert ratelimiet.eerste_eigenaar("t:c", 7, 60) == 7
    assert ratelimiet.eerste_eigenaar("t:c", 8, 60) == 7
    _verlopen("t:c")
    assert ratelimiet.eerste_eigenaar("t:c", 8, 60) == 8


def test_verlopen_tellers_worden_opgeruimd(monkeypatch):
    for naam in ("t:oud1", "t:oud2", "t:nieuw"):
        ratelimiet.tellen(naam, 60)
    _verlopen("t:oud1")
    _verlopen("t:oud2")
    assert ratelimiet.tellers_opruimen() == 2
    assert list(Teller.objects.values_list("sleutel", flat=True)) == ["t:nieuw"]
    # ... and now and then on the way, without waiting for the daily job.
    _verlopen("t:nieuw")
    monkeypatch.setattr(ratelimiet, "OPRUIMKANS", 1.0)
    ratelimiet.tellen("t:ander", 60)
    assert list(Teller.objects.values_list("sleutel", flat=True)) == ["t:ander"]


def test_adressen_en_namen_staan_er_alleen_als_sleutelhash_in(client):
    client.post(LOGIN, {"username": "an.peeters", "password": "fout"}, REMOTE_ADDR="10.7.7.7")
    sleutels = " ".join(Teller.objects.values_list("sleutel", flat=True))
    assert sleutels.count("aanmelden:") == 2
    assert "10.7.7.7" not in sleutels
    assert "an.peeters" not in sleutels


def test_een_onbekende_limiet_is_een_configuratiefout():
    with pytest.raises(ImproperlyConfigured, match="RATELIMIETEN"):
        ratelimiet.limiet("bestaat-niet")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_tellen_verliest_niets_en_geeft_elk_getal_eenmaal():
    """Twenty threads with their own connection, ten counts each, at the same moment."""
    resultaten: list[int] = []
    slot = threading.Lock()
    start = threading.Barrier(20)

    def tellen():
        try:
            start.wait()
            eigen = [ratelimiet.tellen("t:samen", 600).aantal for _ in range(10)]
            with slot:
                resultaten.extend(eigen)
        finally:
            connection.close()

    draden = [threading.Thread(target=tellen) for _ in range(20)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert sorted(resultaten) == list(range(1, 201))
    assert Teller.objects.get(sleutel="t:samen").aantal == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_foute_wachtwoorden_krijgen_samen_niet_meer_dan_de_limiet(
    django_user_model,
):
    """Ten guesses at once for one account: only five get their password checked."""
    from django.test import Client

    django_user_model.objects.create_user("an", "an@example.org", "geheim-wachtwoord-42")
    maximum = settings.RATELIMIETEN["aanmelden_account"][0]
    antwoorden: list[str] = []
    slot = threading.Lock()
    start = threading.Barrier(10)

    def raden(i):
        try:
            start.wait()
            html = (
                Client()
                .post(LOGIN, {"username": "an", "password": f"gok-{i}"}, REMOTE_ADDR=f"10.0.1.{i}")
                .content.decode()
            )
            with slot:
                antwoorden.append(html)
        finally:
            connection.close()

    draden = [threading.Thread(target=raden, args=(i,)) for i in range(10)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    geweigerd = sum("Te veel mislukte pogingen" in html for html in antwoorden)
    assert geweigerd == 10 - maximum


def test_de_afkoeling_overleeft_duizenden_cacheschrijfacties(client, django_user_model):
    """Without Redis the page cache is local memory (2,000 entries, then culled): page views
    used to evict the cool-off's counter. In the database they cannot."""
    django_user_model.objects.create_user("an", "an@example.org", "geheim-wachtwoord-42")
    maximum = settings.RATELIMIETEN["aanmelden_account"][0]
    for _ in range(maximum):
        client.post(LOGIN, {"username": "an", "password": "fout"})
    for i in range(3000):
        cache.set(f"pagina:view:versie:{i}", b"<html>" * 50, 600)
    antwoord = client.post(LOGIN, {"username": "an", "password": "geheim-wachtwoord-42"})
    assert "Te veel mislukte pogingen" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_de_afkoeling_geldt_over_browsers_heen(django_user_model):
    from django.test import Client

    django_user_model.objects.create_user("an", "an@example.org", "geheim-wachtwoord-42")
    maximum = settings.RATELIMIETEN["aanmelden_account"][0]
    for i in range(maximum):
        Client().post(LOGIN, {"username": "an", "password": "fout"}, REMOTE_ADDR=f"10.0.0.{i}")
    antwoord = Client().post(
        LOGIN, {"username": "AN ", "password": "geheim-wachtwoord-42"}, REMOTE_ADDR="10.9.0.1"
    )
    assert "Te veel mislukte pogingen" in antwoord.content.decode()


def test_geweigerde_pogingen_rekken_de_afkoeling_niet_op(client, django_user_model):
    """A cool-off, never a lockout: once at the limit, refused attempts are not counted, so a
    try every 14 minutes cannot keep an account locked; the window runs from the last checked
    attempt."""
    django_user_model.objects.create_user("an", "an@example.org", "geheim-wachtwoord-42")
    maximum = settings.RATELIMIETEN["aanmelden_account"][0]
    for i in range(maximum):
        client.post(LOGIN, {"username": "an", "password": "fout"}, REMOTE_ADDR=f"10.1.0.{i}")
    naam = ratelimiet.sleutel("aanmelden:account", "an")
    voor = Teller.objects.get(sleutel=naam)
    for i in range(3):
        antwoord = client.post(
            LOGIN, {"username": "an", "password": "fout"}, REMOTE_ADDR=f"10.2.0.{i}"
        )
        assert "Te veel mislukte pogingen" in antwoord.content.decode()
    na = Teller.objects.get(sleutel=naam)
    assert (
        (na.aantal, na.verloopt_op)
        == (voor.aantal, voor.verloopt_op)
        == (maximum, voor.verloopt_op)
    )
    _verlopen(naam)
    antwoord = client.post(LOGIN, {"username": "an", "password": "geheim-wachtwoord-42"})
    assert antwoord.status_code == 302  # the cool-off ended; the right password works


@pytest.mark.parametrize(
    ("url", "actie", "gegevens"),
    [
        ("/netwerken/", "interesse", {"bestuur": "Gemeente Demodorp"}),
        ("/account/wachtwoord/vergeten/", "wachtwoord", {"email": "an@example.org"}),
    ],
)
def test_een_pagina_voor_te_veel_verzoeken_in_de_huisstijl_met_retry_after(
    client, settings, url, actie, gegevens
):
    settings.RATELIMIETEN = {**settings.RATELIMIETEN, actie: (1, 3600)}
    client.post(url, {**gegevens, "geladen": tijdstempel(30)})
    antwoord = client.post(url, {**gegevens, "geladen": tijdstempel(30)})
    assert antwoord.status_code == 429
    assert 3500 < int(antwoord["Retry-After"]) <= 3600
    assert [t.name for t in antwoord.templates][:2] == ["429.html", "base.html"]
    html = antwoord.content.decode()
    assert '<html lang="nl">' in html
    assert "<h1>Even geduld</h1>" in html
    assert "over 60 minuten opnieuw" in html
    assert 'content="noindex"' in html
    assert f'href="{url}"' in html  # back to the form
