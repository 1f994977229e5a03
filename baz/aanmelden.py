"""Brute-force protection for every login (site and /beheer/): a cool-off, never a lockout.

Each attempt takes one count for its username and one for its address, before the password is
checked (atomic counters in the database, baz/ratelimiet.py: shared by every worker and server,
never evicted, so parallel guesses cannot slip through together). Past the limit of
settings.RATELIMIETEN["aanmelden_account"] (per username) or ["aanmelden_ip"] (per address)
the attempt is refused without checking (or counting) it, until the window has passed since
the last attempt that was checked. A successful login clears its username's counter and gives the address its
count back, so an office behind one address is not held up by its own good logins.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.translation import gettext as _

from . import ratelimiet

logger = logging.getLogger(__name__)


def _tellers(request: HttpRequest | None, username: str | None) -> list[tuple[str, str]]:
    """[(counter key, limit name)] for this attempt."""
    tellers = []
    if username:
        tellers.append((ratelimiet.sleutel("aanmelden:account", username), "aanmelden_account"))
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    if ip:
        tellers.append((ratelimiet.sleutel("aanmelden:ip", ip), "aanmelden_ip"))
    return tellers


def poging_noteren(request: HttpRequest | None, username: str | None) -> bool:
    """Count one attempt; False when it is over a limit (or the counters are unreachable)."""
    try:
        tellers = [(naam, *ratelimiet.limiet(soort)) for naam, soort in _tellers(request, username)]
        # Already at the limit: refused without counting, so that refused attempts do not
        # stretch the cool-off (one try every 14 minutes must not keep an account locked).
        if any(ratelimiet.stand(naam) >= maximum for naam, maximum, _venster in tellers):
            return False
        for naam, maximum, venster in tellers:
            if ratelimiet.tellen(naam, venster, vanaf_laatste=True).aantal > maximum:
                return False
    except DatabaseError:
        logger.exception("Aanmelden: de tellers zijn onbereikbaar, de poging wordt geweigerd.")
        return False
    return True


def gelukt(request: HttpRequest | None, username: str | None) -> None:
    for naam, soort in _tellers(request, username):
        if soort == "aanmelden_account":
            ratelimiet.wissen(naam)
        else:
            ratelimiet.aftrekken(naam)


class AfgeremdeModelBackend(ModelBackend):
    """Django's ModelBackend with a cool-off after repeated attempts."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_veld())
        if username is None or password is None:
            return None  # not a password login: nothing to check or count
        if not poging_noteren(request, username):
            if request is not None and hasattr(request, "_messages"):
                messages.error(
                    request,
                    _(
                        "Te veel mislukte pogingen om aan te melden. Wacht een kwartier en "
                        "probeer het dan opnieuw, of vraag een nieuw wachtwoord aan."
                    ),
                )
            return None
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            gelukt(request, username)
        return user

    @staticmethod
    def _username_veld() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD
