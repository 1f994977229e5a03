"""Spam protection for the public forms, without JavaScript, CAPTCHAs or tracking.

Three layers: a honeypot field people never see (hidden from sight, keyboard and screen
readers), a signed time trap (the moment the form was loaded) and a rate limit per address
(baz.ratelimiet). A bot that fills in the honeypot gets an ordinary thank-you page and nothing
is stored, so it learns nothing. Whoever fails the time trap (too quick for a form of more than two
fields, or a time stamp that is missing, forged or older than a day) gets the form back with everything typed and a fresh
stamp: a person whose page was open across a deploy never loses what they typed.

A time stamp works once (its use is a counter in the database, baz.ratelimiet): a second POST
with the same stamp gets the form back with a fresh one, and nothing is stored twice. The one
exception is a form whose service makes a repeated `sleutel` harmless (it shows the earlier
result, `ontdubbelt_met_sleutel`): the same browser sending the same stamp and key again, as a
double click does, goes through and ends on the earlier result page.

The double-submit key is bound to the browser that sent it: the key a service stores is a keyed
hash of the form's key and the browser's CSRF secret (the cookie every form POST carries, from
the moment the form was shown, so a double click's two requests agree even when they run at the
same time). Another browser replaying the key gets a key of its own, never someone else's result.
"""

import hashlib
import logging
import secrets
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from . import ratelimiet

logger = logging.getLogger(__name__)

TIJDVAL_ZOUT = "baz.formulier"
GELDIGHEID = 24 * 3600  # seconds a loaded form's time stamp stays valid
KLEIN_FORMULIER = 2  # visible fields up to which the time trap asks no minimum time


def min_invultijd(velden: int | None = None) -> float:
    """Seconds a person needs at least to fill in a form of `velden` visible fields (bots are
    faster). A form of one or two fields (an e-mail address, a code) has no minimum: a person
    who pastes an address and presses Enter is as quick as a bot, and must never be refused;
    the honeypot, the one-time stamp and the rate limit guard those forms."""
    if velden is not None and velden <= KLEIN_FORMULIER:
        return 0.0
    return float(getattr(settings, "FORMULIER_MIN_INVULTIJD", 3))


def tijdstempel(seconden_geleden: float = 0) -> str:
    """The signed 'form loaded at' value the form carries along, with a nonce of its own."""
    return signing.dumps(
        [timezone.now().timestamp() - seconden_geleden, secrets.token_hex(8)], salt=TIJDVAL_ZOUT
    )


def browser_van(request: HttpRequest | None) -> str:
    """What tells one browser from another: its CSRF secret (set when the form was shown)."""
    return (request.META.get("CSRF_COOKIE") if request is not None else None) or ""


def gebonden_sleutel(sleutel: uuid.UUID, browser: str) -> uuid.UUID:
    """The form's double-submit key bound to one browser: the key the service stores."""
    digest = salted_hmac(
        "baz.spamwering.sleutel", f"{sleutel}:{browser}", algorithm="sha256"
    ).digest()
    return uuid.UUID(bytes=digest[:16], version=4)


def _stempel_naam(stempel: str) -> str:
    return "stempel:" + hashlib.sha256(stempel.encode()).hexdigest()[:40]


def _eigenaar(browser: str, sleutel: uuid.UUID | None) -> int:
    """Who may use a stamp again (below 2**31): the same browser with the same key."""
    digest = salted_hmac(
        "baz.spamwering.stempel", f"{browser}:{sleutel}", algorithm="sha256"
    ).digest()
    return int.from_bytes(digest[:4], "big") >> 1


def stempel_gebruiken(stempel: str, eigenaar: int) -> bool:
    """Mark the stamp used; True for its first use, or a use by the same owner again."""
    return ratelimiet.eerste_eigenaar(_stempel_naam(stempel), eigenaar, GELDIGHEID) == eigenaar


class BeschermdFormulier(forms.Form):
    """Mix in before a Form or ModelForm, and pass `request=` (the browser the double-submit
    key is bound to). After `is_valid()`, `is_bot` tells the view to answer with
    `bot_bedankt()` instead of storing anything. `sleutel` makes a double submit harmless where
    the service supports it: set `ontdubbelt_met_sleutel` on such a form (see the module)."""

    ontdubbelt_met_sleutel = False

    website = forms.CharField(
        required=False,
        label=_("Laat dit veld leeg"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    geladen = forms.CharField(required=False, widget=forms.HiddenInput)
    sleutel = forms.UUIDField(required=False, widget=forms.HiddenInput)

    beveiligingsvelden = ("website", "geladen", "sleutel")

    def __init__(self, *args, request: HttpRequest | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
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
            if isinstance(waarde, list):  # [time, nonce]; a bare time from before the nonce
                waarde = waarde[0]
            return float(waarde)
        except (signing.BadSignature, TypeError, ValueError, IndexError):
            return None

    def _vers_stempel(self) -> None:
        """Keep what was typed, with a fresh time stamp: the next submit gets through."""
        self.data = self.data.copy()
        self.data["geladen"] = tijdstempel()

    def _stempel_eenmalig(self, cleaned: dict) -> bool:
        browser = browser_van(self.request)
        sleutel = cleaned.get("sleutel")
        if self.ontdubbelt_met_sleutel:
            eigenaar = _eigenaar(browser, sleutel)
        else:  # nobody may use the stamp again, not even this browser
            eigenaar = secrets.randbelow(2**31)
        if sleutel:
            cleaned["sleutel"] = gebonden_sleutel(sleutel, browser)
        try:
            return stempel_gebruiken(self.data.get("geladen", ""), eigenaar)
        except DatabaseError:
            logger.exception("Formulier: de tijdstempel kon niet nagekeken worden.")
            return False  # fail closed: the form comes back

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            self.bot_reden = "honingpot"
            return cleaned
        geladen = self._geladen_op()
        zichtbaar = sum(
            1
            for naam, veld in self.fields.items()
            if naam not in self.beveiligingsvelden and not veld.widget.is_hidden
        )
        if geladen is None or timezone.now().timestamp() - geladen < min_invultijd(zichtbaar):
            self._vers_stempel()
            raise forms.ValidationError(
                _(
                    "Het formulier werd erg snel verstuurd of stond te lang open. Controleer je gegevens en verstuur opnieuw."
                ),
                code="tijdval",
            )
        eerste_keer = self._stempel_eenmalig(cleaned)
        # The stamp is used now: should the form come back (a mistake in a field), it carries
        # a fresh one.
        self._vers_stempel()
        if not eerste_keer:
            raise forms.ValidationError(
                _(
                    "Je verstuurde dit formulier al. Wil je het nog eens versturen? Controleer je gegevens en verstuur opnieuw."
                ),
                code="al_verstuurd",
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
