"""Demo inspiratiemateriaal: the two screencasts and the verhalenbundel the annual report 2021
describes, and one tool; running it twice changes nothing.

The files are made here, small and plainly marked as demo: each screencast a short WebM (VP8)
whose frames say "Demo" and show the caption's question, with WebVTT captions that match it;
the publication and the tool PDFs made with the core's PDF builder. None of it is BAZ's real
material: the pages say so, and so does every file.
"""

import io
import textwrap
from fractions import Fraction

import av
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from baz.pdf import pdf_maken
from inspiraties.models import Werkmodel

from .bestanden import ondertitels_lezen, pdf_lezen, transcript_uit, video_lezen
from .models import Materiaal, Publiek

BREEDTE, HOOGTE, BEELDEN_PER_SECONDE = 640, 360, 10

SCREENCASTS = [
    {
        "slug": "screencast-waar-staat-baz-voor",
        "titel": "Screencast: waar staat BurgersAanZet voor?",
        "korte_beschrijving": (
            "Over wat voor initiatieven hebben we het, waarom kunnen burgers het verschil maken, "
            "en wat is de rol van verenigingen, lokale besturen en eerstelijnsorganisaties?"
        ),
        "publieken": ["burgers", "verenigingen", "lokale-besturen", "eerstelijnsorganisaties"],
        "werkmodellen": [],
        "ondertitels": [
            (0, 3, "Demo-screencast: een voorbeeld, niet de echte video van BAZ."),
            (3, 6, "Over wat voor initiatieven hebben we het?"),
            (6, 9, "Waarom zouden burgers het verschil kunnen maken?"),
            (
                11,
                14,
                "Wat is de rol van burgers, verenigingen, lokale besturen en eerstelijnsorganisaties?",
            ),
        ],
    },
    {
        "slug": "screencast-vier-rollen-van-de-overheid",
        "titel": "Screencast: vier rollen van de overheid",
        "korte_beschrijving": (
            "Hoe kan een lokaal bestuur omgaan met het engagement van burgers? De rechtmatige, "
            "presterende, netwerkende en responsieve overheid naast elkaar."
        ),
        "publieken": ["lokale-besturen"],
        "werkmodellen": ["community-building", "vrijwillig-engagement"],
        "ondertitels": [
            (0, 3, "Demo-screencast: een voorbeeld, niet de echte video van BAZ."),
            (3, 6, "De rechtmatige overheid: regels en gelijke behandeling."),
            (6, 9, "De presterende overheid: diensten die werken."),
            (11, 14, "De netwerkende overheid: samenwerken met partners."),
            (14, 17, "De responsieve overheid: ruimte voor wat burgers zelf doen."),
        ],
    },
]

VERHALENBUNDEL = {
    "slug": "acht-verhalen-over-deelnemen",
    "titel": "Acht verhalen over deelnemen",
    "korte_beschrijving": (
        "Acht mensen in een kwetsbare situatie vertellen over drempels en kansen in het "
        "verenigingsleven, met tips voor verenigingen die iedereen welkom willen heten."
    ),
    "publieken": ["verenigingen", "burgers"],
    "werkmodellen": ["vrijwillig-engagement", "persoonlijk-netwerk"],
    "samenvatting": """\
*Demomateriaal: de PDF bij deze pagina is een voorbeeld. De echte verhalen staan in de
publicatie van BAZ (werktitel 'Acht verhalen over deelnemen').*

## Waarover gaat het?

In 2020 ging BAZ in gesprek met vijf mensen in kwetsbare situaties over hun positieve en
negatieve ervaringen met deelnemen aan het verenigingsleven. In 2021 kwamen er drie verhalen
bij. Samen geven ze inzicht in de drempels die mensen ervaren, en ze bieden tips aan
verenigingen die inclusief willen zijn.

## Wat leren de verhalen?

- Er is nooit een kant-en-klare oplossing: wat voor de ene persoon goed werkt, is voor een
  ander misschien een drempel.
- Individueel afstemmen en het gesprek aangaan kwam als tip in elk gesprek terug.

## Hoe gebruik je de bundel?

De verhalen zijn het startpunt van de workshop 'Iedereen welkom in jouw vereniging': ze zetten
een vereniging aan tot een kritische zelfreflectie over haar eigen werking.
""",
}

TOOL = {
    "slug": "zelfreflectie-iedereen-welkom",
    "titel": "Zelfreflectie: hoe welkom is jouw vereniging?",
    "korte_beschrijving": (
        "Een vragenlijst om met je bestuur of kern te bekijken waar nieuwe leden drempels "
        "ervaren, als vervolg op de workshop 'Iedereen welkom in jouw vereniging'."
    ),
    "publieken": ["verenigingen"],
    "werkmodellen": ["vrijwillig-engagement"],
    "samenvatting": """\
*Demomateriaal: deze vragenlijst is een voorbeeld, niet het echte werkinstrument van BAZ.*

Bespreek de vragen samen, niet alleen: waar verschillen jullie antwoorden, en waarom?

- Hoe vindt iemand die nieuw is de weg naar jullie vereniging?
- Wat kost deelnemen, en wie kan dat niet betalen?
- Wie vraagt een nieuw lid na een paar weken hoe het gaat?
""",
    "vragen": [
        "Hoe vindt iemand die nieuw is de weg naar jullie vereniging?",
        "Wat kost deelnemen (lidgeld, materiaal, vervoer), en wie kan dat niet betalen?",
        "Is jullie plek bereikbaar en toegankelijk, ook zonder auto of met een beperking?",
        "Wie vraagt een nieuw lid na een paar weken hoe het gaat?",
        "Hoe spreken jullie af wie wat doet, en kan iedereen daar mee over beslissen?",
        "Welke drempel pakken jullie het eerst aan, en wie trekt dat?",
    ],
}


def _tijd(seconden: float) -> str:
    minuten, rest = divmod(int(seconden), 60)
    return f"00:{minuten:02d}:{rest:02d}.{round((seconden % 1) * 1000):03d}"


def webvtt(cues: list[tuple[float, float, str]]) -> str:
    blokken = ["WEBVTT - Demo-ondertitels van BurgersAanZet"]
    for nummer, (begin, einde, tekst) in enumerate(cues, 1):
        blokken.append(f"{nummer}\n{_tijd(begin)} --> {_tijd(einde)}\n{tekst}")
    return "\n\n".join(blokken) + "\n"


def demovideo(titel: str, cues: list[tuple[float, float, str]]) -> bytes:
    """A WebM (VP8, no sound) as long as its captions: "Demo", the title, and a clock."""
    duur = int(cues[-1][1]) + 1
    groot = ImageFont.load_default(size=34)
    klein = ImageFont.load_default(size=22)
    uit = io.BytesIO()
    with av.open(uit, mode="w", format="webm") as container:
        stroom = container.add_stream("libvpx", rate=BEELDEN_PER_SECONDE)
        stroom.width, stroom.height, stroom.pix_fmt = BREEDTE, HOOGTE, "yuv420p"
        stroom.codec_context.time_base = Fraction(1, BEELDEN_PER_SECONDE)
        stroom.options = {"crf": "30", "b:v": "200k", "deadline": "realtime"}
        for nummer in range(duur * BEELDEN_PER_SECONDE):
            beeld = Image.new("RGB", (BREEDTE, HOOGTE), "#0b6e4f")
            teken = ImageDraw.Draw(beeld)
            teken.rectangle((0, 0, BREEDTE, 56), fill="#8a5a00")
            teken.text((20, 12), "DEMO - geen echte video van BAZ", font=klein, fill="#ffffff")
            teken.multiline_text(
                (20, 100), textwrap.fill(titel, 30), font=groot, fill="#ffffff", spacing=10
            )
            seconde = nummer // BEELDEN_PER_SECONDE
            teken.text((20, 300), f"0:{seconde:02d}", font=klein, fill="#f6e7d3")
            frame = av.VideoFrame.from_image(beeld).reformat(format="yuv420p")
            frame.pts = nummer
            for pakket in stroom.encode(frame):
                container.mux(pakket)
        for pakket in stroom.encode():
            container.mux(pakket)
    return uit.getvalue()


def _indeling(materiaal: Materiaal, rij: dict) -> None:
    materiaal.werkmodellen.set(Werkmodel.objects.filter(slug__in=rij["werkmodellen"]))
    materiaal.publieken.set(Publiek.objects.filter(slug__in=rij["publieken"]))


def _bestand_bewaren(materiaal: Materiaal, naam: str, inhoud: bytes) -> None:
    bestand = ContentFile(inhoud, name=naam)
    if naam.endswith(".webm"):
        video = video_lezen(bestand)
        materiaal.bestand_type, materiaal.duur = video.type, video.duur
        materiaal.breedte, materiaal.hoogte = video.breedte, video.hoogte
    else:
        materiaal.bestand_type, materiaal.paginas = "application/pdf", pdf_lezen(bestand)
    materiaal.bestand_grootte = len(inhoud)
    materiaal.bestand.save(naam, bestand, save=False)


def materiaal_laden() -> int:
    """Create what is missing, published; never overwrites what staff changed. Returns how
    many were new."""
    nieuw = 0
    nu = timezone.now()
    for rij in SCREENCASTS:
        if Materiaal.objects.filter(slug=rij["slug"]).exists():
            continue
        ondertitels = webvtt(rij["ondertitels"])
        materiaal = Materiaal(
            soort=Materiaal.Soort.SCREENCAST,
            slug=rij["slug"],
            titel=rij["titel"],
            korte_beschrijving=rij["korte_beschrijving"],
            ondertitels=ondertitels,
            transcript=transcript_uit(ondertitels_lezen(ondertitels)),
            demo=True,
            status=Materiaal.Status.GEPUBLICEERD,
            gepubliceerd_op=nu,
        )
        _bestand_bewaren(
            materiaal, f"{rij['slug']}.webm", demovideo(rij["titel"], rij["ondertitels"])
        )
        with transaction.atomic():
            materiaal.save()
            _indeling(materiaal, rij)
        nieuw += 1
    for rij, soort, template in (
        (VERHALENBUNDEL, Materiaal.Soort.PUBLICATIE, "inspiratiemateriaal/pdf/verhalenbundel.html"),
        (TOOL, Materiaal.Soort.TOOL, "inspiratiemateriaal/pdf/zelfreflectie.html"),
    ):
        if Materiaal.objects.filter(slug=rij["slug"]).exists():
            continue
        materiaal = Materiaal(
            soort=soort,
            slug=rij["slug"],
            titel=rij["titel"],
            korte_beschrijving=rij["korte_beschrijving"],
            samenvatting=rij["samenvatting"],
            demo=True,
            status=Materiaal.Status.GEPUBLICEERD,
            gepubliceerd_op=nu,
        )
        pdf = pdf_maken(template, {"rij": rij}, titel=f"{rij['titel']} (demo)")
        _bestand_bewaren(materiaal, f"{rij['slug']}.pdf", pdf)
        with transaction.atomic():
            materiaal.save()
            _indeling(materiaal, rij)
        nieuw += 1
    return nieuw
