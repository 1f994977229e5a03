"""The admin's form pieces (baz/beheerformulieren/): a text area with its limit, Markdown with a
server-rendered preview, a chosen image kept across an error, theme suggestions.

Each piece is tested on a small form of its own, and once on the real inspiratie admin
(inspiraties/forms.py, inspiraties/admin.py). The endpoints: staff only (and past the second factor), bad input 400.
"""

import base64
import io
import re
import shutil
import time
from pathlib import Path

import pytest
from django import forms
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from taggit.models import Tag

from baz.beheerformulieren import (
    BewaardeAfbeelding,
    BewaardeBestandenMixin,
    EenRegelTekstvak,
    MarkdownMetVoorbeeld,
    TekstvakMetLimiet,
    ThemaInvoer,
    bewaarde_bestanden_opruimen,
)
from baz.beheerformulieren.afbeelding import BEWAARTIJD, ZOUT, bewaarplaats, bewaren
from baz.beheerformulieren.views import MAX_VOORBEELD_BYTES
from baz.tekst import markdown_naar_html
from inspiraties.models import Inspiratie
from tests.test_deploy import PRODUCTIE, manage

pytestmark = pytest.mark.django_db

VOORBEELD = "/beheer/formulieren/voorbeeld/"
THEMAS = "/beheer/formulieren/themas/"
TOEVOEGEN = "/beheer/inspiraties/inspiratie/add/"


# --- Personas and helpers ------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _bewaarde_uploads_in_tmp(settings, tmp_path):
    settings.BEWAARDE_UPLOADS_MAP = tmp_path / "bewaarde-uploads"


@pytest.fixture
def lid(django_user_model):
    """Signed in, but no staff member."""
    return django_user_model.objects.create_user("lid", "lid@example.org", "geheim-wachtwoord-42")


@pytest.fixture
def collega(django_user_model):
    return django_user_model.objects.create_user(
        "collega", "collega@example.org", "geheim-wachtwoord-42", is_staff=True
    )


def afbeelding(naam="foto.jpg", formaat="JPEG", grootte=(640, 400)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", grootte, (200, 120, 40)).save(buffer, format=formaat)
    return SimpleUploadedFile(naam, buffer.getvalue(), content_type=f"image/{formaat.lower()}")


def inspiratie_gegevens(werkmodellen, **extra) -> dict:
    return {
        "titel": "Buurtpunt Nijlen",
        "slug": "buurtpunt-nijlen",
        "samenvatting": "Een buurtpunt waar mensen elkaar helpen.",
        "verhaal": "Het **verhaal**.",
        "werkmodellen": [werkmodellen["community-building"].pk],
        "themas": "buurt, ontmoeting",
        "reikwijdte": "regionaal",  # a local one needs a gemeente (tested in test_gemeenten)
        "provincie": "",
        "status": "concept",
        "afbeelding_alt": "",
        **extra,
    }


def bewaarde_bestanden() -> list[str]:
    try:
        return bewaarplaats().listdir("")[1]
    except FileNotFoundError:
        return []


def bestanden_in(map_: Path) -> list[Path]:
    return [pad for pad in map_.rglob("*") if pad.is_file()] if map_.exists() else []


def foto_met_gps(naam="thuis.jpg") -> SimpleUploadedFile:
    """A photo as a phone makes it: the camera and where it was taken in its EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "MerkVanDeCamera"  # Make
    exif.get_ifd(0x8825)[2] = (51.0, 8.0, 30.0)  # GPSLatitude
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (200, 120, 40)).save(buffer, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(naam, buffer.getvalue(), content_type="image/jpeg")


NIET_MEER = "De afbeelding die je koos, is niet meer bewaard. Kies ze opnieuw."


class FotoForm(BewaardeBestandenMixin, forms.Form):
    """A form of the tests: an image and a required name beside it."""

    naam = forms.CharField()
    foto = forms.ImageField(widget=BewaardeAfbeelding)


def token_uit(form: forms.Form, veld: str = "foto") -> str:
    """The hidden token as the page carries it."""
    html = str(form[veld])
    assert f'name="{form.add_prefix(veld)}__bewaard"' in html, html
    return html.split(f'name="{form.add_prefix(veld)}__bewaard" value="', 1)[1].split('"', 1)[0]


# --- 1. A text area with its length limit ---------------------------------------------------


class SamenvattingForm(forms.ModelForm):
    class Meta:
        model = Inspiratie
        fields = ["samenvatting"]
        field_classes = {"samenvatting": EenRegelTekstvak}
        widgets = {"samenvatting": TekstvakMetLimiet}


def test_het_tekstvak_noemt_zijn_limiet_ook_zonder_javascript():
    html = str(SamenvattingForm()["samenvatting"])
    assert "<textarea" in html
    assert 'rows="3"' in html
    assert 'maxlength="300"' in html
    assert '<span id="id_samenvatting_limiet">Maximaal 300 tekens.</span>' in html
    # Help text, limit and the (live) counter describe the field.
    assert (
        'aria-describedby="id_samenvatting_helptext id_samenvatting_limiet id_samenvatting_teller"'
        in html
    )
    assert 'id="id_samenvatting_teller" aria-live="polite"' in html
    assert 'data-over-meer="Nog %(n)s tekens"' in html
    assert 'data-te-veel-een="%(n)s teken te veel"' in html
    # The counter itself is only shown by the script, and hidden from screen readers (the live
    # region tells them, when the typing pauses).
    assert 'class="baz-tekstvak-teller" aria-hidden="true" hidden' in html
    assert "style=" not in html and not re.search(r"\son[a-z]+=", html)  # the CSP allows neither


def test_het_tekstvak_laadt_zijn_script_en_stijl_als_bestanden():
    media = str(SamenvattingForm().media)
    assert '<script src="/static/js/beheer-tekstvak.js"></script>' in media
    assert 'href="/static/css/beheer-widgets.css"' in media


def test_een_enter_wordt_een_spatie_en_geeft_geen_fout():
    form = SamenvattingForm({"samenvatting": "Buren helpen elkaar \r\n  met boodschappen.\n\n"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["samenvatting"] == "Buren helpen elkaar met boodschappen."


def test_ook_de_samenvatting_van_een_workshop():
    """The wiring of the guide for workshops/admin.py."""
    from workshops.models import Workshop

    class WorkshopForm(forms.ModelForm):
        class Meta:
            model = Workshop
            fields = ["samenvatting"]
            field_classes = {"samenvatting": EenRegelTekstvak}
            widgets = {"samenvatting": TekstvakMetLimiet}

    assert "Maximaal 300 tekens." in str(WorkshopForm()["samenvatting"])
    form = WorkshopForm({"samenvatting": "Twee uur\nover buren."})
    assert form.is_valid() and form.cleaned_data["samenvatting"] == "Twee uur over buren."


def test_te_lang_blijft_een_fout_met_uitleg():
    form = SamenvattingForm({"samenvatting": "x" * 301})
    assert not form.is_valid()
    assert "300" in form.errors["samenvatting"][0]


def test_een_tekstvak_zonder_limiet_is_een_gewoon_tekstvak():
    class Form(forms.Form):
        vrij = forms.CharField(widget=TekstvakMetLimiet)

    html = str(Form()["vrij"])
    assert "<textarea" in html and "Maximaal" not in html and "data-limiet" not in html


def test_in_het_beheer_een_samenvatting_met_enter(medewerker_client, werkmodellen):
    pagina = medewerker_client.get(TOEVOEGEN).content.decode()
    assert 'id="id_samenvatting_limiet">Maximaal 300 tekens.<' in pagina
    antwoord = medewerker_client.post(
        TOEVOEGEN,
        inspiratie_gegevens(werkmodellen, samenvatting="Een buurtpunt\r\nwaar mensen helpen."),
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    assert Inspiratie.objects.get().samenvatting == "Een buurtpunt waar mensen helpen."


# --- 2. Markdown with a preview -------------------------------------------------------------


def test_de_voorbeeldknop_staat_verborgen_tot_het_script_hem_toont():
    class Form(forms.Form):
        verhaal = forms.CharField(widget=MarkdownMetVoorbeeld)

    form = Form()
    html = str(form["verhaal"])
    assert "<textarea" in html
    assert 'data-url="/beheer/formulieren/voorbeeld/"' in html
    assert 'aria-controls="id_verhaal_voorbeeld" hidden>Voorbeeld bekijken</button>' in html
    assert '<p class="baz-markdown-status" aria-live="polite"></p>' in html
    assert 'id="id_verhaal_voorbeeld" aria-labelledby="id_verhaal_voorbeeld_kop" hidden' in html
    assert '<script src="/static/js/beheer-markdown.js"></script>' in str(form.media)


def test_het_voorbeeld_is_wat_de_publieke_pagina_toont(medewerker_client):
    tekst = "## Kop\n\nHet **verhaal** met [een link](https://baz.be).\n\n<script>alert(1)</script>"
    antwoord = medewerker_client.post(VOORBEELD, {"tekst": tekst})
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    html = antwoord.json()["html"]
    assert html == markdown_naar_html(tekst)  # the very renderer of the inspiratie page
    assert "<strong>verhaal</strong>" in html and "<h2>Kop</h2>" in html
    assert "<script" not in html
    assert 'rel="noopener noreferrer"' in html


def test_een_redacteur_mag_ook_een_voorbeeld_zien(client, redacteur):
    client.force_login(redacteur)
    assert client.post(VOORBEELD, {"tekst": "*ja*"}).json() == {"html": "<p><em>ja</em></p>"}


def test_een_lege_tekst_geeft_een_leeg_voorbeeld(medewerker_client):
    assert medewerker_client.post(VOORBEELD, {"tekst": ""}).json() == {"html": ""}


def test_voorbeeld_zonder_tekst_of_te_groot_is_400(medewerker_client):
    geen = medewerker_client.post(VOORBEELD, {})
    assert geen.status_code == 400
    assert geen.json() == {"fout": "Er is geen tekst meegestuurd."}
    groot = medewerker_client.post(VOORBEELD, {"tekst": "x" * (MAX_VOORBEELD_BYTES + 1)})
    assert groot.status_code == 400
    assert "te lang voor een voorbeeld" in groot.json()["fout"]
    # Bytes count, not characters: 40,000 euro signs are 120 kB.
    euro = medewerker_client.post(VOORBEELD, {"tekst": "€" * 40_000})
    assert euro.status_code == 400


def test_voorbeeld_alleen_met_post_en_csrf(client, medewerker):
    client.force_login(medewerker)
    assert client.get(VOORBEELD).status_code == 405
    streng = Client(enforce_csrf_checks=True)
    streng.force_login(medewerker)
    assert streng.post(VOORBEELD, {"tekst": "x"}).status_code == 403


@pytest.mark.parametrize("adres", [VOORBEELD, THEMAS + "?q=so"])
def test_bezoekers_en_leden_gaan_naar_de_beheerlogin(client, lid, adres):
    doen = client.post if adres == VOORBEELD else client.get
    bezoeker = doen(adres, {"tekst": "x"} if adres == VOORBEELD else None)
    assert bezoeker.status_code == 302 and bezoeker["Location"].startswith("/beheer/login/")
    client.force_login(lid)
    als_lid = doen(adres, {"tekst": "x"} if adres == VOORBEELD else None)
    assert als_lid.status_code == 302 and als_lid["Location"].startswith("/beheer/login/")


def test_zonder_tweede_factor_geen_voorbeeld(client, medewerker, settings):
    settings.BEHEER_TWEESTAPS = True
    client.force_login(medewerker)  # password only, no code from the app
    antwoord = client.post(VOORBEELD, {"tekst": "x"})
    assert antwoord.status_code == 302 and "html" not in antwoord.content.decode()


# --- 3. An uploaded image kept when the form comes back ------------------------------------


def test_een_geldige_afbeelding_blijft_bewaard_bij_een_andere_fout(medewerker):
    eerst = FotoForm({"naam": ""}, {"foto": afbeelding("vakantie.jpg")}, gebruiker=medewerker)
    assert not eerst.is_valid() and "foto" not in eerst.errors
    html = str(eerst["foto"])
    assert "Gekozen afbeelding: vakantie.jpg (blijft bewaard)" in html
    assert 'src="data:image/webp;base64,' in html  # the thumbnail, allowed by the CSP
    assert 'aria-describedby="id_foto_bewaard"' in html
    assert '<label for="id_foto__vergeten">Toch niet gebruiken</label>' in html
    assert len(bewaarde_bestanden()) == 1

    opnieuw = FotoForm(
        {"naam": "Mieke", "foto__bewaard": token_uit(eerst)}, {}, gebruiker=medewerker
    )
    assert opnieuw.is_valid(), opnieuw.errors
    foto = opnieuw.cleaned_data["foto"]
    assert foto.name == "vakantie.jpg"
    foto.seek(0)
    assert foto.read() == afbeelding("vakantie.jpg").read()
    assert opnieuw.has_changed() and "foto" in opnieuw.changed_data


def test_het_ruwe_bestand_staat_buiten_media_en_heeft_geen_adres(medewerker, settings):
    """The kept file is the raw upload, EXIF and GPS still in it: not in MEDIA (served by the
    web server or a public bucket), but in a folder of its own that has no URL."""
    form = FotoForm({"naam": ""}, {"foto": foto_met_gps()}, gebruiker=medewerker)
    assert not form.is_valid()
    html = str(form["foto"])
    assert "Gekozen afbeelding: thuis.jpg (blijft bewaard)" in html

    assert bestanden_in(Path(settings.MEDIA_ROOT)) == []
    [bewaard] = bestanden_in(Path(settings.BEWAARDE_UPLOADS_MAP))
    assert b"MerkVanDeCamera" in bewaard.read_bytes()  # raw indeed, so it must stay private
    assert bewaard.stat().st_mode & 0o777 == 0o600
    assert not default_storage.exists(bewaard.name)
    with pytest.raises(ValueError):
        bewaarplaats().url(bewaard.name)
    assert "/media/" not in html and bewaard.name not in html.replace(token_uit(form), "")

    # The thumbnail is made in memory and re-encoded: no EXIF reaches the page.
    src = re.search(r'src="data:image/webp;base64,([^"]+)"', html).group(1)
    miniatuur = base64.b64decode(src)
    assert b"MerkVanDeCamera" not in miniatuur and b"Exif" not in miniatuur
    with Image.open(io.BytesIO(miniatuur)) as beeld:
        assert beeld.format == "WEBP" and max(beeld.size) == 120
        assert not beeld.getexif()


@pytest.mark.parametrize("waar", ["map leeggemaakt", "andere server"])
def test_is_het_bestand_weg_dan_vraagt_het_formulier_het_opnieuw(medewerker, settings, waar):
    eerst = FotoForm({"naam": ""}, {"foto": afbeelding()}, gebruiker=medewerker)
    eerst.is_valid()
    token = token_uit(eerst)
    if waar == "map leeggemaakt":
        shutil.rmtree(settings.BEWAARDE_UPLOADS_MAP)
    else:  # a server that shares no folder with the one that kept it
        settings.BEWAARDE_UPLOADS_MAP = Path(settings.BEWAARDE_UPLOADS_MAP).parent / "elders"
    weer = FotoForm({"naam": "Mieke", "foto__bewaard": token}, {}, gebruiker=medewerker)
    assert not weer.is_valid()
    assert weer.errors["foto"] == [NIET_MEER]  # not "required": what happened
    assert "blijft bewaard" not in str(weer["foto"])

    gekozen = FotoForm(
        {"naam": "Mieke", "foto__bewaard": token}, {"foto": afbeelding()}, gebruiker=medewerker
    )
    assert gekozen.is_valid(), gekozen.errors  # chosen again: fine


def test_het_bestand_wordt_pas_bewaard_als_het_formulier_terugkomt(medewerker):
    form = FotoForm({"naam": "Mieke"}, {"foto": afbeelding()}, gebruiker=medewerker)
    assert form.is_valid()
    assert bewaarde_bestanden() == []  # a form that succeeds is never written twice
    form = FotoForm({"naam": ""}, {"foto": afbeelding()}, gebruiker=medewerker)
    assert not form.is_valid()
    assert bewaarde_bestanden() == []
    str(form["foto"])
    str(form["foto"])  # shown twice, kept once
    assert len(bewaarde_bestanden()) == 1


def test_een_afgekeurde_afbeelding_wordt_niet_bewaard(medewerker):
    kapot = SimpleUploadedFile("kapot.jpg", b"#!/bin/sh\n", content_type="image/jpeg")
    form = FotoForm({"naam": ""}, {"foto": kapot}, gebruiker=medewerker)
    assert not form.is_valid() and "foto" in form.errors
    assert "blijft bewaard" not in str(form["foto"])
    assert bewaarde_bestanden() == []


def test_een_bewaarde_afbeelding_gaat_door_dezelfde_controle(medewerker):
    """The kept file is validated again, as a fresh upload: a token to something that is no
    image (impossible through the form) still gives the field's own error."""
    geen_beeld = SimpleUploadedFile("tekst.jpg", b"geen afbeelding", content_type="image/jpeg")
    bewaard = bewaren(geen_beeld, veld="foto", gebruiker_id=medewerker.pk)
    form = FotoForm({"naam": "Mieke", "foto__bewaard": bewaard.token}, {}, gebruiker=medewerker)
    assert not form.is_valid()
    assert "foto" in form.errors and "blijft bewaard" not in str(form["foto"])


def test_een_nieuwe_keuze_gaat_voor_de_bewaarde(medewerker):
    eerst = FotoForm({"naam": ""}, {"foto": afbeelding("oud.jpg")}, gebruiker=medewerker)
    eerst.is_valid()
    nieuw = FotoForm(
        {"naam": "Mieke", "foto__bewaard": token_uit(eerst)},
        {"foto": afbeelding("nieuw.png", "PNG")},
        gebruiker=medewerker,
    )
    assert nieuw.is_valid()
    assert nieuw.cleaned_data["foto"].name == "nieuw.png"


def test_toch_niet_gebruiken_laat_de_bewaarde_los(medewerker):
    eerst = FotoForm({"naam": ""}, {"foto": afbeelding()}, gebruiker=medewerker)
    eerst.is_valid()
    los = FotoForm(
        {"naam": "Mieke", "foto__bewaard": token_uit(eerst), "foto__vergeten": "on"},
        {},
        gebruiker=medewerker,
    )
    assert not los.is_valid()
    assert los.errors["foto"]  # required, and nothing chosen any more


def test_een_bewaard_bestand_blijft_bewaard_als_het_weer_misloopt(medewerker):
    eerst = FotoForm({"naam": ""}, {"foto": afbeelding()}, gebruiker=medewerker)
    eerst.is_valid()
    token = token_uit(eerst)
    weer = FotoForm({"naam": "", "foto__bewaard": token}, {}, gebruiker=medewerker)
    assert not weer.is_valid()
    assert token_uit(weer) == token  # the same file, not written again
    assert len(bewaarde_bestanden()) == 1


def _token(gebruiker_id, *, pad=None, veld="foto", geleden=0) -> str:
    """A token as the server signs it (as if the key leaked, for the path checks)."""

    class Ondertekenaar(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - geleden)

    bewaard = bewaren(afbeelding(), veld="foto", gebruiker_id=gebruiker_id)
    gegevens = {
        "p": bewaard.pad if pad is None else pad,
        "n": "foto.jpg",
        "t": "image/jpeg",
        "v": veld,
    }
    return Ondertekenaar(salt=ZOUT).sign_object({**gegevens, "u": str(gebruiker_id)})


@pytest.mark.parametrize(
    "soort", ["andere gebruiker", "veranderd", "verlopen", "ander veld", "buiten de map", "weg"]
)
def test_een_verkeerd_token_wordt_genegeerd(medewerker, collega, soort):
    """A token that is not this user's and field's is ignored without a word; one that is, but
    too old or whose file is gone, asks to choose the image again."""
    elders = default_storage.save("inspiraties/echt.jpg", ContentFile(afbeelding().read()))
    token = {
        "andere gebruiker": lambda: _token(collega.pk),
        "veranderd": lambda: _token(medewerker.pk)[:-3] + "abc",
        "verlopen": lambda: _token(medewerker.pk, geleden=BEWAARTIJD + 5),
        "ander veld": lambda: _token(medewerker.pk, veld="logo"),
        "buiten de map": lambda: _token(medewerker.pk, pad=f"../media/{elders}"),
        "weg": lambda: _token(medewerker.pk, pad="0" * 32),
    }[soort]()
    form = FotoForm({"naam": "Mieke", "foto__bewaard": token}, {}, gebruiker=medewerker)
    assert not form.is_valid()
    if soort in {"verlopen", "weg"}:
        assert form.errors["foto"] == [NIET_MEER]
    else:
        assert "foto" in form.errors and NIET_MEER not in form.errors["foto"]  # as if no file
    assert "blijft bewaard" not in str(form["foto"])
    assert default_storage.exists(elders)


def test_het_pad_van_een_token_moet_precies_in_de_map_staan(medewerker):
    """Even a correctly signed path outside the folder is refused (defence in depth)."""
    elders = default_storage.save("inspiraties/echt.jpg", ContentFile(afbeelding().read()))
    for pad in [elders, "/etc/passwd", f"{'0' * 32}/../../{elders}", "", "leesmij.txt"]:
        token = _token(medewerker.pk, pad=pad)
        form = FotoForm({"naam": "Mieke", "foto__bewaard": token}, {}, gebruiker=medewerker)
        assert not form.is_valid(), pad


def test_zonder_gebruiker_weigert_het_formulier_luid():
    with pytest.raises(ImproperlyConfigured, match="gebruiker="):
        FotoForm()


def test_oude_bewaarde_bestanden_worden_opgeruimd(medewerker):
    from django.utils import timezone

    bewaren(afbeelding(), veld="foto", gebruiker_id=medewerker.pk)
    bewaren(afbeelding(), veld="foto", gebruiker_id=medewerker.pk)
    vreemd = bewaarplaats().save("leesmij.txt", ContentFile(b"niet van ons"))
    assert bewaarde_bestanden_opruimen() == 0  # fresh
    assert len(bewaarde_bestanden()) == 3
    later = timezone.now() + 3 * timezone.timedelta(seconds=BEWAARTIJD)
    assert bewaarde_bestanden_opruimen(nu=later, droog=True) == 2
    assert len(bewaarde_bestanden()) == 3  # only counted
    assert bewaarde_bestanden_opruimen(nu=later) == 2
    assert bewaarde_bestanden() == [vreemd]  # only names of ours go


def test_opruimen_zonder_map_is_niets(settings):
    assert not Path(settings.BEWAARDE_UPLOADS_MAP).exists()
    assert bewaarde_bestanden_opruimen() == 0


def test_in_het_beheer_blijft_de_afbeelding_bij_een_ontbrekende_alt_tekst(
    medewerker_client, werkmodellen
):
    eerst = medewerker_client.post(
        TOEVOEGEN, inspiratie_gegevens(werkmodellen, afbeelding=afbeelding("buren.jpg"))
    )
    pagina = eerst.content.decode()
    assert "Een afbeelding heeft een alternatieve tekst nodig." in pagina
    assert "Gekozen afbeelding: buren.jpg (blijft bewaard)" in pagina
    token = pagina.split('name="afbeelding__bewaard" value="', 1)[1].split('"', 1)[0]
    assert len(bewaarde_bestanden()) == 1

    antwoord = medewerker_client.post(
        TOEVOEGEN,
        inspiratie_gegevens(
            werkmodellen, afbeelding_alt="Buren aan een tafel", afbeelding__bewaard=token
        ),
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    inspiratie = Inspiratie.objects.get()
    # Through the app's own checks: re-encoded as WebP under a server-made name, with srcset.
    assert (
        inspiratie.afbeelding.name.endswith(".webp") and "buren" not in inspiratie.afbeelding.name
    )
    assert inspiratie.afbeelding_breedte == 640
    assert [b for _, b in inspiratie.afbeelding_varianten()] == [480, 640]
    assert bewaarde_bestanden() == []  # used, so removed
    assert inspiratie.afbeelding.storage.exists(inspiratie.afbeelding.name)


@pytest.mark.parametrize("leeg", [True, False])
def test_in_het_beheer_een_verdwenen_bewaard_bestand_geeft_geen_fout_500(
    medewerker_client, werkmodellen, settings, leeg
):
    """The kept file gone (cleaned up, or kept by another server without a shared folder): the
    form comes back asking for the image again, and saves nothing without it."""
    eerst = medewerker_client.post(
        TOEVOEGEN, inspiratie_gegevens(werkmodellen, afbeelding=afbeelding("buren.jpg"))
    )
    token = eerst.content.decode().split('name="afbeelding__bewaard" value="', 1)[1]
    token = token.split('"', 1)[0]
    if leeg:
        for bestand in bestanden_in(Path(settings.BEWAARDE_UPLOADS_MAP)):
            bestand.unlink()
    else:
        shutil.rmtree(settings.BEWAARDE_UPLOADS_MAP)

    gegevens = inspiratie_gegevens(
        werkmodellen, afbeelding_alt="Buren aan een tafel", afbeelding__bewaard=token
    )
    antwoord = medewerker_client.post(TOEVOEGEN, gegevens)
    assert antwoord.status_code in {200, 400}
    pagina = antwoord.content.decode()
    assert NIET_MEER in pagina
    assert "blijft bewaard" not in pagina
    assert not Inspiratie.objects.exists()

    gegevens["afbeelding"] = afbeelding("buren.jpg")  # chosen again
    assert medewerker_client.post(TOEVOEGEN, gegevens).status_code == 302
    assert Inspiratie.objects.get().afbeelding


@pytest.mark.parametrize(
    ("waarde", "melding"),
    [
        ("var/bewaarde-uploads", "BEWAARDE_UPLOADS_MAP must be an absolute path"),
        ("{media}/bewaard", "BEWAARDE_UPLOADS_MAP must not be inside"),
        ("{media}", "BEWAARDE_UPLOADS_MAP must not be inside"),
        ("{static}/bewaard", "BEWAARDE_UPLOADS_MAP must not be inside"),
        ("{bestand}", "BEWAARDE_UPLOADS_MAP must be a directory"),
    ],
)
def test_een_foute_map_stopt_de_start(tmp_path, waarde, melding):
    (tmp_path / "een-bestand").write_text("x")
    map_ = waarde.format(
        media=tmp_path / "media",
        static=Path(__file__).resolve().parent.parent / "staticfiles",
        bestand=tmp_path / "een-bestand",
    )
    resultaat = manage(
        "check", **PRODUCTIE, MEDIA_ROOT=str(tmp_path / "media"), BEWAARDE_UPLOADS_MAP=map_
    )
    assert resultaat.returncode != 0
    assert "ImproperlyConfigured" in resultaat.stderr
    assert melding in resultaat.stderr


def test_een_eigen_map_buiten_media_mag(tmp_path):
    resultaat = manage(
        "check",
        **PRODUCTIE,
        MEDIA_ROOT=str(tmp_path / "media"),
        BEWAARDE_UPLOADS_MAP=str(tmp_path / "bewaard"),
    )
    assert resultaat.returncode == 0, resultaat.stderr


def test_in_het_beheer_telt_een_token_van_een_collega_niet(
    client, collega, medewerker, werkmodellen
):
    token = _token(collega.pk, veld="afbeelding")
    client.force_login(medewerker)
    antwoord = client.post(
        TOEVOEGEN,
        inspiratie_gegevens(werkmodellen, afbeelding_alt="Buren", afbeelding__bewaard=token),
    )
    assert antwoord.status_code == 302
    assert not Inspiratie.objects.get().afbeelding


# --- 4. Theme suggestions -------------------------------------------------------------------


@pytest.fixture
def themas(db):
    namen = ["soep", "Soepbar", "sport", "buurt", "Solidariteit", "zorg"]
    namen += [f"sociaal {i:02d}" for i in range(12)]
    return [Tag.objects.create(name=naam) for naam in namen]


def test_suggesties_beginnen_zo_in_elke_schrijfwijze(medewerker_client, themas):
    antwoord = medewerker_client.get(THEMAS, {"q": "SOEP"})
    assert antwoord.status_code == 200
    assert antwoord.json() == {"themas": ["soep", "Soepbar"]}
    assert medewerker_client.get(THEMAS, {"q": " bu "}).json() == {"themas": ["buurt"]}
    assert medewerker_client.get(THEMAS, {"q": "xyz"}).json() == {"themas": []}


def test_hoogstens_tien_suggesties_op_alfabet(medewerker_client, themas):
    namen = medewerker_client.get(THEMAS, {"q": "so"}).json()["themas"]
    assert len(namen) == 10
    assert namen == sorted(namen)
    assert namen[0] == "sociaal 00"


def test_suggesties_zonder_of_met_te_lange_zoekterm_zijn_400(medewerker_client, themas):
    geen = medewerker_client.get(THEMAS)
    assert geen.status_code == 400 and geen.json() == {"fout": "Geef het begin van een thema (q)."}
    assert medewerker_client.get(THEMAS, {"q": "   "}).status_code == 400
    lang = medewerker_client.get(THEMAS, {"q": "x" * 101})
    assert lang.status_code == 400 and "100 tekens" in lang.json()["fout"]


def test_suggesties_van_een_ander_tagmodel_met_model(medewerker_client, themas):
    antwoord = medewerker_client.get(THEMAS, {"q": "zo", "model": "taggit.Tag"})
    assert antwoord.json() == {"themas": ["zorg"]}


@pytest.mark.parametrize("label", ["auth.user", "bestaat.niet", "zonderpunt", "taggit.taggeditem"])
def test_suggesties_alleen_uit_een_tagmodel(medewerker_client, label):
    antwoord = medewerker_client.get(THEMAS, {"q": "a", "model": label})
    assert antwoord.status_code == 400
    assert antwoord.json() == {"fout": "Dit is geen soort thema's."}


def test_suggesties_alleen_met_get(medewerker_client):
    assert medewerker_client.post(THEMAS, {"q": "so"}).status_code == 405


def test_de_thema_invoer_is_zonder_script_het_gewone_tekstveld(werkmodellen):
    from tests.factories import maak_inspiratie

    class ThemaForm(forms.ModelForm):
        class Meta:
            model = Inspiratie
            fields = ["themas"]
            widgets = {"themas": ThemaInvoer}

    inspiratie = maak_inspiratie(themas=("buurt", "soep"))
    form = ThemaForm(instance=inspiratie)
    html = str(form["themas"])
    assert '<input type="text" name="themas" value="buurt, soep"' in html
    assert 'autocomplete="off"' in html
    assert 'data-url="/beheer/formulieren/themas/?model=taggit.tag"' in html
    assert 'role="listbox" aria-label="Bestaande thema\'s" hidden' in html
    assert 'role="combobox"' not in html  # only the script makes it one
    assert '<script src="/static/js/beheer-themas.js"></script>' in str(form.media)
    bewaard = ThemaForm({"themas": "buurt, soep, zorg"}, instance=inspiratie)
    assert bewaard.is_valid()
    assert bewaard.cleaned_data["themas"] == ["buurt", "soep", "zorg"]


def test_het_beheerformulier_heeft_alle_vier_de_onderdelen(medewerker_client, werkmodellen):
    pagina = medewerker_client.get(TOEVOEGEN).content.decode()
    assert "data-baz-tekstvak" in pagina
    assert "data-baz-markdown" in pagina
    assert "data-baz-themas" in pagina
    assert 'name="afbeelding"' in pagina
    for script in ["beheer-tekstvak.js", "beheer-markdown.js", "beheer-themas.js"]:
        assert pagina.count(f'<script src="/static/js/{script}"') == 1  # (with the nonce)
    assert pagina.count('href="/static/css/beheer-widgets.css"') == 1
