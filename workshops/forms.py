"""Public forms: the request form, sign-up and evaluation. Every message in Dutch."""

import re
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.models import Gemeente
from baz.spamwering import BeschermdFormulier
from baz.velden import EenRegelVeld, geen_regeleinden

from .models import Aanvraag, Formaat
from .services import Ontvangers

TELEFOON_TEKENS = re.compile(r"[\s./()\-]")
TELEFOON_BE = re.compile(r"^(?:\+32|0032|0)([1-9]\d{7,8})$")


def telefoon_normaliseren(waarde: str) -> str:
    """Belgian numbers in the usual ways ('03 123 45 67', '0470/12.34.56', '+32 470 12 34 56')
    become '+3231234567'; anything else is refused."""
    compact = TELEFOON_TEKENS.sub("", waarde)
    match = TELEFOON_BE.match(compact)
    if not match:
        raise forms.ValidationError(
            _("Geef een Belgisch telefoonnummer, bijvoorbeeld 03 123 45 67 of 0470 12 34 56."),
            code="telefoon",
        )
    return "+32" + match.group(1)


class AanvraagForm(BeschermdFormulier, forms.ModelForm):
    ontdubbelt_met_sleutel = True  # a repeated key gets the earlier result (services.py)

    gemeente = forms.ModelChoiceField(
        queryset=Gemeente.objects.all(),
        label=_("Gemeente"),
        empty_label=_("Kies een gemeente"),
        help_text=_("De gemeente waar jullie vereniging of organisatie werkt."),
        error_messages={
            "required": _("Kies de gemeente van jullie organisatie."),
            "invalid_choice": _("Kies een gemeente uit de lijst."),
        },
    )
    voorkeur_1 = forms.DateField(
        label=_("Voorkeursperiode 1"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Een datum vanaf wanneer het jullie past."),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={
            "required": _("Geef minstens twee voorkeursperiodes."),
            "invalid": _("Geef een geldige datum, bijvoorbeeld 15/03/2027."),
        },
    )
    voorkeur_2 = forms.DateField(
        label=_("Voorkeursperiode 2"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={
            "required": _("Geef minstens twee voorkeursperiodes."),
            "invalid": _("Geef een geldige datum, bijvoorbeeld 15/03/2027."),
        },
    )
    voorkeur_3 = forms.DateField(
        label=_("Voorkeursperiode 3"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={"invalid": _("Geef een geldige datum, bijvoorbeeld 15/03/2027.")},
    )
    aantal_deelnemers = forms.IntegerField(
        label=_("Verwacht aantal deelnemers"),
        min_value=1,
        max_value=200,
        help_text=_("Een schatting is genoeg (1 tot 200)."),
        error_messages={
            "required": _("Geef een verwacht aantal deelnemers."),
            "invalid": _("Geef een getal."),
            "min_value": _("Minstens 1 deelnemer."),
            "max_value": _("Voor meer dan 200 deelnemers nemen we liever eerst contact op."),
        },
    )
    leervraag = forms.CharField(
        label=_("Wat willen jullie leren?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zo kunnen we de workshop afstemmen op jullie vraag."),
        error_messages={
            "required": _("Vertel kort wat jullie willen leren."),
            "max_length": _("Hou het bij hoogstens 3000 tekens."),
        },
    )
    drempels = forms.CharField(
        label=_("Welke drempels ervaren jullie?"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Hou het bij hoogstens 3000 tekens.")},
    )
    telefoon = EenRegelVeld(
        label=_("Telefoon"),
        max_length=30,
        required=False,
        help_text=_("Voor een vlotte afspraak. Bijvoorbeeld 0470 12 34 56."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    bron = forms.ChoiceField(
        label=_("Hoe leerden jullie BAZ kennen?"),
        choices=[("", _("Kies een antwoord")), *Aanvraag.Bron.choices],
        required=False,
    )
    nieuwsbrief = forms.BooleanField(
        label=_("Ja, stuur me de nieuwsbrief van BurgersAanZet."),
        required=False,
        help_text=_("Hoogstens een paar keer per jaar. Je kan je op elk moment weer uitschrijven."),
    )

    class Meta:
        model = Aanvraag
        fields = [
            "organisatie", "soort", "gemeente", "contactpersoon", "email", "telefoon",
            "formaat", "voorkeur_1", "voorkeur_2", "voorkeur_3", "aantal_deelnemers",
            "leervraag", "drempels", "bron", "nieuwsbrief",
        ]  # fmt: skip
        labels = {
            "organisatie": _("Naam van de vereniging of organisatie"),
            "soort": _("Soort organisatie"),
            "contactpersoon": _("Contactpersoon"),
            "email": _("E-mailadres"),
            "formaat": _("Gewenst formaat"),
        }
        help_texts = {
            "email": _("Hierop krijg je de bevestiging en de link om je aanvraag te volgen."),
        }
        widgets = {
            "soort": forms.RadioSelect,
            "formaat": forms.RadioSelect,
            "organisatie": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contactpersoon": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "organisatie": {
                "required": _("Geef de naam van jullie vereniging of organisatie."),
                "max_length": _("Hou de naam bij hoogstens 200 tekens."),
            },
            "soort": {
                "required": _("Kies welk soort organisatie jullie zijn."),
                "invalid_choice": _("Kies een soort uit de lijst."),
            },
            "contactpersoon": {
                "required": _("Geef de naam van de contactpersoon."),
                "max_length": _("Hou de naam bij hoogstens 150 tekens."),
            },
            "email": {
                "required": _("Geef een e-mailadres."),
                "invalid": _("Geef een geldig e-mailadres, zoals naam@voorbeeld.be."),
            },
            "formaat": {
                "required": _("Kies online, live of allebei."),
                "invalid_choice": _("Kies online, live of allebei."),
            },
        }

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons without the empty "select an option" choice.
        self.fields["formaat"].choices = Formaat.choices
        self.fields["soort"].choices = Aanvraag.Soort.choices
        if workshop is not None and workshop.formaat != Formaat.BEIDE and not self.is_bound:
            self.initial.setdefault("formaat", workshop.formaat)
        vandaag = timezone.localdate()
        for naam in ("voorkeur_1", "voorkeur_2", "voorkeur_3"):
            self.fields[naam].widget.attrs["min"] = vandaag.isoformat()

    def clean_telefoon(self) -> str:
        waarde = self.cleaned_data.get("telefoon", "").strip()
        return telefoon_normaliseren(waarde) if waarde else ""

    def _datum_in_toekomst(self, naam: str) -> date | None:
        datum = self.cleaned_data.get(naam)
        if datum is None:
            return None
        vandaag = timezone.localdate()
        if datum < vandaag:
            raise forms.ValidationError(_("Deze datum ligt in het verleden."), code="verleden")
        if datum > vandaag + timedelta(days=2 * 365):
            raise forms.ValidationError(_("Kies een datum binnen de twee jaar."), code="te_ver")
        return datum

    def clean_voorkeur_1(self):
        return self._datum_in_toekomst("voorkeur_1")

    def clean_voorkeur_2(self):
        return self._datum_in_toekomst("voorkeur_2")

    def clean_voorkeur_3(self):
        return self._datum_in_toekomst("voorkeur_3")

    def clean(self):
        cleaned = super().clean()
        eerste, tweede = cleaned.get("voorkeur_1"), cleaned.get("voorkeur_2")
        if eerste and tweede and eerste == tweede:
            self.add_error("voorkeur_2", _("Kies een andere datum dan je eerste voorkeur."))
        return cleaned


class InschrijvingForm(BeschermdFormulier):
    ontdubbelt_met_sleutel = True  # a repeated key gets the earlier result (services.py)

    naam = EenRegelVeld(
        label=_("Naam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Geef je naam."),
            "max_length": _("Hou je naam bij hoogstens 150 tekens."),
        },
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        validators=[geen_regeleinden],
        help_text=_("Hierop krijg je de bevestiging, een agenda-item en je persoonlijke link."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Geef je e-mailadres."),
            "invalid": _("Geef een geldig e-mailadres, zoals naam@voorbeeld.be."),
        },
    )
    organisatie = EenRegelVeld(
        label=_("Organisatie of vereniging"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"max_length": _("Hou het bij hoogstens 200 tekens.")},
    )
    toegankelijkheid = forms.CharField(
        label=_("Toegankelijkheid en noden"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Heb je iets nodig om goed te kunnen deelnemen (rolstoel, tolk, vervoer, ...)? "
            "Dan houden we er rekening mee."
        ),
        error_messages={"max_length": _("Hou het bij hoogstens 1000 tekens.")},
    )


class EvaluatieForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Hoe tevreden ben je over de workshop?"),
        help_text=_("1 is helemaal niet tevreden, 5 is heel tevreden."),
        choices=[(str(i), str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een score van 1 tot 5."),
            "invalid_choice": _("Kies een score van 1 tot 5."),
        },
    )
    wat_goed = forms.CharField(
        label=_("Wat was goed?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Hou het bij hoogstens 2000 tekens.")},
    )
    wat_beter = forms.CharField(
        label=_("Wat kan beter?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Hou het bij hoogstens 2000 tekens.")},
    )


class AanvraagAdminForm(forms.ModelForm):
    """The staff form of a request. Status, date and place change only through the pipeline's
    steps (AanvraagAdmin's step pages, services.aanvraag_status_wijzigen)."""

    class Meta:
        model = Aanvraag
        fields = [
            "begeleider", "interne_notities",
            "workshop", "formaat", "voorkeur_1", "voorkeur_2", "voorkeur_3", "aantal_deelnemers",
            "organisatie", "soort", "gemeente", "bron", "contactpersoon", "email", "telefoon",
            "leervraag", "drempels",
        ]  # fmt: skip


class StapForm(forms.Form):
    """One step of the pipeline in the admin: the reason, or the date, hour and place."""

    gepland_op = forms.SplitDateTimeField(
        label=_("Datum en uur"),
        required=False,
        widget=forms.SplitDateTimeWidget(
            date_attrs={"type": "date"},
            time_attrs={"type": "time"},
            date_format="%Y-%m-%d",
            time_format="%H:%M",
        ),
        input_date_formats=["%Y-%m-%d", "%d/%m/%Y"],
        input_time_formats=["%H:%M", "%H:%M:%S"],
        error_messages={
            "invalid_date": _("Geef een geldige datum."),
            "invalid_time": _("Geef een geldig uur, bijvoorbeeld 19:30."),
        },
    )
    geplande_plaats = EenRegelVeld(
        label=_("Plaats"),
        required=False,
        max_length=250,
        help_text=_("Het adres, of ‘Online’ voor een online workshop."),
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("De aanvrager krijgt deze reden in de mail."),
    )

    def __init__(self, *args, stap: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.stap = stap
        if stap not in (Aanvraag.Status.INGEPLAND, "herplannen"):
            del self.fields["gepland_op"], self.fields["geplande_plaats"]
        else:
            self.fields["gepland_op"].required = True
            self.fields["geplande_plaats"].required = True
        if stap in Aanvraag.MET_REDEN:
            self.fields["reden"].required = True
        elif stap in (Aanvraag.Status.INGEPLAND, "herplannen"):
            del self.fields["reden"]
        else:
            self.fields["reden"].label = _("Opmerking")
            self.fields["reden"].help_text = _("Komt in de geschiedenis van de aanvraag.")
        for veld in self.fields.values():
            veld.error_messages.setdefault("required", _("Dit veld is verplicht."))
        if "reden" in self.fields:
            self.fields["reden"].error_messages["required"] = _(
                "Geef een reden: de aanvrager krijgt ze in de mail."
            )


class AanvullenForm(forms.Form):
    """The requester adds information through the personal link."""

    tekst = forms.CharField(
        label=_("Wat wil je toevoegen?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Schrijf wat je wilt toevoegen."),
            "max_length": _("Hou het onder de 5000 tekens."),
        },
    )


def _datumveld(label, required=False):
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={
            "required": _("Kies minstens één datum."),
            "invalid": _("Geef een geldige datum, bijvoorbeeld 15/03/2027."),
        },
    )


class AndereDataForm(forms.Form):
    """The requester proposes other dates (at least one)."""

    voorkeur_1 = _datumveld(_("Nieuwe datum 1"), required=True)
    voorkeur_2 = _datumveld(_("Nieuwe datum 2"))
    voorkeur_3 = _datumveld(_("Nieuwe datum 3"))
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("Hou het onder de 2000 tekens.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vandaag = timezone.localdate().isoformat()
        for naam in ("voorkeur_1", "voorkeur_2", "voorkeur_3"):
            self.fields[naam].widget.attrs["min"] = vandaag

    def clean(self):
        cleaned = super().clean()
        vandaag = timezone.localdate()
        for naam in ("voorkeur_1", "voorkeur_2", "voorkeur_3"):
            datum = cleaned.get(naam)
            if datum and datum < vandaag:
                self.add_error(naam, _("Deze datum ligt in het verleden."))
            elif datum and datum > vandaag + timedelta(days=2 * 365):
                self.add_error(naam, _("Kies een datum binnen de twee jaar."))
        return cleaned

    @property
    def voorkeuren(self) -> list[date]:
        return [self.cleaned_data.get(n) for n in ("voorkeur_1", "voorkeur_2", "voorkeur_3")]


class AanvraagAnnulerenForm(forms.Form):
    reden = forms.CharField(
        label=_("Waarom annuleer je?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zo leren we wat beter kan."),
        error_messages={"max_length": _("Hou het onder de 2000 tekens.")},
    )


class SessieMailenForm(forms.Form):
    """Staff mail the people of a session (admin): who, a subject and the text."""

    ontvangers = forms.ChoiceField(
        label=_("Aan wie"),
        choices=Ontvangers.KEUZES,
        initial=Ontvangers.BEVESTIGD,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wie de mail krijgt."),
            "invalid_choice": _("Kies wie de mail krijgt."),
        },
    )
    onderwerp = EenRegelVeld(
        label=_("Onderwerp"),
        max_length=150,
        error_messages={
            "required": _("Vul een onderwerp in."),
            "max_length": _("Hou het onderwerp korter dan 150 tekens."),
        },
    )
    tekst = forms.CharField(
        label=_("Bericht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Gewone tekst. Iedereen krijgt een eigen mail met “Beste (naam),” ervoor en "
            "onderaan de sessie, de persoonlijke link en de link om te annuleren."
        ),
        error_messages={
            "required": _("Schrijf een bericht."),
            "max_length": _("Hou het bericht korter dan 5000 tekens."),
        },
    )
