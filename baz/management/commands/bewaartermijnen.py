"""`manage.py bewaartermijnen [--dry-run]`: enforce every retention period; run it daily."""

from django.core.management.base import BaseCommand

from baz.bewaartermijnen import BEWAARTERMIJNEN, bewaartermijnen_toepassen


class Command(BaseCommand):
    help = (
        "Anonimiseert of verwijdert persoonsgegevens waarvan de bewaartermijn voorbij is, in alle "
        "apps. Idempotent; --dry-run toont enkel de aantallen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Wijzig niets.")

    def handle(self, *args, **opties):
        droog = opties["dry_run"]
        for wat, termijn, daarna in BEWAARTERMIJNEN:
            self.stdout.write(f"{wat}: {termijn.days} dagen {daarna}.")
        for app, aantallen in bewaartermijnen_toepassen(droog=droog).items():
            delen = ", ".join(f"{soort} {aantal}" for soort, aantal in aantallen.items())
            self.stdout.write(f"{app} ({'zou wijzigen' if droog else 'gewijzigd'}): {delen}.")
