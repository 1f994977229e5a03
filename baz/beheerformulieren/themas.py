"""taggit's comma-separated field, suggesting existing themes for the word being typed.

Without JavaScript it is taggit's text input. static/js/beheer-themas.js makes it a combobox
(the WAI-ARIA pattern with a list box: arrow keys, Enter, Escape, `aria-expanded`,
`aria-activedescendant`) for the last comma-separated part: it asks `views.themas` for up to
ten existing themes that start with it, and Enter or a click puts the chosen one in place of
that part. Generic over the tag model: `ThemaInvoer(tag_model=...)`, taggit's Tag by default.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.forms import TagWidget

from .weergave import Omhulsel, media, veld_id


class ThemaInvoer(Omhulsel, TagWidget):
    omhulsel = "admin/widgets/thema_invoer.html"

    def __init__(self, attrs=None, *, tag_model: str = "taggit.tag"):
        super().__init__(attrs={"class": "vTextField", "autocomplete": "off", **(attrs or {})})
        self.tag_model = tag_model.lower()

    @property
    def media(self):
        return media("js/beheer-themas.js")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        basis = veld_id(name, context["widget"]["attrs"])
        context["themas"] = {
            "lijst_id": f"{basis}_suggesties",
            "url": f"{reverse('beheerformulieren:themas')}?{urlencode({'model': self.tag_model})}",
            "teksten": {
                "data-geen": _("Geen bestaande thema's die zo beginnen."),
                "data-een": _("1 bestaand thema. Kies met pijl omlaag en Enter."),
                "data-meer": _("%(n)s bestaande thema's. Kies met pijl omlaag en Enter."),
            },
        }
        return context
