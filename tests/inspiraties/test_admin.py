"""Staff curate inspiraties in /beheer/: workflow actions, validation, images, permissions."""

import io

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from inspiraties.models import Inspiratie, Werkmodel
from tests.factories import maak_inspiratie


def afbeelding(
    formaat="JPEG", grootte=(1200, 800), naam="foto.jpg", exif=True
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    beeld = Image.new("RGB", grootte, (200, 120, 40))
    opties = {}
    if exif and formaat == "JPEG":
        gegevens = Image.Exif()
        gegevens[0x010F] = "GeheimeCamera"  # Make
        opties["exif"] = gegevens.tobytes()
    beeld.save(buffer, format=formaat, **opties)
    return SimpleUploadedFile(naam, buffer.getvalue(), content_type=f"image/{formaat.lower()}")


def formulier(werkmodellen, **extra) -> dict:
    data = {
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
    }
    data.update(extra)
    return data


def test_medewerker_maakt_een_inspiratie_met_afbeelding(medewerker_client, werkmodellen, gemeenten):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/",
        formulier(
            werkmodellen,
            gemeente=gemeenten["Nijlen"].pk,
            afbeelding=afbeelding(),
            afbeelding_alt="Buren aan een tafel",
        ),
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    inspiratie = Inspiratie.objects.get(slug="buurtpunt-nijlen")
    assert inspiratie.provincie == "antwerpen"  # derived from the gemeente
    assert inspiratie.status == "concept"
    assert sorted(t.name for t in inspiratie.themas.all()) == ["buurt", "ontmoeting"]
    assert "buurtpunt nijlen" in inspiratie.zoektekst
    # Re-encoded as WebP under a server-made name, EXIF gone, smaller sizes for srcset.
    assert inspiratie.afbeelding.name.endswith(".webp")
    assert "foto" not in inspiratie.afbeelding.name
    with inspiratie.afbeelding.open("rb") as bestand, Image.open(bestand) as beeld:
        assert beeld.format == "WEBP"
        assert not beeld.getexif()
    assert [b for _, b in inspiratie.afbeelding_varianten()] == [480, 960, 1200]
    assert LogEntry.objects.filter(object_id=str(inspiratie.pk)).exists()


@pytest.mark.parametrize(
    ("bestand", "fout"),
    [
        (
            SimpleUploadedFile("script.jpg", b"#!/bin/sh\nrm -rf /\n", content_type="image/jpeg"),
            "geen of een beschadigde afbeelding",
        ),
        (
            SimpleUploadedFile(
                "polyglot.jpg", b"GIF89a<script>alert(1)</script>", content_type="image/gif"
            ),
            "geen of een beschadigde afbeelding",
        ),
        (afbeelding("PNG", (8000, 6000), "groot.png", exif=False), "meer dan 40 megapixel"),
    ],
)
def test_slechte_uploads_worden_geweigerd_met_uitleg(
    medewerker_client, werkmodellen, bestand, fout
):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/",
        formulier(werkmodellen, afbeelding=bestand, afbeelding_alt="Iets"),
    )
    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()
    assert not Inspiratie.objects.exists()


def test_alt_tekst_is_verplicht_bij_een_afbeelding(medewerker_client, werkmodellen):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/", formulier(werkmodellen, afbeelding=afbeelding())
    )
    assert "Een afbeelding heeft een alternatieve tekst nodig." in antwoord.content.decode()


def test_minstens_een_werkmodel(medewerker_client, werkmodellen):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/", {**formulier(werkmodellen), "werkmodellen": []}
    )
    assert "Kies minstens één werkmodel." in antwoord.content.decode()


def test_gemeente_en_provincie_moeten_kloppen(medewerker_client, werkmodellen, gemeenten):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/",
        formulier(werkmodellen, gemeente=gemeenten["Geel"].pk, provincie="limburg"),
    )
    assert "Geel ligt in Antwerpen." in antwoord.content.decode()


def test_publiceren_in_bulk(medewerker_client, werkmodellen):
    concepten = [maak_inspiratie(status="concept"), maak_inspiratie(status="review")]
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "publiceren", "_selected_action": [i.pk for i in concepten]},
        follow=True,
    )
    assert "2 inspiraties gepubliceerd." in antwoord.content.decode()
    assert Inspiratie.objects.gepubliceerd().count() == 2
    assert LogEntry.objects.count() == 2


def test_archiveren_haalt_offline(medewerker_client, bezoeker, werkmodellen):
    inspiratie = maak_inspiratie()
    medewerker_client.post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "archiveren", "_selected_action": [inspiratie.pk]},
    )
    bezoeker.logout()
    assert bezoeker.get(inspiratie.get_absolute_url()).status_code == 404


def test_werkmodellen_kunnen_niet_toegevoegd_of_verwijderd(medewerker_client, werkmodellen):
    assert medewerker_client.get("/beheer/inspiraties/werkmodel/add/").status_code == 403
    pk = werkmodellen["buddywerking"].pk
    assert medewerker_client.get(f"/beheer/inspiraties/werkmodel/{pk}/delete/").status_code == 403
    assert Werkmodel.objects.count() == 6


def test_redactie_heeft_precies_de_rechten_van_een_redacteur(client, redacteur, werkmodellen):
    client.force_login(redacteur)
    assert client.get("/beheer/inspiraties/inspiratie/add/").status_code == 200
    assert client.get("/beheer/inspiraties/werkmodel/").status_code == 200
    inspiratie = maak_inspiratie()
    assert client.get(f"/beheer/inspiraties/inspiratie/{inspiratie.pk}/delete/").status_code == 403
    assert client.get("/beheer/auth/user/").status_code == 403
    rechten = set(redacteur.get_all_permissions())
    assert "inspiraties.change_inspiratie" in rechten
    assert "inspiraties.delete_inspiratie" not in rechten
    assert "inspiraties.publiceren" not in rechten  # the Eindredactie publishes
    assert not any(r.startswith("auth.") for r in rechten)


def test_beheer_alleen_voor_medewerkers(client, django_user_model, db):
    gewone = django_user_model.objects.create_user("lid", "lid@example.org", "x-wachtwoord-123")
    client.force_login(gewone)
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302
    assert "/beheer/login/" in antwoord["Location"]


def test_admin_lijst_zoeken_en_filteren(
    medewerker_client, werkmodellen, django_assert_max_num_queries
):
    for nummer in range(20):
        maak_inspiratie(titel=f"Soep {nummer}", provincie="antwerpen")
    # Guards an N+1 on the werkmodellen column of the changelist.
    with django_assert_max_num_queries(12):
        antwoord = medewerker_client.get(
            "/beheer/inspiraties/inspiratie/?q=soep&status__exact=gepubliceerd&provincie__exact=antwerpen"
        )
    assert antwoord.status_code == 200
    assert "20 inspiraties" in antwoord.content.decode()


def test_een_bestand_boven_10_mb_wordt_geweigerd(medewerker_client, werkmodellen):
    ruis = Image.frombytes("RGB", (2000, 2000), bytes(range(256)) * (2000 * 2000 * 3 // 256))
    buffer = io.BytesIO()
    ruis.save(buffer, format="BMP")
    assert buffer.tell() > 10 * 1024 * 1024
    groot = SimpleUploadedFile("groot.bmp", buffer.getvalue(), content_type="image/bmp")
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/",
        formulier(werkmodellen, afbeelding=groot, afbeelding_alt="Ruis"),
    )
    assert "groter dan 10 MB" in antwoord.content.decode()
    assert not Inspiratie.objects.exists()


def test_een_decompressiebom_wordt_geweigerd(medewerker_client, werkmodellen):
    buffer = io.BytesIO()
    Image.new("1", (15_000, 15_000)).save(buffer, format="PNG", optimize=True)
    bom = SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png")
    assert bom.size < 1024 * 1024  # tiny on disk, 225 megapixels in memory
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/",
        formulier(werkmodellen, afbeelding=bom, afbeelding_alt="Bom"),
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "geen of een beschadigde afbeelding" in html or "40 megapixel" in html
    assert not Inspiratie.objects.exists()


def test_een_lokaal_initiatief_heeft_een_gemeente(medewerker_client, werkmodellen, gemeenten):
    """Issue 12: every local inspiratie has a gemeente; the others keep their reikwijdte."""
    url = "/beheer/inspiraties/inspiratie/add/"
    zonder = medewerker_client.post(url, formulier(werkmodellen, reikwijdte="lokaal"))
    assert zonder.status_code == 200
    assert "Een lokaal initiatief heeft een gemeente" in zonder.content.decode()
    assert not Inspiratie.objects.exists()
    met = medewerker_client.post(
        url, formulier(werkmodellen, reikwijdte="lokaal", gemeente=gemeenten["Nijlen"].pk)
    )
    assert met.status_code == 302
    assert Inspiratie.objects.get().gemeente == gemeenten["Nijlen"]
