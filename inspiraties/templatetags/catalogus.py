from html import escape

from django import template
from django.utils.formats import localize
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def facet_opties(facet) -> str:
    """The options of one catalogue facet as list items (checkbox, label, count).

    Built here rather than in a template loop: at 100,000 inspiraties the gemeente facet alone
    has some 300 options, which cost about 2,400 template lookups and 25-30 ms of every
    catalogue page (and format_html_join still 10 ms); this way about a millisecond. Every
    value is escaped (the standard library's escape, as Django's own escape uses it).
    """
    naam = escape(facet.naam)
    regels = []
    for optie in facet.opties:
        waarde = escape(optie.waarde)
        leeg = "" if optie.aantal or optie.actief else " facet__optie--leeg"
        aangevinkt = " checked" if optie.actief else ""
        regels.append(
            f'<li class="facet__optie{leeg}">'
            f'<input type="checkbox" name="{naam}" value="{waarde}" id="f-{naam}-{waarde}"'
            f"{aangevinkt}>"
            f'<label for="f-{naam}-{waarde}">{escape(str(optie.label))} '
            f'<span class="aantal">({escape(localize(optie.aantal))})</span></label></li>'
        )
    return mark_safe("\n".join(regels))  # every value above is escaped
