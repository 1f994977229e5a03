"""`manage.py netwerken_opschonen [--dry-run]`: delete netwerken personal data past retention."""

from django.core.management.base import BaseCommand

from netwerken.services import persoonsgegevens_opschonen


class Command(BaseCommand):
    help = (
        "Verwijdert interesses 24 maanden na ontvangst en deelnemers (met hun casussen, "
        "evaluaties en berichten) 12 maanden na het einde van hun netwerk. Idempotent; "
        "--dry-run toont enkel de aantallen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Wijzig niets.")

    def handle(self, *args, **opties):
        droog = opties["dry_run"]
        aantallen = persoonsgegevens_opschonen(droog=droog)
        werkwoord = "zou verwijderen" if droog else "verwijderd"
        self.stdout.write(
            f"Interesses {werkwoord}: {aantallen['interesses']}. "
            f"Deelnemers {werkwoord}: {aantallen['deelnemers']}."
        )
