"""Shared helpers for the browser tests: demo data for the catalogue and a watch on a page.

`Toezicht` records, for one Playwright page, every request it makes, every console error,
every uncaught script error and every Content-Security-Policy violation (through the
`securitypolicyviolation` event, recorded by an init script that runs before the page's own).
"""

import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from PIL import Image

from inspiraties.afbeeldingen import afbeelding_controleren_en_hercoderen, varianten_maken
from tests.factories import maak_inspiratie

CSP_LUISTERAAR = """
window.__cspOvertredingen = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspOvertredingen.push(e.violatedDirective + " " + (e.blockedURI || "inline") +
    " (" + e.sourceFile + ":" + e.lineNumber + ")");
});
"""


@dataclass
class Toezicht:
    page: object
    verzoeken: list[str] = field(default_factory=list)
    consolefouten: list[str] = field(default_factory=list)
    scriptfouten: list[str] = field(default_factory=list)
    csp_overtredingen: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.page.add_init_script(CSP_LUISTERAAR)
        self.page.on("request", lambda verzoek: self.verzoeken.append(verzoek.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda fout: self.scriptfouten.append(str(fout)))

    def _console(self, bericht):
        if bericht.type == "error":
            self.consolefouten.append(f"{bericht.text} ({bericht.location.get('url', '')})")

    def verzamel_csp(self):
        """Collect the CSP violations of the current document (call before navigating away)."""
        self.csp_overtredingen += self.page.evaluate("window.__cspOvertredingen || []")


def png_bestand(breedte: int = 1200, hoogte: int = 675) -> ContentFile:
    """A real (generated) PNG: a warm gradient, so Pillow has something to re-encode."""
    verloop = Image.linear_gradient("L")
    beeld = Image.merge(
        "RGB",
        (
            Image.new("L", (breedte, hoogte), 230),
            verloop.resize((breedte, hoogte)),
            verloop.rotate(90).resize((breedte, hoogte)),
        ),
    )
    uitvoer = io.BytesIO()
    beeld.save(uitvoer, format="PNG")
    return ContentFile(uitvoer.getvalue(), name="foto.png")


def met_afbeelding(inspiratie, *, alt: str, credit: str = "Fotograaf"):
    """Give an inspiratie an image the way the admin does: re-encoded, with srcset sizes."""
    opgeslagen = afbeelding_controleren_en_hercoderen(png_bestand())
    inspiratie.afbeelding.save(opgeslagen.name, opgeslagen, save=False)
    inspiratie.afbeelding_alt = alt
    inspiratie.afbeelding_credit = credit
    inspiratie.save()
    varianten_maken(naam=inspiratie.afbeelding.name, storage=inspiratie.afbeelding.storage)
    return inspiratie


def media_serveren(page, live_server, media_root):
    """Serve /media/ from MEDIA_ROOT in the browser (the live server runs with DEBUG off;
    in production the web server serves media)."""

    def antwoord(route):
        pad = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        route.fulfill(path=str(media_root / pad), content_type="image/webp")

    page.route(f"{live_server.url}/media/**", antwoord)


def catalogus_inspiraties():
    """Four published inspiraties that make the filters and the search tell apart."""
    return {
        "buddy-antwerpen": maak_inspiratie(
            titel="Buddy's in Antwerpen",
            slug="buddys-in-antwerpen",
            werkmodellen=("buddywerking",),
            themas=("eenzaamheid",),
            doelgroepen=("jongeren",),
            provincie="antwerpen",
            initiatiefnemer="Buurtwerk Antwerpen",
            website="https://example.org/buddy",
            dagen_geleden=1,
        ),
        "buddy-limburg": maak_inspiratie(
            titel="Buddy's in Limburg",
            slug="buddys-in-limburg",
            werkmodellen=("buddywerking",),
            themas=("armoede",),
            provincie="limburg",
            dagen_geleden=2,
        ),
        "buren-antwerpen": maak_inspiratie(
            titel="Buren koken samen",
            slug="buren-koken-samen",
            werkmodellen=("community-building",),
            themas=("ontmoeting",),
            provincie="antwerpen",
            dagen_geleden=3,
        ),
        "lotgenoten-gent": maak_inspiratie(
            titel="Lotgenoten aan de soeptafel",
            slug="lotgenoten-aan-de-soeptafel",
            werkmodellen=("lotgenotennetwerk",),
            themas=("rouw",),
            provincie="oost-vlaanderen",
            samenvatting="Wie een dierbare verloor, praat elke week bij een kom soep.",
            dagen_geleden=4,
        ),
    }
