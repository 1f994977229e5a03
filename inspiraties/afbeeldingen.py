"""Image uploads: check that a file is a real, reasonable image and re-encode it.

Re-encoding with Pillow drops EXIF and GPS data and anything smuggled behind the pixels (a
polyglot file). The stored name is made by the server; the uploader's file name is never used.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import AFBEELDING_BREEDTES

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_BREEDTE = 1600
TOEGELATEN_FORMATEN = {"JPEG", "PNG", "WEBP", "GIF"}


def afbeelding_controleren_en_hercoderen(upload) -> ContentFile:
    """Validate an uploaded file and return it re-encoded as WebP (at most 1600 px wide)."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("De afbeelding is groter dan 10 MB. Kies een kleiner bestand."))
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                formaat = probe.format
                breedte, hoogte = probe.size
                if formaat not in TOEGELATEN_FORMATEN:
                    raise ValidationError(
                        _(
                            "Dit bestandstype kan niet. Gebruik een JPEG-, PNG-, WebP- of GIF-afbeelding."
                        )
                    )
                if breedte * hoogte > MAX_PIXELS:
                    raise ValidationError(
                        _("De afbeelding heeft meer dan 40 megapixel. Verklein ze eerst.")
                    )
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as beeld:
                beeld.load()
                beeld = ImageOps.exif_transpose(beeld)
                beeld = beeld.convert("RGBA" if beeld.mode in {"RGBA", "LA", "P"} else "RGB")
                if beeld.width > MAX_BREEDTE:
                    beeld.thumbnail((MAX_BREEDTE, MAX_BREEDTE * 10), Image.Resampling.LANCZOS)
                uitvoer = io.BytesIO()
                beeld.save(uitvoer, format="WEBP", quality=82, method=4)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("Dit bestand is geen geldige afbeelding.")) from None
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("Dit bestand is geen geldige afbeelding.")) from None
    return ContentFile(uitvoer.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def varianten_maken(*, naam: str, storage: Storage) -> list[str]:
    """Store the smaller widths (for srcset) beside a stored image; returns their names."""
    gemaakt = []
    with storage.open(naam, "rb") as bestand, Image.open(bestand) as beeld:
        beeld.load()
        basis = naam.rsplit(".", 1)[0]
        for breedte in AFBEELDING_BREEDTES:
            if breedte >= beeld.width:
                continue
            kopie = beeld.copy()
            kopie.thumbnail((breedte, breedte * 10), Image.Resampling.LANCZOS)
            uitvoer = io.BytesIO()
            kopie.save(uitvoer, format="WEBP", quality=80, method=4)
            variant = f"{basis}-w{breedte}.webp"
            if storage.exists(variant):
                storage.delete(variant)
            gemaakt.append(storage.save(variant, ContentFile(uitvoer.getvalue())))
    return gemaakt
