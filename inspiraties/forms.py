from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.beheerformulieren import (
    BewaardeAfbeelding,
    EenRegelTekstvak,
    MarkdownMetVoorbeeld,
    TekstvakMetLimiet,
    ThemaInvoer,
)

from .afbeeldingen import afbeelding_controleren_en_hercoderen
from .models import Inspiratie, Werkmodel


class InspiratieAdminForm(forms.ModelForm):
    werkmodellen = forms.ModelMultipleChoiceField(
        queryset=Werkmodel.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Werkmodellen"),
        help_text=_("Kies één tot zes werkmodellen."),
        error_messages={"required": _("Kies minstens één werkmodel.")},
    )

    class Meta:
        model = Inspiratie
        fields = [
            "titel", "slug", "samenvatting", "verhaal", "werkmodellen", "themas", "doelgroepen",
            "reikwijdte", "provincie", "gemeente", "initiatiefnemer", "website",
            "afbeelding", "afbeelding_alt", "afbeelding_credit",
            "status", "gepubliceerd_op", "uitgelicht", "demotekst",
        ]  # fmt: skip
        # The samenvatting as a text area with its limit, the verhaal with a preview rendered as
        # on the public page, themes suggested while typing, and an image kept when the form
        # comes back with another error (baz/beheerformulieren).
        field_classes = {"samenvatting": EenRegelTekstvak}
        widgets = {
            "samenvatting": TekstvakMetLimiet,
            "verhaal": MarkdownMetVoorbeeld,
            "themas": ThemaInvoer,
            "doelgroepen": forms.CheckboxSelectMultiple,
            "afbeelding": BewaardeAfbeelding,
        }

    def clean_afbeelding(self):
        afbeelding = self.cleaned_data.get("afbeelding")
        if afbeelding and "afbeelding" in self.changed_data:
            return afbeelding_controleren_en_hercoderen(afbeelding)
        return afbeelding

    def clean(self):
        cleaned = super().clean()
        gemeente = cleaned.get("gemeente")
        if gemeente:
            if not cleaned.get("provincie"):
                cleaned["provincie"] = gemeente.provincie
            elif cleaned["provincie"] != gemeente.provincie:
                self.add_error(
                    "provincie",
                    _("%(gemeente)s ligt in %(provincie)s.")
                    % {"gemeente": gemeente.naam, "provincie": gemeente.get_provincie_display()},
                )
        if cleaned.get("afbeelding") and not cleaned.get("afbeelding_alt"):
            self.add_error(
                "afbeelding_alt", _("Een afbeelding heeft een alternatieve tekst nodig.")
            )
        if cleaned.get("status") == Inspiratie.Status.GEPUBLICEERD and not cleaned.get(
            "gepubliceerd_op"
        ):
            # Publication date defaults to now, as inspiratie_publiceren does.
            cleaned["gepubliceerd_op"] = timezone.now()
        return cleaned

    def validate_unique(self):
        try:
            super().validate_unique()
        except ValidationError as fout:
            self._update_errors(fout)
