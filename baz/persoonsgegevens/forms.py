"""The forms of the staff page: the address to look up, and the typed confirmation to erase."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .wislog import normaliseren


class AdresForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hoofdletters maken niet uit: we zoeken in alle apps naar dit adres."),
    )

    def clean_email(self) -> str:
        return normaliseren(self.cleaned_data["email"])


class WissenForm(AdresForm):
    email = forms.EmailField(widget=forms.HiddenInput)
    bevestiging = forms.CharField(
        label=_("Typ het e-mailadres opnieuw om het wissen te bevestigen"),
        max_length=320,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def clean(self):
        gegevens = super().clean()
        email = gegevens.get("email")
        if email and normaliseren(gegevens.get("bevestiging", "")) != email:
            self.add_error(
                "bevestiging", _("Dit is niet hetzelfde e-mailadres. Er is niets gewist.")
            )
        return gegevens
