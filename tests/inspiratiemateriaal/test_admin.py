"""Staff manage inspiratiemateriaal in /beheer/: what a file is, is read from the upload; bad
files and captions are refused with the form kept; the workflow goes through buttons and list
actions, each through the service. Personas: `materiaalbeheerder` (may publish),
`materiaalredacteur` (may not)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from baz.models import Auditregel
from inspiratiemateriaal.models import Materiaal

from .factories import ONDERTITELS, TRANSCRIPT, VIDEO_DUUR, maak_materiaal, mpeg4_video, pdf, video

pytestmark = pytest.mark.django_db

TOEVOEGEN = "/beheer/inspiratiemateriaal/materiaal/add/"
LIJST = "/beheer/inspiratiemateriaal/materiaal/"


def wijzigen(materiaal) -> str:
    return f"/beheer/inspiratiemateriaal/materiaal/{materiaal.pk}/change/"


def stap(materiaal) -> str:
    return reverse("admin:inspiratiemateriaal_materiaal_stap", args=[materiaal.pk])


def formulier(**extra) -> dict:
    data = {
        "soort": "screencast",
        "titel": "Zo start je een buurtpunt",
        "slug": "zo-start-je-een-buurtpunt",
        "korte_beschrijving": "Een korte uitleg voor buren.",
        "link": "",
        "ondertitels": "",
        "transcript": "",
        "samenvatting": "",
    }
    data.update(extra)
    return data


def formulier_van(materiaal: Materiaal, **extra) -> dict:
    """What the change form posts back when staff change nothing but `extra`."""
    data = {
        veld: getattr(materiaal, veld)
        for veld in (
            "soort",
            "titel",
            "slug",
            "korte_beschrijving",
            "link",
            "ondertitels",
            "transcript",
            "samenvatting",
        )
    }
    data["werkmodellen"] = [w.pk for w in materiaal.werkmodellen.all()]
    data["publieken"] = [p.pk for p in materiaal.publieken.all()]
    data.update(extra)
    return data


def webm(naam="buurtpunt.webm", inhoud=None):
    return SimpleUploadedFile(naam, video() if inhoud is None else inhoud, "video/webm")


def vtt(tekst=ONDERTITELS, naam="buurtpunt.vtt"):
    inhoud = tekst.encode() if isinstance(tekst, str) else tekst
    return SimpleUploadedFile(naam, inhoud, "text/vtt")


def fouten(antwoord) -> dict:
    assert antwoord.status_code == 200  # the admin shows the form again
    form = antwoord.context["adminform"].form
    return {veld: " ".join(meldingen) for veld, meldingen in form.errors.items()}


def bewaard(antwoord) -> None:
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors


def test_een_screencast_met_video_en_ondertitelbestand(beheerder_client, publieken, werkmodellen):
    antwoord = beheerder_client.post(
        TOEVOEGEN,
        formulier(
            bestand=webm(),
            ondertitelbestand=vtt(),
            werkmodellen=[werkmodellen["community-building"].pk],
            publieken=[publieken["burgers"].pk],
        ),
    )
    bewaard(antwoord)
    materiaal = Materiaal.objects.get(slug="zo-start-je-een-buurtpunt")
    assert materiaal.status == Materiaal.Status.CONCEPT
    assert (materiaal.bestand_type, materiaal.duur) == ("video/webm", VIDEO_DUUR)
    assert (materiaal.breedte, materiaal.hoogte) == (640, 360)
    assert materiaal.bestand_grootte == len(video()) == materiaal.bestand.size
    assert materiaal.paginas is None
    assert (
        materiaal.bestand.name.endswith(".webm") and "buurtpunt.webm" not in materiaal.bestand.name
    )
    assert materiaal.ondertitels == ONDERTITELS
    assert materiaal.transcript == TRANSCRIPT  # made from the captions, left empty
    assert LogEntry.objects.filter(object_id=str(materiaal.pk)).exists()
    # The change form says what the file is.
    html = beheerder_client.get(wijzigen(materiaal)).content.decode()
    assert "video/webm" in html and "640 × 360" in html and "6 s" in html


def test_een_eigen_transcript_blijft_staan(beheerder_client, publieken):
    bewaard(
        beheerder_client.post(
            TOEVOEGEN,
            formulier(bestand=webm(), ondertitels=ONDERTITELS, transcript="Mijn **eigen** tekst."),
        )
    )
    assert Materiaal.objects.get().transcript == "Mijn **eigen** tekst."


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (lambda: webm(inhoud=video()[:500]), "De video bevat geen beeld dat we kunnen lezen."),
        (lambda: webm(naam="buurtpunt.avi"), "Kies een video in MP4 of WebM"),
        (lambda: webm(naam="oud.mp4", inhoud=mpeg4_video()), "gecodeerd als mpeg4"),
        (lambda: webm(naam="publicatie.pdf", inhoud=pdf()), "Kies een video in MP4 of WebM"),
    ],
    ids=["afgebroken", "avi", "mpeg4", "pdf"],
)
def test_een_slechte_video_wordt_geweigerd(beheerder_client, publieken, settings, bestand, melding):
    antwoord = beheerder_client.post(
        TOEVOEGEN, formulier(bestand=bestand(), ondertitelbestand=vtt())
    )
    assert melding in fouten(antwoord)["bestand"]
    assert melding in antwoord.content.decode()
    assert 'value="Zo start je een buurtpunt"' in antwoord.content.decode()  # typed text kept
    assert not Materiaal.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@pytest.mark.parametrize(
    ("ondertitels", "veld", "melding"),
    [
        ("Hallo\n", "ondertitelbestand", "begint met de regel ‘WEBVTT’"),
        (
            "WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nTekst\n",
            "ondertitelbestand",
            "Regel 3: het einde van de ondertitel ligt niet na het begin.",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n".encode("utf-16"),
            "ondertitelbestand",
            "UTF-8",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:20.000\nVeel te lang\n",
            "ondertitels",
            "De ondertitels lopen tot 20 s, maar de video duurt 6 s.",
        ),
        (
            # The last cue ends in time; an earlier one, still on screen, does not.
            "WEBVTT\n\n00:00:01.000 --> 00:00:30.000\nLang\n\n00:00:02.000 --> 00:00:03.000\nKort\n",
            "ondertitels",
            "De ondertitels lopen tot 30 s, maar de video duurt 6 s.",
        ),
    ],
    ids=["geen-kop", "einde-voor-begin", "utf-16", "langer-dan-de-video", "eerdere-te-lang"],
)
def test_slechte_ondertitels_worden_geweigerd(
    beheerder_client, publieken, ondertitels, veld, melding
):
    antwoord = beheerder_client.post(
        TOEVOEGEN, formulier(bestand=webm(), ondertitelbestand=vtt(ondertitels))
    )
    assert melding in fouten(antwoord)[veld]
    assert not Materiaal.objects.exists()


def test_getypte_ondertitels_met_een_fout(beheerder_client, publieken):
    antwoord = beheerder_client.post(
        TOEVOEGEN, formulier(bestand=webm(), ondertitels="WEBVTT\n\nfout\n")
    )
    assert "Regel 3:" in fouten(antwoord)["ondertitels"]
    assert not Materiaal.objects.exists()


def test_ondertitels_langer_dan_de_bestaande_video(beheerder_client, publieken):
    screencast = maak_materiaal(status="concept")
    antwoord = beheerder_client.post(
        wijzigen(screencast),
        formulier_van(screencast, ondertitels="WEBVTT\n\n00:00:01.000 --> 00:01:00.000\nLang\n"),
    )
    assert "maar de video duurt 6 s" in fouten(antwoord)["ondertitels"]
    screencast.refresh_from_db()
    assert screencast.ondertitels == ONDERTITELS


def test_een_publicatie_met_pdf(beheerder_client, publieken):
    bewaard(
        beheerder_client.post(
            TOEVOEGEN,
            formulier(
                soort="publicatie",
                bestand=SimpleUploadedFile("bundel.pdf", pdf(), "application/pdf"),
                samenvatting="## Wat staat erin\n\nVerhalen.",
            ),
        )
    )
    publicatie = Materiaal.objects.get()
    assert (publicatie.bestand_type, publicatie.paginas) == ("application/pdf", 2)
    assert publicatie.bestand_grootte == len(pdf())
    assert publicatie.duur is publicatie.breedte is None
    assert publicatie.transcript == ""


def test_een_video_als_publicatie_wordt_geweigerd(beheerder_client, publieken):
    antwoord = beheerder_client.post(TOEVOEGEN, formulier(soort="publicatie", bestand=webm()))
    assert fouten(antwoord)["bestand"] == "Dit bestand is geen PDF."
    assert not Materiaal.objects.exists()


@pytest.mark.parametrize(
    ("van", "naar", "melding"),
    [
        (
            "publicatie",
            "screencast",
            "Een screencast heeft een video nodig; kies een ander bestand.",
        ),
        ("screencast", "publicatie", "Deze soort heeft een PDF nodig; kies een ander bestand."),
        ("screencast", "tool", "Deze soort heeft een PDF nodig; kies een ander bestand."),
    ],
)
def test_de_soort_veranderen_zonder_passend_bestand(
    beheerder_client, publieken, van, naar, melding
):
    materiaal = maak_materiaal(soort=van, status="concept")
    antwoord = beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, soort=naar))
    assert melding in fouten(antwoord)["bestand"]
    assert Materiaal.objects.get(pk=materiaal.pk).soort == van


def test_een_tool_met_pdf_wordt_een_publicatie(beheerder_client, publieken):
    tool = maak_materiaal(soort="tool", tool_pdf=True, status="concept")
    bewaard(beheerder_client.post(wijzigen(tool), formulier_van(tool, soort="publicatie")))
    tool.refresh_from_db()
    assert (tool.soort, tool.paginas) == ("publicatie", 2)


@pytest.mark.parametrize(
    ("soort", "extra", "ontbreekt"),
    [
        (
            "screencast",
            {"ondertitels": "", "transcript": ""},
            "ondertitels (WebVTT), een transcript",
        ),
        ("screencast", {"bestand-clear": "on"}, "een video (MP4 of WebM)"),
        ("publicatie", {"samenvatting": "  "}, "een samenvatting voor op de pagina"),
        ("tool", {"link": ""}, "een bestand of een link"),
    ],
)
def test_gepubliceerd_materiaal_blijft_compleet(
    beheerder_client, publieken, soort, extra, ontbreekt
):
    materiaal = maak_materiaal(soort=soort)
    antwoord = beheerder_client.post(wijzigen(materiaal), formulier_van(materiaal, **extra))
    assert fouten(antwoord)["__all__"] == (
        "Dit materiaal staat online en moet compleet blijven; er ontbreekt: "
        f"{ontbreekt}. Archiveer het eerst als je dat wil weghalen."
    )
    na = Materiaal.objects.get(pk=materiaal.pk)
    assert (na.ondertitels, na.transcript, na.samenvatting, na.link, na.bestand.name) == (
        materiaal.ondertitels,
        materiaal.transcript,
        materiaal.samenvatting,
        materiaal.link,
        materiaal.bestand.name,
    )


def test_een_gepubliceerde_screencast_krijgt_zijn_transcript_terug(beheerder_client, publieken):
    screencast = maak_materiaal(transcript="Oud transcript.")
    bewaard(beheerder_client.post(wijzigen(screencast), formulier_van(screencast, transcript="")))
    screencast.refresh_from_db()
    assert screencast.transcript == TRANSCRIPT
    assert screencast.status == Materiaal.Status.GEPUBLICEERD


# The workflow


def acties(materiaal) -> list[str]:
    return list(
        Auditregel.objects.filter(object_id=str(materiaal.pk))
        .order_by("pk")
        .values_list("actie", flat=True)
    )


def test_publiceren_archiveren_en_heropenen_met_de_knoppen(
    beheerder_client, materiaalbeheerder, publieken
):
    screencast = maak_materiaal(titel="Buurtpunt", status="concept")
    html = beheerder_client.get(wijzigen(screencast)).content.decode()
    assert 'id="workflow-status">Concept<' in html
    assert 'name="overgang" value="publiceren"' in html
    assert 'value="archiveren"' not in html

    antwoord = beheerder_client.post(stap(screencast), {"overgang": "publiceren"}, follow=True)
    assert antwoord.redirect_chain[-1][0] == wijzigen(screencast)
    html = antwoord.content.decode()
    assert "“Buurtpunt” is nu: gepubliceerd." in html
    assert "Inspiratiemateriaal gepubliceerd" in html  # the history, from the audit rows
    screencast.refresh_from_db()
    assert screencast.status == Materiaal.Status.GEPUBLICEERD
    assert screencast.gepubliceerd_op is not None
    assert 'name="overgang" value="archiveren"' in html

    antwoord = beheerder_client.post(stap(screencast), {"overgang": "archiveren"}, follow=True)
    assert "“Buurtpunt” is nu: gearchiveerd." in antwoord.content.decode()
    antwoord = beheerder_client.post(stap(screencast), {"overgang": "heropenen"}, follow=True)
    assert "“Buurtpunt” is nu: concept." in antwoord.content.decode()
    assert Materiaal.objects.get(pk=screencast.pk).status == Materiaal.Status.CONCEPT

    assert acties(screencast) == [
        "inspiratiemateriaal.gepubliceerd",
        "inspiratiemateriaal.gearchiveerd",
        "inspiratiemateriaal.heropend",
    ]
    regel = Auditregel.objects.filter(object_id=str(screencast.pk)).first()
    assert regel.door == materiaalbeheerder
    assert LogEntry.objects.filter(object_id=str(screencast.pk)).count() == 3


def test_onvolledig_materiaal_publiceren_geeft_een_melding(beheerder_client, publieken):
    screencast = maak_materiaal(status="concept", ondertitels="", transcript="")
    html = beheerder_client.get(wijzigen(screencast)).content.decode()
    assert "Nog nodig om te publiceren: ondertitels (WebVTT), een transcript." in html
    antwoord = beheerder_client.post(stap(screencast), {"overgang": "publiceren"}, follow=True)
    assert antwoord.status_code == 200
    assert (
        "Nog niet compleet om te publiceren; er ontbreekt: ondertitels (WebVTT), een transcript."
        in antwoord.content.decode()
    )
    assert Materiaal.objects.get(pk=screencast.pk).status == Materiaal.Status.CONCEPT
    assert acties(screencast) == []


def test_een_stap_die_niet_past_geeft_een_melding(beheerder_client, publieken):
    online = maak_materiaal()
    antwoord = beheerder_client.post(stap(online), {"overgang": "publiceren"}, follow=True)
    assert "Dit materiaal staat al online." in antwoord.content.decode()
    antwoord = beheerder_client.post(stap(online), {"overgang": "wissen"}, follow=True)
    assert "Die stap bestaat niet." in antwoord.content.decode()
    assert acties(online) == []


def test_zonder_het_recht_geen_knoppen_en_403(redacteur_client, publieken):
    concept = maak_materiaal(status="concept")
    online = maak_materiaal()
    html = redacteur_client.get(wijzigen(concept)).content.decode()
    assert 'name="overgang"' not in html
    assert redacteur_client.post(stap(concept), {"overgang": "publiceren"}).status_code == 403
    assert redacteur_client.post(stap(online), {"overgang": "archiveren"}).status_code == 403
    # Nor through the list action, which is not even offered.
    assert 'value="publiceren"' not in redacteur_client.get(LIJST).content.decode()
    redacteur_client.post(
        LIJST, {"action": "publiceren", "_selected_action": [concept.pk], "index": 0}
    )
    assert Materiaal.objects.get(pk=concept.pk).status == Materiaal.Status.CONCEPT
    assert Materiaal.objects.get(pk=online.pk).status == Materiaal.Status.GEPUBLICEERD
    assert not Auditregel.objects.exists()


def test_alleen_post_en_alleen_voor_medewerkers(beheerder_client, client, publieken):
    concept = maak_materiaal(status="concept")
    assert beheerder_client.get(stap(concept)).status_code == 405
    antwoord = client.post(stap(concept), {"overgang": "publiceren"})
    assert antwoord.status_code == 302 and "/beheer/login/" in antwoord["Location"]
    onbekend = reverse("admin:inspiratiemateriaal_materiaal_stap", args=[999999])
    assert beheerder_client.post(onbekend, {"overgang": "publiceren"}).status_code == 404
    assert Materiaal.objects.get(pk=concept.pk).status == Materiaal.Status.CONCEPT


def test_lijstactie_publiceren_meldt_wat_niet_kon(beheerder_client, publieken):
    klaar = maak_materiaal(titel="Klaar", status="concept")
    onvolledig = maak_materiaal(
        titel="Onvolledig", soort="publicatie", status="concept", samenvatting=""
    )
    antwoord = beheerder_client.post(
        LIJST,
        {"action": "publiceren", "_selected_action": [klaar.pk, onvolledig.pk], "index": 0},
        follow=True,
    )
    html = antwoord.content.decode()
    assert "1 item gewijzigd." in html
    assert (
        "1 item niet gewijzigd: “Onvolledig”: Nog niet compleet om te publiceren; er ontbreekt: "
        "een samenvatting voor op de pagina." in html
    )
    assert Materiaal.objects.get(pk=klaar.pk).status == Materiaal.Status.GEPUBLICEERD
    assert Materiaal.objects.get(pk=onvolledig.pk).status == Materiaal.Status.CONCEPT
    assert acties(klaar) == ["inspiratiemateriaal.gepubliceerd"]


def test_lijstactie_archiveren(beheerder_client, publieken):
    online = [maak_materiaal(), maak_materiaal(soort="tool")]
    concept = maak_materiaal(status="concept", titel="Nog concept")
    antwoord = beheerder_client.post(
        LIJST,
        {
            "action": "archiveren",
            "_selected_action": [m.pk for m in [*online, concept]],
            "index": 0,
        },
        follow=True,
    )
    html = antwoord.content.decode()
    assert "2 items gewijzigd." in html
    assert "“Nog concept”: Alleen gepubliceerd materiaal kan je archiveren." in html
    assert set(Materiaal.objects.values_list("status", flat=True)) == {"gearchiveerd", "concept"}
    assert Auditregel.objects.filter(actie="inspiratiemateriaal.gearchiveerd").count() == 2


def test_de_lijst_in_beheer(beheerder_client, publieken):
    maak_materiaal(titel="Een screencast")
    maak_materiaal(titel="Een publicatie", soort="publicatie", status="concept")
    antwoord = beheerder_client.get(LIJST + "?status__exact=gepubliceerd")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Een screencast" in html and "Een publicatie" not in html
