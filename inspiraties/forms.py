import logging

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from baz.beheerformulieren import (
    BewaardeAfbeelding,
    EenRegelTekstvak,
    MarkdownMetVoorbeeld,
    TekstvakMetLimiet,
    ThemaInvoer,
)
from baz.beheerformulieren.afbeelding import (
    Bewaard,
    NietMeerBewaard,
    bewaarplaats,
    bewaren,
    terughalen,
)
from baz.models import Gemeente
from baz.spamwering import BeschermdFormulier, browser_van

from .afbeeldingen import afbeelding_controleren_en_hercoderen
from .models import Inspiratie, Tip, Werkmodel

logger = logging.getLogger(__name__)


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
            "meedoen", "contact_email", "contact_telefoon", "contact_tonen",
            "doel", "aanpak", "wat_werkt", "wat_nodig",
            "afbeelding", "afbeelding_alt", "afbeelding_credit",
            "status", "gepubliceerd_op", "uitgelicht", "demotekst", "nagekeken_op",
        ]  # fmt: skip
        # The samenvatting as a text area with its limit, the verhaal with a preview rendered as
        # on the public page, themes suggested while typing, and an image kept when the form
        # comes back with another error (baz/beheerformulieren).
        field_classes = {"samenvatting": EenRegelTekstvak}
        widgets = {
            "samenvatting": TekstvakMetLimiet,
            "verhaal": MarkdownMetVoorbeeld,
            "meedoen": forms.Textarea(attrs={"rows": 3}),
            "doel": forms.Textarea(attrs={"rows": 3}),
            "aanpak": forms.Textarea(attrs={"rows": 4}),
            "wat_werkt": forms.Textarea(attrs={"rows": 4}),
            "wat_nodig": forms.Textarea(attrs={"rows": 3}),
            "nagekeken_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "themas": ThemaInvoer,
            "doelgroepen": forms.CheckboxSelectMultiple,
            "afbeelding": BewaardeAfbeelding,
        }

    def clean_afbeelding(self):
        afbeelding = self.cleaned_data.get("afbeelding")
        if afbeelding and "afbeelding" in self.changed_data:
            return afbeelding_controleren_en_hercoderen(afbeelding)
        return afbeelding

    def clean_slug(self):
        from .services import GERESERVEERDE_SLUGS

        slug = self.cleaned_data.get("slug")
        if slug in GERESERVEERDE_SLUGS:
            raise ValidationError(
                _("“%(slug)s” is al een pagina van de site; kies een andere slug.") % {"slug": slug}
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        gemeente = cleaned.get("gemeente")
        if cleaned.get("contact_tonen") and not (
            cleaned.get("contact_email") or cleaned.get("contact_telefoon")
        ):
            self.add_error(
                "contact_tonen", _("Vul een e-mailadres of telefoonnummer in om te tonen.")
            )
        if (
            cleaned.get("reikwijdte") == Inspiratie.Reikwijdte.LOKAAL
            and not gemeente
            and "gemeente" in self.fields
            and not self.errors.get("gemeente")
        ):
            self.add_error(
                "gemeente",
                _(
                    "Een lokaal initiatief heeft een gemeente: kies ze, of kies een andere "
                    "reikwijdte (regionaal, heel Vlaanderen, online)."
                ),
            )
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


# ---------------------------------------------------------------------------------------------
# /inspiraties/tip/: a citizen tips an initiative
# ---------------------------------------------------------------------------------------------

# The version of the consent texts below: stored with every tip as proof of what was agreed.
# Change it whenever one of the texts marked "toestemmingstekst" changes.
TOESTEMMING_VERSIE = "tip-2026-12"

# The werkmodellen in plain words, for people who never heard of them.
WERKMODELLEN_GEWOON = {
    "persoonlijke-competentieversterking": _(
        "Mensen leren iets bij waardoor ze sterker in het leven staan."
    ),
    "buddywerking": _("Een vrijwilliger trekt een tijd op met één persoon, als maatje."),
    "persoonlijk-netwerk": _("Familie, vrienden en buren helpen samen één persoon of gezin."),
    "lotgenotennetwerk": _("Mensen die hetzelfde meemaken, steunen elkaar."),
    "vrijwillig-engagement": _("Vrijwilligers zetten zich in voor anderen."),
    "community-building": _("Buurtbewoners bouwen samen iets op voor hun buurt."),
}


class WerkmodelKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, werkmodel: Werkmodel) -> str:
        uitleg = WERKMODELLEN_GEWOON.get(werkmodel.slug) or werkmodel.korte_beschrijving
        return f"{werkmodel.naam}: {uitleg}"


class GemeenteKeuze(forms.Select):
    """A plain <select>; baz.js turns it into an accessible combobox that filters while you
    type (data-keuzelijst). Without JavaScript it stays the select."""

    def __init__(self, attrs=None):
        super().__init__({"data-keuzelijst": "gemeente", **(attrs or {})})


class TipFormulier(BeschermdFormulier):
    """What a citizen tells about an initiative. The photo is kept between the form and the
    check page in the private upload store (baz/beheerformulieren/afbeelding.py), as a token
    signed for this browser."""

    ontdubbelt_met_sleutel = True  # a double click on "Versturen" ends on the same tip

    titel = forms.CharField(
        label=_("Naam van het initiatief"),
        max_length=150,
        error_messages={"required": _("Geef de naam van het initiatief.")},
    )
    wat = forms.CharField(
        label=_("Wat doet het initiatief?"),
        help_text=_("Vertel in je eigen woorden wat ze doen, voor wie en sinds wanneer."),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=20,
        max_length=3000,
        error_messages={
            "required": _("Vertel kort wat het initiatief doet."),
            "min_length": _("Vertel iets meer: minstens %(limit_value)d tekens."),
            "max_length": _("Hoogstens %(limit_value)d tekens (nu %(show_value)d)."),
        },
    )
    gemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        label=_("Waar?"),
        empty_label=_("Kies een gemeente"),
        help_text=_(
            "De gemeente waar het initiatief werkt. Laat leeg als het in heel Vlaanderen of "
            "online werkt. Typ een paar letters om te zoeken."
        ),
        widget=GemeenteKeuze,
        error_messages={"invalid_choice": _("Kies een gemeente uit de lijst.")},
    )
    werkmodellen = WerkmodelKeuze(
        queryset=Werkmodel.objects.order_by("volgorde"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Welke manier van werken past erbij?"),
        help_text=_("Niet zeker? Sla dit gerust over: wij kijken het na."),
        error_messages={"invalid_choice": _("Kies uit de lijst.")},
    )
    initiatief_website = forms.URLField(
        label=_("Website van het initiatief"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Geef een geldig webadres, bv. https://www.voorbeeld.be.")},
    )
    initiatief_contact = forms.CharField(
        label=_("Of een andere manier om het initiatief te bereiken"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld een e-mailadres, een Facebookpagina of een telefoonnummer."),
    )
    naam = forms.CharField(
        label=_("Je naam"),
        max_length=150,
        error_messages={"required": _("Geef je naam.")},
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Om je te laten weten wat er met je tip gebeurt."),
        error_messages={
            "required": _("Geef je e-mailadres."),
            "invalid": _("Geef een geldig e-mailadres, bv. naam@voorbeeld.be."),
        },
    )
    betrokken = forms.TypedChoiceField(
        label=_("Maak je zelf deel uit van het initiatief?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Zeg of je zelf deel uitmaakt van het initiatief.")},
    )
    naam_tonen = forms.ChoiceField(
        label=_("Mogen we je naam tonen bij het verhaal, als het verschijnt?"),
        choices=Tip.NaamTonen.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe je naam mag verschijnen.")},
    )
    foto = forms.FileField(
        label=_("Een foto van het initiatief"),
        required=False,
        help_text=_("JPEG, PNG, WebP of GIF, hoogstens 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    foto_alt = forms.CharField(
        label=_("Wat staat er op de foto?"),
        required=False,
        max_length=250,
        help_text=_("Voor wie de foto niet kan zien."),
    )
    foto_maker = forms.CharField(label=_("Wie maakte de foto?"), required=False, max_length=150)
    # toestemmingstekst
    foto_toestemming = forms.BooleanField(
        label=_(
            "Wie de foto maakte en wie erop staat, gaan ermee akkoord dat BurgersAanZet de foto "
            "bij het verhaal op de website toont."
        ),
        required=False,
    )
    # toestemmingstekst
    contact_toestemming = forms.BooleanField(
        label=_("BurgersAanZet mag me mailen of bellen met vragen over deze tip."),
        required=False,
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.bewaard: Bewaard | None = None  # the photo kept from an earlier step
        self.foto_kwijt = False
        self._browser = browser_van(request)
        if self.is_bound and not self.files.get("foto"):
            token = self.data.get("foto_bewaard", "")
            if token and not self.data.get("foto_vergeten"):
                try:
                    gevonden = terughalen(token, veld="tip-foto", gebruiker_id=self._eigenaar())
                except NietMeerBewaard:
                    self.foto_kwijt = True
                else:
                    if gevonden is not None:
                        upload, self.bewaard = gevonden
                        self.files = self.files.copy()
                        self.files["foto"] = upload

    def _eigenaar(self) -> str:
        """Whose kept photo: this browser (its CSRF secret, hashed), never a user account."""
        return (
            "tip:"
            + salted_hmac("inspiraties.tip.foto", self._browser, algorithm="sha256").hexdigest()[
                :32
            ]
        )

    def clean_foto(self):
        foto = self.cleaned_data.get("foto")
        if self.foto_kwijt and not foto:
            raise ValidationError(
                _("De foto die je koos, is niet meer bewaard. Kies ze opnieuw."), code="kwijt"
            )
        if foto:
            self._foto_origineel = foto
            return afbeelding_controleren_en_hercoderen(foto)
        return None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("foto"):
            if not cleaned.get("foto_alt", "").strip():
                self.add_error("foto_alt", _("Beschrijf kort wat er op de foto staat."))
            if not cleaned.get("foto_maker", "").strip():
                self.add_error("foto_maker", _("Zeg wie de foto maakte."))
            if not cleaned.get("foto_toestemming"):
                self.add_error(
                    "foto_toestemming",
                    _(
                        "Zonder toestemming van de maker en van wie erop staat, kunnen we de foto "
                        "niet gebruiken. Vink het aan, of laat de foto weg."
                    ),
                )
        return cleaned

    def foto_bewaren(self) -> Bewaard | None:
        """Keep the chosen (valid) photo for the next step; the token goes in a hidden field."""
        if self.bewaard is not None:
            return self.bewaard
        origineel = getattr(self, "_foto_origineel", None)
        if origineel is None or "foto" in self.errors:
            return None
        self.bewaard = bewaren(origineel, veld="tip-foto", gebruiker_id=self._eigenaar())
        return self.bewaard

    def foto_opruimen(self) -> None:
        """After the tip is stored: the kept original (with its EXIF) is no longer needed."""
        if self.bewaard is not None:
            try:
                bewaarplaats().delete(self.bewaard.pad)
            except OSError:  # the daily cleanup removes it (bewaarde_bestanden_opruimen)
                logger.warning("Bewaarde foto %s niet verwijderd.", self.bewaard.pad)

    def verborgen_velden(self) -> list[tuple[str, str]]:
        """The typed values as (name, value) pairs, for the check page's hidden fields."""
        paren = []
        for naam in self.fields:
            if naam in ("foto", *self.beveiligingsvelden):
                continue
            for waarde in self.data.getlist(naam) if hasattr(self.data, "getlist") else []:
                paren.append((naam, waarde))
        return paren

    def als_beginwaarden(self) -> dict:
        """What was typed, as the initial values of a fresh form ("Aanpassen")."""
        beginwaarden = {}
        for naam, veld in self.fields.items():
            if naam in ("foto", *self.beveiligingsvelden):
                continue
            if isinstance(veld, forms.ModelMultipleChoiceField):
                beginwaarden[naam] = self.data.getlist(naam)
            elif naam in self.data:
                beginwaarden[naam] = self.data.get(naam)
        return beginwaarden
