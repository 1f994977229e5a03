"""`manage.py bewaartermijnen [--dry-run]`: enforce every retention period; run it daily.

The periods come from the register of personal data (every app's `persoonsgegevens` module and
the core's outbox); expired rate-limit counters go too, and the images staff chose in an admin
form that came back with an error and that were left behind (baz/beheerformulieren/afbeelding.py).
"""

from django.core.management.base import BaseCommand

from baz import ratelimiet
from baz.beheerformulieren import bewaarde_bestanden_opruimen
from baz.bewaartermijnen import bewaartermijnen, bewaartermijnen_toepassen


class Command(BaseCommand):
    help = (
        "Anonimiseert of verwijdert persoonsgegevens waarvan de bewaartermijn voorbij is, in alle "
        "apps, en ruimt verlopen tellers en achtergelaten bewaarde uploads op. Idempotent; "
        "--dry-run toont enkel de aantallen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Wijzig niets.")

    def handle(self, *args, **opties):
        droog = opties["dry_run"]
        for termijn in bewaartermijnen():
            if termijn.termijn is None:
                self.stdout.write(f"{termijn.wat}: {termijn.daarna}.")
            else:
                self.stdout.write(f"{termijn.wat}: {termijn.termijn.days} dagen {termijn.daarna}.")
        for deel, aantallen in bewaartermijnen_toepassen(droog=droog).items():
            delen = ", ".join(f"{soort} {aantal}" for soort, aantal in aantallen.items())
            self.stdout.write(f"{deel} ({'zou wijzigen' if droog else 'gewijzigd'}): {delen}.")
        if not droog:
            self.stdout.write(f"Verlopen tellers opgeruimd: {ratelimiet.tellers_opruimen()}.")
        uploads = bewaarde_bestanden_opruimen(droog=droog)
        self.stdout.write(
            f"Achtergelaten bewaarde uploads ({'zou verwijderen' if droog else 'verwijderd'}): "
            f"{uploads}."
        )
