from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .bestanden import ondertitels_lezen, pdf_lezen, transcript_uit, video_lezen
from .models import Materiaal
from .services import ontbreekt

ONDERTITELBESTAND_MAX_BYTES = 1024 * 1024


class BestandInput(AdminFileWidget):
    """The admin's file input without a fieldset around the one input, which its <label for>
    names (WCAG 1.3.1, 4.1.2), as baz/beheerformulieren/afbeelding.py does for images."""

    use_fieldset = False


class MateriaalAdminForm(forms.ModelForm):
    """Staff's form: what a new file is, is read from the file (format, size, pages, duration);
    the captions may come from a .vtt file or be typed; published material stays complete."""

    ondertitelbestand = forms.FileField(
        label=_("Ondertitelbestand (.vtt)"),
        required=False,
        help_text=_("Kies je een bestand, dan vervangt de tekst ervan de ondertitels hieronder."),
        widget=forms.FileInput(attrs={"accept": ".vtt,text/vtt"}),
    )

    class Meta:
        model = Materiaal
        fields = [
            "soort",
            "titel",
            "slug",
            "korte_beschrijving",
            "werkmodellen",
            "publieken",
            "bestand",
            "link",
            "ondertitels",
            "transcript",
            "samenvatting",
            "demo",
        ]
        widgets = {
            "bestand": BestandInput,
            "werkmodellen": forms.CheckboxSelectMultiple,
            "publieken": forms.CheckboxSelectMultiple,
        }

    def clean_ondertitelbestand(self):
        bestand = self.cleaned_data.get("ondertitelbestand")
        if not bestand:
            return ""
        if bestand.size > ONDERTITELBESTAND_MAX_BYTES:
            raise ValidationError(gettext("Het ondertitelbestand is groter dan 1 MB."))
        try:
            return bestand.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(
                gettext("Bewaar het ondertitelbestand als UTF-8-tekst en kies het opnieuw.")
            ) from None

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        self._bestand_lezen(soort, data.get("bestand"))
        if data.get("ondertitelbestand"):
            data["ondertitels"] = data["ondertitelbestand"]
        ondertitels = (data.get("ondertitels") or "").strip()
        if ondertitels:
            try:
                cues = ondertitels_lezen(ondertitels)
            except ValidationError as fout:
                self.add_error(
                    "ondertitelbestand" if data.get("ondertitelbestand") else "ondertitels", fout
                )
            else:
                duur = self.instance.duur
                # The latest end, not the last cue's: cues are ordered by their start only.
                einde = max(cue.einde for cue in cues)
                if duur and einde > duur + 1:
                    self.add_error(
                        "ondertitels",
                        gettext(
                            "De ondertitels lopen tot %(einde)d s, maar de video duurt %(duur)d s."
                        )
                        % {"einde": einde, "duur": duur},
                    )
                if soort == Materiaal.Soort.SCREENCAST and self._transcript_volgt(data):
                    data["transcript"] = transcript_uit(cues)
        return data

    def _transcript_volgt(self, data) -> bool:
        """Whether the transcript is (re)made from the captions: when it is empty, or when it
        is still exactly what the previous captions made (nobody edited it), so that new
        captions never leave a transcript of the old ones (WCAG 1.2)."""
        transcript = (data.get("transcript") or "").replace("\r\n", "\n").strip()
        if not transcript:
            return True
        oud = (self.initial.get("ondertitels") or "").replace("\r\n", "\n").strip()
        if not oud or (
            "ondertitels" not in self.changed_data and not data.get("ondertitelbestand")
        ):
            return False
        try:
            return transcript == transcript_uit(ondertitels_lezen(oud)).strip()
        except ValidationError:
            return False

    def _bestand_lezen(self, soort: str | None, bestand) -> None:
        """Keep the facts of a newly chosen file on the instance, or say why it is refused."""
        instance = self.instance
        if bestand is False or (not bestand and "bestand" in self.changed_data):
            instance.bestand_type, instance.bestand_grootte = "", None
            instance.paginas = instance.duur = instance.breedte = instance.hoogte = None
            return
        if not bestand or soort is None:
            return
        nieuw = "bestand" in self.changed_data
        if not nieuw:
            # The same file, perhaps for another kind: a screencast needs a video, the rest a PDF.
            wil_video = soort == Materiaal.Soort.SCREENCAST
            if instance.bestand_type and wil_video != instance.is_video:
                self.add_error(
                    "bestand",
                    gettext("Een screencast heeft een video nodig; kies een ander bestand.")
                    if wil_video
                    else gettext("Deze soort heeft een PDF nodig; kies een ander bestand."),
                )
            return
        try:
            if soort == Materiaal.Soort.SCREENCAST:
                video = video_lezen(bestand)
                instance.bestand_type, instance.paginas = video.type, None
                instance.duur, instance.breedte, instance.hoogte = (
                    video.duur,
                    video.breedte,
                    video.hoogte,
                )
            else:
                instance.paginas = pdf_lezen(bestand)
                instance.bestand_type = "application/pdf"
                instance.duur = instance.breedte = instance.hoogte = None
        except ValidationError as fout:
            self.add_error("bestand", fout)
            return
        instance.bestand_grootte = bestand.size

    def _post_clean(self):
        super()._post_clean()
        if self.instance.status == Materiaal.Status.GEPUBLICEERD and not self.errors:
            tekort = ontbreekt(self.instance)
            if tekort:
                self.add_error(
                    None,
                    gettext(
                        "Dit materiaal staat online en moet compleet blijven; er ontbreekt: "
                        "%(lijst)s. Archiveer het eerst als je dat wil weghalen."
                    )
                    % {"lijst": ", ".join(tekort)},
                )
