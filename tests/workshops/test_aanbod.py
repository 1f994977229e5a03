"""The offer: /workshops/, one workshop, the agenda feed; query counts stay fixed."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from workshops.models import Inschrijving, sessies_als_ics

from .conftest import maak_sessie, maak_workshop

pytestmark = pytest.mark.django_db
BRUSSEL = ZoneInfo("Europe/Brussels")


def test_aanbod_toont_de_workshops_en_de_komende_sessies(bezoeker, workshop, sessie):
    Inschrijving.objects.create(sessie=sessie, naam="A", email="a@x.org", status="bevestigd")
    Inschrijving.objects.create(sessie=sessie, naam="B", email="b@x.org", status="bevestigd")
    maak_sessie(workshop, dagen=-5, plaats="Voorbij")
    maak_workshop(slug="verborgen", titel="Nog niet klaar", gepubliceerd=False)
    html = bezoeker.get("/workshops/").content.decode()
    assert html.count("<h1") == 1
    assert "Iedereen welkom in jouw vereniging" in html
    assert "Vrijwillig engagement" in html
    assert "Verenigingen" in html
    assert "2 uur 30 minuten" in html
    assert "Gratis" in html
    assert "Volzet: inschrijven op de wachtlijst" in html
    assert "Voorbij" not in html
    assert "Nog niet klaar" not in html
    assert 'aria-current="page">Workshops' in html  # the main nav item


def test_filter_op_doelpubliek(bezoeker, workshop, doelpublieken):
    maak_workshop(
        slug="eerstelijn", titel="Voor de eerstelijn", doelpubliek=doelpublieken["eerstelijn"]
    )
    html = bezoeker.get("/workshops/?doelpubliek=eerstelijn").content.decode()
    assert "Voor de eerstelijn" in html
    assert "Iedereen welkom in jouw vereniging" not in html
    # An unknown value shows everything instead of an error.
    assert bezoeker.get("/workshops/?doelpubliek=%00onzin").status_code == 200


def test_aanbod_heeft_een_vast_aantal_queries(
    bezoeker, doelpublieken, werkmodellen, django_assert_num_queries
):
    # Guards the N+1 on each workshop's doelpublieken, werkmodellen and upcoming sessions
    # (with their confirmed/waiting counts) in the cards and the agenda block.
    for i in range(6):
        workshop = maak_workshop(
            slug=f"w{i}",
            doelpubliek=doelpublieken["verenigingen"],
            werkmodellen=list(werkmodellen.values())[:2],
        )
        for dagen in (5, 10):
            sessie = maak_sessie(workshop, dagen=dagen + i)
            Inschrijving.objects.create(
                sessie=sessie, naam="A", email="a@x.org", status="bevestigd"
            )
    with django_assert_num_queries(5):
        response = bezoeker.get("/workshops/")
    assert response.status_code == 200


def test_workshoppagina(bezoeker, workshop, sessie):
    html = bezoeker.get(workshop.get_absolute_url()).content.decode()
    assert "<strong>workshop</strong>" in html  # Markdown rendered
    assert "Drempels herkennen" in html
    assert reverse("workshop-aanvragen", args=[workshop.slug]) in html
    assert sessie.get_absolute_url() in html


def test_workshoppagina_heeft_een_vast_aantal_queries(
    bezoeker, workshop, django_assert_num_queries
):
    # Guards the N+1 on the sessions listed on one workshop's page.
    for dagen in range(1, 8):
        maak_sessie(workshop, dagen=dagen)
    with django_assert_num_queries(4):
        bezoeker.get(workshop.get_absolute_url())


def test_onbekende_of_verborgen_workshop_is_404(bezoeker, db):
    maak_workshop(slug="verborgen", gepubliceerd=False)
    assert bezoeker.get("/workshops/verborgen/").status_code == 404
    assert bezoeker.get("/workshops/bestaat-niet/").status_code == 404


def test_agenda_feed(bezoeker, workshop, sessie):
    maak_sessie(workshop, openbaar=False, plaats="Gesloten groep")
    maak_sessie(workshop, dagen=-1, plaats="Voorbij")
    response = bezoeker.get("/workshops/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    kalender = Calendar.from_ical(response.content)
    (event,) = kalender.events
    assert str(event["URL"]).endswith(sessie.get_absolute_url())
    assert event.start == sessie.begint_op


def test_ics_klopt_over_de_zomertijdwissel(workshop):
    # 28 March 2027, 19:30 in Brussels is after the switch to summer time (UTC+2);
    # 27 March 19:30 is still winter time (UTC+1).
    winter = maak_sessie(workshop)
    zomer = maak_sessie(workshop)
    for sessie, dag in ((winter, 27), (zomer, 28)):
        sessie.begint_op = datetime(2027, 3, dag, 19, 30, tzinfo=BRUSSEL)
        sessie.eindigt_op = sessie.begint_op + timedelta(hours=2)
        sessie.save()
    events = {str(e["UID"]): e for e in Calendar.from_ical(sessies_als_ics([winter, zomer])).events}
    w, z = (
        events[f"sessie-{winter.pk}@burgersaanzet.be"],
        events[f"sessie-{zomer.pk}@burgersaanzet.be"],
    )
    assert w.start.astimezone(UTC).hour == 18
    assert z.start.astimezone(UTC).hour == 17
    assert w.start.hour == z.start.hour == 19
