"""Django's Redis cache, failing soft: an unreachable Redis is a cache miss, never a 500.

Every page works without the cache (it only spares work), so a connection error or a timeout
turns into what an empty cache answers: `get` gives the default, `set`, `add` and `delete` do
nothing, `incr` finds no key. Short socket timeouts (settings: REDIS_TIMEOUT_MS) bound what a
slow Redis costs, and a circuit breaker per process spares a dead Redis a connection attempt on
every call: after an error the cache is skipped for `pauze` seconds (REDIS_PAUZE), then one call
tries again. Each opening of the breaker logs one warning, its closing one more.

Nothing that must hold lives in this cache: rate limits, the login cool-off and one-time form
stamps are counters in the database (baz/ratelimiet.py).
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

STANDAARD_PAUZE = 30.0  # seconds the cache is skipped after a connection error
STANDAARD_TIMEOUT = 0.5  # seconds, for connecting and for each reply
VERBINDINGSFOUTEN = (RedisConnectionError, RedisTimeoutError, OSError)


class Stroomonderbreker:
    """Closed: every call goes to Redis. Open (after an error): calls skip Redis until `pauze`
    seconds have passed; then one call probes, and its success closes the breaker again."""

    def __init__(self, naam: str, pauze: float):
        self.naam = naam
        self.pauze = pauze
        self._open_tot = 0.0  # 0: closed; else monotonic time until which calls skip Redis
        self._slot = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._open_tot > 0

    def toegelaten(self) -> bool:
        if not self._open_tot:
            return True
        nu = time.monotonic()
        if nu < self._open_tot:
            return False
        with self._slot:  # the pause is over: this call probes, the others keep skipping
            if nu < self._open_tot:
                return False
            self._open_tot = nu + self.pauze
            return True

    def fout(self, fout: BaseException) -> None:
        with self._slot:
            was_open = self.is_open
            self._open_tot = time.monotonic() + self.pauze
        if not was_open:
            logger.warning(
                "Cache %s onbereikbaar (%s: %s): de site werkt zonder cache en probeert het "
                "om de %g s opnieuw.",
                self.naam,
                type(fout).__name__,
                fout,
                self.pauze,
            )

    def gelukt(self) -> None:
        if self._open_tot:
            with self._slot:
                was_open, self._open_tot = self.is_open, 0.0
            if was_open:
                logger.warning("Cache %s weer bereikbaar.", self.naam)


# One breaker per process and Redis address: Django makes a cache object per thread.
_BREKERS: dict[tuple[str, ...], Stroomonderbreker] = {}
_BREKERS_SLOT = threading.Lock()


def _breker(servers: list[str], pauze: float) -> Stroomonderbreker:
    sleutel = tuple(servers)
    with _BREKERS_SLOT:
        if sleutel not in _BREKERS:
            _BREKERS[sleutel] = Stroomonderbreker(",".join(servers), pauze)
        return _BREKERS[sleutel]


_GEEN = object()


class ZachteRedisCache(RedisCache):
    """RedisCache whose connection errors and timeouts are cache misses (see the module).

    OPTIONS as for Django's RedisCache, plus `pauze` (seconds). `socket_connect_timeout` and
    `socket_timeout` default to STANDAARD_TIMEOUT, and redis-py's own retries are off: the
    breaker decides when to try again.
    """

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS") or {})}
        opties = params["OPTIONS"]
        pauze = float(opties.pop("pauze", STANDAARD_PAUZE))
        opties.setdefault("socket_connect_timeout", STANDAARD_TIMEOUT)
        opties.setdefault("socket_timeout", STANDAARD_TIMEOUT)
        opties.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, params)
        self.breker = _breker(self._servers, pauze)

    def _zacht(self, bij_fout, methode, *args, **kwargs):
        if not self.breker.toegelaten():
            return bij_fout
        try:
            resultaat = methode(*args, **kwargs)
        except VERBINDINGSFOUTEN as fout:
            self.breker.fout(fout)
            return bij_fout
        except RedisError as fout:  # e.g. out of memory: this call fails, the next may not
            logger.warning("Cache %s gaf een fout: %s", self.breker.naam, fout)
            return bij_fout
        self.breker.gelukt()
        return resultaat

    def bereikbaar(self) -> bool:
        """One PING (none while the breaker is open): for /healthz."""
        return bool(self._zacht(False, lambda: self._cache.get_client(write=True).ping()))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._zacht(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._zacht(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._zacht(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._zacht(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._zacht(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._zacht({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._zacht(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        waarde = self._zacht(_GEEN, super().incr, key, delta, version)
        if waarde is _GEEN:
            raise ValueError(f"Key '{key}' not found (cache unreachable).")
        return waarde

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._zacht(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._zacht(None, super().delete_many, keys, version)

    def clear(self):
        return self._zacht(False, super().clear)
