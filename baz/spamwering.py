"""Spam protection for the public forms, without JavaScript, CAPTCHAs or tracking.

Three layers: a honeypot field people never see (hidden from sight, keyboard and screen
readers), a signed time trap (the moment the form was loaded) and a rate limit per address
(baz.ratelimiet). A bot that fills in the honeypot gets an ordinary thank-you page and nothing
is stored, so it learns nothing. Whoever fails the time trap (too quick, or a time stamp that is
missing, forged or older than a day) gets the form back with everything typed and a fresh
stamp: a person whose page was open across a deploy never loses what they typed.
"""

import logging
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

TIJDVAL_ZOUT = "baz.formulier"
GELDIGHEID = 24 * 3600  # seconds a loaded form's time stamp stays valid


def min_invultijd() -> float:
    """Seconds a person needs at least to fill in a form (bots are faster)."""
    return float(getattr(settings, "FORMULIER_MIN_INVULTIJD", 3))


def tijdstempel(seconden_geleden: float = 0) -> str:
    """The signed 'form loaded at' value the form carries along."""
    return signing.dumps(timezone.now().timestamp() - seconden_geleden, salt=TIJDVAL_ZOUT)


class BeschermdFormulier(forms.Form):
    """Mix in before a Form or ModelForm. After `is_valid()`, `is_bot` tells the view to
    answer with `bot_bedankt()` instead of storing anything. `sleutel` makes a double
    submit harmless where the service supports it."""

    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    geladen = forms.CharField(required=False, widget=forms.HiddenInput)
    sleutel = forms.UUIDField(required=False, widget=forms.HiddenInput)

    beveiligingsvelden = ("website", "geladen", "sleutel")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bot_reden = ""
        if not self.is_bound:
            self.initial.setdefault("geladen", tijdstempel())
            self.initial.setdefault("sleutel", uuid.uuid4())

    @property
    def is_bot(self) -> bool:
        return bool(self.bot_reden)

    def _geladen_op(self) -> float | None:
        try:
            waarde = signing.loads(
                self.data.get("geladen", ""), salt=TIJDVAL_ZOUT, max_age=GELDIGHEID
            )
            return float(waarde)
        except (signing.BadSignature, TypeError, ValueError):
            return None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.bot_reden = "honingpot"
            return cleaned
        geladen = self._geladen_op()
        if geladen is None or timezone.now().timestamp() - geladen < min_invultijd():
            # Keep what was typed, with a fresh time stamp: the next submit gets through.
            self.data = self.data.copy()
            self.data["geladen"] = tijdstempel()
            raise forms.ValidationError(
                _(
                    "Het formulier werd erg snel verstuurd of stond te lang open. Controleer je gegevens en verstuur opnieuw."
                ),
                code="tijdval",
            )
        return cleaned

    def gegevens(self) -> dict:
        """The cleaned values for a service, without the protection fields."""
        return {
            naam: waarde
            for naam, waarde in self.cleaned_data.items()
            if naam not in self.beveiligingsvelden
        }


def bot_loggen(form: BeschermdFormulier, formulier: str) -> None:
    """An audit line without any of the submitted data."""
    logger.info("Formulier %s: bot tegengehouden (%s).", formulier, form.bot_reden)


def bot_bedankt(request: HttpRequest, form: BeschermdFormulier, formulier: str) -> HttpResponse:
    """What a caught bot sees: an ordinary confirmation page."""
    bot_loggen(form, formulier)
    return render(request, "baz/ontvangen.html")
