"""`manage.py demo`: load the demo content (idempotent) and, in development, the demo accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from inspiratiemateriaal.demo import materiaal_laden
from inspiraties.bulk import inspiraties_genereren
from inspiraties.demo import inspiraties_laden
from jaarcijfers.demo import jaarcijfers_laden
from netwerken.demo import DEMO_DEELNEMERS, deelnemers_laden, netwerken_laden
from workshops.demo import demo_links, workshops_laden

# Demo accounts exist only where DEBUG is on: their passwords are public.
DEMO_WACHTWOORD = "baz-demo-2026"
DEMO_ACCOUNTS = [
    {
        "username": "medewerker",
        "email": "medewerker@burgersaanzet.be",
        "first_name": "Mieke",
        "last_name": "Medewerker",
        "is_staff": True,
        "is_superuser": True,
        "uitleg": "BAZ-medewerker (volledig beheer)",
    },
    {
        "username": "redacteur",
        "email": "redacteur@burgersaanzet.be",
        "first_name": "Ruben",
        "last_name": "Redacteur",
        "is_staff": True,
        "groepen": ["Redactie"],
        "uitleg": "redacteur (groep Redactie: schrijft inspiraties, dient ze in ter review)",
    },
    {
        "username": "eindredacteur",
        "email": "eindredacteur@burgersaanzet.be",
        "first_name": "Els",
        "last_name": "Eindredacteur",
        "is_staff": True,
        "groepen": ["Eindredactie"],
        "uitleg": "eindredacteur (groep Eindredactie: publiceert of stuurt terug)",
    },
]


class Command(BaseCommand):
    help = "Laadt de demo-inhoud (idempotent) en, met DEBUG aan, de demo-accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--zonder-accounts", action="store_true", help="Maak geen demo-accounts aan."
        )
        parser.add_argument(
            "--inspiraties",
            type=int,
            default=0,
            metavar="N",
            help="Voeg daarnaast N gegenereerde, gepubliceerde inspiraties toe (benchmark).",
        )

    def handle(self, *args, **opties):
        aantal = inspiraties_laden()
        self.stdout.write(f"Inspiraties: {aantal} nieuw.")
        self.stdout.write(f"Workshops: {workshops_laden()} nieuw.")
        if opties["inspiraties"] > 0:
            gegenereerd = inspiraties_genereren(opties["inspiraties"])
            self.stdout.write(f"Gegenereerde inspiraties: {gegenereerd} nieuw.")
        self.stdout.write(f"Netwerken en coachingtrajecten: {netwerken_laden()} nieuw.")
        self.stdout.write(f"Jaarcijfers (demo over meerdere jaren): {jaarcijfers_laden()} nieuw.")
        self.stdout.write(f"Inspiratiemateriaal: {materiaal_laden()} nieuw.")
        if opties["zonder_accounts"]:
            return
        if not settings.DEBUG:
            self.stdout.write("DEBUG staat uit: geen demo-accounts aangemaakt.")
            return
        self._accounts(DEMO_ACCOUNTS + DEMO_DEELNEMERS)
        deelnemers_laden()
        basis = settings.SITE_URL.rstrip("/")
        self.stdout.write("\nDemo-pagina's die je niet via een link vindt:")
        for wat, pad in demo_links():
            self.stdout.write(f"  {basis}{pad}  ({wat})")

    @transaction.atomic
    def _accounts(self, accounts: list[dict]) -> None:
        User = get_user_model()
        self.stdout.write("\nDemo-accounts (wachtwoord voor allemaal: %s):" % DEMO_WACHTWOORD)
        for account in accounts:
            velden = {
                k: v for k, v in account.items() if k not in {"username", "groepen", "uitleg"}
            }
            user, nieuw = User.objects.get_or_create(username=account["username"], defaults=velden)
            if nieuw:
                user.set_password(DEMO_WACHTWOORD)
                user.save()
                for naam in account.get("groepen", []):
                    user.groups.add(Group.objects.get(name=naam))
            self.stdout.write(f"  {account['username']:<14} {account['uitleg']}")
