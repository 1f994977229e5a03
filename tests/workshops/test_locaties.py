"""Places: a venue with its address, accessibility and a route link on the session page; an
online session says the link comes by mail. The online link is on no public page and not in the
public calendar feed; the confirmed registrant gets it (mail, .ics, personal page)."""

from datetime import timedelta
from urllib.parse import quote_plus

import pytest
from django.urls import reverse
from django.utils import timezone

from baz.models import Mail
from workshops import services
from workshops.models import Inschrijving, Locatie, Sessie

from .conftest import maak_sessie
from .test_herinneringen import ics_tekst

pytestmark = pytest.mark.django_db

GEHEIM = "https://meet.example.org/baz-geheim-4242"


@pytest.fixture
def locatie(gemeenten):
    return Locatie.objects.create(
        naam="Ontmoetingscentrum De Schakel",
        straat="Kerkstraat 12",
        postcode="2440",
        gemeente=gemeenten["Geel"],
        toegankelijkheid="Ingang zonder drempel, lift naar de zaal, ringleiding.",
        route="Vijf minuten stappen van het station.",
    )


@pytest.fixture
def online(workshop):
    return maak_sessie(workshop, dagen=10, plaats="", online_link=GEHEIM, capaciteit=1)


def test_de_sessiepagina_toont_adres_route_en_toegankelijkheid(bezoeker, workshop, locatie):
    sessie = maak_sessie(workshop, plaats="", locatie=locatie)
    inhoud = bezoeker.get(sessie.get_absolute_url()).content.decode()
    assert "Ontmoetingscentrum De Schakel" in inhoud
    assert "Kerkstraat 12, 2440 Geel" in inhoud
    route = "https://www.openstreetmap.org/search?query=" + quote_plus("Kerkstraat 12, 2440 Geel")
    assert locatie.route_url == route
    assert f'href="{route.replace("&", "&amp;")}"' in inhoud
    assert "<iframe" not in inhoud  # a plain link, no embedded map
    assert "lift naar de zaal, ringleiding" in inhoud
    assert "Vijf minuten stappen van het station." in inhoud
    # The lists show the venue's name and municipality.
    assert (
        "Ontmoetingscentrum De Schakel, Geel"
        in bezoeker.get(workshop.get_absolute_url()).content.decode()
    )


def test_een_vrije_plaats_blijft_werken_zonder_locatie(bezoeker, sessie):
    inhoud = bezoeker.get(sessie.get_absolute_url()).content.decode()
    assert "Zaal De Linde, Geel" in inhoud
    assert "openstreetmap" not in inhoud


def test_de_online_link_staat_op_geen_publieke_pagina_en_in_geen_publieke_feed(
    bezoeker, workshop, online
):
    pagina = bezoeker.get(online.get_absolute_url())
    assert pagina.status_code == 200
    assert "Wie ingeschreven is, krijgt de link per mail" in pagina.content.decode()
    for url in [
        online.get_absolute_url(),
        workshop.get_absolute_url(),
        reverse("workshops"),
        "/",
        reverse("workshops-agenda"),
        "/sitemap.xml",
    ]:
        response = bezoeker.get(url)
        assert response.status_code == 200, url
        inhoud = b"".join(response) if response.streaming else response.content
        assert b"meet.example.org" not in inhoud, url
    feed = bezoeker.get(reverse("workshops-agenda")).content.decode()
    assert "BEGIN:VEVENT" in feed and "meet.example.org" not in ics_tekst(feed)


def test_wie_bevestigd_is_krijgt_de_link_wie_wacht_niet(bezoeker, online):
    lien = services.inschrijving_maken(sessie=online, naam="Lien", email="lien@example.org")
    wachter = services.inschrijving_maken(sessie=online, naam="Wim", email="wim@example.org")
    assert (lien.status, wachter.status) == ("bevestigd", "wachtlijst")

    bevestiging = Mail.objects.get(soort="workshops.inschrijving_bevestigd")
    assert GEHEIM in bevestiging.tekst
    assert GEHEIM in ics_tekst(bevestiging.bijlage_inhoud)
    wachtmail = Mail.objects.get(soort="workshops.inschrijving_wachtlijst")
    assert "meet.example.org" not in wachtmail.tekst and not wachtmail.bijlage_inhoud

    eigen = bezoeker.get(lien.get_absolute_url()).content.decode()
    assert f'href="{GEHEIM}"' in eigen
    assert GEHEIM in ics_tekst(
        bezoeker.get(reverse("inschrijving-ics", args=[lien.token])).content.decode()
    )
    wacht = bezoeker.get(wachter.get_absolute_url()).content.decode()
    assert "meet.example.org" not in wacht
    assert "zodra je plaats bevestigd is" in wacht
    wacht_ics = bezoeker.get(reverse("inschrijving-ics", args=[wachter.token])).content.decode()
    assert "meet.example.org" not in ics_tekst(wacht_ics)

    # Lien cancels: Wim moves up and gets the link, in the mail and the .ics.
    services.inschrijving_annuleren(inschrijving=lien)
    doorgeschoven = Mail.objects.get(soort="workshops.inschrijving_doorgeschoven")
    assert doorgeschoven.ontvanger == "wim@example.org"
    assert GEHEIM in doorgeschoven.tekst and GEHEIM in ics_tekst(doorgeschoven.bijlage_inhoud)
    assert "meet.example.org" not in bezoeker.get(lien.get_absolute_url()).content.decode()


def test_de_afspraak_zonder_en_met_link(online, locatie):
    publiek = online.als_afspraak()
    assert "meet.example.org" not in publiek.beschrijving + publiek.plaats
    eigen = online.als_afspraak(met_online_link=True)
    assert eigen.plaats == GEHEIM and GEHEIM in eigen.beschrijving
    online.locatie, online.online_link = locatie, ""
    assert online.als_afspraak().plaats == "Ontmoetingscentrum De Schakel, Kerkstraat 12, 2440 Geel"
    assert "ringleiding" in online.als_afspraak().beschrijving


def test_locaties_beheren(medewerker_client, gemeenten, django_assert_max_num_queries, locatie):
    for nummer in range(5):
        Locatie.objects.create(
            naam=f"Zaal {nummer}", straat="Markt 1", postcode="2440", gemeente=gemeenten["Geel"]
        )
    # The list: the municipality and the count of sessions in the list query, no N+1.
    with django_assert_max_num_queries(12):
        lijst = medewerker_client.get(reverse("admin:workshops_locatie_changelist"))
    assert lijst.status_code == 200 and "Zaal 4" in lijst.content.decode()
    toevoegen = reverse("admin:workshops_locatie_add")
    fout = medewerker_client.post(
        toevoegen, {"naam": "Zaal Nieuw", "straat": "Markt 2", "postcode": "24"}
    )
    assert (
        fout.status_code == 200 and "Een Belgische postcode: vier cijfers." in fout.content.decode()
    )
    assert 'value="Zaal Nieuw"' in fout.content.decode()
    goed = medewerker_client.post(
        toevoegen,
        {
            "naam": "Zaal Nieuw",
            "straat": "Markt 2",
            "postcode": "2440",
            "gemeente": gemeenten["Geel"].pk,
        },
    )
    assert goed.status_code == 302
    assert Locatie.objects.get(naam="Zaal Nieuw").adres == "Markt 2, 2440 Geel"


def test_sessielijst_in_het_beheer_vaste_queries(
    medewerker_client, workshop, locatie, django_assert_max_num_queries
):
    for dagen in range(1, 8):
        sessie = maak_sessie(workshop, dagen=-dagen, plaats="", locatie=locatie)
        Inschrijving.objects.create(
            sessie=sessie,
            naam="Lien",
            email=f"lien{dagen}@example.org",
            status="bevestigd",
            aanwezig=True,
            evaluatie_gevraagd_op=timezone.now() - timedelta(days=1),
        )
    # The venue, the counts and the response rate come with the list query (no N+1).
    with django_assert_max_num_queries(12):
        response = medewerker_client.get(reverse("admin:workshops_sessie_changelist"))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Ontmoetingscentrum De Schakel" in inhoud and "0 van 1 (0%)" in inhoud
    assert Sessie.objects.count() == 7


def test_de_demo_heeft_een_locatie_met_route_en_een_online_sessie(
    bezoeker, gemeenten, werkmodellen
):
    from workshops.demo import workshops_laden

    workshops_laden()
    workshops_laden()
    (demo,) = Locatie.objects.all()
    assert demo.toegankelijkheid and demo.adres.endswith("2800 Mechelen")
    komend = Sessie.objects.komend().filter(locatie=demo).get()
    assert komend.wat_meebrengen
    inhoud = bezoeker.get(komend.get_absolute_url()).content.decode()
    assert "Route op OpenStreetMap" in inhoud and demo.toegankelijkheid[:40] in inhoud
    online = Sessie.objects.komend().exclude(online_link="").get()
    assert online.is_online
    assert "meet.example.org" not in bezoeker.get(online.get_absolute_url()).content.decode()

    # A demo loaded before venues existed gets the venue on its session in Mechelen.
    Sessie.objects.filter(pk=komend.pk).update(
        locatie=None, plaats="Demo: ontmoetingscentrum, Mechelen"
    )
    workshops_laden()
    komend.refresh_from_db()
    assert komend.locatie == demo and komend.plaats == ""
