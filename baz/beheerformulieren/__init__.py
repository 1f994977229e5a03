"""Form pieces for the admin (/beheer/) that the apps put on their own fields.

- `EenRegelTekstvak` with `TekstvakMetLimiet`: a one-line text (an `EenRegelTekst`) written in
  a small text area, with its length limit shown and counted; an Enter becomes a space.
- `MarkdownMetVoorbeeld`: a Markdown text area with "Voorbeeld bekijken", rendered on the
  server by `baz.tekst.markdown_naar_html`, the renderer of the public pages.
- `BewaardeAfbeelding` with `BewaardeBestandenAdmin` (or `BewaardeBestandenMixin` on a form):
  a chosen image survives a form that comes back with another error.
- `ThemaInvoer`: taggit's comma-separated field, suggesting existing themes while typing.

Everything works without JavaScript; the scripts (static/js/beheer-*.js, loaded through each
widget's `Media`) only add to it, within the site's Content-Security-Policy: no inline script,
no inline style. The two endpoints (views.py, at /beheer/formulieren/) sit behind
`admin.site.admin_view`: staff, past their second factor, CSRF for the POST.
"""

from .afbeelding import (
    BewaardeAfbeelding,
    BewaardeBestandenAdmin,
    BewaardeBestandenMixin,
    bewaarde_bestanden_opruimen,
)
from .markdown import MarkdownMetVoorbeeld
from .tekstvak import EenRegelTekstvak, TekstvakMetLimiet
from .themas import ThemaInvoer

__all__ = [
    "BewaardeAfbeelding",
    "BewaardeBestandenAdmin",
    "BewaardeBestandenMixin",
    "EenRegelTekstvak",
    "MarkdownMetVoorbeeld",
    "TekstvakMetLimiet",
    "ThemaInvoer",
    "bewaarde_bestanden_opruimen",
]
