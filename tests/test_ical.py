"""Every iCal export, parsed with icalendar: the workshop agenda, a registration's .ics (its
personal page and the mail attachment) and a network meeting. All come from baz/ical.py: local
time with TZID=Europe/Brussels and a VTIMEZONE, right on both sides of a summer-time change, a
stable UID, DTSTAMP in UTC, and an absolute URL back to the page."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from baz.models import Mail
from netwerken import services as netwerkservices
from tests.netwerken.factories import maak_bijeenkomst, maak_deelnemer, maak_netwerk
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services
from workshops.models import Inschrijving

pytestmark = pytest.mark.django_db
BRUSSEL = ZoneInfo("Europe/Brussels")
SITE = "https://burgersaanzet.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _laatste_zondag(jaar: int, maand: int) -> date:
    dag = date(jaar, maand + 1, 1) - timedelta(days=1)
    return dag - timedelta(days=(dag.weekday() + 1) % 7)


def _rond_de_wissels() -> list[datetime]:
    """19:30 in Brussels the day before and the day of next year's two clock changes:
    winter (UTC+1), summer (UTC+2), summer, winter."""
    jaar = timezone.localdate().year + 1
    momenten = []
    for maand in (3, 10):
        zondag = _laatste_zondag(jaar, maand)
        for dag in (zondag - timedelta(days=1), zondag):
            momenten.append(datetime(dag.year, dag.month, dag.day, 19, 30, tzinfo=BRUSSEL))
    return momenten


def _controleer(inhoud: bytes, verwacht: dict[str, tuple[datetime, str]]) -> Calendar:
    """`verwacht`: UID -> (start, path of the page)."""
    kalender = Calendar.from_ical(inhoud)
    tekst = inhoud.decode().replace("\r\n ", "")  # unfold
    (vtimezone,) = kalender.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == "Europe/Brussels"
    assert vtimezone.walk("STANDARD") and vtimezone.walk("DAYLIGHT")
    events = {str(e["UID"]): e for e in kalender.events}
    assert set(events) == set(verwacht)
    for uid, (begin, pad) in verwacht.items():
        event = events[uid]
        assert uid.endswith("@burgersaanzet.be")
        for naam in ("DTSTART", "DTEND"):
            assert event[naam].params["TZID"] == "Europe/Brussels"
        lokaal = begin.astimezone(BRUSSEL)
        assert event.start == begin
        assert event.start.utcoffset() == lokaal.utcoffset()
        assert event.start.hour == 19 and event.start.minute == 30
        assert f"DTSTART;TZID=Europe/Brussels:{lokaal:%Y%m%dT%H%M%S}" in tekst
        assert event.end > event.start
        assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
        assert str(event["URL"]) == SITE + pad
        assert (SITE + pad) in str(event["DESCRIPTION"])
        assert str(event["SUMMARY"]) and str(event["LOCATION"])
        assert str(event["STATUS"]) in {"CONFIRMED", "CANCELLED"}
    # Winter and summer time both occur, as UTC+1 and UTC+2.
    offsets = {e.start.utcoffset() for e in events.values()}
    assert len(verwacht) < 2 or offsets == {timedelta(hours=1), timedelta(hours=2)}
    return kalender


@pytest.fixture
def workshop(werkmodellen):
    return maak_workshop()


def _sessies_rond_de_wissels(workshop):
    sessies = []
    for begin in _rond_de_wissels():
        sessie = maak_sessie(workshop, plaats="Zaal De Linde, Geel")
        sessie.begint_op, sessie.eindigt_op = begin, begin + timedelta(hours=2)
        sessie.save()
        sessies.append(sessie)
    return sessies


def test_workshopagenda(client, workshop):
    sessies = _sessies_rond_de_wissels(workshop)
    antwoord = client.get("/workshops/agenda.ics")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/calendar; charset=utf-8"
    kalender = _controleer(
        antwoord.content,
        {f"sessie-{s.pk}@burgersaanzet.be": (s.begint_op, s.get_absolute_url()) for s in sessies},
    )
    assert str(kalender["X-WR-TIMEZONE"]) == "Europe/Brussels"
    # The same file again: the same events (UIDs), so a calendar updates instead of doubling.
    opnieuw = Calendar.from_ical(client.get("/workshops/agenda.ics").content)
    assert {str(e["UID"]) for e in opnieuw.events} == {str(e["UID"]) for e in kalender.events}


def test_inschrijving_ics_en_mailbijlage(client, workshop, django_capture_on_commit_callbacks):
    winter, zomer, *_ = _sessies_rond_de_wissels(workshop)
    for sessie in (winter, zomer):
        with django_capture_on_commit_callbacks(execute=True):
            services.inschrijving_maken(sessie=sessie, naam="Lien", email="lien@example.org")
    for sessie in (winter, zomer):
        inschrijving = Inschrijving.objects.get(sessie=sessie)
        verwacht = {
            f"sessie-{sessie.pk}@burgersaanzet.be": (sessie.begint_op, sessie.get_absolute_url())
        }
        antwoord = client.get(reverse("inschrijving-ics", args=[inschrijving.token]))
        assert antwoord["Content-Disposition"] == 'attachment; filename="workshop.ics"'
        _controleer(antwoord.content, verwacht)
        # The personal link never goes into the calendar: calendars get shared.
        assert inschrijving.token not in antwoord.content.decode()

    bijlagen = [b for m in mail.outbox for b in m.attachments]
    assert len(bijlagen) == 2
    for (naam, inhoud, soort), sessie in zip(bijlagen, (winter, zomer), strict=True):
        assert naam == "workshop.ics" and soort.startswith("text/calendar")
        _controleer(
            inhoud.encode() if isinstance(inhoud, str) else inhoud,
            {f"sessie-{sessie.pk}@burgersaanzet.be": (sessie.begint_op, sessie.get_absolute_url())},
        )


def test_annulering_stuurt_hetzelfde_event_geannuleerd(
    workshop, django_capture_on_commit_callbacks
):
    (sessie, *_) = _sessies_rond_de_wissels(workshop)
    with django_capture_on_commit_callbacks(execute=True):
        services.inschrijving_maken(sessie=sessie, naam="Lien", email="lien@example.org")
        services.sessie_annuleren(sessie=sessie, reden="Te weinig inschrijvingen.")
    eerste, annulering = (Calendar.from_ical(m.attachments[0][1]) for m in mail.outbox)
    (voor,), (na,) = eerste.events, annulering.events
    assert str(voor["UID"]) == str(na["UID"])
    assert (str(voor["STATUS"]), str(na["STATUS"])) == ("CONFIRMED", "CANCELLED")
    assert int(na["SEQUENCE"]) > int(voor["SEQUENCE"])


def test_bijeenkomst_van_een_netwerk(client):
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    deelnemer = maak_deelnemer(netwerk, username="an")
    client.force_login(deelnemer.user)
    for begin in _rond_de_wissels():
        bijeenkomst = maak_bijeenkomst(netwerk, thema="Tweede welzijnspijler", agenda="1. Welkom")
        bijeenkomst.begint_op, bijeenkomst.eindigt_op = begin, begin + timedelta(hours=3)
        bijeenkomst.save()
        antwoord = client.get(reverse("netwerken:ics", args=[netwerk.slug, bijeenkomst.pk]))
        assert antwoord.status_code == 200
        assert antwoord["Content-Type"] == "text/calendar; charset=utf-8"
        kalender = _controleer(
            antwoord.content,
            {
                f"bijeenkomst-{bijeenkomst.pk}@burgersaanzet.be": (
                    bijeenkomst.begint_op,
                    bijeenkomst.get_absolute_url(),
                )
            },
        )
        (event,) = kalender.events
        assert str(event["SUMMARY"]) == "Lerend netwerk Kempen: Tweede welzijnspijler"
        assert str(event["LOCATION"]) == "Stadhuis, zaal 1"
        assert "1. Welkom" in str(event["DESCRIPTION"])
        assert event.start.astimezone(UTC) == begin.astimezone(UTC)


def _event(inhoud):
    (event,) = Calendar.from_ical(inhoud).events
    return event


def _bijlagen(soort: str) -> list:
    """The events of the .ics attached to the outbox's mails of `soort`, oldest first."""
    return [_event(m.bijlage_inhoud) for m in Mail.objects.filter(soort=soort).order_by("pk")]


def test_een_verzette_sessie_vervangt_het_event_met_een_hoger_volgnummer(client, workshop):
    """RFC 5545: the same UID with a higher SEQUENCE replaces the event in a calendar; every
    change of time or place counts one up, the cancellation one more."""
    sessie = maak_sessie(workshop, plaats="Zaal De Linde, Geel")
    services.inschrijving_maken(sessie=sessie, naam="Lien", email="lien@example.org")
    (eerste,) = _bijlagen("workshops.inschrijving_bevestigd")
    assert int(eerste["SEQUENCE"]) == 0
    uid = str(eerste["UID"])
    assert uid == f"sessie-{sessie.pk}@burgersaanzet.be"

    for dagen, plaats in ((1, "Zaal De Linde, Geel"), (1, "Cultuurcentrum, Geel")):
        sessie.refresh_from_db()
        services.sessie_wijzigen(
            sessie=sessie,
            begint_op=sessie.begint_op + timedelta(days=dagen),
            eindigt_op=sessie.eindigt_op + timedelta(days=dagen),
            locatie=None,
            plaats=plaats,
            online_link="",
        )
    eerste_wijziging, tweede_wijziging = _bijlagen("workshops.sessie_gewijzigd")
    assert {str(eerste_wijziging["UID"]), str(tweede_wijziging["UID"])} == {uid}
    assert (int(eerste_wijziging["SEQUENCE"]), int(tweede_wijziging["SEQUENCE"])) == (1, 2)
    sessie.refresh_from_db()
    assert sessie.volgnummer == 2
    assert tweede_wijziging.start == sessie.begint_op
    assert str(tweede_wijziging["LOCATION"]) == "Cultuurcentrum, Geel"

    # The public agenda feed carries the current number too.
    feed = Calendar.from_ical(client.get("/workshops/agenda.ics").content)
    (in_de_feed,) = [e for e in feed.events if str(e["UID"]) == uid]
    assert int(in_de_feed["SEQUENCE"]) == 2

    services.sessie_annuleren(sessie=sessie, reden="Te weinig inschrijvingen.")
    (annulering,) = _bijlagen("workshops.sessie_geannuleerd")
    assert str(annulering["UID"]) == uid and str(annulering["STATUS"]) == "CANCELLED"
    assert int(annulering["SEQUENCE"]) == 3


def test_een_sessie_zonder_echte_wijziging_houdt_haar_volgnummer(workshop):
    sessie = maak_sessie(workshop)
    services.sessie_wijzigen(
        sessie=sessie,
        begint_op=sessie.begint_op,
        eindigt_op=sessie.eindigt_op,
        locatie=None,
        plaats=sessie.plaats,
        online_link=sessie.online_link,
    )
    sessie.refresh_from_db()
    assert sessie.volgnummer == 0


def test_een_verzette_bijeenkomst_vervangt_het_event_met_een_hoger_volgnummer(client):
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    deelnemer = maak_deelnemer(netwerk, username="an")
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=10)
    client.force_login(deelnemer.user)
    ics = reverse("netwerken:ics", args=[netwerk.slug, bijeenkomst.pk])
    voor = _event(client.get(ics).content)
    assert int(voor["SEQUENCE"]) == 0
    uid = str(voor["UID"])

    for plaats in ("Stadhuis, zaal 1", "Cultuurcentrum, zaal 2"):
        bijeenkomst.refresh_from_db()
        netwerkservices.bijeenkomst_wijzigen(
            bijeenkomst=bijeenkomst,
            begint_op=bijeenkomst.begint_op + timedelta(hours=1),
            eindigt_op=bijeenkomst.eindigt_op + timedelta(hours=1),
            plaats=plaats,
            online_link="",
        )
    eerste, tweede = _bijlagen("netwerken.bijeenkomst_gewijzigd")
    assert {str(eerste["UID"]), str(tweede["UID"])} == {uid}
    assert (int(eerste["SEQUENCE"]), int(tweede["SEQUENCE"])) == (1, 2)
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.volgnummer == 2
    assert str(tweede["LOCATION"]) == "Cultuurcentrum, zaal 2"
    # The meeting's own .ics on the site says the same.
    na = _event(client.get(ics).content)
    assert str(na["UID"]) == uid and int(na["SEQUENCE"]) == 2
