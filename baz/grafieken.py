"""Charts as inline SVG, made on the server: no JavaScript, no third-party request, CSP unchanged.

One kind of chart, a horizontal bar chart, because it stays readable on a phone (the label sits
above its bar, so long labels need no room beside it). Each bar may carry a second value, the
comparison (last year, or a score at the start against the end): drawn as an outlined bar under
the filled one, so the two differ by shape, not only by colour. A value that must not be shown
(a small group, "< 5") has `waarde=None`: no bar is drawn, only its text.

The chart is for the eye; the numbers belong in a table beside it (the accessible form). The
SVG has role="img" and a label that says so. Colours come as a CSS class per bar (the site's
`.wm--<slug>` classes set `--wm`) and as a fill attribute for where no style sheet applies
(the PDF). Generic code: it knows no app.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

STANDAARDKLEUR = "#0b6e4f"  # --accent in static/css/baz.css
INKT = "#1f2328"
INKT_ZACHT = "#4a5058"
BREEDTE = 320  # user units of the viewBox; the SVG scales to the width it gets
LABEL_HOOGTE = 16
STAAF_HOOGTE = 12
VERGELIJKING_HOOGTE = 7
RUIMTE = 9
GETAL_RUIMTE = 44  # room right of the longest bar for its number


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: float | None  # None: not drawn (a suppressed or missing value)
    tekst: str = ""  # the value as shown ("12", "< 5", "4,2"); defaults to the value
    vergelijking: float | None = None
    vergelijking_tekst: str = ""
    klasse: str = ""  # e.g. "wm--buddywerking"
    kleur: str = ""  # fill for where no style sheet applies


def _getal(waarde: float | None, tekst: str) -> str:
    if tekst:
        return tekst
    if waarde is None:
        return "–"
    return f"{waarde:g}".replace(".", ",")


def staafdiagram(
    staven: Sequence[Staaf],
    *,
    label: str,
    legende: tuple[str, str] | None = None,
    maximum: float | None = None,
) -> SafeString:
    """A horizontal bar chart as an inline <svg>. `label` names the chart for screen readers;
    `legende` names the filled and the outlined bars when there are comparisons."""
    waarden = [w for s in staven for w in (s.waarde, s.vergelijking) if w is not None]
    grootste = maximum or max(waarden, default=0) or 1
    schaal = (BREEDTE - GETAL_RUIMTE) / grootste
    met_vergelijking = any(s.vergelijking is not None for s in staven)
    stap = LABEL_HOOGTE + STAAF_HOOGTE + (VERGELIJKING_HOOGTE + 2 if met_vergelijking else 0)
    stap += RUIMTE
    delen = []
    y = 0
    if legende and met_vergelijking:
        delen.append(
            format_html(
                '<rect x="0" y="2" width="12" height="10" fill="{k}"/>'
                '<text x="16" y="11" class="grafiek__tekst">{a}</text>'
                '<rect x="160.5" y="2.5" width="11" height="9" fill="none" stroke="{i}"/>'
                '<text x="176" y="11" class="grafiek__tekst">{b}</text>',
                k=STANDAARDKLEUR,
                i=INKT_ZACHT,
                a=legende[0],
                b=legende[1],
            )
        )
        y = 22
    for staaf in staven:
        klasse = f"grafiek__staaf {staaf.klasse}".strip()
        kleur = staaf.kleur or STANDAARDKLEUR
        delen.append(
            format_html(
                '<text x="0" y="{y}" class="grafiek__label">{label}</text>',
                y=y + 11,
                label=staaf.label,
            )
        )
        staaf_y = y + LABEL_HOOGTE
        lengte = 0.0
        if staaf.waarde is not None and staaf.waarde > 0:
            lengte = max(staaf.waarde * schaal, 1.5)
            delen.append(
                format_html(
                    '<rect x="0" y="{y}" width="{b}" height="{h}" rx="2" class="{c}" fill="{k}"/>',
                    y=staaf_y,
                    b=f"{lengte:.1f}",
                    h=STAAF_HOOGTE,
                    c=klasse,
                    k=kleur,
                )
            )
        delen.append(
            format_html(
                '<text x="{x}" y="{y}" class="grafiek__getal">{t}</text>',
                x=f"{lengte + 4:.1f}",
                y=staaf_y + STAAF_HOOGTE - 2,
                t=_getal(staaf.waarde, staaf.tekst),
            )
        )
        if met_vergelijking:
            vy = staaf_y + STAAF_HOOGTE + 2
            vlengte = 0.0
            if staaf.vergelijking is not None and staaf.vergelijking > 0:
                vlengte = max(staaf.vergelijking * schaal, 1.5)
                delen.append(
                    format_html(
                        '<rect x="0.5" y="{y}.5" width="{b}" height="{h}" fill="none" '
                        'stroke="{i}" class="grafiek__vergelijking"/>',
                        y=vy,
                        b=f"{vlengte:.1f}",
                        h=VERGELIJKING_HOOGTE - 1,
                        i=INKT_ZACHT,
                    )
                )
            delen.append(
                format_html(
                    '<text x="{x}" y="{y}" class="grafiek__getal grafiek__getal--klein">{t}</text>',
                    x=f"{vlengte + 4:.1f}",
                    y=vy + VERGELIJKING_HOOGTE - 1,
                    t=_getal(staaf.vergelijking, staaf.vergelijking_tekst),
                )
            )
        y += stap
    hoogte = max(y, 20)
    return format_html(
        '<svg class="grafiek" role="img" aria-label="{label}" viewBox="0 0 {b} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        'font-family="system-ui, sans-serif" font-size="12" fill="{inkt}">{inhoud}</svg>',
        label=label,
        b=BREEDTE,
        h=hoogte,
        inkt=INKT,
        inhoud=mark_safe("".join(delen)),  # every part above is format_html
    )
