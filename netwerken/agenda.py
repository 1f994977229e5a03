"""An .ics calendar file for one meeting (RFC 5545, times in UTC)."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Bijeenkomst


def bijeenkomst_als_ics(bijeenkomst: Bijeenkomst) -> bytes:
    kalender = Calendar()
    kalender.add("prodid", "-//BurgersAanZet//Lerende netwerken//NL")
    kalender.add("version", "2.0")
    kalender.add("method", "PUBLISH")
    gebeurtenis = Event()
    gebeurtenis.add("uid", f"bijeenkomst-{bijeenkomst.pk}@burgersaanzet.be")
    gebeurtenis.add("summary", f"{bijeenkomst.netwerk.naam}: {bijeenkomst.thema}")
    gebeurtenis.add("dtstart", bijeenkomst.begint_op.astimezone(UTC))
    gebeurtenis.add("dtend", bijeenkomst.eindigt_op.astimezone(UTC))
    gebeurtenis.add("dtstamp", timezone.now().astimezone(UTC))
    gebeurtenis.add("location", bijeenkomst.plaats or bijeenkomst.online_link or "Online")
    url = settings.SITE_URL + bijeenkomst.get_absolute_url()
    gebeurtenis.add("url", url)
    beschrijving = bijeenkomst.agenda or ""
    if bijeenkomst.online_link:
        beschrijving += f"\n\nOnline: {bijeenkomst.online_link}"
    gebeurtenis.add("description", f"{beschrijving}\n\n{url}".strip())
    kalender.add_component(gebeurtenis)
    return kalender.to_ical()
