"""Calendar files (.ics, RFC 5545): the one iCal builder of the platform.

Every calendar the site hands out (the workshop agenda, the .ics attached to a registration
mail, a network meeting) is built here, from `Afspraak`: plain data, so the core imports no app
(each app turns its own model into an Afspraak, e.g. `Sessie.als_afspraak()`).

- Times in local time with TZID=Europe/Brussels and its VTIMEZONE, so a calendar shows a
  session in summer time at the hour it was planned, whatever the reader's own time zone.
- DTSTAMP in UTC (as RFC 5545 requires), a stable UID per object, so importing the file again,
  or the cancellation mail's copy, updates the same event instead of adding a second one.
  SEQUENCE is the event's `volgnummer` (the app counts its changes of time or place), so the
  .ics of a change mail replaces the event sent before; a cancelled event has
  STATUS:CANCELLED and SEQUENCE one higher than the last one sent.
- URL: the absolute address of the page (settings.SITE_URL), also at the end of the description.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

TIJDZONE = "Europe/Brussels"
BRUSSEL = ZoneInfo(TIJDZONE)
UID_DOMEIN = "burgersaanzet.be"
CONTENT_TYPE = "text/calendar; charset=utf-8"


@dataclass(frozen=True)
class Afspraak:
    """One event. `sleutel` makes the UID (e.g. "sessie-12"), `pad` the URL (a path on the site,
    as get_absolute_url gives it). `volgnummer`: how many times its time or place changed
    (the SEQUENCE; same `sleutel`, higher number replaces the event in a calendar)."""

    sleutel: str
    titel: str
    begint_op: datetime
    eindigt_op: datetime
    pad: str
    plaats: str = ""
    beschrijving: str = ""
    geannuleerd: bool = False
    volgnummer: int = 0

    @property
    def uid(self) -> str:
        return f"{self.sleutel}@{UID_DOMEIN}"

    @property
    def url(self) -> str:
        return absolute_url(self.pad)


def absolute_url(pad: str) -> str:
    return pad if pad.startswith(("http://", "https://")) else settings.SITE_URL + pad


def _event(afspraak: Afspraak, gemaakt_op: datetime) -> Event:
    event = Event()
    event.add("uid", afspraak.uid)
    event.add("dtstamp", gemaakt_op)
    event.add("dtstart", afspraak.begint_op.astimezone(BRUSSEL))
    event.add("dtend", afspraak.eindigt_op.astimezone(BRUSSEL))
    event.add("summary", afspraak.titel)
    event.add("location", afspraak.plaats or "Online")
    event.add("url", afspraak.url)
    beschrijving = afspraak.beschrijving.strip()
    event.add("description", f"{beschrijving}\n\n{afspraak.url}" if beschrijving else afspraak.url)
    event.add("status", "CANCELLED" if afspraak.geannuleerd else "CONFIRMED")
    # The cancellation is one more change than the last version sent.
    event.add("sequence", afspraak.volgnummer + 1 if afspraak.geannuleerd else afspraak.volgnummer)
    return event


def kalender(afspraken: Iterable[Afspraak], *, naam: str, product: str) -> bytes:
    """The calendar file, with a VTIMEZONE for Europe/Brussels covering its events.

    `naam` is the calendar's display name (X-WR-CALNAME), `product` goes into PRODID."""
    cal = Calendar()
    cal.add("prodid", f"-//BurgersAanZet//{product}//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", TIJDZONE)
    gemaakt_op = timezone.now().replace(microsecond=0)
    for afspraak in afspraken:
        cal.add_component(_event(afspraak, gemaakt_op))
    cal.add_missing_timezones()
    return cal.to_ical()
