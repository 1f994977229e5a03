"""Request checks that hold for every URL of the site."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


class GeenNulBytes:
    """NUL bytes never reach a view: PostgreSQL refuses them in text (a DataError, so a 500).

    In the query string they are dropped (a filter or search works on the rest, as with any
    other odd value); a path with a NUL byte gets the Dutch 400 page, as no address holds one.
    Form fields refuse NUL themselves (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            raise BadRequest("NUL-byte in het adres")
        if "\x00" in request.META.get("QUERY_STRING", "") or any(
            "\x00" in sleutel or any("\x00" in waarde for waarde in waarden)
            for sleutel, waarden in request.GET.lists()
        ):
            schoon = QueryDict(mutable=True)
            for sleutel, waarden in request.GET.lists():
                schoon.setlist(
                    sleutel.replace("\x00", ""), [w.replace("\x00", "") for w in waarden]
                )
            schoon._mutable = False
            request.GET = schoon
        return self.get_response(request)


# The Dutch page for an error status that a view or Django answers without a body (a GET on a
# POST-only URL: 405; a HEAD; a 410 without a page of its own).
FOUTTITELS = {
    400: _("Ongeldige aanvraag"),
    403: _("Geen toegang"),
    404: _("Pagina niet gevonden"),
    405: _("Dit kan hier niet"),
    410: _("Niet meer beschikbaar"),
    413: _("Te groot"),
    429: _("Even geduld"),
}


class FoutpaginaInHetNederlands:
    """Every error the site answers has a page in Dutch, also where the view gave none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            400 <= response.status_code < 600
            and not response.streaming
            and not response.content
            and request.method != "HEAD"
            and not response.get("Content-Type", "").startswith(("application/json", "text/plain"))
        ):
            nieuw = render(
                request,
                "fout.html",
                {
                    "status": response.status_code,
                    "titel": FOUTTITELS.get(response.status_code, _("Er ging iets mis")),
                },
                status=response.status_code,
            )
            # Keep what the original answer said besides its (empty) body: Allow, Retry-After,
            # cache and robots headers, and its cookies.
            for kop, waarde in response.items():
                if kop.lower() not in {"content-type", "content-length"}:
                    nieuw[kop] = waarde
            nieuw.cookies = response.cookies
            return nieuw
        return response
