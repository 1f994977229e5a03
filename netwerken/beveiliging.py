"""Brute-force protection for the login (site and /beheer/): a cool-off, never a permanent lockout.

After MAX_PER_ACCOUNT failed attempts for one username, or MAX_PER_IP from one address, within
COOL_OFF seconds, every attempt for that username or address is refused without checking the
password until COOL_OFF seconds have passed since the last failure. A successful login clears the
username's counter. The counters live in the default cache (shared by all workers once the cache
is shared, e.g. Redis or the database cache).
"""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

MAX_PER_ACCOUNT = 5
MAX_PER_IP = 20
COOL_OFF = 15 * 60  # seconds


def _sleutel(soort: str, waarde: str) -> str:
    digest = hashlib.sha256(waarde.strip().casefold().encode()).hexdigest()[:32]
    return f"aanmelden:{soort}:{digest}"


def _sleutels(request: HttpRequest | None, username: str | None) -> list[tuple[str, int]]:
    sleutels = []
    if username:
        sleutels.append((_sleutel("account", username), MAX_PER_ACCOUNT))
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    if ip:
        sleutels.append((_sleutel("ip", ip), MAX_PER_IP))
    return sleutels


def is_afgeremd(request: HttpRequest | None, username: str | None) -> bool:
    return any(cache.get(sleutel, 0) >= limiet for sleutel, limiet in _sleutels(request, username))


def mislukking_noteren(request: HttpRequest | None, username: str | None) -> None:
    for sleutel, _limiet in _sleutels(request, username):
        cache.add(sleutel, 0, COOL_OFF)
        try:
            cache.incr(sleutel)
        except ValueError:  # expired between add() and incr()
            cache.set(sleutel, 1, COOL_OFF)
        cache.touch(sleutel, COOL_OFF)  # the cool-off runs from the last failure


def teller_wissen(username: str | None) -> None:
    if username:
        cache.delete(_sleutel("account", username))


class AfgeremdeModelBackend(ModelBackend):
    """Django's ModelBackend with a cool-off after repeated failures."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get("username")
        if is_afgeremd(request, username):
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
        if user is None:
            mislukking_noteren(request, username)
        else:
            teller_wissen(username)
        return user
