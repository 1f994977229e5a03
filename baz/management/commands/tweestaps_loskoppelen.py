"""Unlink a staff member's authenticator app (a lost or new phone), when no other
administrator can do it in the admin: `manage.py tweestaps_loskoppelen GEBRUIKERSNAAM`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Koppelt de authenticator-app van een medewerker los; bij de volgende aanmelding koppelt die een nieuwe."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, gebruikersnaam, **options):
        user = get_user_model().objects.filter(username=gebruikersnaam).first()
        if user is None:
            raise CommandError(f"Geen gebruiker met de naam {gebruikersnaam!r}.")
        aantal, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{aantal} app(s) losgekoppeld voor {gebruikersnaam}.")
