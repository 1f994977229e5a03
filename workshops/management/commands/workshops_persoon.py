"""`manage.py workshops_persoon EMAIL [--wissen]`: a person's data on request (GDPR).

Without --wissen it prints everything stored about this e-mail address as JSON (right of
access); with --wissen it cancels their registrations (the waiting list moves up) and
anonymises their requests and registrations (right to erasure).
"""

import json

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from workshops.models import Aanvraag, Inschrijving
from workshops.services import persoon_wissen


class Command(BaseCommand):
    help = "Exporteert (of wist met --wissen) alle workshopgegevens van één e-mailadres."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--wissen", action="store_true", help="Anonimiseer alles.")

    def handle(self, *args, email: str, wissen: bool, **opties):
        if wissen:
            aantallen = persoon_wissen(email=email)
            self.stdout.write(
                f"Gewist: {aantallen['aanvragen']} aanvraag/aanvragen, "
                f"{aantallen['inschrijvingen']} inschrijving(en)."
            )
            return
        verborgen = {"token", "indiening_sleutel"}
        gegevens = {
            "aanvragen": [
                {k: v for k, v in model_to_dict(a).items() if k not in verborgen}
                | {"workshop": str(a.workshop), "aangemaakt_op": a.aangemaakt_op}
                for a in Aanvraag.objects.filter(email__iexact=email).select_related("workshop")
            ],
            "inschrijvingen": [
                {k: v for k, v in model_to_dict(i).items() if k not in verborgen}
                | {"sessie": str(i.sessie), "aangemaakt_op": i.aangemaakt_op}
                for i in Inschrijving.objects.filter(email__iexact=email).select_related(
                    "sessie__workshop"
                )
            ],
        }
        self.stdout.write(json.dumps(gegevens, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
