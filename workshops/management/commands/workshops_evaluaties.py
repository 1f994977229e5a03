"""`manage.py workshops_evaluaties`: mail participants of finished sessions their evaluation link."""

from django.core.management.base import BaseCommand

from workshops.services import evaluaties_vragen


class Command(BaseCommand):
    help = "Stuurt elke deelnemer van een afgelopen sessie één keer de link naar de evaluatie."

    def handle(self, *args, **opties):
        self.stdout.write(f"Evaluaties gevraagd: {evaluaties_vragen()}.")
