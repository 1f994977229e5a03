"""What an uploaded file really is, read from the file itself, and the captions checked.

- A video is opened with FFmpeg's libraries (PyAV): the container and codecs must be ones every
  current browser plays (MP4 with H.264, WebM with VP8, VP9 or AV1), its first frame must decode,
  and its duration and frame size are kept (the page reserves the player's space).
- A PDF is opened with pypdf: it must be a PDF, not locked with a password, and its page count
  is kept (the download link says "PDF, 1,2 MB, 24 pagina's").
- Captions are WebVTT (https://www.w3.org/TR/webvtt1/), checked here strictly enough that every
  browser shows them: the "WEBVTT" header, cue timings in order, no empty cue; a mistake is
  named with its line number.
"""

import re
from dataclasses import dataclass

import av
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader

VIDEO_MAX_BYTES = 1024 * 1024 * 1024
BEELD_MAX = (3840, 2160)  # 4K: a bigger first frame could take hundreds of MB to decode
DUUR_MAX = 4 * 3600  # seconds
PAKKETTEN_MAX = 500  # packets read to find the first frame
PDF_MAX_BYTES = 50 * 1024 * 1024
ONDERTITELS_MAX_TEKENS = 500_000

# Container (as FFmpeg names it) → the codecs browsers play in it, and the MIME type.
_VIDEOVORMEN = {
    "mp4": ({"h264"}, {"aac", "mp3"}, "video/mp4"),
    "webm": ({"vp8", "vp9", "av1"}, {"opus", "vorbis"}, "video/webm"),
}


@dataclass(frozen=True)
class Video:
    type: str
    duur: int
    breedte: int
    hoogte: int


def _grootte_controleren(bestand, maximum: int) -> None:
    if bestand.size > maximum:
        raise ValidationError(
            _("Het bestand is %(grootte)d MB; de grens is %(max)d MB.")
            % {"grootte": bestand.size // (1024 * 1024), "max": maximum // (1024 * 1024)}
        )


def _codec(stroom) -> str:
    # No decoder in FFmpeg for this stream (an unknown fourcc): PyAV gives no codec context.
    context = stroom.codec_context
    return context.name if context is not None else "onbekend"


def _past(breedte: int, hoogte: int) -> bool:
    """Within 4K, lying or standing."""
    return max(breedte, hoogte) <= BEELD_MAX[0] and min(breedte, hoogte) <= BEELD_MAX[1]


def _te_groot() -> ValidationError:
    return ValidationError(
        _("De video is groter dan %(b)d × %(h)d beeldpunten; maak hem kleiner.")
        % {"b": BEELD_MAX[0], "h": BEELD_MAX[1]}
    )


def video_lezen(bestand) -> Video:
    """The facts of an uploaded video, or a ValidationError that says what is wrong.

    Bounded, as it runs inside a staff member's request: the file is read from the temporary
    path where Django wrote it, the frame size is checked before anything is decoded, with one
    decoder thread, and at most PAKKETTEN_MAX packets are read to find the first frame."""
    _grootte_controleren(bestand, VIDEO_MAX_BYTES)
    extensie = bestand.name.rsplit(".", 1)[-1].lower() if "." in bestand.name else ""
    if extensie not in ("mp4", "webm"):
        raise ValidationError(_("Kies een video in MP4 of WebM (bestandsnaam op .mp4 of .webm)."))
    codecs_video, codecs_audio, mime = _VIDEOVORMEN[extensie]
    bron = bestand.temporary_file_path() if hasattr(bestand, "temporary_file_path") else bestand
    bestand.seek(0)
    try:
        with av.open(bron, mode="r") as container:
            if extensie == "mp4" and "mp4" not in container.format.name.split(","):
                raise ValidationError(_("Dit bestand is geen MP4-video."))
            if extensie == "webm" and "webm" not in container.format.name.split(","):
                raise ValidationError(_("Dit bestand is geen WebM-video."))
            if not container.streams.video:
                raise ValidationError(_("Dit bestand bevat geen beeld."))
            stroom = container.streams.video[0]
            if _codec(stroom) not in codecs_video:
                raise ValidationError(
                    _(
                        "De video is gecodeerd als %(codec)s; niet elke browser speelt dat af. "
                        "Gebruik H.264 in MP4, of VP8, VP9 of AV1 in WebM."
                    )
                    % {"codec": _codec(stroom)}
                )
            for audio in container.streams.audio:
                if _codec(audio) not in codecs_audio:
                    raise ValidationError(
                        _("Het geluid is gecodeerd als %(codec)s; gebruik %(goed)s.")
                        % {
                            "codec": _codec(audio),
                            "goed": " of ".join(sorted(codecs_audio)).upper(),
                        }
                    )
            context = stroom.codec_context
            if not _past(context.width or 0, context.height or 0):
                raise _te_groot()
            context.thread_count = 1
            beeld = None
            for nummer, pakket in enumerate(container.demux(stroom)):
                if nummer >= PAKKETTEN_MAX:
                    break
                beelden = pakket.decode()
                if beelden:
                    beeld = beelden[0]
                    break
            if beeld is None:
                raise ValidationError(_("De video bevat geen beeld dat we kunnen lezen."))
            if not _past(beeld.width, beeld.height):
                raise _te_groot()
            duur = container.duration / av.time_base if container.duration else 0
            if not duur and stroom.duration and stroom.time_base:
                duur = float(stroom.duration * stroom.time_base)
            if not 0 <= duur <= DUUR_MAX:
                raise ValidationError(
                    _("De video duurt langer dan %(uren)d uur; kies een kortere.")
                    % {"uren": DUUR_MAX // 3600}
                )
            return Video(type=mime, duur=round(duur), breedte=beeld.width, hoogte=beeld.height)
    except ValidationError:
        raise
    except Exception as fout:  # a hostile or broken file: whatever FFmpeg raises, never a 500
        raise ValidationError(
            _("We kunnen deze video niet lezen; is het bestand volledig en echt een video?")
        ) from fout
    finally:
        bestand.seek(0)


def pdf_lezen(bestand) -> int:
    """The page count of an uploaded PDF, or a ValidationError that says what is wrong."""
    _grootte_controleren(bestand, PDF_MAX_BYTES)
    bestand.seek(0)
    if bestand.read(5) != b"%PDF-":
        bestand.seek(0)
        raise ValidationError(_("Dit bestand is geen PDF."))
    bestand.seek(0)
    try:
        lezer = PdfReader(bestand)
        if lezer.is_encrypted:
            raise ValidationError(
                _("De PDF is beveiligd met een wachtwoord; niet iedereen kan hem dan openen.")
            )
        paginas = len(lezer.pages)
    except ValidationError:
        raise
    except Exception as fout:  # PyPdfError, LimitReachedError, a broken page tree, ...: no 500
        raise ValidationError(
            _("We kunnen deze PDF niet lezen; is het bestand volledig?")
        ) from fout
    finally:
        bestand.seek(0)
    if not paginas:
        raise ValidationError(_("De PDF heeft geen pagina's."))
    return paginas


@dataclass(frozen=True)
class Cue:
    begin: float
    einde: float
    tekst: str


_TIJD = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIJD}[ \t]+-->[ \t]+{_TIJD}(?:[ \t].*)?$")
_BEGINT_MET_TIJD = re.compile(r"^\s*\d+:\d+")
_TAG = re.compile(r"<[^>]*>")
_ENTITEITEN = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": ""}


def _seconden(uren, minuten, seconden, duizendsten) -> float:
    return int(uren or 0) * 3600 + int(minuten) * 60 + int(seconden) + int(duizendsten) / 1000


def ondertitels_lezen(tekst: str) -> list[Cue]:
    """The cues of a WebVTT text, or a ValidationError naming the first mistake and its line."""
    if len(tekst) > ONDERTITELS_MAX_TEKENS:
        raise ValidationError(_("De ondertitels zijn te lang."))
    regels = tekst.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", regels[0]):
        raise ValidationError(_("Een WebVTT-bestand begint met de regel ‘WEBVTT’."))
    cues: list[Cue] = []
    # The header block runs to the first blank line: "Kind: captions", "Language: nl" (as
    # exported by video sites) belong to it and are not cues.
    nummer = 1
    while nummer < len(regels) and regels[nummer].strip():
        nummer += 1
    while nummer < len(regels):
        if not regels[nummer].strip():
            nummer += 1
            continue
        blok_begin = nummer
        blok = []
        while nummer < len(regels) and regels[nummer].strip():
            blok.append(regels[nummer])
            nummer += 1
        if re.match(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)", blok[0]):
            continue
        # A first line without "-->" is the cue's identifier, unless it starts with a time:
        # then it is a mistyped timing ("00:00:01.000 -> …"), and that is the line to name.
        timing_op = (
            1
            if "-->" not in blok[0] and len(blok) > 1 and not _BEGINT_MET_TIJD.match(blok[0])
            else 0
        )
        treffer = _TIMING.match(blok[timing_op].strip())
        regelnummer = blok_begin + timing_op + 1
        if not treffer:
            raise ValidationError(
                _(
                    "Regel %(n)d: we verwachten een tijd als ‘00:00:01.000 --> 00:00:04.000’, "
                    "maar lezen ‘%(regel)s’."
                )
                % {"n": regelnummer, "regel": blok[timing_op][:60]}
            )
        begin = _seconden(*treffer.groups()[:4])
        einde = _seconden(*treffer.groups()[4:])
        if einde <= begin:
            raise ValidationError(
                _("Regel %(n)d: het einde van de ondertitel ligt niet na het begin.")
                % {"n": regelnummer}
            )
        if cues and begin < cues[-1].begin:
            raise ValidationError(
                _("Regel %(n)d: de ondertitels staan niet in de volgorde van de tijd.")
                % {"n": regelnummer}
            )
        tekstregels = blok[timing_op + 1 :]
        if not tekstregels:
            raise ValidationError(
                _("Regel %(n)d: deze ondertitel heeft geen tekst.") % {"n": regelnummer}
            )
        cues.append(Cue(begin=begin, einde=einde, tekst="\n".join(tekstregels)))
    if not cues:
        raise ValidationError(_("Er staat geen enkele ondertitel in het bestand."))
    return cues


def gewone_tekst(cue_tekst: str) -> str:
    """A cue's text without its markup (<v Spreker>, <i>, timestamps)."""
    tekst = _TAG.sub("", cue_tekst)
    for entiteit, teken in _ENTITEITEN.items():
        tekst = tekst.replace(entiteit, teken)
    return " ".join(tekst.split())


def transcript_uit(cues: list[Cue]) -> str:
    """A readable transcript from the captions: a new paragraph after a pause of two seconds."""
    alineas: list[list[str]] = [[]]
    vorige_einde = None
    for cue in cues:
        if vorige_einde is not None and cue.begin - vorige_einde >= 2:
            alineas.append([])
        alineas[-1].append(gewone_tekst(cue.tekst))
        vorige_einde = cue.einde
    return "\n\n".join(" ".join(alinea) for alinea in alineas if alinea)
