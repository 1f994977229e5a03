"""`manage.py wissingen_heruitvoeren [--dry-run]`: after restoring a backup, erase again whoever
the erasure log says was erased.

Reads the erasure log (WISLOG_PAD). Every logged erasure the restored database lacks (it was made
after the backup) is applied again: the addresses it matches are erased and its Wissing row put
back, in one transaction. Erasures the database knows are left alone, so a person who was erased
and later came back is not erased a second time. Lines the log lacks are appended. Idempotent.
It prints no address, only the erasures' ids and counts.
An unreadable line is skipped with a warning, and the command then ends with an error.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

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

        niet_gelogd = services.niet_gelogde_wissingen(regels)
        te_doen = services.te_heruitvoeren(services.ontbrekende_wissingen(regels))
        adressen = sum(len(treffers) for _regel, treffers in te_doen)
        if dry_run:
            self.stdout.write(f"Zou {len(te_doen)} wissing(en) opnieuw toepassen.")
            self.stdout.write(f"Zou {len(niet_gelogd)} wissing(en) aan het wislog toevoegen.")
            for regel, treffers in te_doen:
                for adres in treffers:
                    aantallen = services.aantallen_tekst(services.persoon_tellen(adres))
                    self.stdout.write(f"Wissing {regel.id}: zou opnieuw wissen: {aantallen}.")
            self.stdout.write(f"Droog: {adressen} e-mailadres(sen) zou(den) opnieuw gewist.")
            self._afsluiten(fouten, geweigerd=0)
            return

        for wissing in niet_gelogd:
            wislog.toevoegen(wissing)
        self.stdout.write(f"{len(niet_gelogd)} wissing(en) aan het wislog toegevoegd.")
        geweigerd = 0
        for regel, treffers in te_doen:
            try:
                aantallen = services.wissing_heruitvoeren(regel, treffers)
            except ValidationError as fout:
                geweigerd += 1
                self.stderr.write(
                    f"Wissing {regel.id}: niet opnieuw gewist. {' '.join(fout.messages)}"
                )
                continue
            tekst = services.aantallen_tekst(aantallen)
            self.stdout.write(f"Wissing {regel.id}: opnieuw toegepast: {tekst}.")
        self.stdout.write(
            f"Klaar: {len(te_doen) - geweigerd} wissing(en) opnieuw toegepast, "
            f"{adressen} e-mailadres(sen) gevonden."
        )
        self._afsluiten(fouten, geweigerd=geweigerd)

    def _afsluiten(self, fouten: list, *, geweigerd: int) -> None:
        if fouten or geweigerd:
            raise CommandError(
                f"{len(fouten)} onleesbare regel(s) in het wislog en {geweigerd} geweigerde "
                "wissing(en): zie de waarschuwingen hierboven."
            )
