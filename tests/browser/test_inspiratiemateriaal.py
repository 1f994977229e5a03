"""Inspiratiemateriaal in a browser: the list with its filters (by keyboard too), each kind of
detail page, the screencast's video, captions and transcript as Chromium plays them, and the
staff journey in the admin from a new screencast to a published page. axe-core finds nothing on
any page or state, at desktop and at phone width; nothing scrolls sideways on a 360 px phone.

The live server runs with DEBUG off, so nothing serves /media/ (in production the web server
does): `met_media` adds Django's static file view for MEDIA_ROOT to the URLconf, so the page,
the browser's media player and the download links fetch the real stored files over HTTP.
"""

import importlib
import re
from pathlib import Path

import pytest
from django.urls import path
from django.views.static import serve
from playwright.sync_api import expect

from inspiratiemateriaal.demo import demovideo, materiaal_laden, webvtt
from inspiratiemateriaal.models import Materiaal, Publiek
from tests.browser.conftest import axe_overtredingen
from tests.browser.toezicht import Rondgang, aanmelden_als, focus_zichtbaar, tab_naar

pytestmark = pytest.mark.django_db(transaction=True)

SCHERMAFDRUKKEN = Path("/tmp/shots")
WACHTWOORD = "geheim-wachtwoord-42"

SCREENCAST = "screencast-waar-staat-baz-voor"
PUBLICATIE = "acht-verhalen-over-deelnemen"
TOOL = "zelfreflectie-iedereen-welkom"

CUES = [
    (0, 2, "Demo: hoe start je een buddywerking?"),
    (2, 4, "Zoek eerst twee mensen die elkaar willen leren kennen."),
]


class _SiteMetMedia:
    """The site's URLconf plus /media/ from MEDIA_ROOT (an object, not a module: Django's
    resolver takes either; a module here would be built while pytest collects)."""

    def __init__(self, media_root: Path):
        from baz import urls

        self.urlpatterns = [
            *urls.urlpatterns,
            path("media/<path:path>", serve, {"document_root": media_root}),
        ]


@pytest.fixture
def met_media(settings):
    settings.ROOT_URLCONF = _SiteMetMedia(settings.MEDIA_ROOT)


@pytest.fixture
def publieken(db):
    """The four publieken (a data migration; recreated after a transactional test flushed)."""
    migratie = importlib.import_module("inspiratiemateriaal.migrations.0002_publieken")
    for volgorde, (slug, naam) in enumerate(migratie.PUBLIEKEN):
        Publiek.objects.update_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})


@pytest.fixture
def demomateriaal(werkmodellen, publieken, met_media):
    """The demo items with their real files: two screencasts, a publication, a tool."""
    assert materiaal_laden() == 4
    return {m.slug: m for m in Materiaal.objects.all()}


@pytest.fixture
def concept(demomateriaal):
    """A screencast still in concept: staff may preview it, visitors get a 404."""
    bron = demomateriaal[SCREENCAST]
    return Materiaal.objects.create(
        soort=Materiaal.Soort.SCREENCAST,
        titel="Screencast: buddywerking in vijf minuten",
        slug="screencast-buddywerking",
        korte_beschrijving="Hoe een buddywerking begint, en wat ze vraagt van de buddy's.",
        bestand=bron.bestand.name,
        bestand_type=bron.bestand_type,
        bestand_grootte=bron.bestand_grootte,
        duur=bron.duur,
        breedte=bron.breedte,
        hoogte=bron.hoogte,
        ondertitels=bron.ondertitels,
        transcript=bron.transcript,
    )


def _schermafdruk(page, naam: str) -> None:
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCHERMAFDRUKKEN / f"materiaal-{naam}.png", full_page=True)


def _geen_zijwaarts_scrollen(page) -> None:
    breed = page.evaluate("document.documentElement.scrollWidth")
    assert breed <= page.viewport_size["width"], f"{page.url} is {breed}px breed"


# ---------------------------------------------------------------------------
# axe-core on every page and state, at both widths
# ---------------------------------------------------------------------------


def test_geen_axe_overtredingen(scherm, live_server, demomateriaal, concept, medewerker):
    rondgang = Rondgang(scherm)
    rondgang.bekijk("lijst", "/inspiratiemateriaal/")
    expect(scherm.locator(".resultaten__aantal")).to_have_text("4 items")
    expect(scherm.locator(".materiaal__soort")).to_have_text(
        ["Screencasts", "Publicaties", "Tools"]
    )
    _schermafdruk(scherm, f"lijst-{scherm.viewport_size['width']}")

    rondgang.bekijk(
        "lijst met filters", "/inspiratiemateriaal/?soort=screencast&werkmodel=community-building"
    )
    expect(scherm.locator(".resultaten__aantal")).to_have_text("1 item")
    expect(scherm.locator("#m-soort-screencast")).to_be_checked()
    expect(scherm.get_by_role("link", name="Alle filters wissen")).to_be_visible()

    rondgang.bekijk("onbekende filterwaarde", "/inspiratiemateriaal/?soort=podcast&voor=burgers")
    expect(scherm.locator(".melding--warning")).to_have_text(
        "Er bestaat geen soort “podcast”; we tonen alles zonder die filter."
    )
    expect(scherm.locator(".resultaten__aantal")).to_have_text("2 items")

    rondgang.bekijk("geen resultaten", "/inspiratiemateriaal/?soort=tool&werkmodel=buddywerking")
    expect(scherm.locator(".resultaten__aantal")).to_have_text("0 items")
    expect(scherm.get_by_text("Er is geen materiaal met deze filters.")).to_be_visible()

    rondgang.bekijk("screencast", f"/inspiratiemateriaal/{SCREENCAST}/")
    expect(scherm.locator("video")).to_be_visible()
    _schermafdruk(scherm, f"screencast-{scherm.viewport_size['width']}")
    rondgang.bekijk("publicatie", f"/inspiratiemateriaal/{PUBLICATIE}/")
    expect(scherm.get_by_role("heading", name="Wat staat erin")).to_be_visible()
    _schermafdruk(scherm, f"publicatie-{scherm.viewport_size['width']}")
    rondgang.bekijk("tool", f"/inspiratiemateriaal/{TOOL}/")
    expect(scherm.get_by_role("heading", name="Over deze tool")).to_be_visible()

    # A visitor does not see the concept; a staff member previews it, with a notice.
    assert scherm.goto(concept.get_absolute_url()).status == 404
    aanmelden_als(scherm, live_server, medewerker)
    rondgang.bekijk("voorvertoning van een concept", concept.get_absolute_url())
    expect(scherm.locator(".melding--warning")).to_have_text(
        "Dit materiaal is niet publiek (concept): alleen medewerkers zien deze pagina."
    )
    _schermafdruk(scherm, f"concept-{scherm.viewport_size['width']}")
    rondgang.klaar("inspiratiemateriaal")


# ---------------------------------------------------------------------------
# The screencast as Chromium plays it
# ---------------------------------------------------------------------------


def test_screencast_speelt_met_ondertitels_en_transcript(pagina, demomateriaal):
    screencast = demomateriaal[SCREENCAST]
    cues = screencast.ondertitels.count(" --> ")
    assert cues == 4
    pagina.goto(f"/inspiratiemateriaal/{SCREENCAST}/")
    video = pagina.locator("video")
    expect(video).to_be_visible()

    # The metadata loads: the browser knows how long the video plays and how big it is.
    video.evaluate(
        """v => v.readyState >= 1 || new Promise((klaar, fout) => {
             v.addEventListener("loadedmetadata", klaar, {once: true});
             v.addEventListener("error", () => fout(new Error("video: " + v.error.message)));
           })"""
    )
    duur = video.evaluate("v => v.duration")
    assert 0 < duur < 60, duur
    assert abs(duur - screencast.duur) <= 1
    assert video.evaluate("v => [v.videoWidth, v.videoHeight]") == [640, 360]

    # The captions: a Dutch track of the site's own origin, default on, with every cue.
    track = pagina.locator("video track")
    expect(track).to_have_attribute("kind", "captions")
    expect(track).to_have_attribute("srclang", "nl")
    assert track.evaluate("t => t.default") is True
    aantal = video.evaluate(
        """v => new Promise((klaar, fout) => {
             const spoor = v.textTracks[0];
             spoor.mode = "showing";
             const element = v.querySelector("track");
             const tel = () => klaar(spoor.cues ? spoor.cues.length : -1);
             if (element.readyState === 2) return tel();
             element.addEventListener("load", tel, {once: true});
             element.addEventListener("error", () => fout(new Error("track laadt niet")));
           })"""
    )
    assert aantal == cues
    tweede = video.evaluate("v => v.textTracks[0].cues[1].text")
    assert tweede == "Over wat voor initiatieven hebben we het?"
    # The timings as the browser parsed them: the second caption from 3 s to 6 s. (Seeking
    # to it needs HTTP range requests, which the test's media view does not answer.)
    tijden = video.evaluate("v => [...v.textTracks[0].cues].map(c => [c.startTime, c.endTime])")
    assert tijden == [[0, 3], [3, 6], [6, 9], [11, 14]]

    # The transcript is visible and holds every caption's text.
    transcript = pagina.locator("section.transcript")
    expect(transcript.get_by_role("heading", name="Transcript")).to_be_visible()
    for tekst in (
        "Demo-screencast: een voorbeeld, niet de echte video van BAZ.",
        "Over wat voor initiatieven hebben we het?",
        "Waarom zouden burgers het verschil kunnen maken?",
        "Wat is de rol van burgers, verenigingen, lokale besturen en eerstelijnsorganisaties?",
    ):
        expect(transcript).to_contain_text(tekst)

    # The download links give the video and the captions, with their content types.
    links = pagina.locator(".downloads")
    expect(links).to_contain_text("WebM")
    video_link = links.get_by_role("link", name="Download de video")
    vtt_link = links.get_by_role("link", name="Download de ondertitels")
    antwoord = pagina.request.get(video_link.get_attribute("href"))
    assert antwoord.status == 200
    assert antwoord.headers["content-type"] == "video/webm"
    assert antwoord.body()[:4] == b"\x1a\x45\xdf\xa3"  # EBML: a Matroska/WebM file
    assert len(antwoord.body()) == screencast.bestand_grootte
    antwoord = pagina.request.get(vtt_link.get_attribute("href"))
    assert antwoord.status == 200
    assert antwoord.headers["content-type"].startswith("text/vtt")
    assert antwoord.text() == screencast.ondertitels
    # Clicking the link downloads the file under its own name.
    with pagina.expect_download() as download:
        vtt_link.click()
    assert download.value.suggested_filename == f"{SCREENCAST}.vtt"


def test_publicatie_geeft_de_pdf(pagina, demomateriaal):
    publicatie = demomateriaal[PUBLICATIE]
    pagina.goto(publicatie.get_absolute_url())
    link = pagina.get_by_role("link", name="Download “Acht verhalen over deelnemen”")
    expect(pagina.locator("p.downloads")).to_contain_text(
        re.compile(rf"\(PDF, [\d,.]+\s[kKM]B, {publicatie.paginas} pagina('s)?\)")
    )
    antwoord = pagina.request.get(link.get_attribute("href"))
    assert antwoord.status == 200
    assert antwoord.headers["content-type"] == "application/pdf"
    assert antwoord.body().startswith(b"%PDF-")
    expect(pagina.locator("section.samenvatting h2, section.samenvatting h3")).to_have_count(4)


# ---------------------------------------------------------------------------
# Keyboard
# ---------------------------------------------------------------------------


def test_filters_met_het_toetsenbord(pagina, demomateriaal):
    pagina.goto("/inspiratiemateriaal/")
    screencasts = pagina.locator("#m-soort-screencast")
    verenigingen = pagina.locator("#m-voor-verenigingen")
    tab_naar(pagina, screencasts)
    pagina.keyboard.press("Space")
    expect(screencasts).to_be_checked()
    tab_naar(pagina, verenigingen)
    pagina.keyboard.press("Space")
    expect(verenigingen).to_be_checked()
    tab_naar(pagina, pagina.get_by_role("button", name="Filters toepassen"))
    focus_zichtbaar(pagina)
    pagina.keyboard.press("Enter")

    expect(pagina).to_have_url(re.compile(r"\?soort=screencast&voor=verenigingen$"))
    expect(pagina.locator(".resultaten__aantal")).to_have_text("1 item")
    expect(pagina.locator(".kaart__titel")).to_have_text(
        ["Screencast: waar staat BurgersAanZet voor?"]
    )
    expect(pagina.locator("#m-soort-screencast")).to_be_checked()
    expect(pagina.locator("#m-voor-verenigingen")).to_be_checked()
    # On to the result, and open it with Enter.
    resultaat = pagina.get_by_role("link", name="Screencast: waar staat BurgersAanZet voor?")
    tab_naar(pagina, resultaat)
    pagina.keyboard.press("Enter")
    expect(pagina).to_have_url(re.compile(rf"/inspiratiemateriaal/{SCREENCAST}/$"))


# ---------------------------------------------------------------------------
# Staff: a new screencast in the admin, published, seen by a visitor
# ---------------------------------------------------------------------------


def test_medewerker_publiceert_een_screencast(
    browser, live_server, pagina, werkmodellen, publieken, met_media, medewerker, tmp_path
):
    video_pad = tmp_path / "buddywerking.webm"
    video_pad.write_bytes(demovideo("Hoe start je een buddywerking?", CUES))
    vtt_pad = tmp_path / "buddywerking.vtt"
    vtt_pad.write_text(webvtt(CUES), encoding="utf-8")

    pagina.goto("/beheer/login/")
    pagina.get_by_label("Gebruikersnaam").fill("medewerker")
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.get_by_role("button", name="Aanmelden").click()
    expect(pagina).to_have_url(re.compile(r"/beheer/$"))

    # First without captions: saved as a concept, but publishing says what is missing.
    pagina.goto("/beheer/inspiratiemateriaal/materiaal/add/")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_label("Soort:", exact=True).select_option(label="Screencast")
    pagina.get_by_label("Titel:", exact=True).press_sequentially(
        "Screencast: hoe start je een buddywerking?"
    )
    expect(pagina.get_by_label("Slug:", exact=True)).to_have_value(
        "screencast-hoe-start-je-een-buddywerking"
    )
    pagina.get_by_label("Korte beschrijving:", exact=True).fill(
        "Twee minuten over de eerste stappen van een buddywerking."
    )
    pagina.get_by_label("Buddywerking", exact=True).check()
    pagina.get_by_label("Burgers", exact=True).check()
    pagina.locator("#id_bestand").set_input_files(video_pad)
    _schermafdruk(pagina, "beheer-nieuw")
    pagina.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    expect(pagina.locator(".messagelist .success")).to_be_visible()
    expect(pagina.locator("#workflow-status")).to_have_text("Concept")
    expect(pagina.locator(".redactie")).to_contain_text(
        "Nog nodig om te publiceren: ondertitels (WebVTT), een transcript."
    )
    expect(pagina.locator(".field-bestand_feiten")).to_contain_text("video/webm")
    expect(pagina.locator(".field-bestand_feiten")).to_contain_text("640 × 360")
    assert axe_overtredingen(pagina) == []
    pagina.get_by_role("button", name="Publiceren").click()
    expect(pagina.locator(".messagelist .error")).to_have_text(
        "Nog niet compleet om te publiceren; er ontbreekt: ondertitels (WebVTT), een transcript."
    )
    expect(pagina.locator("#workflow-status")).to_have_text("Concept")
    assert axe_overtredingen(pagina) == []
    materiaal = Materiaal.objects.get(slug="screencast-hoe-start-je-een-buddywerking")
    assert materiaal.status == Materiaal.Status.CONCEPT
    assert materiaal.duur == 5 and materiaal.bestand_type == "video/webm"

    # The captions from a .vtt file; the transcript is made from them.
    pagina.get_by_label("Ondertitelbestand (.vtt):", exact=True).set_input_files(vtt_pad)
    pagina.get_by_role("button", name="Opslaan en opnieuw bewerken").click()
    expect(pagina.locator(".messagelist .success")).to_be_visible()
    expect(pagina.get_by_label("Ondertitels (WebVTT):", exact=True)).to_have_value(webvtt(CUES))
    expect(pagina.get_by_label("Transcript:", exact=True)).to_have_value(
        re.compile("Zoek eerst twee mensen")
    )
    _schermafdruk(pagina, "beheer-compleet")
    pagina.get_by_role("button", name="Publiceren").click()
    expect(pagina.locator(".messagelist .success")).to_have_text(
        "“Screencast: hoe start je een buddywerking?” is nu: gepubliceerd."
    )
    expect(pagina.locator("#workflow-status")).to_have_text("Gepubliceerd")
    expect(pagina.get_by_role("button", name="Archiveren (offline halen)")).to_be_visible()
    assert axe_overtredingen(pagina) == []

    # A visitor (a new context, not signed in) sees the video and the transcript.
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    bezoeker = context.new_page()
    try:
        bezoeker.goto("/inspiratiemateriaal/")
        bezoeker.get_by_role("link", name="Screencast: hoe start je een buddywerking?").click()
        expect(bezoeker.locator("h1")).to_have_text("Screencast: hoe start je een buddywerking?")
        video = bezoeker.locator("video")
        video.evaluate(
            """v => v.readyState >= 1 || new Promise((klaar, fout) => {
                 v.addEventListener("loadedmetadata", klaar, {once: true});
                 v.addEventListener("error", () => fout(new Error("video: " + v.error.message)));
               })"""
        )
        assert video.evaluate("v => v.duration") > 0
        transcript = bezoeker.locator("section.transcript")
        expect(transcript).to_contain_text("Demo: hoe start je een buddywerking?")
        expect(transcript).to_contain_text("Zoek eerst twee mensen die elkaar willen leren kennen.")
        assert bezoeker.locator(".melding--warning").count() == 0
        assert axe_overtredingen(bezoeker) == []
    finally:
        context.close()
