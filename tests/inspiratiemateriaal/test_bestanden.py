"""What an uploaded file is, read from the file itself (inspiratiemateriaal/bestanden.py): real
videos made with PyAV, real PDFs made with the core's PDF builder, and WebVTT checked strictly,
with Dutch messages that name the line."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inspiratiemateriaal import demo
from inspiratiemateriaal.bestanden import (
    Cue,
    gewone_tekst,
    ondertitels_lezen,
    pdf_lezen,
    transcript_uit,
    video_lezen,
)

from .factories import VIDEO_DUUR, gecodeerde_video, mpeg4_video, pdf, versleutelde_pdf, video


def upload(naam: str, inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud)


def fout(functie, *args) -> str:
    with pytest.raises(ValidationError) as info:
        functie(*args)
    return " ".join(info.value.messages)


# Videos


def test_een_echte_webm_van_de_demo_wordt_gelezen():
    bestand = upload("uitleg.webm", video())
    feiten = video_lezen(bestand)
    assert feiten.type == "video/webm"
    assert feiten.duur == VIDEO_DUUR
    assert (feiten.breedte, feiten.hoogte) == (demo.BREEDTE, demo.HOOGTE)
    assert bestand.tell() == 0  # the file is rewound, ready to be stored


def test_de_demovideo_duurt_zo_lang_als_zijn_ondertitels():
    cues = [(0, 2, "Een"), (2, 9.5, "Twee")]
    assert video_lezen(upload("lang.webm", demo.demovideo("Lang", cues))).duur == 10


@pytest.mark.parametrize(
    "inhoud",
    [
        pytest.param(lambda: video()[:400], id="afgebroken"),
        pytest.param(lambda: b"\x1aE\xdf\xa3" + b"rommel" * 200, id="rommel-met-webm-begin"),
        pytest.param(lambda: b"Dit is geen video.\n" * 50, id="tekst"),
    ],
)
def test_een_kapotte_webm_wordt_geweigerd(inhoud):
    melding = fout(video_lezen, upload("kapot.webm", inhoud()))
    assert melding == (
        "We kunnen deze video niet lezen; is het bestand volledig en echt een video?"
    )


@pytest.mark.parametrize("naam", ["uitleg.avi", "uitleg.mov", "uitleg", "uitleg.webm.exe"])
def test_een_verkeerde_extensie_wordt_geweigerd(naam):
    assert fout(video_lezen, upload(naam, video())) == (
        "Kies een video in MP4 of WebM (bestandsnaam op .mp4 of .webm)."
    )


def test_een_webm_met_de_naam_mp4_wordt_geweigerd():
    assert fout(video_lezen, upload("uitleg.mp4", video())) == "Dit bestand is geen MP4-video."


def test_een_codec_die_browsers_niet_afspelen_wordt_geweigerd():
    melding = fout(video_lezen, upload("oud.mp4", mpeg4_video()))
    assert "gecodeerd als mpeg4" in melding
    assert "Gebruik H.264 in MP4, of VP8, VP9 of AV1 in WebM." in melding


def test_een_h264_mp4_wordt_aanvaard():
    h264 = gecodeerde_video(formaat="mp4", codec="libx264", beelden=20)
    feiten = video_lezen(upload("goed.mp4", h264))
    assert (feiten.type, feiten.duur, feiten.breedte, feiten.hoogte) == ("video/mp4", 2, 64, 48)


def test_een_pdf_als_video_wordt_geweigerd():
    assert fout(video_lezen, upload("publicatie.webm", pdf())).startswith(
        "We kunnen deze video niet lezen"
    )


def test_een_te_grote_video_wordt_geweigerd(monkeypatch):
    from inspiratiemateriaal import bestanden

    monkeypatch.setattr(bestanden, "VIDEO_MAX_BYTES", 1024 * 1024)
    melding = fout(video_lezen, upload("groot.webm", b"\0" * (2 * 1024 * 1024)))
    assert melding == "Het bestand is 2 MB; de grens is 1 MB."


# PDFs


def test_een_pdf_van_de_pdf_maker_geeft_zijn_aantal_paginas():
    bestand = upload("zelfreflectie.pdf", pdf())
    assert pdf_lezen(bestand) == 2
    assert bestand.tell() == 0


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"Hallo, dit is tekst.", "Dit bestand is geen PDF."),
        (b"", "Dit bestand is geen PDF."),
        (lambda: video(), "Dit bestand is geen PDF."),
        (lambda: pdf()[:300], "We kunnen deze PDF niet lezen; is het bestand volledig?"),
        (
            lambda: versleutelde_pdf(),
            "De PDF is beveiligd met een wachtwoord; niet iedereen kan hem dan openen.",
        ),
    ],
    ids=["tekst", "leeg", "video", "afgebroken", "wachtwoord"],
)
def test_wat_geen_bruikbare_pdf_is_wordt_geweigerd(inhoud, melding):
    inhoud = inhoud() if callable(inhoud) else inhoud
    assert fout(pdf_lezen, upload("stuk.pdf", inhoud)) == melding


# WebVTT

GOED = """\ufeffWEBVTT - Ondertitels van BAZ

NOTE Dit is een opmerking
over twee regels

1
00:00:00.000 --> 00:00:02.500
<v Els>Welkom bij BAZ &amp; co.</v>

intro-2
00:00:02.500 --> 00:00:04.000 align:start position:10%
Tweede ondertitel
met een <i>tweede</i> regel

NOTE nog een opmerking

00:07.000 --> 01:00:09.000
Na een pauze.
"""


def test_goede_ondertitels_worden_gelezen():
    assert ondertitels_lezen(GOED) == [
        Cue(0.0, 2.5, "<v Els>Welkom bij BAZ &amp; co.</v>"),
        Cue(2.5, 4.0, "Tweede ondertitel\nmet een <i>tweede</i> regel"),
        Cue(7.0, 3609.0, "Na een pauze."),
    ]


def test_windows_regeleinden_zijn_goed():
    assert len(ondertitels_lezen(GOED.replace("\n", "\r\n"))) == 3


def test_de_demo_ondertitels_zijn_geldig():
    for screencast in demo.SCREENCASTS:
        cues = ondertitels_lezen(demo.webvtt(screencast["ondertitels"]))
        assert [c.tekst for c in cues] == [tekst for _, _, tekst in screencast["ondertitels"]]


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (
            "Hallo\n\n00:00:01.000 --> 00:00:02.000\nTekst\n",
            "Een WebVTT-bestand begint met de regel ‘WEBVTT’.",
        ),
        ("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nTekst\n", "begint met de regel ‘WEBVTT’"),
        ("", "begint met de regel ‘WEBVTT’"),
        (
            "WEBVTT\n\n1\n00:00:01 --> 00:00:02.000\nTekst\n",
            "Regel 4: we verwachten een tijd als ‘00:00:01.000 --> 00:00:04.000’, "
            "maar lezen ‘00:00:01 --> 00:00:02.000’.",
        ),
        ("WEBVTT\n\nGewoon wat tekst\n", "Regel 3: we verwachten een tijd"),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEen\n\n00:00:03.000 -> 00:00:04.000\nTwee\n",
            "Regel 6: we verwachten een tijd",
        ),
        ("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nTekst\n", "Regel 3: we verwachten een tijd"),
        (
            "WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nTekst\n",
            "Regel 3: het einde van de ondertitel ligt niet na het begin.",
        ),
        (
            "WEBVTT\n\nNOTE x\n\n2\n00:00:05.000 --> 00:00:05.000\nTekst\n",
            "Regel 6: het einde van de ondertitel ligt niet na het begin.",
        ),
        (
            "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nEen\n\n00:00:01.000 --> 00:00:02.000\nTwee\n",
            "Regel 6: de ondertitels staan niet in de volgorde van de tijd.",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n00:00:03.000 --> 00:00:04.000\nTwee\n",
            "Regel 3: deze ondertitel heeft geen tekst.",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nEen\n\nvraag-2\n00:00:03.000 --> 00:00:04.000\n",
            "Regel 7: deze ondertitel heeft geen tekst.",
        ),
        ("WEBVTT\n", "Er staat geen enkele ondertitel in het bestand."),
        ("WEBVTT\n\nNOTE alleen een opmerking\n\n", "Er staat geen enkele ondertitel"),
    ],
    ids=[
        "geen-kop",
        "verkeerde-kop",
        "leeg",
        "tijd-zonder-duizendsten",
        "tekst-zonder-tijd",
        "verkeerde-pijl",
        "61-seconden",
        "einde-voor-begin",
        "einde-is-begin",
        "volgorde",
        "lege-ondertitel",
        "lege-ondertitel-met-naam",
        "geen-ondertitels",
        "alleen-opmerking",
    ],
)
def test_elke_fout_in_de_ondertitels_met_zijn_regel(tekst, melding):
    assert melding in fout(ondertitels_lezen, tekst)


def test_de_regelnummers_kloppen_ook_met_windows_regeleinden():
    tekst = "WEBVTT\r\n\r\n00:00:05.000 --> 00:00:04.000\r\nTekst\r\n"
    assert fout(ondertitels_lezen, tekst).startswith("Regel 3:")


def test_te_lange_ondertitels_worden_geweigerd():
    assert fout(ondertitels_lezen, "WEBVTT\n\n" + "x" * 500_001) == "De ondertitels zijn te lang."


# Transcript


def test_transcript_met_alineas_na_een_pauze_en_zonder_opmaak():
    assert transcript_uit(ondertitels_lezen(GOED)) == (
        "Welkom bij BAZ & co. Tweede ondertitel met een tweede regel\n\nNa een pauze."
    )


@pytest.mark.parametrize(("pauze", "alineas"), [(0, 1), (1.999, 1), (2, 2), (5, 2)])
def test_een_nieuwe_alinea_vanaf_twee_seconden_stilte(pauze, alineas):
    cues = [Cue(0, 1, "Een."), Cue(1 + pauze, 2 + pauze, "Twee.")]
    assert len(transcript_uit(cues).split("\n\n")) == alineas


def test_gewone_tekst_zonder_tags_en_entiteiten():
    assert gewone_tekst("<v.luid Spreker 1>Hallo</v> &lt;jij&gt; &amp;\n<00:00:01.000>nu") == (
        "Hallo <jij> & nu"
    )


def test_een_video_groter_dan_4k_wordt_geweigerd_voor_hij_gedecodeerd_wordt():
    """A frame of 4,000 × 200 points is over the 4K bound: refused on the stream's stated
    size, before a decoder allocates anything."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from inspiratiemateriaal.bestanden import video_lezen

    breed = gecodeerde_video(formaat="webm", codec="libvpx", breedte=4000, hoogte=200, beelden=3)
    with pytest.raises(ValidationError, match="groter dan 3840 × 2160"):
        video_lezen(SimpleUploadedFile("breed.webm", breed))
