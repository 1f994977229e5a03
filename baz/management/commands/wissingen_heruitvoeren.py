"""`manage.py wissingen_heruitvoeren [--dry-run]`: after restoring a backup, erase again whoever
the erasure log says was erased.

Reads the erasure log (WISLOG_PAD), puts back the Wissing rows the backup lacks, appends the lines
the log lacks, and erases every address in the database that a logged erasure matches, without
logging it a second time. Idempotent. It prints no address, only the erasures' ids and counts.
An unreadable line is skipped with a warning, and the command then ends with an error.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from baz.models import Wissing
from baz.persoonsgegevens import services, wislog


class Command(BaseCommand):
    help = "Wist opnieuw wie volgens het wislog gewist werd (na het terugzetten van een back-up)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon enkel wat zou gebeuren.")

    def handle(self, *args, dry_run: bool, **opties):
        try:
            regels, fouten = wislog.lezen()
        except FileNotFoundError:
            raise CommandError(
                f"Het wislog {wislog.pad()} bestaat niet. Klopt WISLOG_PAD? (Zolang er nooit "
                "iemand gewist werd, is er geen wislog en valt er niets opnieuw te wissen.)"
            ) from None
        except OSError as fout:
            raise CommandError(f"Het wislog {wislog.pad()} is niet leesbaar: {fout}.") from None
        for nummer, reden in fouten:
            self.stderr.write(
                f"Waarschuwing: regel {nummer} van het wislog is onleesbaar ({reden}) "
                "en overgeslagen."
            )
        self.stdout.write(f"Wislog {wislog.pad()}: {len(regels)} wissing(en) gelezen.")

        ontbrekend = services.ontbrekende_wissingen(regels)
        niet_gelogd = services.niet_gelogde_wissingen(regels)
        treffers = services.te_heruitvoeren(regels)
        if dry_run:
            self.stdout.write(f"Zou {len(ontbrekend)} wissing(en) terugzetten in het beheer.")
            self.stdout.write(f"Zou {len(niet_gelogd)} wissing(en) aan het wislog toevoegen.")
            for adres, regel in treffers:
                aantallen = services.aantallen_tekst(services.persoon_tellen(adres))
                self.stdout.write(f"Wissing {regel.id}: zou opnieuw wissen: {aantallen}.")
            self.stdout.write(f"Droog: {len(treffers)} e-mailadres(sen) zou(den) opnieuw gewist.")
            self._afsluiten(fouten, geweigerd=0)
            return

        Wissing.objects.bulk_create([regel.als_wissing() for regel in ontbrekend])
        self.stdout.write(f"{len(ontbrekend)} wissing(en) teruggezet in het beheer.")
        for wissing in niet_gelogd:
            wislog.toevoegen(wissing)
        self.stdout.write(f"{len(niet_gelogd)} wissing(en) aan het wislog toegevoegd.")
        geweigerd = 0
        for adres, regel in treffers:
            try:
                aantallen = services.wissing_heruitvoeren(adres, regel=regel)
            except ValidationError as fout:
                geweigerd += 1
                self.stderr.write(
                    f"Wissing {regel.id}: niet opnieuw gewist. {' '.join(fout.messages)}"
                )
                continue
            tekst = services.aantallen_tekst(aantallen)
            self.stdout.write(f"Wissing {regel.id}: opnieuw gewist: {tekst}.")
        self.stdout.write(f"Klaar: {len(treffers) - geweigerd} e-mailadres(sen) opnieuw gewist.")
        self._afsluiten(fouten, geweigerd=geweigerd)

    def _afsluiten(self, fouten: list, *, geweigerd: int) -> None:
        if fouten or geweigerd:
            raise CommandError(
                f"{len(fouten)} onleesbare regel(s) in het wislog en {geweigerd} geweigerde "
                "wissing(en): zie de waarschuwingen hierboven."
            )
