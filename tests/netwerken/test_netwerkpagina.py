"""The network page: what members see, contact details only with consent, and its query count."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from netwerken import services

from .factories import maak_bijeenkomst, maak_deelnemer, maak_verslag


def _vullen(netwerk, aantal: int):
    leden = [maak_deelnemer(netwerk) for _ in range(aantal)]
    for i in range(aantal):
        voorbij = maak_bijeenkomst(netwerk, dagen=-10 - i)
        maak_bijeenkomst(netwerk, dagen=10 + i)
        services.verslag_publiceren(verslag=maak_verslag(voorbij))
        services.casus_indienen(
            deelnemer=leden[i], titel=f"Casus {i}", context="C", vraag="V", bijeenkomst=voorbij
        )
        services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=leden[i], score=4)


@pytest.mark.parametrize("aantal", [2, 8])
def test_vast_aantal_queries(
    deelnemer_client, netwerk, deelnemer, django_assert_num_queries, aantal
):
    _vullen(netwerk, aantal)
    url = reverse("netwerken:netwerk", args=[netwerk.slug])
    # Guards the N+1 on members (user), on cases (author, meeting) and on meetings (verslag and
    # own evaluation are EXISTS annotations, not one query per meeting):
    # session, user, network, own membership, upcoming, past, members, cases, and the one
    # query of "Mijn netwerk" in the header (netwerken/mijn_netwerken.py).
    with django_assert_num_queries(9):
        antwoord = deelnemer_client.get(url)
    assert antwoord.status_code == 200


def test_toont_bijeenkomsten_verslag_en_leden(
    deelnemer_client, netwerk, deelnemer, collega, voorbij, komend
):
    services.verslag_publiceren(verslag=maak_verslag(voorbij))
    html = deelnemer_client.get(netwerk.get_absolute_url()).content.decode()
    assert html.count("<h1") == 1
    assert "Komende bijeenkomsten" in html
    assert komend.thema in html
    assert reverse("netwerken:ics", args=[netwerk.slug, komend.pk]) in html
    assert "Lees het verslag" in html
    assert "Jef Claes" in html
    assert "Gemeente Demodorp" in html


def test_contactgegevens_alleen_met_toestemming(deelnemer_client, netwerk, collega):
    collega.telefoon = "014 12 34 56"
    collega.save()
    html = deelnemer_client.get(netwerk.get_absolute_url()).content.decode()
    assert "jef@example.org" not in html
    assert "014 12 34 56" not in html
    collega.toon_email = collega.toon_telefoon = True
    collega.save()
    html = deelnemer_client.get(netwerk.get_absolute_url()).content.decode()
    assert "jef@example.org" in html
    assert "014 12 34 56" in html


def test_profiel_aanpassen(deelnemer_client, deelnemer):
    url = reverse("netwerken:profiel", args=[deelnemer.netwerk.slug])
    antwoord = deelnemer_client.post(
        url,
        {"organisatie": "OCMW Demodorp", "rol": "coördinator", "telefoon": "", "toon_email": "on"},
    )
    assert antwoord.status_code == 302
    deelnemer.refresh_from_db()
    assert (deelnemer.organisatie, deelnemer.toon_email, deelnemer.toon_telefoon) == (
        "OCMW Demodorp",
        True,
        False,
    )
    assert 'href="/privacy/"' in deelnemer_client.get(url).content.decode()


def test_profiel_zonder_organisatie_geeft_fout(deelnemer_client, deelnemer):
    url = reverse("netwerken:profiel", args=[deelnemer.netwerk.slug])
    antwoord = deelnemer_client.post(url, {"organisatie": "", "rol": "x"})
    assert antwoord.status_code == 400
    assert "Vul je organisatie of bestuur in." in antwoord.content.decode()


def test_ics_bestand(deelnemer_client, netwerk, komend):
    antwoord = deelnemer_client.get(reverse("netwerken:ics", args=[netwerk.slug, komend.pk]))
    assert antwoord["Content-Type"].startswith("text/calendar")
    assert "attachment" in antwoord["Content-Disposition"]
    tekst = antwoord.content.decode()
    assert "BEGIN:VEVENT" in tekst
    # Local time with its time zone (baz/ical.py; tests/test_ical.py checks it in depth).
    brussel = ZoneInfo("Europe/Brussels")
    begin = komend.begint_op.astimezone(brussel)
    einde = (komend.begint_op + timedelta(hours=3)).astimezone(brussel)
    assert "DTSTART;TZID=Europe/Brussels:" + begin.strftime("%Y%m%dT%H%M%S") in tekst
    assert "DTEND;TZID=Europe/Brussels:" + einde.strftime("%Y%m%dT%H%M%S") in tekst
    assert "BEGIN:VTIMEZONE" in tekst
    assert "SUMMARY:Lerend netwerk Kempen: De rol van het lokaal bestuur" in tekst.replace(
        "\r\n ", ""
    )


def test_inspireer_elkaar_bericht_plaatsen(deelnemer_client, netwerk):
    url = reverse("netwerken:inspireer-elkaar", args=[netwerk.slug])
    antwoord = deelnemer_client.post(
        url, {"soort": "tip", "tekst": "Probeer een buurtsoep!", "link": ""}
    )
    assert antwoord.status_code == 302
    assert "Probeer een buurtsoep!" in deelnemer_client.get(url).content.decode()


def test_inspireer_elkaar_foute_link(deelnemer_client, netwerk):
    url = reverse("netwerken:inspireer-elkaar", args=[netwerk.slug])
    antwoord = deelnemer_client.post(url, {"soort": "link", "tekst": "Kijk", "link": "geen url"})
    assert antwoord.status_code == 400
    assert "Vul een volledige link in" in antwoord.content.decode()


def test_een_lege_reactie_komt_terug_met_een_foutenoverzicht(deelnemer_client, deelnemer):
    bericht = services.bericht_plaatsen(deelnemer=deelnemer, soort="tip", tekst="Buurtsoep!")
    url = reverse("netwerken:reageren", args=[deelnemer.netwerk.slug, bericht.pk])
    antwoord = deelnemer_client.post(url, {f"reactie-{bericht.pk}-tekst": "  "})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="foutenoverzicht"' in html
    assert f'href="#id_reactie-{bericht.pk}-tekst"' in html
    assert "Schrijf een reactie." in html
    assert not bericht.reacties.exists()
    geldig = deelnemer_client.post(url, {f"reactie-{bericht.pk}-tekst": "Goed idee"})
    assert geldig.status_code == 302
    assert bericht.reacties.get().tekst == "Goed idee"


def test_interesse_keuze_zonder_lege_optie(client, db):
    html = client.get("/netwerken/").content.decode()
    assert 'name="vorm" value=""' not in html
    assert 'name="vorm" value="netwerk"' in html
