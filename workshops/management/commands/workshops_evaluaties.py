"""`manage.py workshops_evaluaties`: ask those present at a finished session for their
evaluation, and remind once who did not answer after a week. The same as the periodic job
"workshops.evaluaties" (workshops/periodiek.py), for cron or by hand."""

from django.core.management.base import BaseCommand

from workshops.services import evaluatie_herinneringen_versturen, evaluaties_vragen


class Command(BaseCommand):
    help = (
        "Stuurt wie aanwezig was op een afgelopen sessie één keer de link naar de evaluatie, "
        "en wie na een week niet antwoordde één herinnering."
    )

    def handle(self, *args, **opties):
        self.stdout.write(f"Evaluaties gevraagd: {evaluaties_vragen()}.")
        self.stdout.write(f"Herinneringen: {evaluatie_herinneringen_versturen()}.")
