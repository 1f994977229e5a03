"""Periodic jobs: the one scheduler of the platform.

An app registers its jobs in its own `periodiek` module, as it registers admin.py:

    @periodiek("workshops.herinneringen", elke=timedelta(minutes=15),
               naam=gettext_lazy("Herinneringen voor sessies"))
    def herinneringen_versturen(*, nu) -> int: ...

The worker (`manage.py worker`) runs every job whose time has come, beside the mail queue;
without a worker, cron runs `manage.py periodiek` every few minutes. Which server takes a run
is decided in the database: the UPDATE that moves the job's next time to `nu + elke` succeeds
for one of them only. A job must still be idempotent (run it twice: the same result), because a
run that was killed halfway is simply run again at its next time, and `manage.py periodiek
--alle` runs everything at once. A job that fails is logged and recorded on its row (the admin
shows "Geplande taken"), and the other jobs still run.
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger("baz.periodiek")


@dataclass(frozen=True)
class Taak:
    code: str
    naam: str
    elke: timedelta
    functie: Callable[..., int]


_taken: dict[str, Taak] = {}


def periodiek(code: str, *, elke: timedelta, naam: str) -> Callable:
    """Register the decorated function `f(*, nu) -> int` to run every `elke`."""
    if elke <= timedelta(0):
        raise ValueError(f"{code}: elke moet positief zijn")

    def registreer(functie: Callable[..., int]) -> Callable[..., int]:
        bestaand = _taken.get(code)
        if bestaand and bestaand.functie.__qualname__ != functie.__qualname__:
            raise ValueError(f"De taak {code} is al geregistreerd ({bestaand.functie})")
        _taken[code] = Taak(code=code, naam=str(naam), elke=elke, functie=functie)
        return functie

    return registreer


def ontdekken() -> None:
    """Import each app's `periodiek` module (from BazConfig.ready)."""
    autodiscover_modules("periodiek")


def taken() -> list[Taak]:
    return sorted(_taken.values(), key=lambda taak: taak.code)


def _nemen(taak: Taak, nu: datetime, *, altijd: bool) -> bool:
    """Claim this run of `taak` for this process: True for exactly one of several servers."""
    from .models import Planning

    try:
        with transaction.atomic():
            Planning.objects.get_or_create(code=taak.code, defaults={"volgende_op": nu})
    except IntegrityError:  # another server created it at the same moment
        pass
    rijen = Planning.objects.filter(code=taak.code)
    if not altijd:
        rijen = rijen.filter(volgende_op__lte=nu)
    return bool(rijen.update(volgende_op=nu + taak.elke, gestart_op=nu))


def uitvoeren(*, nu: datetime | None = None, alle: bool = False) -> dict[str, int | None]:
    """Run the jobs whose time has come (or all of them with `alle`); {code: outcome}, None
    for a job that failed."""
    from .models import Planning

    uitkomsten: dict[str, int | None] = {}
    for taak in taken():
        moment = nu or timezone.now()
        if not _nemen(taak, moment, altijd=alle):
            continue
        try:
            uitkomst = int(taak.functie(nu=moment) or 0)
        except Exception:
            logger.exception("Periodieke taak %s mislukt", taak.code)
            Planning.objects.filter(code=taak.code).update(
                klaar_op=timezone.now(), uitkomst=None, fout=traceback.format_exc()[-4000:]
            )
            uitkomsten[taak.code] = None
            continue
        Planning.objects.filter(code=taak.code).update(
            klaar_op=timezone.now(), uitkomst=uitkomst, fout=""
        )
        uitkomsten[taak.code] = uitkomst
    return uitkomsten
