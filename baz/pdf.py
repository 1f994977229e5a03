"""PDF documents made on the server (WeasyPrint): the one PDF builder of the platform.

Every PDF the site hands out (an attendance list, an attestation, the year's report) is an HTML
template that extends `pdf/basis.html`, rendered here. The base gives every page its running
head (the document's title), the page number ("pagina 2 van 5") and the date it was made.

What WeasyPrint may load is closed: only the site's own static files (the style sheet, the logo,
an SVG), read from disk. Any other address in the HTML (an image in a story's Markdown, a link
someone typed) is refused, so rendering a PDF never makes a request to another server (no SSRF)
and never waits on the network.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

CONTENT_TYPE = "application/pdf"
_STATIC_PREFIX = "/" + settings.STATIC_URL.lstrip("/")


class GeenToegang(ValueError):
    """A PDF template asked for a file that is not one of the site's static files."""


def _statisch_bestand(url: str) -> bytes:
    """The bytes of one of the site's static files named by `url`, or GeenToegang."""
    pad = url
    for voorvoegsel in ("file://", settings.SITE_URL.rstrip("/")):
        if pad.startswith(voorvoegsel):
            pad = pad[len(voorvoegsel) :]
    if not pad.startswith(_STATIC_PREFIX):
        raise GeenToegang(url)
    relatief = pad[len(_STATIC_PREFIX) :].split("?", 1)[0]
    bestand = finders.find(relatief) if ".." not in relatief else None
    if not bestand:
        raise GeenToegang(url)
    return Path(bestand).read_bytes()


def _ophaler():
    """WeasyPrint's URL fetcher: the site's static files from disk, nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AlleenStatischeBestanden(URLFetcher):
        def fetch(self, url, headers=None):
            inhoud = _statisch_bestand(url)
            soort = mimetypes.guess_type(url.split("?", 1)[0])[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=inhoud, headers={"Content-Type": soort})

    return AlleenStatischeBestanden()


def pdf_maken(template: str, context: dict | None = None, *, titel: str, request=None) -> bytes:
    """Render `template` (extending pdf/basis.html) with `titel` on every page, as PDF bytes."""
    from weasyprint import HTML  # imported here: loading pango costs ~0.3 s at start-up

    context = {**(context or {}), "pdf_titel": titel, "pdf_gemaakt_op": timezone.localtime()}
    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=settings.SITE_URL, url_fetcher=_ophaler())
    return document.write_pdf()


def pdf_antwoord(
    template: str,
    context: dict | None = None,
    *,
    titel: str,
    bestandsnaam: str,
    request=None,
    bijlage: bool = True,
) -> HttpResponse:
    """A response with the PDF: downloaded (`bijlage`) or shown in the browser's viewer."""
    inhoud = pdf_maken(template, context, titel=titel, request=request)
    antwoord = HttpResponse(inhoud, content_type=CONTENT_TYPE)
    soort = "attachment" if bijlage else "inline"
    antwoord["Content-Disposition"] = f'{soort}; filename="{bestandsnaam}"'
    # A PDF with someone's name on it is not kept by a browser or a proxy.
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord
