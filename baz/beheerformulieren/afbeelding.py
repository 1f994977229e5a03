"""A chosen image that survives a form coming back with another error.

A browser never sends a file twice: when the form returns with an error elsewhere (the
alternative text is missing), the file input is empty again. So when such a form is shown
again, a valid upload is kept on the server with a server-made name, and the form carries a
signed token for it in a hidden field (signed with django.core.signing, for this user and this
field, valid for `BEWAARTIJD`). On the next submit without a new file the kept file is put back
among the uploads before validation, so it goes through exactly the same checks as a fresh
upload: the field, the form's `clean_<field>`, the model field's validators. A token of another
user, of another field, that was changed, or with a path that is not a kept file's name, is
ignored: the field is then empty, as it was before this existed. A sound token whose file is no
longer there (too old, cleaned up, or kept by another app server that shares no folder with this
one) gives the field an error asking to choose the image again, so it is never lost unnoticed.

What is kept is the raw upload, before the app re-encodes it: EXIF and GPS are still in it. So
it goes to `bewaarplaats()`, a folder of its own (settings.BEWAARDE_UPLOADS_MAP) outside MEDIA
and STATIC, with no URL: nothing can serve it. The widget shows the uploader's file name and a
thumbnail made from it in memory (re-encoded, without EXIF) as a data: URL.

The file is written only when the form is shown again (the widget's render), never on a save
that succeeds; a ModelForm's save() removes the kept file it used, and
`bewaarde_bestanden_opruimen()` (run whenever a file is kept, and daily by `manage.py
bewaartermijnen`) removes what was left behind.

Wiring, in the app's admin: the widget on the field and the ModelAdmin mixin, which gives the
form the user to sign for:

    class InspiratieAdminForm(forms.ModelForm):
        class Meta:
            widgets = {"afbeelding": BewaardeAfbeelding}

    class InspiratieAdmin(BewaardeBestandenAdmin, admin.ModelAdmin): ...

A form outside the admin uses `BewaardeBestandenMixin` and is made with `gebruiker=`.
"""

import base64
import io
import logging
import mimetypes
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from .weergave import Omhulsel, beschreven_door, media, veld_id

logger = logging.getLogger(__name__)

BEWAARTIJD = 3600  # seconds a token is good for
OPRUIMEN_NA = timedelta(seconds=2 * BEWAARTIJD)  # a kept file older than this is removed
MAX_BYTES = 20 * 1024 * 1024  # a larger upload (if a field lets one through) is not kept
ZOUT = "baz.beheerformulieren.bewaard"
BEWAARD = "__bewaard"  # suffixes of the hidden token and the "do not use" checkbox
VERGETEN = "__vergeten"
# What storage.save() makes of uuid4().hex (a suffix if the name were taken).
_PAD = re.compile(r"[0-9a-f]{32}(?:_[A-Za-z0-9]{7})?")
MINIATUUR = 120  # px, the longest side of the thumbnail beside the kept file's name


class _Onzichtbaar(FileSystemStorage):
    """A FileSystemStorage without a URL (FileSystemStorage would fall back to MEDIA_URL)."""

    def url(self, name):
        raise ValueError("Kept uploads are not served.")


def bewaarplaats() -> Storage:
    """Where kept uploads go: settings.BEWAARDE_UPLOADS_MAP, readable by the app's user only."""
    return _Onzichtbaar(
        location=settings.BEWAARDE_UPLOADS_MAP,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


class NietMeerBewaard(Exception):
    """A sound token of this user and field, but its file is gone (or the token too old)."""


@dataclass
class Bewaard:
    """A kept upload, as the widget shows it."""

    token: str
    pad: str
    naam: str
    inhoud: bytes

    def miniatuur(self) -> dict | None:
        """A small WebP of the image as a data: URL (the CSP allows data: images), or None
        when it is no image Pillow reads."""
        try:
            with Image.open(io.BytesIO(self.inhoud)) as beeld:
                beeld.draft("RGB", (MINIATUUR * 2, MINIATUUR * 2))  # JPEG: decode smaller
                klein = ImageOps.exif_transpose(beeld)
                klein = klein.convert("RGBA" if klein.mode in {"RGBA", "LA", "P"} else "RGB")
                klein.thumbnail((MINIATUUR, MINIATUUR))
                uitvoer = io.BytesIO()
                klein.save(uitvoer, format="WEBP", quality=70)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            return None
        data = base64.b64encode(uitvoer.getvalue()).decode("ascii")
        return {
            "src": f"data:image/webp;base64,{data}",
            "breedte": klein.width,
            "hoogte": klein.height,
        }


def _naam(naam) -> str:
    """The uploader's file name, for display and for the kept upload: its last part only."""
    naam = PurePosixPath(str(naam or "").replace("\\", "/")).name.strip()
    return naam[-100:] or "bestand"


def bewaren(upload, *, veld: str, gebruiker_id, storage: Storage | None = None) -> Bewaard | None:
    """Keep `upload` in the bewaarplaats; the token for field `veld` of this user (None: not
    kept)."""
    storage = storage or bewaarplaats()
    if upload.size is None or upload.size > MAX_BYTES:
        return None
    bewaarde_bestanden_opruimen(storage=storage)
    upload.seek(0)
    inhoud = b"".join(upload.chunks())
    naam = _naam(upload.name)
    try:
        # A ContentFile, not the upload itself: FileSystemStorage would move a temporary
        # upload's file away from under the form.
        pad = storage.save(uuid.uuid4().hex, ContentFile(inhoud))
    except OSError:
        logger.exception("Een gekozen bestand kon niet tijdelijk bewaard worden.")
        return None
    soort = getattr(upload, "content_type", None)
    gegevens = {"p": pad, "n": naam, "t": soort, "v": veld, "u": str(gebruiker_id)}
    return Bewaard(signing.dumps(gegevens, salt=ZOUT), pad, naam, inhoud)


def terughalen(
    token: str, *, veld: str, gebruiker_id, storage: Storage | None = None
) -> tuple[SimpleUploadedFile, Bewaard] | None:
    """The kept upload behind `token`, if the token is sound, fresh, this user's and this
    field's and the file is still there. None for a token that is not (or not for this user
    and field); NietMeerBewaard for one that is, but too old or whose file is gone."""
    storage = storage or bewaarplaats()
    verlopen = False
    try:
        gegevens = signing.loads(token, salt=ZOUT, max_age=BEWAARTIJD)
    except signing.SignatureExpired:
        gegevens, verlopen = signing.loads(token, salt=ZOUT), True  # sound, but too old
    except signing.BadSignature:
        return None
    if not isinstance(gegevens, dict):
        return None
    pad = gegevens.get("p")
    if (
        gegevens.get("u") != str(gebruiker_id)
        or gegevens.get("v") != veld
        or not isinstance(pad, str)
        or not _PAD.fullmatch(pad)
    ):
        return None
    if verlopen:
        raise NietMeerBewaard(pad)
    try:
        with storage.open(pad, "rb") as bestand:
            inhoud = bestand.read(MAX_BYTES + 1)
    except FileNotFoundError:  # cleaned up, or kept on another server
        raise NietMeerBewaard(pad) from None
    except OSError as fout:
        logger.exception("Een bewaard bestand kon niet gelezen worden.")
        raise NietMeerBewaard(pad) from fout
    if len(inhoud) > MAX_BYTES:
        return None
    naam = _naam(gegevens.get("n"))
    soort = gegevens.get("t")
    if not (isinstance(soort, str) and len(soort) < 100):
        soort = mimetypes.guess_type(naam)[0] or "application/octet-stream"
    return SimpleUploadedFile(naam, inhoud, content_type=soort), Bewaard(token, pad, naam, inhoud)


def bewaarde_bestanden_opruimen(
    *,
    ouder_dan: timedelta = OPRUIMEN_NA,
    nu: datetime | None = None,
    droog: bool = False,
    storage: Storage | None = None,
) -> int:
    """Remove kept files older than `ouder_dan` (their tokens expired long ago); how many
    (`droog`: count only). Other files in the folder are left alone."""
    storage = storage or bewaarplaats()
    grens = (nu or timezone.now()) - ouder_dan
    try:
        _mappen, bestanden = storage.listdir("")
    except FileNotFoundError:
        return 0
    weg = 0
    for pad in bestanden:
        if not _PAD.fullmatch(pad):
            continue
        try:
            if storage.get_modified_time(pad) < grens:
                if not droog:
                    storage.delete(pad)
                weg += 1
        except OSError:
            continue
    return weg


class BewaardeAfbeelding(Omhulsel, AdminFileWidget):
    """The admin's file input, plus "Gekozen afbeelding: naam.jpg (blijft bewaard)" with a
    thumbnail, the token and a checkbox to let it go, when the form kept an upload.

    Like inspiraties' AfbeeldingInput: no fieldset around the one input, whose <label for>
    names it (WCAG 1.3.1, 4.1.2)."""

    omhulsel = "admin/widgets/bewaarde_afbeelding.html"
    use_fieldset = False

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.bewaard: Bewaard | None = None
        self.te_bewaren: Callable[[], Bewaard | None] | None = None

    @property
    def media(self):
        return media()

    def get_context(self, name, value, attrs):
        if self.te_bewaren is not None:  # the form is shown again: keep the upload now
            self.bewaard, self.te_bewaren = self.te_bewaren(), None
        context = super().get_context(name, value, attrs)
        if self.bewaard is not None:
            basis = veld_id(name, context["widget"]["attrs"])
            context["bewaard"] = {
                "id": f"{basis}_bewaard",
                "tekst": _("Gekozen afbeelding: %(naam)s (blijft bewaard)")
                % {"naam": self.bewaard.naam},
                "token_naam": name + BEWAARD,
                "token": self.bewaard.token,
                "vergeten_naam": name + VERGETEN,
                "vergeten_id": f"{basis}{VERGETEN}",
                "miniatuur": self.bewaard.miniatuur(),
            }
            beschreven_door(context["widget"]["attrs"], context["bewaard"]["id"])
        return context


class BewaardeBestandenMixin:
    """For a form (a ModelForm or a plain Form) with `BewaardeAfbeelding` fields: put a kept
    upload back before validation, and keep a valid new one when the form is shown again.
    The form needs the user the tokens are signed for: `gebruiker=` or `gebruiker_id`
    (BewaardeBestandenAdmin sets it)."""

    gebruiker_id = None

    def __init__(self, *args, gebruiker=None, **kwargs):
        super().__init__(*args, **kwargs)
        if gebruiker is not None:
            self.gebruiker_id = gebruiker.pk
        self._bewaard: dict[str, Bewaard] = {}
        self._kwijt: set[str] = set()  # fields whose kept file is no longer there
        self._bewaarvelden = [
            naam
            for naam, veld in self.fields.items()
            if isinstance(veld.widget, BewaardeAfbeelding)
        ]
        if self._bewaarvelden and self.gebruiker_id is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__} keeps uploads for a user: pass gebruiker=, or use "
                "BewaardeBestandenAdmin on the ModelAdmin."
            )
        if self.is_bound:
            for naam in self._bewaarvelden:
                self._terugzetten(naam)

    def _terugzetten(self, naam: str) -> None:
        html_naam = self.add_prefix(naam)
        token = self.data.get(html_naam + BEWAARD)
        if not token or self.files.get(html_naam) or self.data.get(html_naam + VERGETEN):
            return  # nothing kept, a new file chosen, or the kept one let go
        try:
            gevonden = terughalen(token, veld=html_naam, gebruiker_id=self.gebruiker_id)
        except NietMeerBewaard:
            self._kwijt.add(naam)
            return
        if gevonden is None:
            return
        upload, self._bewaard[naam] = gevonden
        self.files = self.files.copy()  # request.FILES is not ours to change
        self.files[html_naam] = upload

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for naam in self._bewaarvelden:
            widget = self.fields[naam].widget
            widget.bewaard = widget.te_bewaren = None
            if naam in self._kwijt:
                self._errors.pop(naam, None)  # instead of "required": say what happened
                self.add_error(
                    naam,
                    _("De afbeelding die je koos, is niet meer bewaard. Kies ze opnieuw."),
                )
                continue
            if naam in self._errors:
                continue  # an invalid file is not kept (its error says why)
            if naam in self._bewaard:
                widget.bewaard = self._bewaard[naam]
            elif upload := self.files.get(self.add_prefix(naam)):
                widget.te_bewaren = lambda upload=upload, naam=naam: bewaren(
                    upload, veld=self.add_prefix(naam), gebruiker_id=self.gebruiker_id
                )

    def save(self, *args, **kwargs):
        """A ModelForm's save; the kept files it used are then no longer needed (their
        content is in memory, in the uploads put back)."""
        resultaat = super().save(*args, **kwargs)
        for bewaard in self._bewaard.values():
            try:
                bewaarplaats().delete(bewaard.pad)
            except OSError:
                logger.warning("Bewaard bestand %s niet verwijderd.", bewaard.pad)
        return resultaat


def formulier_voor(form_class: type, gebruiker) -> type:
    """`form_class` with `BewaardeBestandenMixin`, for `gebruiker`: a subclass made for this
    request, so no user ends up on a class that outlives it."""
    basis = (form_class,)
    if not issubclass(form_class, BewaardeBestandenMixin):
        basis = (BewaardeBestandenMixin, form_class)
    return type(
        form_class.__name__,
        basis,
        {"gebruiker_id": gebruiker.pk, "__module__": form_class.__module__},
    )


class BewaardeBestandenAdmin:
    """ModelAdmin mixin: its form keeps uploads (`BewaardeAfbeelding` fields) for the user."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        return formulier_voor(super().get_form(request, obj, change, **kwargs), request.user)
