"""`manage.py mails_versturen`: send every due mail of the outbox once (what the worker does
every MAIL_NALOOP_SECONDEN); for a machine without the worker, or by hand after an outage."""

from django.core.management.base import BaseCommand

from baz.mail import nalopen, wachtrij_toestand


class Command(BaseCommand):
    help = (
        "Verstuurt elke mail uit de wachtrij die aan de beurt is: nieuwe, nieuwe pogingen na een "
        "fout en mails die een gestopte worker liet liggen."
    )

    def handle(self, *args, **opties):
        uitkomsten = nalopen(limiet=10_000)
        delen = ", ".join(f"{soort} {aantal}" for soort, aantal in sorted(uitkomsten.items()))
        self.stdout.write(f"Mails: {delen or 'geen aan de beurt'}.")
        toestand = wachtrij_toestand()
        if toestand["mislukt"]:
            self.stdout.write(
                f"Definitief mislukt: {toestand['mislukt']} (zie Uitgaande mails in het beheer)."
            )
