"""Calendar files (.ics) for sessions: one session as a mail attachment, or the agenda feed."""

from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Sessie

BRUSSEL = ZoneInfo("Europe/Brussels")


def _event(sessie: Sessie) -> Event:
    event = Event()
    event.add("uid", f"sessie-{sessie.pk}@burgersaanzet.be")
    event.add("dtstamp", timezone.now())
    # Local time with a TZID (and its VTIMEZONE), so calendars get summer time right.
    event.add("dtstart", sessie.begint_op.astimezone(BRUSSEL))
    event.add("dtend", sessie.eindigt_op.astimezone(BRUSSEL))
    event.add("summary", sessie.workshop.titel)
    url = settings.SITE_URL + sessie.get_absolute_url()
    event.add("url", url)
    beschrijving = [sessie.workshop.samenvatting, "", url]
    if sessie.online_link:
        beschrijving += ["", f"Online: {sessie.online_link}"]
    event.add("description", "\n".join(beschrijving))
    event.add("location", sessie.plaats or sessie.online_link or "Online")
    event.add("status", "CANCELLED" if sessie.geannuleerd_op else "CONFIRMED")
    return event


def kalender(sessies: Iterable[Sessie], *, naam: str = "BurgersAanZet workshops") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//BurgersAanZet//Workshops//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", "Europe/Brussels")
    for sessie in sessies:
        cal.add_component(_event(sessie))
    cal.add_missing_timezones()
    return cal.to_ical()
