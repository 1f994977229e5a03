"""Invitations create the account and carry a one-time link; password reset never leaks accounts."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from baz.spamwering import tijdstempel
from netwerken.models import Deelnemer

User = get_user_model()


def _uitnodigen(medewerker_client, netwerk, capture, email="nina@gemeente.be"):
    with capture(execute=True):
        return medewerker_client.post(
            reverse("admin:netwerken_netwerk_uitnodigen", args=[netwerk.pk]),
            {
                "email": email,
                "voornaam": "Nina",
                "achternaam": "Nieuw",
                "organisatie": "Gemeente Y",
                "rol": "schepen",
            },
        )


def _link(body: str) -> str:
    return re.search(r"http://\S+/account/wachtwoord/instellen/\S+/", body).group(0)


def test_uitnodiging_maakt_account_zonder_wachtwoord(
    medewerker_client, netwerk, django_capture_on_commit_callbacks
):
    antwoord = _uitnodigen(medewerker_client, netwerk, django_capture_on_commit_callbacks)
    assert antwoord.status_code == 302
    deelnemer = Deelnemer.objects.get(netwerk=netwerk)
    assert deelnemer.user.email == "nina@gemeente.be"
    assert not deelnemer.user.has_usable_password()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert mail.outbox[0].to == ["nina@gemeente.be"]
    assert "wachtwoord" in body
    assert _link(body)


def test_link_werkt_eenmaal(client, medewerker_client, netwerk, django_capture_on_commit_callbacks):
    _uitnodigen(medewerker_client, netwerk, django_capture_on_commit_callbacks)
    medewerker_client.logout()
    pad = _link(mail.outbox[0].body).split("8000", 1)[1]
    antwoord = client.get(pad, follow=True)  # Django swaps the token for a session value
    assert antwoord.status_code == 200
    formulier_url = antwoord.redirect_chain[-1][0]
    antwoord = client.post(
        formulier_url,
        {"new_password1": "een-lang-zinnetje-42", "new_password2": "een-lang-zinnetje-42"},
    )
    assert antwoord.status_code == 302
    user = User.objects.get(email="nina@gemeente.be")
    assert user.check_password("een-lang-zinnetje-42")
    # The same link no longer works.
    tweede = client.get(pad, follow=True)
    assert "werkt niet meer" in tweede.content.decode()


def test_zwak_wachtwoord_geweigerd(
    client, medewerker_client, netwerk, django_capture_on_commit_callbacks
):
    _uitnodigen(medewerker_client, netwerk, django_capture_on_commit_callbacks)
    medewerker_client.logout()
    pad = _link(mail.outbox[0].body).split("8000", 1)[1]
    formulier_url = client.get(pad, follow=True).redirect_chain[-1][0]
    antwoord = client.post(formulier_url, {"new_password1": "12345", "new_password2": "12345"})
    assert antwoord.status_code == 400  # a form with errors, as everywhere on the site
    assert not User.objects.get(email="nina@gemeente.be").has_usable_password()


def test_bestaand_account_wordt_hergebruikt(
    medewerker_client, netwerk, deelnemer, ander_netwerk, django_capture_on_commit_callbacks
):
    _uitnodigen(
        medewerker_client, ander_netwerk, django_capture_on_commit_callbacks, email="AN@example.org"
    )
    assert User.objects.filter(email__iexact="an@example.org").count() == 1
    assert deelnemer.user.deelnames.count() == 2


def test_wachtwoord_vergeten_zonder_accountlek(
    client, deelnemer, django_capture_on_commit_callbacks
):
    url = reverse("wachtwoord-vergeten")
    with django_capture_on_commit_callbacks(execute=True):
        bekend = client.post(url, {"email": "an@example.org", "geladen": tijdstempel(30)})
        onbekend = client.post(url, {"email": "niemand@example.org", "geladen": tijdstempel(30)})
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"] == reverse("wachtwoord-verstuurd")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["an@example.org"]
    assert "/account/wachtwoord/instellen/" in mail.outbox[0].body


def test_wachtwoordpaginas_in_het_nederlands(client, db):
    for naam in ["wachtwoord-vergeten", "wachtwoord-verstuurd", "wachtwoord-ingesteld"]:
        antwoord = client.get(reverse(naam))
        assert antwoord.status_code == 200
        assert antwoord.content.decode().count("<h1") == 1


def test_afmelden_beeindigt_sessie(deelnemer_client, netwerk):
    assert deelnemer_client.get(netwerk.get_absolute_url()).status_code == 200
    deelnemer_client.post(reverse("logout"))
    assert deelnemer_client.get(netwerk.get_absolute_url()).status_code == 302


def test_aanmelden_geeft_nieuwe_sessie(client, deelnemer):
    client.get(reverse("login"))
    voor = client.session.session_key
    client.post(reverse("login"), {"username": "an", "password": "geheim-wachtwoord-42"})
    assert client.session.session_key != voor
