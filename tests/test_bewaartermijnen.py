"""One daily job enforces every retention period, across the apps, idempotently."""

import io
import os
import time
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from baz.beheerformulieren.afbeelding import bewaarplaats, bewaren
from baz.bewaartermijnen import bewaartermijnen
from baz.models import Mail
from netwerken.models import Deelnemer, Interesse
from tests.netwerken.factories import maak_deelnemer, maak_netwerk
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.models import Inschrijving


@pytest.fixture(autouse=True)
def _bewaarde_uploads_in_tmp(settings, tmp_path):
    settings.BEWAARDE_UPLOADS_MAP = tmp_path / "bewaarde-uploads"


def draai(*args: str) -> str:
    uit = StringIO()
    call_command("bewaartermijnen", *args, stdout=uit)
    return uit.getvalue()


def test_alle_bewaartermijnen_in_een_commando(werkmodellen):
    oude_sessie = maak_sessie(maak_workshop(), dagen=-400)
    oud = Inschrijving.objects.create(
        sessie=oude_sessie, naam="Oud", email="oud@example.org", status="bevestigd"
    )
    recent = Inschrijving.objects.create(
        sessie=maak_sessie(maak_workshop(slug="ander"), dagen=-30),
        naam="Recent",
        email="r@example.org",
        status="bevestigd",
    )
    oud_netwerk = maak_netwerk(begint_op=date(2020, 1, 1), eindigt_op=date(2021, 1, 1))
    maak_deelnemer(oud_netwerk)
    interesse = Interesse.objects.create(
        bestuur="B", contactpersoon="C", email="c@example.org", vorm="netwerk", bericht="x"
    )
    Interesse.objects.filter(pk=interesse.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=800)
    )

    oude_mail = Mail.objects.create(
        ontvanger="oud@example.org", onderwerp="Oud", tekst="x", message_id="<oud@x>"
    )
    Mail.objects.filter(pk=oude_mail.pk).update(aangemaakt_op=timezone.now() - timedelta(days=91))
    nieuwe_mail = Mail.objects.create(
        ontvanger="r@example.org", onderwerp="Nieuw", tekst="x", message_id="<nieuw@x>"
    )
    Mail.objects.filter(pk=nieuwe_mail.pk).update(aangemaakt_op=timezone.now() - timedelta(days=89))

    droog = draai("--dry-run")
    assert "Inschrijving voor een sessie: 365 dagen" in droog
    assert "inschrijvingen 1" in droog and "interesses 1" in droog and "deelnemers 1" in droog
    assert Inschrijving.objects.get(pk=oud.pk).naam == "Oud"
    assert "mails 1" in droog and Mail.objects.count() == 2

    draai()
    assert Inschrijving.objects.get(pk=oud.pk).naam == "(geanonimiseerd)"
    assert Inschrijving.objects.get(pk=recent.pk).naam == "Recent"
    assert not Interesse.objects.exists() and not Deelnemer.objects.exists()
    assert list(Mail.objects.values_list("onderwerp", flat=True)) == ["Nieuw"]
    nogmaals = draai()
    assert "inschrijvingen 0" in nogmaals and "interesses 0" in nogmaals  # idempotent


def test_de_privacyverklaring_toont_elke_bewaartermijn(client, db):
    """The privacy statement's table is the register's list, the one the command applies."""
    html = client.get("/privacy/").content.decode()
    termijnen = bewaartermijnen()
    assert len(termijnen) >= 8
    for termijn in termijnen:
        assert f'<th scope="row">{termijn.wat}</th>' in html
        assert f"<td>{termijn.termijn_tekst}</td>" in html
    assert "<td>24 maanden na de laatste activiteit, daarna geanonimiseerd</td>" in html
    assert "<td>90 dagen na het aanmaken, daarna verwijderd</td>" in html


def test_het_commando_ruimt_achtergelaten_bewaarde_uploads_op(medewerker, settings):
    """An image kept for an admin form that was never sent again (baz/beheerformulieren):
    gone after two hours, by the daily job, even when no other image is kept since."""
    from PIL import Image

    def bewaar():
        buffer = io.BytesIO()
        Image.new("RGB", (64, 40)).save(buffer, format="PNG")
        upload = SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")
        return bewaren(upload, veld="foto", gebruiker_id=medewerker.pk).pad

    oud, bijna, vers = bewaar(), bewaar(), bewaar()
    map_ = Path(settings.BEWAARDE_UPLOADS_MAP)
    for naam, uren in [(oud, 2.1), (bijna, 1.9)]:
        tijd = time.time() - uren * 3600
        os.utime(map_ / naam, (tijd, tijd))
    (map_ / "leesmij.txt").write_text("niet van ons")
    os.utime(map_ / "leesmij.txt", (time.time() - 99 * 3600,) * 2)

    droog = draai("--dry-run")
    assert "Achtergelaten bewaarde uploads (zou verwijderen): 1." in droog
    assert len(bewaarplaats().listdir("")[1]) == 4

    assert "Achtergelaten bewaarde uploads (verwijderd): 1." in draai()
    assert sorted(bewaarplaats().listdir("")[1]) == sorted([bijna, vers, "leesmij.txt"])
    assert "Achtergelaten bewaarde uploads (verwijderd): 0." in draai()  # idempotent


def test_het_commando_zonder_map_voor_bewaarde_uploads(db, settings):
    assert not Path(settings.BEWAARDE_UPLOADS_MAP).exists()
    assert "Achtergelaten bewaarde uploads (verwijderd): 0." in draai()
