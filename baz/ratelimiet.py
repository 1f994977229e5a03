"""Rate limits for the public forms: a fixed window per address, in the default cache (shared
by every app server once REDIS_URL is set)."""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def te_vaak(request: HttpRequest, actie: str, *, limiet: int, venster: int) -> bool:
    """Count this address's POSTs of one form; True once it passed `limiet` in `venster` s."""
    adres = request.META.get("REMOTE_ADDR") or "onbekend"
    sleutel = f"ratelimiet:{actie}:{hashlib.sha256(adres.encode()).hexdigest()[:32]}"
    cache.add(sleutel, 0, venster)
    try:
        return cache.incr(sleutel) > limiet
    except ValueError:  # expired between add() and incr()
        cache.set(sleutel, 1, venster)
        return False
