"""Staff need a second factor (TOTP) for /beheer/ when BEHEER_TWEESTAPS is on, as in
production: link an app, then a code after every password login. Real django-otp devices and
real codes, computed the way an authenticator app does."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.test_deploy import PRODUCTIE, manage

pytestmark = pytest.mark.django_db

WACHTWOORD = "geheim-wachtwoord-42"


@pytest.fixture(autouse=True)
def _tweede_factor_aan(settings):
    settings.BEHEER_TWEESTAPS = True


def code(apparaat: TOTPDevice, stap: int = 0) -> str:
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time() + stap * apparaat.step
    return f"{totp.token():06d}"


def aanmelden(client):
    response = client.post(
        "/beheer/login/?next=/beheer/",
        {"username": "medewerker", "password": WACHTWOORD, "next": "/beheer/"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get("/beheer/")


@pytest.fixture
def gekoppeld(medewerker):
    return TOTPDevice.objects.create(user=medewerker, name="Telefoon", confirmed=True)


def test_zonder_app_eerst_koppelen_en_dan_pas_beheer(client, medewerker):
    response = aanmelden(client)
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")
    assert client.get(response["Location"])["Location"].startswith(reverse("tweestaps"))
    instellen = client.get(reverse("tweestaps"), {"next": "/beheer/"})
    assert instellen["Location"].startswith(reverse("tweestaps-instellen"))

    pagina = client.get(reverse("tweestaps-instellen"))
    assert "Start met koppelen" in pagina.content.decode()
    assert not TOTPDevice.objects.exists(), "GET changes nothing"
    client.post(reverse("tweestaps-instellen"), {"starten": "1", "next": "/beheer/"})
    apparaat = TOTPDevice.objects.get(user=medewerker)
    assert not apparaat.confirmed
    html = client.get(reverse("tweestaps-instellen")).content.decode()
    assert '<svg role="img"' in html and "<title>QR-code" in html
    assert "otpauth://" not in html, "the QR code is drawn, the secret is only shown as a key"

    fout = client.post(reverse("tweestaps-instellen"), {"code": "000000", "next": "/beheer/"})
    assert fout.status_code in {400, 429}
    assert client.get("/beheer/").status_code == 302
    apparaat.refresh_from_db()
    apparaat.throttle_reset()

    goed = client.post(reverse("tweestaps-instellen"), {"code": code(apparaat), "next": "/beheer/"})
    assert goed.status_code == 302 and goed["Location"] == "/beheer/"
    assert TOTPDevice.objects.get(user=medewerker).confirmed
    assert client.get("/beheer/").status_code == 200


def test_met_app_na_het_wachtwoord_een_code(client, gekoppeld):
    response = aanmelden(client)
    assert client.get(response["Location"])["Location"].startswith(reverse("tweestaps"))
    assert client.get("/beheer/workshops/aanvraag/").status_code == 302
    pagina = client.get(reverse("tweestaps"), {"next": "/beheer/"})
    html = pagina.content.decode()
    assert pagina.status_code == 200
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html

    sessie_voor = client.session.session_key
    goed = client.post(reverse("tweestaps"), {"code": code(gekoppeld), "next": "/beheer/"})
    assert goed["Location"] == "/beheer/"
    assert client.session.session_key != sessie_voor, "a new session id after the second step"
    assert client.get("/beheer/").status_code == 200
    assert client.get("/beheer/workshops/aanvraag/").status_code == 200


def test_foute_codes_duidelijk_in_het_nederlands_en_afgeremd(client, gekoppeld):
    aanmelden(client)
    leeg = client.post(reverse("tweestaps"), {"code": ""})
    assert leeg.status_code == 400
    assert "Vul de code uit je app in." in leeg.content.decode()
    letters = client.post(reverse("tweestaps"), {"code": "abcdef"})
    assert letters.status_code == 400
    assert "zes cijfers" in letters.content.decode()
    assert 'value="abcdef"' in letters.content.decode(), "what was typed stays"

    fout = client.post(reverse("tweestaps"), {"code": code(gekoppeld, stap=-20)})
    assert fout.status_code == 400
    assert "Deze code klopt niet" in fout.content.decode()
    # Right after a wrong code even the right one waits: django-otp's growing delay.
    afgeremd = client.post(reverse("tweestaps"), {"code": code(gekoppeld)})
    assert afgeremd.status_code == 429
    assert "Wacht even" in afgeremd.content.decode()
    assert client.get("/beheer/").status_code == 302


def test_een_code_werkt_maar_een_keer(client, gekoppeld, django_user_model):
    eerste = code(gekoppeld)
    aanmelden(client)
    assert client.post(reverse("tweestaps"), {"code": eerste})["Location"]
    client.post("/account/logout/")
    aanmelden(client)
    opnieuw = client.post(reverse("tweestaps"), {"code": eerste})
    assert opnieuw.status_code == 400
    assert client.get("/beheer/").status_code == 302


def test_next_naar_een_andere_site_wordt_genegeerd(client, gekoppeld):
    aanmelden(client)
    response = client.post(
        reverse("tweestaps"), {"code": code(gekoppeld), "next": "https://kwaad.example/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_niet_medewerkers_en_bezoekers_komen_er_niet(client, django_user_model):
    assert client.get(reverse("tweestaps"))["Location"].startswith("/account/login/")
    lid = django_user_model.objects.create_user("lid", "lid@example.org", WACHTWOORD)
    client.force_login(lid)
    assert client.get(reverse("tweestaps")).status_code == 403
    assert client.get(reverse("tweestaps-instellen")).status_code == 403


def test_uitgeschakeld_in_ontwikkeling_maar_een_gekoppelde_app_telt_altijd(
    client, settings, medewerker
):
    settings.BEHEER_TWEESTAPS = False
    client.force_login(medewerker)
    assert client.get("/beheer/").status_code == 200
    TOTPDevice.objects.create(user=medewerker, name="Telefoon", confirmed=True)
    assert client.get("/beheer/").status_code == 302


def test_check_deploy_waarschuwt_als_de_tweede_factor_uit_staat():
    resultaat = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTIE, BEHEER_TWEESTAPS="0"
    )
    assert resultaat.returncode != 0
    assert "baz.W001" in resultaat.stderr + resultaat.stdout


def test_telefoon_kwijt_het_commando_koppelt_los(gekoppeld, client):
    from django.core.management import CommandError, call_command

    call_command("tweestaps_loskoppelen", "medewerker")
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError, match="Geen gebruiker"):
        call_command("tweestaps_loskoppelen", "niemand")


def test_ook_buiten_beheer_geen_medewerkersrechten_zonder_code(client, gekoppeld, werkmodellen):
    """A password alone gives no staff powers anywhere: not every network's members-only
    space, not the preview of an unpublished inspiratie. After the code, both open."""
    from tests.factories import maak_inspiratie
    from tests.netwerken.factories import maak_netwerk

    netwerk = maak_netwerk()
    concept = maak_inspiratie(titel="Nog een concept", status="concept")
    aanmelden(client)
    zonder_code = client.get(netwerk.get_absolute_url())
    assert zonder_code.status_code == 302  # first the code, then back here
    assert zonder_code["Location"].startswith("/account/tweestaps/?next=")
    assert client.get(concept.get_absolute_url()).status_code == 404
    client.post(reverse("tweestaps"), {"code": code(gekoppeld)})
    assert client.get(netwerk.get_absolute_url()).status_code == 200
    assert client.get(concept.get_absolute_url()).status_code == 200
