"""One person's data across the apps, by e-mail address: what is held, export and erasure.

Each part (workshops, netwerken, the admin log) offers persoon_tellen, persoon_exporteren,
persoon_wissen and emailadressen, and says in BIJ_WISSEN what erasure does to each kind; this
module only combines them. inspiraties stores no personal e-mail address: its authors are staff
accounts, which netwerken exports as accounts.
"""

import json
import logging
from dataclasses import dataclass
from types import ModuleType

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.models import Wissing
from netwerken import services as netwerken
from workshops import services as workshops

from . import beheerlog, wislog

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deel:
    sleutel: str
    titel: str
    module: ModuleType


# The log first: it counts the entries named by the address before the apps blank the names of
# the objects they erase.
DELEN = [
    Deel("beheer", _("Beheerlogboek"), beheerlog),
    Deel("workshops", _("Workshops"), workshops),
    Deel("netwerken", _("Lerende netwerken"), netwerken),
]


@dataclass(frozen=True)
class Soort:
    naam: str
    aantal: int
    bij_wissen: str


@dataclass(frozen=True)
class Overzicht:
    delen: list[tuple[str, list[Soort]]]
    bezwaren: list[str]

    @property
    def leeg(self) -> bool:
        return not any(soort.aantal for _titel, soorten in self.delen for soort in soorten)


def persoon_tellen(email: str) -> dict[str, dict[str, int]]:
    """How many rows of each kind hold this address: one count per kind, whatever the rows."""
    return {deel.sleutel: deel.module.persoon_tellen(email=email) for deel in DELEN}


def persoon_overzicht(email: str) -> Overzicht:
    """The counts with what erasure would do, per part, and why erasing here is refused."""
    aantallen = persoon_tellen(email)
    delen = [
        (
            deel.titel,
            [
                Soort(naam, aantal, deel.module.BIJ_WISSEN[naam])
                for naam, aantal in aantallen[deel.sleutel].items()
            ],
        )
        for deel in DELEN
    ]
    return Overzicht(delen, netwerken.persoon_wissen_bezwaren(email=email))


def persoon_exporteren(email: str) -> dict:
    """Everything held about this address (right of access), ready for JSON: dates as ISO text."""
    gegevens = {
        "emailadres": wislog.normaliseren(email),
        "opgemaakt_op": timezone.now(),
        **{deel.sleutel: deel.module.persoon_exporteren(email=email) for deel in DELEN},
    }
    return json.loads(json.dumps(gegevens, cls=DjangoJSONEncoder))


def persoon_wissen(email: str, *, door: str) -> dict[str, dict[str, int]]:
    """Erase everything held about this address, all or nothing, and record the erasure: a
    Wissing row, and a line in the erasure log once the transaction has committed. Returns the
    counts per part; when nothing is found, nothing changes and nothing is recorded."""
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
    return {deel.sleutel: deel.module.persoon_wissen(email=email) for deel in DELEN}


def _niets(aantallen: dict[str, dict[str, int]]) -> bool:
    return not any(aantal for deel in aantallen.values() for aantal in deel.values())


def te_heruitvoeren(regels: list[wislog.Regel]) -> list[tuple[wislog.Regel, list[str]]]:
    """Per logged erasure, the addresses in the database it matches. Each line has its own
    salt, so every address is hashed once per line."""
    adressen = sorted(set().union(*(deel.module.emailadressen() for deel in DELEN)))
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
