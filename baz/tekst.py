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


def markdown_naar_html(tekst: str) -> SafeString:
    """Render staff-written Markdown to HTML; nh3 removes every tag and attribute not allowed."""
    html = markdown.markdown(tekst, extensions=["sane_lists"], output_format="html")
    schoon = nh3.clean(
        html,
        tags=TOEGELATEN_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(schoon)
