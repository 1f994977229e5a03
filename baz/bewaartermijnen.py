"""Every retention period for personal data, and the one job that enforces them.

The periods are declared by the parts of the register (baz/persoonsgegevens/register.py): each
app in its own `persoonsgegevens` module, the core for its outbox. The privacy statement shows
the same list. This module imports no app.
"""

from datetime import datetime

from django.utils import timezone

from baz.persoonsgegevens import register


def bewaartermijnen() -> list[register.Bewaartermijn]:
    return [termijn for _deel, termijn in register.bewaartermijnen()]


def bewaartermijnen_toepassen(
    *, nu: datetime | None = None, droog: bool = False
) -> dict[str, dict[str, int]]:
    """Run every part's retention job (idempotent; `droog`: count only); the counts per part."""
    nu = nu or timezone.now()
    uitkomst = {}
    for deel in register.delen():
        aantallen = deel.opschonen(nu=nu, droog=droog)
        if aantallen:
            uitkomst[deel.sleutel] = aantallen
    return uitkomst
