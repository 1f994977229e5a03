"""`manage.py workshops_opschonen [--dry-run]`: anonymise personal data past its retention."""

from django.core.management.base import BaseCommand

from workshops.services import persoonsgegevens_opschonen


class Command(BaseCommand):
    help = (
        "Anonimiseert workshopaanvragen 24 maanden na de laatste activiteit en inschrijvingen "
        "12 maanden na hun sessie, en verwijdert uitgaande mails na 90 dagen. Idempotent; "
        "--dry-run toont enkel de aantallen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Wijzig niets.")

    def handle(self, *args, **opties):
        droog = opties["dry_run"]
        aantallen = persoonsgegevens_opschonen(droog=droog)
        werkwoord = "zou anonimiseren" if droog else "geanonimiseerd"
        self.stdout.write(
            f"Aanvragen {werkwoord}: {aantallen['aanvragen']}. "
            f"Inschrijvingen {werkwoord}: {aantallen['inschrijvingen']}. "
            f"Uitgaande mails {'zou verwijderen' if droog else 'verwijderd'}: {aantallen['mails']}."
        )
