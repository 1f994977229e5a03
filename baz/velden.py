"""One-line text: names, titles, organisations, places, phone numbers. One field type for all.

A line break in a one-line field is never what the person meant, and it breaks what is built
from the value later (a mail header, a CSV cell, an iCal line). `EenRegelTekst` is the model
field (a CharField with the validator; ModelForms and the admin get `EenRegelVeld` from it),
`EenRegelVeld` the form field for a plain `forms.Form`. Email and URL fields, which are one
line too, take the validator itself: `models.EmailField(..., validators=[geen_regeleinden])`.
tests/test_velden.py walks every model and fails when a typed CharField lacks it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# CR, LF, NEL and the Unicode line and paragraph separators: what str.splitlines() and mail
# headers treat as the end of a line (VT, FF and the file separators too, for good measure).
REGELEINDEN = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@deconstructible(path="baz.velden.GeenRegeleinden")
class GeenRegeleinden:
    message = _("Schrijf dit op één regel, zonder regeleinde (Enter).")
    code = "regeleinde"

    def __call__(self, waarde) -> None:
        if isinstance(waarde, str) and not REGELEINDEN.isdisjoint(waarde):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, ander) -> bool:
        return isinstance(ander, GeenRegeleinden)

    def __hash__(self) -> int:
        return hash(GeenRegeleinden)


geen_regeleinden = GeenRegeleinden()


class EenRegelVeld(forms.CharField):
    """A form CharField for one line of text."""

    default_validators = [geen_regeleinden]


class EenRegelTekst(models.CharField):
    """A model CharField for one line of text; its form field is `EenRegelVeld`."""

    default_validators = [geen_regeleinden]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EenRegelVeld, **kwargs})
