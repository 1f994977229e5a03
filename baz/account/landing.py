"""Where a person lands after logging in. Apps register a function `user -> url | None` (in
their AppConfig.ready). Staff land on the staff start page (/beheer/); anyone else where the
first registered function sends them, else on LOGIN_REDIRECT_URL. An explicit and
safe `?next=` always goes first (Django's LoginView checks it)."""

from collections.abc import Callable

from django.urls import reverse

_LANDINGEN: list[Callable] = []


def registreren(functie: Callable) -> Callable:
    """Register `functie(user) -> str | None`; usable as a decorator. Registering twice is a no-op."""
    if functie not in _LANDINGEN:
        _LANDINGEN.append(functie)
    return functie


def landingspagina(user) -> str | None:
    if user.is_active and user.is_staff:
        return reverse("admin:index")  # what needs them today, with links to their networks
    for functie in _LANDINGEN:
        if url := functie(user):
            return url
    return None
