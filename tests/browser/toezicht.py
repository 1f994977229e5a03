"""Shared helpers for the browser tests: demo data for the catalogue, a watch on a page, the
keyboard and a round of pages checked with axe-core.

`Toezicht` records, for one Playwright page, every request it makes, every console error,
every uncaught script error and every Content-Security-Policy violation (through the
`securitypolicyviolation` event, recorded by an init script that runs before the page's own).

`focus_zichtbaar`, `tab`, `tab_naar` and `geen_val` move through a page with the keyboard and
check on every stop that the focus is visible, never on the honeypot, and never stuck.
`Rondgang` visits pages and collects their axe-core violations (and sideways scrolling).
"""

import io
from dataclasses import dataclass, field

import django_otp
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from inspiraties.afbeeldingen import afbeelding_controleren_en_hercoderen, varianten_maken
from tests.browser.conftest import axe_overtredingen, breedte
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


# ---------------------------------------------------------------------------
# Keyboard: a visible focus, Tab that moves on, and a signed-in staff member
# ---------------------------------------------------------------------------

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const zichtbaar = (stijl, schaduw) =>
    (stijl.outlineStyle !== "none" && parseFloat(stijl.outlineWidth) > 0 &&
     !/rgba\\(.*,\\s*0\\)$/.test(stijl.outlineColor)) ||
    (schaduw && stijl.boxShadow && stijl.boxShadow !== "none");
  // The element's own outline or box shadow, or the outline of a wrapper styled with
  // :focus-within (a card whose title link is focused draws the ring around the card).
  let omlijnd = zichtbaar(getComputedStyle(el), true);
  for (let ouder = el.parentElement, i = 0; !omlijnd && ouder && i < 3; ouder = ouder.parentElement, i++) {
    omlijnd = zichtbaar(getComputedStyle(ouder), false);
  }
  const vak = el.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 120),
    omlijnd: omlijnd,
    zichtbaar: vak.width > 0 && vak.height > 0 && el.checkVisibility({visibilityProperty: true}),
    naam: el.getAttribute("name") || "",
    inVoet: !!el.closest("footer"),
  };
}"""


def focus_zichtbaar(page) -> dict:
    """Assert that the focused element is on screen and has a visible focus indicator (an
    outline or box shadow from its focus style); returns a description of it."""
    focus = page.evaluate(FOCUS_JS)
    assert focus is not None, "niets heeft de focus"
    assert focus["zichtbaar"], f"de focus staat op een onzichtbaar element: {focus['html']}"
    assert focus["omlijnd"], f"geen zichtbare focus op {focus['html']}"
    return focus


def tab(page, toets: str = "Tab") -> dict:
    """Press Tab (or Shift+Tab) once and check the newly focused element."""
    page.keyboard.press(toets)
    return focus_zichtbaar(page)


def tab_naar(page, doel, *, maximum: int = 80, achteruit: bool = False) -> int:
    """Tab until `doel` (a locator) has the focus, checking a visible focus on every stop and
    that the honeypot is never one; returns the number of presses. Past the last stop of
    the page the focus leaves it for the browser once, and comes back at the top."""
    toets = "Shift+Tab" if achteruit else "Tab"
    langs, buiten = [], 0
    for keer in range(maximum + 1):
        if doel.evaluate("el => el === document.activeElement"):
            return keer
        page.keyboard.press(toets)
        if page.evaluate(FOCUS_JS) is None and buiten == 0:
            buiten += 1
            langs.append("(de browser)")
            continue
        focus = focus_zichtbaar(page)
        assert focus["naam"] != "website", "Tab kwam op het honingpotveld"
        langs.append(focus["html"][:60])
    raise AssertionError(f"{doel} kreeg geen focus na {maximum} keer Tab, langs: {langs}")


LAATSTE_TABSTOP_JS = """() => {
  const kandidaten = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]");
  const stops = [...kandidaten].filter(el => !el.disabled && el.tabIndex >= 0
    && !el.closest("[inert]") && el.checkVisibility({visibilityProperty: true}));
  const laatste = stops[stops.length - 1];
  return {
    aantal: stops.length,
    html: laatste ? laatste.outerHTML.slice(0, 120) : null,
    bereikt: !!laatste && laatste === document.activeElement,
  };
}"""


def geen_val(page, *, in_voettekst: bool = True) -> int:
    """From the current focus, Tab through the rest of the page: every stop shows its focus,
    the focus keeps moving (no trap; a date field takes a few presses for its parts) and
    reaches the last stop of the page, on the site a link in the footer. Returns the number
    of presses."""
    laatste = page.evaluate(LAATSTE_TABSTOP_JS)
    gezien, zelfde = [], 0
    for _ in range(laatste["aantal"] * 4 + 10):
        focus = tab(page)
        assert focus["naam"] != "website", "Tab kwam op het honingpotveld"
        zelfde = zelfde + 1 if gezien and focus["html"] == gezien[-1] else 0
        assert zelfde < 4, f"de focus zit vast op {focus['html']}"
        gezien.append(focus["html"])
        if page.evaluate(LAATSTE_TABSTOP_JS)["bereikt"]:
            assert focus["inVoet"] or not in_voettekst, f"laatste tabstop: {focus['html']}"
            return len(gezien)
    raise AssertionError(f"de laatste tabstop {laatste['html']} kwam niet, na {gezien[-5:]}")


def typ(page, tekst: str) -> None:
    """Type into the focused field, as a person at a keyboard does."""
    page.keyboard.type(tekst)


def aanmelden_als(page, live_server, user) -> None:
    """Sign `user` in for this browser tab (a session cookie from Django's test client);
    for tests of pages behind the login, not of the login itself. A staff member with an
    authenticator app gets a session that passed the second step too."""
    client = Client()
    client.force_login(user)
    apparaat = next(django_otp.devices_for_user(user, confirmed=True), None)
    if apparaat is not None:
        sessie = client.session
        sessie[django_otp.DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


# ---------------------------------------------------------------------------
# A round of pages checked with axe-core
# ---------------------------------------------------------------------------


@dataclass
class Rondgang:
    """Visit pages one after the other and collect the axe-core violations of each; `klaar()`
    prints how many were checked and fails with every violation at once."""

    page: object
    fouten: dict[str, list[str]] = field(default_factory=dict)

    def bekijk(self, naam: str, pad: str | None = None, *, status: int = 200) -> None:
        """Open `pad` (or stay on the current page) and check it: the status, one <h1>,
        no violations, no sideways scrolling."""
        if pad is not None:
            antwoord = self.page.goto(pad)
            assert antwoord.status == status, f"{naam}: {pad} gaf {antwoord.status}"
        expect(self.page.locator("h1"), naam).to_have_count(1)
        assert naam not in self.fouten, f"{naam} staat twee keer in de rondgang"
        self.fouten[naam] = axe_overtredingen(self.page)
        # WCAG 1.4.10 (reflow), which axe-core does not check: no sideways scrolling.
        breed = self.page.evaluate("document.documentElement.scrollWidth")
        if breed > self.page.viewport_size["width"]:
            self.fouten[naam].append(f"reflow: de pagina is {breed}px breed")

    def verstuur(self, naam: str, knop: str, *, status: int = 200) -> None:
        """Send the form of the button named `knop` as it is, then check the answer."""
        with self.page.expect_navigation() as navigatie:
            self.page.get_by_role("button", name=knop, exact=True).click()
        antwoord = navigatie.value
        if antwoord.status != status:
            fouten = self.page.locator(".foutenoverzicht, .errornote").all_inner_texts()
            raise AssertionError(f"{naam}: {antwoord.url} gaf {antwoord.status}: {fouten}")
        self.bekijk(naam)

    def klaar(self, titel: str) -> None:
        overtredingen = {naam: lijst for naam, lijst in self.fouten.items() if lijst}
        print(
            f"\naxe {titel} ({breedte(self.page)}): {len(self.fouten)} pagina's gecontroleerd, "
            f"{len(overtredingen)} met overtredingen"
        )
        assert overtredingen == {}, "\n".join(f"{n}: {o}" for n, o in overtredingen.items())
