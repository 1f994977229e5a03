"""Test data for inspiratiemateriaal: real files (a WebM made with PyAV, a PDF made with the
core's PDF builder) whose facts are read the way the admin reads them."""

import functools
import io
import itertools
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from baz.pdf import pdf_maken
from inspiratiemateriaal import demo
from inspiratiemateriaal.bestanden import pdf_lezen, video_lezen
from inspiratiemateriaal.models import Materiaal, Publiek
from inspiraties.models import Werkmodel

_teller = itertools.count(1)

# Captions of the test screencast: a pause of two seconds before the last cue, markup and an
# entity in the first. The video made for them lasts int(5.5) + 1 = 6 s.
CUES = [
    (0, 1.5, "<v Els>Welkom bij BAZ &amp; co.</v>"),
    (1.5, 3, "Zo begin je een buurtpunt."),
    (5, 5.5, "Na een pauze: de vragen."),
]
ONDERTITELS = demo.webvtt(CUES)
VIDEO_DUUR = 6
TRANSCRIPT = "Welkom bij BAZ & co. Zo begin je een buurtpunt.\n\nNa een pauze: de vragen."
SAMENVATTING = "## Wat staat erin\n\nVerhalen over **deelnemen** aan het verenigingsleven."


@functools.cache
def video() -> bytes:
    """A real WebM (VP8), as the demo makes it."""
    return demo.demovideo("Testscreencast", CUES)


@functools.cache
def pdf() -> bytes:
    """A real two-page PDF from the core's PDF builder."""
    return pdf_maken("inspiratiemateriaal/pdf/zelfreflectie.html", {"rij": demo.TOOL}, titel="Test")


@functools.cache
def versleutelde_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    schrijver = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    schrijver.encrypt("geheim-wachtwoord")
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def gecodeerde_video(
    *, formaat: str, codec: str, breedte: int = 64, hoogte: int = 48, beelden: int = 10
) -> bytes:
    """A real, tiny video in `formaat` ("mp4", "webm") with `codec`, at 10 frames a second."""
    import av

    uit = io.BytesIO()
    with av.open(uit, mode="w", format=formaat) as container:
        stroom = container.add_stream(codec, rate=10)
        stroom.width, stroom.height, stroom.pix_fmt = breedte, hoogte, "yuv420p"
        for nummer in range(beelden):
            beeld = av.VideoFrame(breedte, hoogte, "yuv420p")
            beeld.pts = nummer
            for pakket in stroom.encode(beeld):
                container.mux(pakket)
        for pakket in stroom.encode():
            container.mux(pakket)
    return uit.getvalue()


@functools.cache
def mpeg4_video() -> bytes:
    """An MP4 whose video is MPEG-4 Part 2: a real video, but not one every browser plays."""
    return gecodeerde_video(formaat="mp4", codec="mpeg4")


def publieken_laden() -> dict[str, Publiek]:
    """The reference data of migration 0002 (recreated after a transactional test flushed)."""
    import importlib

    migratie = importlib.import_module("inspiratiemateriaal.migrations.0002_publieken")
    for volgorde, (slug, naam) in enumerate(migratie.PUBLIEKEN):
        Publiek.objects.update_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})
    return {p.slug: p for p in Publiek.objects.all()}


def _bestand(materiaal: Materiaal, naam: str, inhoud: bytes) -> None:
    bestand = ContentFile(inhoud, name=naam)
    if naam.endswith(".webm"):
        feiten = video_lezen(bestand)
        materiaal.bestand_type, materiaal.duur = feiten.type, feiten.duur
        materiaal.breedte, materiaal.hoogte, materiaal.paginas = feiten.breedte, feiten.hoogte, None
    else:
        materiaal.bestand_type, materiaal.paginas = "application/pdf", pdf_lezen(bestand)
    materiaal.bestand_grootte = len(inhoud)
    materiaal.bestand = bestand


def maak_materiaal(
    *,
    soort: str = Materiaal.Soort.SCREENCAST,
    titel: str | None = None,
    status: str = Materiaal.Status.GEPUBLICEERD,
    werkmodellen: tuple[str, ...] = (),
    publieken: tuple[str, ...] = (),
    dagen_geleden: int = 1,
    met_bestand: bool = True,
    tool_pdf: bool = False,
    **velden,
) -> Materiaal:
    """Complete material of its kind (a screencast with video, captions and transcript; a
    publication with PDF and summary; a tool with a link, or with a PDF if `tool_pdf`), unless
    `velden` say otherwise."""
    nummer = next(_teller)
    titel = titel or f"Materiaal {nummer}"
    velden.setdefault("slug", f"materiaal-{nummer}")
    velden.setdefault("korte_beschrijving", f"Wat je vindt in {titel}.")
    if soort == Materiaal.Soort.SCREENCAST:
        velden.setdefault("ondertitels", ONDERTITELS)
        velden.setdefault("transcript", TRANSCRIPT)
    elif soort == Materiaal.Soort.PUBLICATIE:
        velden.setdefault("samenvatting", SAMENVATTING)
    else:
        velden.setdefault("link", "" if tool_pdf else "https://example.org/tool")
    if status != Materiaal.Status.CONCEPT:
        velden.setdefault("gepubliceerd_op", timezone.now() - timedelta(days=dagen_geleden))
    materiaal = Materiaal(soort=soort, titel=titel, status=status, **velden)
    if met_bestand and soort == Materiaal.Soort.SCREENCAST:
        _bestand(materiaal, f"{velden['slug']}.webm", video())
    elif met_bestand and (soort == Materiaal.Soort.PUBLICATIE or tool_pdf):
        _bestand(materiaal, f"{velden['slug']}.pdf", pdf())
    materiaal.save()
    materiaal.werkmodellen.set(Werkmodel.objects.filter(slug__in=werkmodellen))
    materiaal.publieken.set(Publiek.objects.filter(slug__in=publieken))
    return materiaal
