"""Attendance: what the check-in page and the attendance list of a workshop session and of a
network meeting share (issue 14). The core imports no app: each app builds `Rij`en from its own
models, names its `Keuze`s (present, absent, excused) and renders the shared templates in
templates/aanwezigheid/.

- `staf_met_recht(recht)`: a view for staff past their second factor who hold `recht`
  (anonymous visitors log in first; anyone else gets a 403).
- `gemarkeerd(...)`: the answer to one mark on the check-in page: JSON for the page's script
  (static/js/inchecken.js, which announces "Anna: aanwezig"), or a redirect back to the same
  row for a browser without JavaScript.
- `baz_gegevens()`: BAZ's details for an attestation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .privaat import prive_maken
from .toegang import eerst_aanmelden


@dataclass(frozen=True)
class Keuze:
    """One button of a row: the value posted, its label, and the key that presses it."""

    waarde: str
    label: str
    toets: str


@dataclass(frozen=True)
class Rij:
    """One person on the check-in page and the attendance list."""

    sleutel: int
    naam: str
    organisatie: str
    status: str  # the value of one of the Keuzes, or "" when nothing was recorded
    actie: str = ""  # where the check-in page posts a mark for this person


def telling(rijen: list[Rij], keuzes: list[Keuze]) -> list[tuple[Keuze | None, int]]:
    """How many rows carry each choice, and (None) how many carry none yet."""
    aantallen = [(keuze, sum(1 for rij in rijen if rij.status == keuze.waarde)) for keuze in keuzes]
    return [*aantallen, (None, sum(1 for rij in rijen if not rij.status))]


def staf_met_recht(recht: str) -> Callable:
    """For the staff pages of attendance: the same bar as the admin (staff, second factor
    passed) plus the permission `recht` (baz.toegang.medewerker_met_recht). Every answer is private (names of participants)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if (omweg := eerst_aanmelden(request)) is not None:
                return omweg
            # medewerker_met_recht(), without asking for the second factor a second time.
            user = request.user
            if not (user.is_active and user.is_staff and user.has_perm(recht)):
                raise PermissionDenied
            return prive_maken(view(request, *args, **kwargs))

        return wrapper

    return decorator


def wil_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def gemarkeerd(request: HttpRequest, *, rij: Rij, keuzes: list[Keuze], terug: str) -> HttpResponse:
    """The answer to one mark: JSON for the script, else back to the same row of the page."""
    label = next((str(k.label) for k in keuzes if k.waarde == rij.status), "")
    melding = _("%(naam)s: %(status)s") % {"naam": rij.naam, "status": label.lower()}
    if wil_json(request):
        return JsonResponse(
            {"sleutel": rij.sleutel, "status": rij.status, "label": label, "melding": melding}
        )
    messages.success(request, melding)
    return redirect(f"{terug}#rij-{rij.sleutel}")


def ongeldig(request: HttpRequest, melding: str, *, terug: str) -> HttpResponse:
    """A mark that cannot be stored (an unknown status, a cancelled registration): 400."""
    if wil_json(request):
        return JsonResponse({"fout": melding}, status=400)
    return render(
        request,
        "aanwezigheid/ongeldig.html",
        {"melding": melding, "terug": terug},
        status=400,
    )


def baz_gegevens() -> dict[str, str]:
    """Who issues an attestation: BAZ's name, what it is, its website and contact address."""
    return {
        "naam": "BurgersAanZet (BAZ)",
        "omschrijving": _(
            "Inspiratiecentrum voor de brede welzijnspijler, een samenwerkingsverband van "
            "ArmenTeKort, Eigen Kracht Centrale, Home-Start/Domo, Lus vzw en Magenta."
        ),
        "website": settings.SITE_URL,
        "email": settings.STAFF_NOTIFICATION_EMAIL,
    }


def duur_tekst(minuten: int) -> str:
    """A duration as people say it: "2 uur 30 minuten"."""
    uren, rest = divmod(max(minuten, 0), 60)
    if not uren:
        return _("%(m)d minuten") % {"m": rest}
    if not rest:
        return _("%(u)d uur") % {"u": uren}
    return _("%(u)d uur %(m)d minuten") % {"u": uren, "m": rest}


def vandaag_en_morgen(nu: datetime | None = None) -> tuple[datetime, datetime]:
    """From today 00:00 to the day after tomorrow 00:00, Europe/Brussels (for the start page
    block "Vandaag en morgen: inchecken"), as aware datetimes."""
    vandaag = timezone.localdate(nu or timezone.now())
    zone = timezone.get_current_timezone()
    begin = datetime.combine(vandaag, time.min, tzinfo=zone)
    return begin, datetime.combine(vandaag + timedelta(days=2), time.min, tzinfo=zone)


def wanneer_kort(begint_op: datetime) -> str:
    """ "vandaag 14:00" or "morgen 9:30" for the start page."""
    lokaal = timezone.localtime(begint_op)
    dag = _("vandaag") if lokaal.date() == timezone.localdate() else _("morgen")
    return f"{dag} {formats.time_format(lokaal, 'H:i')}"
