"""A one-line text written in a small text area, its length limit shown and counted.

`TekstvakMetLimiet` is the widget: a text area of three rows with `maxlength`, and under it
"Maximaal 300 tekens." (also without JavaScript). static/js/beheer-tekstvak.js adds a counter
("Nog 120 tekens", "12 tekens te veel"): shown at once as you type, and told to a screen reader
in a polite live region only once you pause, not at every key. The script lifts `maxlength`,
as GOV.UK's character count does: a browser silently cuts pasted text at the limit, a counter
shows what is too much and the server refuses it with a message.

`EenRegelTekstvak` is the form field for an `EenRegelTekst` (baz/velden.py) shown this way: a
text area invites Enter, so line breaks (with the spaces around them) become one space before
validation, and the one-line rule never has to refuse them.
"""

import re

from django.contrib.admin.widgets import AdminTextareaWidget
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..velden import REGELEINDEN, EenRegelVeld
from .weergave import Omhulsel, beschreven_door, media, veld_id

_REGELEINDE = re.compile("[ \t]*[" + re.escape("".join(sorted(REGELEINDEN))) + "]+[ \t]*")


def zonder_regeleinden(tekst: str) -> str:
    """'Een\\r\\n  twee' -> 'Een twee'."""
    return _REGELEINDE.sub(" ", tekst)


class TekstvakMetLimiet(Omhulsel, AdminTextareaWidget):
    """A text area with its length limit (the field's max_length, or `maximum`) shown."""

    omhulsel = "admin/widgets/tekstvak_met_limiet.html"

    def __init__(self, attrs=None, *, maximum: int | None = None):
        super().__init__(attrs={"rows": 3, **(attrs or {})})
        self.maximum = maximum

    @property
    def media(self):
        return media("js/beheer-tekstvak.js")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        invoer = context["widget"]["attrs"]
        maximum = self.maximum or invoer.get("maxlength")
        if not maximum:
            return context
        maximum = int(maximum)
        basis = veld_id(name, invoer)
        limiet = {"id": f"{basis}_limiet", "teller_id": f"{basis}_teller", "maximum": maximum}
        invoer["maxlength"] = maximum
        invoer["data-limiet"] = maximum
        beschreven_door(invoer, limiet["id"], limiet["teller_id"])
        # The counter's wording for the script, one and more ("%(n)s" is filled in).
        limiet["teksten"] = {
            "data-over-een": ngettext("Nog %(n)s teken", "Nog %(n)s tekens", 1),
            "data-over-meer": ngettext("Nog %(n)s teken", "Nog %(n)s tekens", 2),
            "data-te-veel-een": ngettext("%(n)s teken te veel", "%(n)s tekens te veel", 1),
            "data-te-veel-meer": ngettext("%(n)s teken te veel", "%(n)s tekens te veel", 2),
        }
        limiet["tekst"] = _("Maximaal %(n)s tekens.") % {"n": maximum}
        context["limiet"] = limiet
        return context


class EenRegelTekstvak(EenRegelVeld):
    """The form field for a one-line text in a `TekstvakMetLimiet`: an Enter becomes a space.

    In a ModelForm: `field_classes = {"samenvatting": EenRegelTekstvak}` and
    `widgets = {"samenvatting": TekstvakMetLimiet}` (the admin would otherwise give the model's
    CharField its one-line input)."""

    widget = TekstvakMetLimiet

    def to_python(self, value):
        if isinstance(value, str):
            value = zonder_regeleinden(value)
        return super().to_python(value)
