"""What a review of the first version found, each as the user meets it: a polyglot upload
stored under a harmless name, hostile files refused without a 500, captions as video sites
export them, a transcript that follows new captions, the Redactie kept off published material,
a save that does not undo a publication made meanwhile, a replaced file removed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inspiratiemateriaal import services
from inspiratiemateriaal.bestanden import ondertitels_lezen, pdf_lezen, transcript_uit
from inspiratiemateriaal.models import Materiaal

from .factories import maak_materiaal, pdf
from .test_admin import TOEVOEGEN, bewaard, formulier, formulier_van, fouten, vtt, webm, wijzigen

pytestmark = pytest.mark.django_db


def test_de_extensie_komt_uit_wat_het_bestand_is_niet_uit_de_naam(beheerder_client, publieken):
    polyglot = SimpleUploadedFile("gids.html", pdf(), "text/html")
    bewaard(beheerder_client.post(TOEVOEGEN, formulier(soort="publicatie", bestand=polyglot)))
    naam = Materiaal.objects.get().bestand.name
    assert naam.endswith(".pdf") and ".html" not in naam


def test_een_pdf_die_pypdf_niet_aankan_geeft_een_melding_geen_500():
    # An xref that points nowhere and a page tree that is not one: pypdf's own errors.
    for inhoud in (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nstartxref 999999\n%%EOF",
        b"%PDF-1.4\n" + b"0" * 2000,
    ):
        with pytest.raises(ValidationError):
            pdf_lezen(SimpleUploadedFile("kapot.pdf", inhoud))


def test_ondertitels_met_kopregels_zoals_videosites_ze_maken():
    cues = ondertitels_lezen(
        "WEBVTT\nKind: captions\nLanguage: nl\n\n00:00:01.000 --> 00:00:02.000\nDag buren.\n"
    )
    assert [cue.tekst for cue in cues] == ["Dag buren."]


def test_nieuwe_ondertitels_maken_een_nieuw_transcript_tenzij_het_bewerkt_was(
    beheerder_client, publieken
):
    oud = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOude zin.\n"
    nieuw = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nNieuwe zin.\n"
    bewaard(beheerder_client.post(TOEVOEGEN, formulier(bestand=webm(), ondertitelbestand=vtt(oud))))
    materiaal = Materiaal.objects.get()
    assert materiaal.transcript == transcript_uit(ondertitels_lezen(oud)) == "Oude zin."
    # New captions, transcript untouched since it was made from the old ones: it follows.
    bewaard(beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, ondertitels=nieuw)))
    materiaal.refresh_from_db()
    assert materiaal.transcript == "Nieuwe zin."
    # Staff wrote their own transcript (what is shown, too): new captions leave it alone.
    eigen = "Nieuwe zin. Op het scherm: het logo van BAZ."
    bewaard(beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, transcript=eigen)))
    materiaal.refresh_from_db()
    bewaard(beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, ondertitels=oud)))
    materiaal.refresh_from_db()
    assert materiaal.transcript == eigen


def test_de_redactie_wijzigt_geen_gepubliceerd_materiaal(redacteur_client, publieken):
    online = maak_materiaal(titel="Online")
    pagina = redacteur_client.get(wijzigen(online)).content.decode()
    assert 'name="titel"' not in pagina  # read only
    redacteur_client.post(wijzigen(online), formulier_van(online, titel="Stiekem anders"))
    online.refresh_from_db()
    assert online.titel == "Online"
    concept = maak_materiaal(titel="In de maak", status=Materiaal.Status.CONCEPT)
    bewaard(redacteur_client.post(wijzigen(concept), formulier_van(concept, titel="Bijna klaar")))
    concept.refresh_from_db()
    assert concept.titel == "Bijna klaar"


def test_bewaren_zet_een_intussen_gearchiveerd_item_niet_terug_online(
    beheerder_client, materiaalbeheerder, publieken
):
    materiaal = maak_materiaal(titel="Online")
    formulier_open = formulier_van(materiaal, titel="Betere titel")  # the form, as it was read
    services.overgang_uitvoeren(materiaal=materiaal, naam="archiveren", door=materiaalbeheerder)
    bewaard(beheerder_client.post(wijzigen(materiaal), formulier_open))
    materiaal.refresh_from_db()
    assert (materiaal.titel, materiaal.status) == ("Betere titel", Materiaal.Status.GEARCHIVEERD)


def test_een_vervangen_bestand_verdwijnt(
    beheerder_client, publieken, django_capture_on_commit_callbacks
):
    materiaal = maak_materiaal(soort="publicatie")
    opslag, oud = materiaal.bestand.storage, materiaal.bestand.name
    assert opslag.exists(oud)
    nieuw = SimpleUploadedFile("nieuw.pdf", pdf(), "application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        bewaard(beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, bestand=nieuw)))
    materiaal.refresh_from_db()
    assert materiaal.bestand.name != oud and opslag.exists(materiaal.bestand.name)
    assert not opslag.exists(oud)


def test_slechte_ondertitels_in_het_formulier_tonen_de_regel(beheerder_client, publieken):
    antwoord = beheerder_client.post(
        TOEVOEGEN, formulier(bestand=webm(), ondertitels="WEBVTT\n\n00:01 --> 00:02\nTe kort.\n")
    )
    assert "Regel 3" in fouten(antwoord)["ondertitels"]


def test_een_bestand_uit_een_formulier_met_fouten_wordt_niet_als_bewaard_getoond(
    beheerder_client, publieken
):
    antwoord = beheerder_client.post(
        TOEVOEGEN, formulier(bestand=webm(), ondertitels="WEBVTT\n\nfout\nFout.\n")
    )
    html = antwoord.content.decode()
    assert "Nog niet bewaard: kies het bestand opnieuw en bewaar." in html
    assert "video/webm" not in html
