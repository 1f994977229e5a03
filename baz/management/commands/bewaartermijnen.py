"""`manage.py bewaartermijnen [--dry-run]`: enforce every retention period; run it daily.

The periods come from the register of personal data (every app's `persoonsgegevens` module and
the core's outbox); expired rate-limit counters go too.
"""

from django.core.management.base import BaseCommand

from baz import ratelimiet
from baz.bewaartermijnen import bewaartermijnen, bewaartermijnen_toepassen


class Command(BaseCommand):
    help = (
        "Anonimiseert of verwijdert persoonsgegevens waarvan de bewaartermijn voorbij is, in alle "
        "apps, en ruimt verlopen tellers op. Idempotent; --dry-run toont enkel de aantallen."
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
