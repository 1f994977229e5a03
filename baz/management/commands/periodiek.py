"""`manage.py periodiek`: run the periodic jobs whose time has come (for cron, without a worker);
`--alle` runs every job now."""

from django.core.management.base import BaseCommand

from baz import periodiek


class Command(BaseCommand):
    help = "Voert de periodieke taken uit die aan de beurt zijn (met --alle: allemaal, nu)."

    def add_arguments(self, parser):
        parser.add_argument("--alle", action="store_true", help="Alle taken nu uitvoeren.")

    def handle(self, *args, alle: bool, **opties):
        uitkomsten = periodiek.uitvoeren(alle=alle)
        if not uitkomsten:
            self.stdout.write("Geen taak aan de beurt.")
        for code, uitkomst in uitkomsten.items():
            tekst = "mislukt (zie het logboek)" if uitkomst is None else str(uitkomst)
            self.stdout.write(f"{code}: {tekst}")
