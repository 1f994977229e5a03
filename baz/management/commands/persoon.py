"""`manage.py persoon EMAIL [--wissen] [--door NAAM]`: one person's data on request (GDPR).

Without --wissen it prints everything held about this address, in every app, as JSON (right of
access); with --wissen it erases it and records the erasure (right to erasure). The same code as
the staff page /beheer/persoonsgegevens/.
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from baz.persoonsgegevens.services import aantallen_tekst, persoon_exporteren, persoon_wissen


class Command(BaseCommand):
    help = "Toont (JSON) of wist (--wissen) alle gegevens van één e-mailadres, in alle apps."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--wissen", action="store_true", help="Wis of anonimiseer alles.")
        parser.add_argument(
            "--door",
            default="manage.py",
            help="Wie wist (komt in het wislog); standaard manage.py.",
        )

    def handle(self, *args, email: str, wissen: bool, door: str, **opties):
        try:
            validate_email(email.strip())
        except ValidationError:
            raise CommandError(f"Geen geldig e-mailadres: {email!r}.") from None
        if not wissen:
            gegevens = persoon_exporteren(email)
            self.stdout.write(json.dumps(gegevens, ensure_ascii=False, indent=2))
            return
        try:
            aantallen = persoon_wissen(email, door=door)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages)) from None
        self.stdout.write(f"Gewist: {aantallen_tekst(aantallen)}.")
