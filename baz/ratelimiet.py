"""Rate limits, the login cool-off's counters and one-time form stamps: counters in the database.

In the database (baz.models.Teller) and not in the cache, on purpose: every worker and server
shares them, page views cannot evict them, and they hold when Redis is down. Each count is one
atomic statement (INSERT ... ON CONFLICT DO UPDATE SET aantal = aantal + 1, on PostgreSQL and
SQLite alike), never a read-modify-write, so concurrent requests cannot slip past a limit. A
counter whose window has passed starts again at one; expired rows are removed now and then on
the way and by `tellers_opruimen()` (the daily retention job). When the database cannot count,
the limit refuses (fails closed).

The limits are in settings.RATELIMIETEN: {name: (limit, window in seconds)}. Addresses and
usernames are stored only as a keyed hash.
"""

from __future__ import annotations

import logging
import math
import random
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections, router, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.dateparse import parse_datetime

from .models import Teller

logger = logging.getLogger(__name__)

OPRUIMKANS = 0.01  # share of counts that also remove the expired counters on the way


@dataclass(frozen=True)
class Stand:
    aantal: int
    verloopt_op: datetime

    @property
    def seconden_over(self) -> int:
        """Whole seconds until the counter expires (at least 1): for Retry-After."""
        return max(1, math.ceil((self.verloopt_op - timezone.now()).total_seconds()))


def limiet(naam: str) -> tuple[int, int]:
    """(limit, window in seconds) of settings.RATELIMIETEN[naam]."""
    try:
        aantal, venster = settings.RATELIMIETEN[naam]
    except (KeyError, TypeError, ValueError):
        raise ImproperlyConfigured(
            f"settings.RATELIMIETEN needs an entry {naam!r}: (limit, window in seconds)."
        ) from None
    return int(aantal), int(venster)


def sleutel(soort: str, waarde: str) -> str:
    """A counter's key: the kind in clear, the value (an address, a username) as a keyed hash."""
    digest = salted_hmac(
        "baz.ratelimiet", waarde.strip().casefold(), algorithm="sha256"
    ).hexdigest()[:40]
    return f"{soort}:{digest}"


def adres(request: HttpRequest | None) -> str:
    return (request.META.get("REMOTE_ADDR") if request is not None else None) or "onbekend"


# ---------------------------------------------------------------------------------------------
# The counters
# ---------------------------------------------------------------------------------------------


def _verbinding():
    return connections[router.db_for_write(Teller)]


def _db_tijd(verbinding, moment: datetime):
    return verbinding.ops.adapt_datetimefield_value(moment)


def _als_tijd(waarde) -> datetime:
    """A datetime from RETURNING: PostgreSQL gives one, SQLite gives text in UTC."""
    if isinstance(waarde, str):
        waarde = parse_datetime(waarde)
    if timezone.is_naive(waarde):
        waarde = waarde.replace(tzinfo=UTC)
    return waarde


def _uitvoeren(sql: str, parameters: list) -> tuple:
    verbinding = _verbinding()
    # Inside a transaction a savepoint keeps a failure here from breaking the caller's work.
    bewaakt = (
        transaction.atomic(using=verbinding.alias) if verbinding.in_atomic_block else nullcontext()
    )
    with bewaakt, verbinding.cursor() as cursor:
        cursor.execute(sql, parameters)
        return cursor.fetchone()


def _tabel(verbinding) -> tuple[str, str, str, str]:
    q = verbinding.ops.quote_name
    return q(Teller._meta.db_table), q("sleutel"), q("aantal"), q("verloopt_op")


def tellen(naam: str, venster: int, *, vanaf_laatste: bool = False) -> Stand:
    """Add one to the counter `naam` and return its new state, atomically.

    The window runs from the first count (a fixed window), or from the latest one with
    `vanaf_laatste` (a cool-off that lasts as long as the attempts go on). Raises DatabaseError
    when the database cannot count; callers fail closed.
    """
    verbinding = _verbinding()
    tabel, k_sleutel, k_aantal, k_tot = _tabel(verbinding)
    nu = timezone.now()
    verlopen = f"{tabel}.{k_tot} <= %s"
    einde = (
        f"excluded.{k_tot}"
        if vanaf_laatste
        else f"CASE WHEN {verlopen} THEN excluded.{k_tot} ELSE {tabel}.{k_tot} END"
    )
    sql = (
        f"INSERT INTO {tabel} ({k_sleutel}, {k_aantal}, {k_tot}) VALUES (%s, 1, %s) "
        f"ON CONFLICT ({k_sleutel}) DO UPDATE SET "
        f"{k_aantal} = CASE WHEN {verlopen} THEN 1 ELSE {tabel}.{k_aantal} + 1 END, "
        f"{k_tot} = {einde} "
        f"RETURNING {k_aantal}, {k_tot}"
    )
    db_nu = _db_tijd(verbinding, nu)
    parameters = [naam, _db_tijd(verbinding, nu + timedelta(seconds=venster)), db_nu]
    if not vanaf_laatste:
        parameters.append(db_nu)
    aantal, tot = _uitvoeren(sql, parameters)
    if random.random() < OPRUIMKANS:
        tellers_opruimen()
    return Stand(int(aantal), _als_tijd(tot))


def eerste_eigenaar(naam: str, eigenaar: int, geldig: int) -> int:
    """Claim `naam` for `eigenaar` (a number below 2**31) for `geldig` seconds and return who
    holds it: `eigenaar` for the first claim (or a claim after expiry), else the first one's.
    One atomic statement: of two concurrent first claims exactly one wins."""
    verbinding = _verbinding()
    tabel, k_sleutel, k_aantal, k_tot = _tabel(verbinding)
    verlopen = f"{tabel}.{k_tot} <= %s"
    sql = (
        f"INSERT INTO {tabel} ({k_sleutel}, {k_aantal}, {k_tot}) VALUES (%s, %s, %s) "
        f"ON CONFLICT ({k_sleutel}) DO UPDATE SET "
        f"{k_aantal} = CASE WHEN {verlopen} THEN excluded.{k_aantal} ELSE {tabel}.{k_aantal} END, "
        f"{k_tot} = CASE WHEN {verlopen} THEN excluded.{k_tot} ELSE {tabel}.{k_tot} END "
        f"RETURNING {k_aantal}"
    )
    nu = timezone.now()
    db_nu = _db_tijd(verbinding, nu)
    tot = _db_tijd(verbinding, nu + timedelta(seconds=geldig))
    (houder,) = _uitvoeren(sql, [naam, eigenaar, tot, db_nu, db_nu])
    return int(houder)


def stand(naam: str) -> int:
    """The counter's value now (0 once its window has passed), without counting."""
    teller = Teller.objects.filter(sleutel=naam, verloopt_op__gt=timezone.now()).first()
    return teller.aantal if teller else 0


def aftrekken(naam: str) -> None:
    """Take one back (an attempt that turned out fine), never below zero."""
    Teller.objects.filter(sleutel=naam, aantal__gt=0).update(aantal=F("aantal") - 1)


def wissen(naam: str) -> None:
    Teller.objects.filter(sleutel=naam).delete()


def tellers_opruimen() -> int:
    """Remove every expired counter; returns how many (for the daily retention job)."""
    aantal, _per_model = Teller.objects.filter(verloopt_op__lte=timezone.now()).delete()
    return aantal


# ---------------------------------------------------------------------------------------------
# Rate limits of the public forms, and the one 429 page
# ---------------------------------------------------------------------------------------------


def te_vaak(request: HttpRequest, actie: str) -> int:
    """Count this request of `actie` from its address against settings.RATELIMIETEN[actie].

    0 while within the limit; past it (or when the database cannot count) the seconds until
    the window ends, for Retry-After.
    """
    maximum, venster = limiet(actie)
    try:
        stand = tellen(sleutel(f"ratelimiet:{actie}", adres(request)), venster)
    except DatabaseError:
        logger.exception(
            "Ratelimiet %s: de teller is onbereikbaar, het verzoek wordt geweigerd.", actie
        )
        return venster
    return 0 if stand.aantal <= maximum else stand.seconden_over


def te_veel_verzoeken(request: HttpRequest, wachten: int) -> HttpResponse:
    """The site's one "too many requests" page: 429, in the layout, with Retry-After."""
    response = render(
        request,
        "429.html",
        {"minuten": max(1, math.ceil(wachten / 60)), "terug": request.get_full_path()},
        status=429,
    )
    response["Retry-After"] = str(max(1, int(wachten)))
    return response


def beperken(request: HttpRequest, actie: str) -> HttpResponse | None:
    """For a view: the 429 page once this address sent `actie` too often, else None (counted).

    if request.method == "POST" and (antwoord := beperken(request, "interesse")):
        return antwoord
    """
    wachten = te_vaak(request, actie)
    return te_veel_verzoeken(request, wachten) if wachten else None
