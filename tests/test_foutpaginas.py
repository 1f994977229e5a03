"""Every error status the site answers comes with a page in Dutch (slips of issue 11)."""

import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import maak_inspiratie

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


def test_een_get_op_een_adres_voor_formulieren_geeft_een_nederlandse_405(client):
    response = client.get(reverse("aanvraag-nieuwsbrief", args=["een-token"]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<h1>Dit kan hier niet</h1>" in html
    assert "niet om te openen" in html
    assert 'lang="nl' in html


def test_een_head_blijft_zonder_inhoud(client):
    response = client.head(reverse("aanvraag-nieuwsbrief", args=["een-token"]))
    assert response.status_code == 405
    assert response.content == b""


@pytest.mark.parametrize(
    ("pad", "status", "kop"),
    [
        ("/bestaat-niet/", 404, "Deze pagina bestaat niet (meer)"),
        ("/workshops/aanvraag/verzonnen/", 404, "Deze link werkt niet"),
        ("/netwerken/%00/", 400, "Dit verzoek konden we niet verwerken"),
    ],
)
def test_elke_foutpagina_is_nederlands(client, pad, status, kop):
    response = client.get(pad)
    assert response.status_code == status
    assert kop in response.content.decode()


def test_json_en_platte_tekst_blijven_wat_ze_zijn(client):
    assert client.get("/healthz")["Content-Type"].startswith("application/json")


def test_make_run_geeft_de_poort_door_aan_site_url():
    """`make run PORT=8301`: migrations, demo content and the server all get SITE_URL with
    that port, so links in mails, canonical and OpenGraph tags point at it."""
    uit = subprocess.run(
        ["make", "-n", "run", "PORT=8301"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    commando_s = [regel for regel in uit.splitlines() if "manage.py" in regel]
    assert len(commando_s) == 3
    for regel in commando_s:
        assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8301}" in regel
    assert "runserver 127.0.0.1:8301" in commando_s[-1]


def test_canonical_en_opengraph_volgen_site_url(client, settings, werkmodellen):
    settings.SITE_URL = "http://127.0.0.1:8301"
    inspiratie = maak_inspiratie()
    html = client.get(inspiratie.get_absolute_url()).content.decode()
    adres = f"http://127.0.0.1:8301{inspiratie.get_absolute_url()}"
    assert f'<link rel="canonical" href="{adres}">' in html
    assert f'<meta property="og:url" content="{adres}">' in html
    assert "127.0.0.1:8000" not in html
