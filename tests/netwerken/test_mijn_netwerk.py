"""After logging in a member lands in their own network, and "Mijn netwerk" in the header leads
there (issue 11, the login-landing slip); the header costs anonymous visitors nothing."""

import copy

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inspiraties import index
from netwerken import services
from netwerken.mijn_netwerken import landingspagina

from .factories import maak_user

WACHTWOORD = "geheim-wachtwoord-42"  # tests/netwerken/factories.py
AANMELDEN = "/account/login/"
PROCESSOR = "netwerken.mijn_netwerken.in_kop"


def _aanmelden(client, username, next_url=None):
    url = AANMELDEN if next_url is None else f"{AANMELDEN}?next={next_url}"
    gegevens = {"username": username, "password": WACHTWOORD}
    if next_url is not None:
        gegevens["next"] = next_url
    return client.post(url, gegevens)


@pytest.fixture
def begeleider(netwerk):
    user = maak_user("bea", first_name="Bea", last_name="Begeleider", is_staff=True)
    user.groups.add(Group.objects.get(name="Begeleiders"))
    netwerk.begeleiders.add(user)
    return user


# -- Landing after logging in ------------------------------------------------------------


def test_lid_landt_in_het_eigen_netwerk(client, deelnemer, netwerk):
    antwoord = _aanmelden(client, "an")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == netwerk.get_absolute_url()
    assert client.get(antwoord["Location"]).status_code == 200


def test_met_next_gaat_next_voor(client, deelnemer):
    antwoord = _aanmelden(client, "an", next_url="/inspiraties/")
    assert antwoord["Location"] == "/inspiraties/"


def test_een_onveilige_next_landt_toch_in_het_netwerk(client, deelnemer, netwerk):
    antwoord = _aanmelden(client, "an", next_url="https://elders.example.com/")
    assert antwoord["Location"] == netwerk.get_absolute_url()


def test_lid_van_twee_netwerken_landt_bij_mijn_netwerken(client, deelnemer, netwerk, ander_netwerk):
    services.deelnemer_toevoegen(netwerk=ander_netwerk, user=deelnemer.user, organisatie="X")
    antwoord = _aanmelden(client, "an")
    assert antwoord["Location"] == "/netwerken/#mijn-netwerken"
    html = client.get("/netwerken/").content.decode()
    lijst = html[html.index('id="mijn-netwerken"') : html.index('id="coaching-sessies"')]
    assert netwerk.get_absolute_url() in lijst and ander_netwerk.get_absolute_url() in lijst


def test_wie_geen_netwerk_heeft_landt_op_de_homepage(client, db):
    maak_user("zonder")
    assert _aanmelden(client, "zonder")["Location"] == "/"


def test_redacteur_landt_niet_in_een_netwerk(client, netwerk, deelnemer):
    ruben = maak_user("ruben", is_staff=True)
    ruben.groups.add(Group.objects.get(name="Redactie"))
    antwoord = _aanmelden(client, "ruben")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/beheer/"  # staff without a network: the staff start page


def test_begeleider_landt_in_het_begeleide_netwerk(begeleider, netwerk):
    # Tested on the function: which landing wins for staff is the login view's order.
    assert landingspagina(begeleider) == netwerk.get_absolute_url()


def test_superuser_zonder_netwerk_heeft_geen_netwerklanding(medewerker, netwerk):
    assert landingspagina(medewerker) is None


# -- The header ----------------------------------------------------------------------------


def _kop(html: str) -> str:
    return html[html.index('<header class="kop">') : html.index("</header>")]


def test_kop_van_een_lid_leidt_naar_het_netwerk(deelnemer_client, netwerk):
    kop = _kop(deelnemer_client.get("/over-baz/").content.decode())
    assert f'<a href="{netwerk.get_absolute_url()}">Mijn netwerk</a>' in kop


def test_kop_van_een_begeleider(client, begeleider, netwerk):
    client.force_login(begeleider)
    kop = _kop(client.get("/over-baz/").content.decode())
    assert f'<a href="{netwerk.get_absolute_url()}">Mijn netwerk</a>' in kop


def test_kop_van_een_lid_van_twee_netwerken(client, deelnemer, ander_netwerk):
    services.deelnemer_toevoegen(netwerk=ander_netwerk, user=deelnemer.user, organisatie="X")
    client.force_login(deelnemer.user)
    kop = _kop(client.get("/over-baz/").content.decode())
    assert '<a href="/netwerken/#mijn-netwerken">Mijn netwerken</a>' in kop


@pytest.mark.parametrize("wie", ["anoniem", "redacteur", "superuser", "geen_lid"])
def test_geen_netwerklink_in_de_kop(client, netwerk, deelnemer, redacteur, medewerker, wie):
    if wie == "redacteur":
        client.force_login(redacteur)
    elif wie == "superuser":
        client.force_login(medewerker)  # may look into every network, but is in none
    elif wie == "geen_lid":
        client.force_login(maak_user("zonder"))
    kop = _kop(client.get("/over-baz/").content.decode())
    assert "Mijn netwerk" not in kop
    assert netwerk.get_absolute_url() not in kop


def test_een_gecachete_publieke_pagina_toont_nooit_iemands_kop(client, deelnemer, werkmodellen):
    """The home page is stored for anonymous visitors (baz/paginacache.py): a member gets it
    fresh with their link, the next anonymous visitor a copy without it, and the other way."""
    bezoeker = client.__class__()
    assert "Mijn netwerk" not in _kop(bezoeker.get("/").content.decode())  # stored now
    client.force_login(deelnemer.user)
    lid = client.get("/")
    assert "X-Paginacache" not in lid
    assert "Mijn netwerk" in _kop(lid.content.decode())
    weer = bezoeker.get("/")
    assert weer["X-Paginacache"] == "hit"
    assert "Mijn netwerk" not in _kop(weer.content.decode())


# -- What the header costs -------------------------------------------------------------------


def _zonder_processor(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    for engine in templates:
        processors = engine.get("OPTIONS", {}).get("context_processors", [])
        if PROCESSOR in processors:
            processors.remove(PROCESSOR)
    settings.TEMPLATES = templates


def _queries(client, url) -> int:
    from django.core.cache import cache

    cache.clear()  # a first visit, not a stored page
    index.vergeten()  # nor a catalogue index this process built for it,
    ContentType.objects.clear_cache()  # nor the content type that index read
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd)


def test_processor_staat_in_de_instellingen(settings):
    assert PROCESSOR in settings.TEMPLATES[0]["OPTIONS"]["context_processors"]


@pytest.mark.parametrize("url", ["/", "/netwerken/", "/inspiraties/", "/over-baz/"])
def test_anonieme_paginas_kosten_geen_query_meer(client, werkmodellen, netwerk, settings, url):
    met = _queries(client, url)
    _zonder_processor(settings)
    assert _queries(client, url) == met


def test_een_lid_kost_de_kop_een_query(deelnemer_client, settings, netwerk):
    met = _queries(deelnemer_client, "/over-baz/")
    _zonder_processor(settings)
    assert _queries(deelnemer_client, "/over-baz/") == met - 1
