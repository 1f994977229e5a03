"""Text helpers shared by the apps: accent-free normalisation and safe Markdown rendering."""

import re
import unicodedata

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

TOEGELATEN_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "hr",
}  # fmt: skip


def normaliseer(tekst: str) -> str:
    """Lowercase, strip accents and collapse whitespace: 'Café  Kopje' -> 'cafe kopje'."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    zonder_accenten = "".join(c for c in ontleed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", zonder_accenten.casefold()).strip()


def markdown_naar_html(tekst: str, *, hoogste_kop: int = 2) -> SafeString:
    """Render staff-written Markdown to HTML; nh3 removes every tag and attribute not allowed.

    `hoogste_kop`: the level a "##" heading gets, for text shown under a heading of the page
    itself (3 under an <h2>), so the outline stays whole (WCAG 1.3.1)."""
    html = markdown.markdown(tekst, extensions=["sane_lists"], output_format="html")
    schoon = nh3.clean(
        html,
        tags=TOEGELATEN_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    if hoogste_kop != 2:
        verschil = hoogste_kop - 2
        schoon = _KOP.sub(lambda m: f"<{m[1]}h{min(6, max(2, int(m[2]) + verschil))}>", schoon)
    return mark_safe(schoon)


_KOP = re.compile(r"<(/?)h([2-4])>")
