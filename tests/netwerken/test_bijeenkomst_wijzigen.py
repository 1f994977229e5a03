"""A meeting changes (time, place, online link): every member hears of it, once, with what
changed (old → new) and the new .ics; the reminder follows the new moment. Staff change it in
the admin, which goes through services.bijeenkomst_wijzigen and says how many were mailed."""

import threading
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar

from baz.models import Auditregel, Mail
from netwerken import services
from netwerken.models import Bijeenkomst, Herinnering

from .factories import maak_bijeenkomst, maak_deelnemer, maak_netwerk, maak_user


def _wanneer(bijeenkomst) -> str:
    """As the mail writes it: "woensdag 16 december 2026, 14:00–17:00"."""
    begin, einde = (timezone.localtime(m) for m in (bijeenkomst.begint_op, bijeenkomst.eindigt_op))
    return f"{date_format(begin, 'l j F Y, H:i')}–{date_format(einde, 'H:i')}"


def _wijzigingsmails():
    return Mail.objects.filter(soort="netwerken.bijeenkomst_gewijzigd")


def _verzetten(bijeenkomst, *, dagen=0, uren=0, door=None, **velden):
    """Move the meeting by `dagen` and `uren`; place and link as given, or as they were."""
    verschuiving = timedelta(days=dagen, hours=uren)
    return services.bijeenkomst_wijzigen(
        bijeenkomst=bijeenkomst,
        begint_op=bijeenkomst.begint_op + verschuiving,
        eindigt_op=bijeenkomst.eindigt_op + verschuiving,
        plaats=velden.get("plaats", bijeenkomst.plaats),
        online_link=velden.get("online_link", bijeenkomst.online_link),
        door=door,
    )


@pytest.fixture
def fatima(netwerk):
    return maak_deelnemer(netwerk, username="fatima", first_name="Fatima", last_name="Bakkali")


def test_elk_actief_lid_krijgt_wat_er_verandert_met_de_nieuwe_ics(
    komend, deelnemer, collega, buitenstaander, fatima, medewerker
):
    fatima.user.is_active = False
    fatima.user.save()
    oud = _wanneer(komend)

    uitkomst = _verzetten(komend, dagen=1, door=medewerker, plaats="Cultuurcentrum, zaal 2")

    assert uitkomst.gemaild == 2
    assert [label for label, _oud, _nieuw in uitkomst.wijzigingen] == ["Wanneer", "Waar"]
    assert sorted(_wijzigingsmails().values_list("ontvanger", flat=True)) == [
        "an@example.org",
        "jef@example.org",
    ]  # not Bram (another network), not Fatima (inactive account)
    komend.refresh_from_db()
    assert komend.plaats == "Cultuurcentrum, zaal 2"
    mail = _wijzigingsmails().get(ontvanger="an@example.org")
    dag = date_format(timezone.localtime(komend.begint_op), "l j F")
    assert mail.onderwerp == f"Gewijzigd: “De rol van het lokaal bestuur” op {dag}"
    assert "Hallo An Peeters" in mail.tekst
    assert f"- Wanneer: {oud} → {_wanneer(komend)}\n" in mail.tekst
    assert "- Waar: Stadhuis, zaal 1 → Cultuurcentrum, zaal 2" in mail.tekst
    assert komend.get_absolute_url() in mail.tekst
    assert mail.sleutel == f"netwerken.deelnemer:{deelnemer.pk}"
    # The attachment is the meeting at its new moment (same UID, so calendars update it).
    assert mail.bijlage_naam == "bijeenkomst.ics"
    event = Calendar.from_ical(mail.bijlage_inhoud).walk("VEVENT")[0]
    assert event.decoded("dtstart") == komend.begint_op
    assert str(event["uid"]).startswith(f"bijeenkomst-{komend.pk}")
    audit = Auditregel.objects.get(actie="netwerken.bijeenkomst_gewijzigd")
    assert "Waar: Stadhuis, zaal 1 → Cultuurcentrum, zaal 2" in audit.omschrijving
    assert audit.omschrijving.endswith("(2 deelnemers gemaild)")


def test_niets_gewijzigd_niets_gemaild(komend, deelnemer):
    uitkomst = _verzetten(komend)
    assert not uitkomst and uitkomst.gemaild == 0
    # The same change saved twice (a double click): the second time sends nothing.
    assert _verzetten(komend, uren=2).gemaild == 1
    komend.refresh_from_db()
    assert _verzetten(komend).gemaild == 0
    assert _wijzigingsmails().count() == 1
    assert Auditregel.objects.filter(actie="netwerken.bijeenkomst_gewijzigd").count() == 1


def test_een_nieuwe_online_link(komend, deelnemer):
    uitkomst = _verzetten(komend, online_link="https://meet.example.org/nieuw")
    assert uitkomst.wijzigingen == [] and uitkomst.link_gewijzigd and uitkomst.gemaild == 1
    tekst = _wijzigingsmails().get().tekst
    assert "De link om online deel te nemen is nieuw" in tekst
    assert "Of online: https://meet.example.org/nieuw" in tekst
    assert "Wat er verandert" not in tekst
    assert "online link gewijzigd" in Auditregel.objects.get().omschrijving
    # The link taken away: the mail says online is no longer possible.
    komend.refresh_from_db()
    assert _verzetten(komend, online_link="").gemaild == 1
    assert "Online deelnemen kan niet meer" in _wijzigingsmails().latest("pk").tekst


def test_einde_voor_begin_wordt_geweigerd_en_verandert_niets(komend, deelnemer):
    with pytest.raises(ValidationError, match="Het einde moet na het begin liggen"):
        services.bijeenkomst_wijzigen(
            bijeenkomst=komend,
            begint_op=komend.begint_op,
            eindigt_op=komend.begint_op - timedelta(hours=1),
            plaats="Elders",
            online_link="",
        )
    with pytest.raises(ValidationError):
        _verzetten(komend, online_link="geen link")
    komend.refresh_from_db()
    assert komend.plaats == "Stadhuis, zaal 1" and komend.online_link == ""
    assert not _wijzigingsmails().exists() and not Auditregel.objects.exists()


def test_een_voorbije_bijeenkomst_wordt_verbeterd_zonder_mail(voorbij, deelnemer):
    uitkomst = _verzetten(voorbij, uren=1, plaats="Eigenlijk in zaal 3")
    assert uitkomst.voorbij and uitkomst.gemaild == 0
    voorbij.refresh_from_db()
    assert voorbij.plaats == "Eigenlijk in zaal 3"
    assert not _wijzigingsmails().exists()
    assert Auditregel.objects.get().omschrijving.endswith("(0 deelnemers gemaild)")
    # Nor is a coming meeting mailed when it is moved into the past (recorded afterwards).
    komend = maak_bijeenkomst(voorbij.netwerk, dagen=3)
    assert _verzetten(komend, dagen=-10).gemaild == 0


def test_verplaatst_na_de_herinnering_herinnert_op_het_nieuwe_moment(netwerk, deelnemer):
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=1)  # its reminder was due yesterday
    assert services.herinneringen_versturen() == 1
    _verzetten(bijeenkomst, dagen=7)
    bijeenkomst.refresh_from_db()
    assert Herinnering.objects.get().voor_begint_op is None  # the marker is reset
    moment = bijeenkomst.herinneren_op()
    assert services.herinneringen_versturen(nu=moment - timedelta(minutes=1)) == 0
    assert services.herinneringen_versturen(nu=moment) == 1
    tweede = Mail.objects.filter(soort="netwerken.herinnering").latest("pk")
    assert "verplaatst" in tweede.tekst
    assert Herinnering.objects.get().voor_begint_op == bijeenkomst.begint_op


def test_te_laat_voor_een_herinnering_dan_is_de_wijziging_de_herinnering(
    netwerk, deelnemer, collega
):
    """Moved to tomorrow: its reminder moment has passed, the change mail holds all a reminder
    holds, so the next run of the reminders does not mail the members a second time."""
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=1, agenda="1. Welkom")
    assert services.herinneringen_versturen() == 2
    eerder = maak_bijeenkomst(netwerk, dagen=10)
    assert _verzetten(eerder, dagen=-9).gemaild == 2
    assert _verzetten(bijeenkomst, uren=2).gemaild == 2
    assert services.herinneringen_versturen() == 0
    assert "1. Welkom" in _wijzigingsmails().filter(ontvanger="an@example.org").latest("pk").tekst
    assert Herinnering.objects.filter(bijeenkomst=eerder).count() == 2
    # Who joins now still gets the reminder.
    maak_deelnemer(netwerk, username="nieuw")
    assert services.herinneringen_versturen() == 2


def _admin_gegevens(bijeenkomst, **extra) -> dict:
    begin, einde = (
        timezone.localtime(bijeenkomst.begint_op),
        timezone.localtime(bijeenkomst.eindigt_op),
    )
    gegevens = {
        "netwerk": bijeenkomst.netwerk.pk,
        "thema": bijeenkomst.thema,
        "begint_op_0": begin.strftime("%d/%m/%Y"),
        "begint_op_1": begin.strftime("%H:%M:%S"),
        "eindigt_op_0": einde.strftime("%d/%m/%Y"),
        "eindigt_op_1": einde.strftime("%H:%M:%S"),
        "plaats": bijeenkomst.plaats,
        "online_link": bijeenkomst.online_link,
        "agenda": bijeenkomst.agenda,
        "verslag-TOTAL_FORMS": "0",
        "verslag-INITIAL_FORMS": "0",
        "verslag-MIN_NUM_FORMS": "0",
        "verslag-MAX_NUM_FORMS": "1",
    }
    gegevens.update(extra)
    return gegevens


def test_beheer_bewaart_via_de_dienst_en_zegt_hoeveel_leden_gemaild_zijn(
    medewerker_client, medewerker, komend, deelnemer, collega
):
    url = reverse("admin:netwerken_bijeenkomst_change", args=[komend.pk])
    nieuw_einde = timezone.localtime(komend.eindigt_op) + timedelta(hours=1)
    antwoord = medewerker_client.post(
        url,
        _admin_gegevens(
            komend,
            thema="De rol van het lokaal bestuur (deel 1)",
            eindigt_op_1=nieuw_einde.strftime("%H:%M:%S"),
            plaats="Cultuurcentrum",
        ),
        follow=True,
    )
    assert antwoord.status_code == 200
    berichten = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert "2 deelnemers krijgen een mail met wat er verandert." in berichten
    komend.refresh_from_db()
    assert komend.thema == "De rol van het lokaal bestuur (deel 1)"
    assert komend.plaats == "Cultuurcentrum"
    assert komend.eindigt_op == nieuw_einde
    assert _wijzigingsmails().count() == 2
    mail = _wijzigingsmails().get(ontvanger="jef@example.org")
    assert "“De rol van het lokaal bestuur (deel 1)”" in mail.onderwerp
    regel = Auditregel.objects.get(actie="netwerken.bijeenkomst_gewijzigd")
    assert regel.door == medewerker

    # Only the theme or the agenda: saved as before, nobody mailed.
    antwoord = medewerker_client.post(url, _admin_gegevens(komend, agenda="1. Welkom"))
    assert antwoord.status_code == 302
    komend.refresh_from_db()
    assert komend.agenda == "1. Welkom"
    assert _wijzigingsmails().count() == 2

    # A past meeting: corrected, and the admin says nobody was mailed.
    voorbij = maak_bijeenkomst(komend.netwerk, dagen=-7)
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_bijeenkomst_change", args=[voorbij.pk]),
        _admin_gegevens(voorbij, plaats="Zaal 3"),
        follow=True,
    )
    berichten = [str(m) for m in get_messages(antwoord.wsgi_request)]
    assert "De bijeenkomst is voorbij: de deelnemers krijgen geen mail van deze wijziging." in (
        berichten
    )
    assert _wijzigingsmails().count() == 2


def test_beheer_een_nieuwe_bijeenkomst_mailt_niemand(medewerker_client, netwerk, deelnemer):
    begin = timezone.localtime(timezone.now() + timedelta(days=20)).replace(microsecond=0)
    nieuw = Bijeenkomst(
        netwerk=netwerk, thema="Nieuw", begint_op=begin, eindigt_op=begin + timedelta(hours=2)
    )
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_bijeenkomst_add"), _admin_gegevens(nieuw, plaats="Zaal 1")
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert Bijeenkomst.objects.filter(thema="Nieuw").exists()
    assert not _wijzigingsmails().exists()


def test_de_privacyverklaring_noemt_de_mail(client, db):
    html = client.get("/privacy/").content.decode()
    assert "De bijeenkomst is gewijzigd" in html
    assert "één mail, ook als je in meer netwerken zit" in html


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_wijzigingen_mailen_elke_wijziging_eenmaal():
    """Two staff members save the same move at the same moment: the meeting row is locked, so
    the second sees the first one's result and sends nothing; every member gets one mail."""
    netwerk = maak_netwerk(slug="gelijktijdig-wijzigen", max_deelnemers=20)
    for n in range(8):
        maak_deelnemer(netwerk, username=f"lid{n}")
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=14)
    staf = maak_user("staf", is_staff=True)
    naar = {
        "begint_op": bijeenkomst.begint_op + timedelta(days=1),
        "eindigt_op": bijeenkomst.eindigt_op + timedelta(days=1),
        "plaats": "Zaal 2",
        "online_link": "",
    }
    start = threading.Barrier(3)
    uitkomsten, fouten = [], []

    def wijzigen():
        try:
            start.wait()
            uitkomst = services.bijeenkomst_wijzigen(bijeenkomst=bijeenkomst, door=staf, **naar)
            uitkomsten.append(uitkomst.gemaild)
        except BaseException as fout:  # reported below
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=wijzigen) for _ in range(3)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    assert fouten == []
    assert sorted(uitkomsten) == [0, 0, 8]
    assert _wijzigingsmails().count() == 8
    assert len(set(_wijzigingsmails().values_list("ontvanger", flat=True))) == 8
    assert Auditregel.objects.filter(actie="netwerken.bijeenkomst_gewijzigd").count() == 1
