"""Login brute-force protection: a cool-off after repeated failures, never a permanent lockout."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from baz.models import Teller

LOGIN = "/account/login/"
MAX_PER_ACCOUNT = settings.RATELIMIETEN["aanmelden_account"][0]
MAX_PER_IP = settings.RATELIMIETEN["aanmelden_ip"][0]


def _poging(client, wachtwoord, username="an", ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": wachtwoord}, REMOTE_ADDR=ip)


def test_goed_wachtwoord_meldt_aan(client, deelnemer):
    antwoord = _poging(client, "geheim-wachtwoord-42")
    assert antwoord.status_code == 302
    assert client.session.get("_auth_user_id") == str(deelnemer.user.pk)


def test_afkoelen_na_vijf_mislukte_pogingen(client, deelnemer):
    for _ in range(MAX_PER_ACCOUNT):
        assert _poging(client, "fout").status_code == 400  # a form with errors, as site-wide
    antwoord = _poging(client, "geheim-wachtwoord-42")
    assert antwoord.status_code == 400  # refused, even with the right password
    assert "Te veel mislukte pogingen" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_afkoelen_loopt_af(client, deelnemer):
    for _ in range(MAX_PER_ACCOUNT):
        _poging(client, "fout")
    # What the passing of the cool-off does to the counters.
    Teller.objects.update(verloopt_op=timezone.now() - timedelta(seconds=1))
    assert _poging(client, "geheim-wachtwoord-42").status_code == 302


def test_ander_account_niet_geblokkeerd(client, deelnemer, collega):
    for _ in range(MAX_PER_ACCOUNT):
        _poging(client, "fout")
    assert _poging(client, "geheim-wachtwoord-42", username="jef").status_code == 302


def test_per_ip_adres(client, deelnemer):
    for i in range(MAX_PER_IP):
        _poging(client, "fout", username=f"bestaat-niet-{i}", ip="10.9.9.9")
    assert _poging(client, "geheim-wachtwoord-42", ip="10.9.9.9").status_code == 400
    assert _poging(client, "geheim-wachtwoord-42", ip="10.1.1.1").status_code == 302


def test_geslaagde_aanmelding_wist_teller(client, deelnemer):
    for _ in range(MAX_PER_ACCOUNT - 1):
        _poging(client, "fout")
    assert _poging(client, "geheim-wachtwoord-42").status_code == 302
    client.post(reverse("logout"))
    for _ in range(MAX_PER_ACCOUNT - 1):
        _poging(client, "fout")
    assert _poging(client, "geheim-wachtwoord-42").status_code == 302


def test_beheer_login_ook_beschermd(client, medewerker):
    for _ in range(MAX_PER_ACCOUNT):
        client.post("/beheer/login/", {"username": "medewerker", "password": "fout"})
    client.post("/beheer/login/", {"username": "medewerker", "password": "geheim-wachtwoord-42"})
    assert "_auth_user_id" not in client.session
