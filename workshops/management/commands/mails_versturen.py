"""`manage.py mails_versturen`: retry failed or stuck mails from the outbox (run it from cron)."""

from django.core.management.base import BaseCommand

from workshops.services import mails_opnieuw_versturen
from workshops.tasks import MAX_POGINGEN


class Command(BaseCommand):
    help = "Biedt mislukte of blijven hangen mails opnieuw aan (hoogstens 5 pogingen per mail)."

    def handle(self, *args, **opties):
        aantal = mails_opnieuw_versturen(max_pogingen=MAX_POGINGEN)
        self.stdout.write(f"Mails opnieuw aangeboden: {aantal}.")
