from django import forms
from django.utils.translation import gettext_lazy as _

from baz.spamwering import BeschermdFormulier
from baz.velden import EenRegelVeld, geen_regeleinden

from .models import (
    Bericht,
    Bijeenkomst,
    Casus,
    CasusReactie,
    Deelnemer,
    Evaluatie,
    Interesse,
    Jaarevaluatie,
    Netwerk,
    Reactie,
)

SCORE_KEUZES = [
    (1, _("1 – helemaal niet goed")),
    (2, _("2")),
    (3, _("3")),
    (4, _("4")),
    (5, _("5 – heel goed")),
]


class InteresseForm(BeschermdFormulier, forms.ModelForm):
    class Meta:
        model = Interesse
        fields = ["bestuur", "gemeente", "contactpersoon", "email", "telefoon", "vorm", "bericht"]
        widgets = {"vorm": forms.RadioSelect, "bericht": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "bestuur": {"required": _("Vul de naam van je bestuur of samenwerkingsverband in.")},
            "contactpersoon": {"required": _("Vul de naam van een contactpersoon in.")},
            "email": {
                "required": _("Vul een e-mailadres in."),
                "invalid": _("Vul een geldig e-mailadres in, bv. naam@gemeente.be."),
            },
            "vorm": {"required": _("Kies waarin je interesse hebt.")},
            "bericht": {"required": _("Vertel kort wat je wilt bereiken.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].empty_label = _("(geen of meerdere gemeenten)")
        self.fields["vorm"].choices = Interesse.Vorm.choices  # radio buttons: no empty choice
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contactpersoon"].widget.attrs["autocomplete"] = "name"
        self.fields["telefoon"].widget.attrs["autocomplete"] = "tel"
        self.fields["telefoon"].widget.input_type = "tel"


class CasusForm(forms.ModelForm):
    class Meta:
        model = Casus
        fields = ["titel", "context", "vraag", "bijeenkomst"]
        widgets = {
            "context": forms.Textarea(attrs={"rows": 6}),
            "vraag": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "context": _("Over welke werking of situatie gaat het? Laat namen van burgers weg."),
            "vraag": _("Wat wil je van de andere deelnemers weten?"),
            "bijeenkomst": _("Op welke bijeenkomst wil je de casus bespreken?"),
        }
        error_messages = {
            "titel": {"required": _("Geef je casus een titel.")},
            "context": {"required": _("Beschrijf de context van je casus.")},
            "vraag": {"required": _("Welke vraag heb je voor het netwerk?")},
        }

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = Bijeenkomst.objects.filter(netwerk=netwerk).komend()
        if self.instance.bijeenkomst_id:
            keuzes = Bijeenkomst.objects.filter(netwerk=netwerk).filter(
                pk__in=[*keuzes.values_list("pk", flat=True), self.instance.bijeenkomst_id]
            )
        self.fields["bijeenkomst"].queryset = keuzes
        self.fields["bijeenkomst"].empty_label = _("(nog geen bijeenkomst)")


class EvaluatieForm(forms.ModelForm):
    score = forms.TypedChoiceField(
        label=_("Hoe waardeer je deze bijeenkomst?"),
        choices=SCORE_KEUZES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een score van 1 tot 5."),
            "invalid_choice": _("Kies een score van 1 tot 5."),
        },
    )

    class Meta:
        model = Evaluatie
        fields = ["score", "nuttig", "suggesties"]
        widgets = {
            "nuttig": forms.Textarea(attrs={"rows": 3}),
            "suggesties": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "nuttig": _("Wat was nuttig voor jou?"),
            "suggesties": _("Suggesties voor een volgende keer"),
        }


class JaarevaluatieForm(forms.ModelForm):
    score = forms.TypedChoiceField(
        label=_("Hoe waardeer je het lerend netwerk dit jaar?"),
        choices=SCORE_KEUZES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een score van 1 tot 5."),
            "invalid_choice": _("Kies een score van 1 tot 5."),
        },
    )

    class Meta:
        model = Jaarevaluatie
        fields = ["score", "geleerd", "behouden", "veranderen"]
        widgets = {
            "geleerd": forms.Textarea(attrs={"rows": 3}),
            "behouden": forms.Textarea(attrs={"rows": 3}),
            "veranderen": forms.Textarea(attrs={"rows": 3}),
        }


class ProfielForm(forms.ModelForm):
    def clean_digest(self) -> str:
        return self.cleaned_data.get("digest") or self.instance.digest

    class Meta:
        model = Deelnemer
        fields = ["organisatie", "rol", "telefoon", "toon_email", "toon_telefoon", "digest"]
        widgets = {"digest": forms.RadioSelect}
        error_messages = {
            "organisatie": {"required": _("Vul je organisatie of bestuur in.")},
            "digest": {
                "required": _("Kies hoe vaak je het overzicht wilt krijgen."),
                "invalid_choice": _("Kies hoe vaak je het overzicht wilt krijgen."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not sent (an older form, a client without it): the choice stays as it was.
        self.fields["digest"].required = False
        self.fields["telefoon"].widget.input_type = "tel"
        self.fields["telefoon"].widget.attrs["autocomplete"] = "tel"
        self.fields["organisatie"].widget.attrs["autocomplete"] = "organization"
        self.fields["rol"].widget.attrs["autocomplete"] = "organization-title"


class BerichtForm(forms.ModelForm):
    class Meta:
        model = Bericht
        fields = ["soort", "tekst", "link", "inspiratie_toestemming"]
        widgets = {"soort": forms.RadioSelect, "tekst": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "tekst": {"required": _("Schrijf je tip, vraag of link.")},
            "link": {"invalid": _("Vul een volledige link in, bv. https://www.voorbeeld.be.")},
        }


class ReactieForm(forms.ModelForm):
    class Meta:
        model = Reactie
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 2})}
        labels = {"tekst": _("Je reactie")}
        error_messages = {"tekst": {"required": _("Schrijf een reactie.")}}


class CasusReactieForm(forms.ModelForm):
    class Meta:
        model = CasusReactie
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 4})}
        labels = {"tekst": _("Je reactie")}
        help_texts = {
            "tekst": _(
                "Je ervaring, een tip of een vraag terug. Alleen de deelnemers en begeleiders "
                "van dit netwerk lezen mee; laat namen van burgers weg."
            )
        }
        error_messages = {
            "tekst": {
                "required": _("Schrijf een reactie."),
                "max_length": _(
                    "Je reactie is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
                ),
            }
        }


class UitnodigingForm(forms.Form):
    """Staff invite a member (admin)."""

    email = forms.EmailField(label=_("E-mailadres"), validators=[geen_regeleinden])
    voornaam = EenRegelVeld(label=_("Voornaam"), max_length=150)
    achternaam = EenRegelVeld(label=_("Achternaam"), max_length=150)
    organisatie = EenRegelVeld(label=_("Organisatie"), max_length=150)
    rol = EenRegelVeld(label=_("Rol"), max_length=150, required=False)
