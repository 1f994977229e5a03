"""One person's data across the platform, by e-mail address: what is held, export and erasure.

Every part of the platform registers itself in `register` (the core's admin log, audit trail
and outbox, and each app's `persoonsgegevens` module); this module only combines them and
imports no app.
"""

import json
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.models import Wissing

from . import register, wislog
from .register import Bewaard, Persoon

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Soort:
    naam: str
    aantal: int
    bij_wissen: str


@dataclass(frozen=True)
class Deeloverzicht:
    titel: str
    soorten: list[Soort]
    bewaard: list[tuple[Bewaard, int | None]]


@dataclass(frozen=True)
class Overzicht:
    delen: list[Deeloverzicht]
    bezwaren: list[str]

    @property
    def leeg(self) -> bool:
        return not any(soort.aantal for deel in self.delen for soort in deel.soorten)


def persoon_opzoeken(email: str) -> Persoon:
    """The address, with every name and phone number the parts hold for it."""
    persoon = Persoon.uit(emails=[email])
    for deel in register.delen():
        persoon |= deel.kenmerken(persoon.email)
    return persoon


def persoon_tellen(email: str) -> dict[str, dict[str, int]]:
    """How many rows of each kind name this person: one count per kind, whatever the rows."""
    persoon = persoon_opzoeken(email)
    return {deel.sleutel: deel.tellen(persoon) for deel in register.delen() if deel.bij_wissen}


def persoon_overzicht(email: str) -> Overzicht:
    """The counts with what erasure would do, per part, what is kept and why, and why erasing
    here is refused."""
    persoon = persoon_opzoeken(email)
    delen = []
    for deel in register.delen():
        aantallen = deel.tellen(persoon)
        soorten = [Soort(naam, aantal, deel.bij_wissen[naam]) for naam, aantal in aantallen.items()]
        bewaard = deel.bewaard_tellen(persoon)
        if soorten or bewaard:
            delen.append(Deeloverzicht(deel.titel, soorten, bewaard))
    return Overzicht(delen, _bezwaren(persoon))


def _bezwaren(persoon: Persoon) -> list[str]:
    return [bezwaar for deel in register.delen() for bezwaar in deel.bezwaren(persoon)]


def persoon_exporteren(email: str) -> dict:
    """Everything held about this address (right of access), ready for JSON: dates as ISO text."""
    persoon = persoon_opzoeken(email)
    gegevens = {
        "emailadres": wislog.normaliseren(email),
        "opgemaakt_op": timezone.now(),
        **{deel.sleutel: deel.exporteren(persoon) for deel in register.delen()},
    }
    return json.loads(json.dumps(gegevens, cls=DjangoJSONEncoder))


def persoon_wissen(email: str, *, door: str) -> dict[str, dict[str, int]]:
    """Erase everything held about this address, all or nothing, and record the erasure: a
    Wissing row, and a line in the erasure log once the transaction has committed. Returns the
    counts per part; when nothing is found, nothing changes and nothing is recorded. Raises
    ValidationError, changing nothing, when a part refuses (a staff account)."""
    with transaction.atomic():
        aantallen = _alles_wissen(email)
        if _niets(aantallen):
            return aantallen
        wissing = Wissing.objects.create(
            op=timezone.now(), door=door, aantallen=aantallen, **wislog.nieuwe_vingerafdruk(email)
        )
        transaction.on_commit(lambda: _in_wislog(wissing))
    logger.info("Persoonsgegevens gewist: wissing %s, door %s.", wissing.pk, door)
    return aantallen


def _in_wislog(wissing: Wissing) -> None:
    try:
        wislog.toevoegen(wissing)
    except OSError:
        logger.exception(
            "Wissing %s is gedaan maar staat niet in het wislog; "
            "`manage.py wissingen_heruitvoeren` schrijft ze erbij.",
            wissing.pk,
        )


def wissing_heruitvoeren(regel: wislog.Regel, adressen: list[str]) -> dict[str, dict[str, int]]:
    """Apply again, after a restore, a logged erasure the restored database does not know: erase
    the addresses it matches and put its row back, all or nothing. Once the row is back, the
    erasure is never applied again, so whoever returns later (a new sign-up) is left alone."""
    totaal: dict[str, dict[str, int]] = {}
    with transaction.atomic():
        for adres in adressen:
            for sleutel, soorten in _alles_wissen(adres).items():
                deel = totaal.setdefault(sleutel, {})
                for soort, aantal in soorten.items():
                    deel[soort] = deel.get(soort, 0) + aantal
        regel.als_wissing().save(force_insert=True)
    logger.info("Wissing %s opnieuw toegepast.", regel.id)
    return totaal


def _alles_wissen(email: str) -> dict[str, dict[str, int]]:
    """Every part erases in turn, the core's traces first (they count the log entries that
    name the person before the apps blank the names of the objects they erase)."""
    persoon = persoon_opzoeken(email)
    bezwaren = _bezwaren(persoon)
    if bezwaren:
        raise ValidationError(bezwaren, code="bezwaar")
    return {deel.sleutel: deel.wissen(persoon) for deel in register.delen() if deel.bij_wissen}


def _niets(aantallen: dict[str, dict[str, int]]) -> bool:
    return not any(aantal for deel in aantallen.values() for aantal in deel.values())


def te_heruitvoeren(regels: list[wislog.Regel]) -> list[tuple[wislog.Regel, list[str]]]:
    """Per logged erasure, the addresses in the database it matches. Each line has its own
    salt, so every address is hashed once per line."""
    adressen = sorted(set().union(*(deel.emailadressen() for deel in register.delen())))
    return [(regel, [adres for adres in adressen if regel.past_bij(adres)]) for regel in regels]


def ontbrekende_wissingen(regels: list[wislog.Regel]) -> list[wislog.Regel]:
    """Logged erasures without their row, as after restoring a backup older than them."""
    bekend = {str(pk) for pk in Wissing.objects.values_list("pk", flat=True)}
    return list({regel.id: regel for regel in regels if regel.id not in bekend}.values())


def niet_gelogde_wissingen(regels: list[wislog.Regel]) -> list[Wissing]:
    """Rows without their line: the file could not be written after the commit."""
    gelogd = {regel.id for regel in regels}
    return [wissing for wissing in Wissing.objects.all() if str(wissing.pk) not in gelogd]


def aantallen_tekst(aantallen: dict[str, dict[str, int]]) -> str:
    """'workshops: aanvragen 1, mails 2; netwerken: accounts 1', leaving out what is zero."""
    delen = []
    for sleutel, soorten in aantallen.items():
        niet_nul = ", ".join(f"{soort} {aantal}" for soort, aantal in soorten.items() if aantal)
        if niet_nul:
            delen.append(f"{sleutel}: {niet_nul}")
    return "; ".join(delen) or str(_("niets"))
