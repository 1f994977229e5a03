"""Every retention period for personal data, in one place, and the one job that enforces them.

Each app's `persoonsgegevens_opschonen` does its part (idempotent, with a dry run); this module
lists the periods (the privacy statement says the same) and runs them all.
"""

from datetime import timedelta

from netwerken import services as netwerken
from workshops import queries as workshops_queries
from workshops import services as workshops

BEWAARTERMIJNEN: list[tuple[str, timedelta, str]] = [
    ("Aanvraag van een workshop", workshops_queries.AANVRAAG_BEWAARTERMIJN, "na de laatste activiteit, dan geanonimiseerd"),
    ("Inschrijving voor een sessie", workshops_queries.INSCHRIJVING_BEWAARTERMIJN, "na de sessie, dan geanonimiseerd"),
    ("Verstuurde mail (uitgaande mails)", workshops_queries.MAIL_BEWAARTERMIJN, "na het aanmaken, dan verwijderd"),
    ("Interesse in een lerend netwerk", netwerken.BEWAAR_INTERESSE, "na ontvangst, dan verwijderd"),
    ("Deelname aan een lerend netwerk", netwerken.BEWAAR_NA_NETWERK, "na het einde van het netwerk, dan verwijderd"),
]  # fmt: skip


def bewaartermijnen_toepassen(*, droog: bool = False) -> dict[str, dict[str, int]]:
    """Run every app's retention job; returns the counts per app."""
    return {
        "workshops": workshops.persoonsgegevens_opschonen(droog=droog),
        "netwerken": netwerken.persoonsgegevens_opschonen(droog=droog),
    }
