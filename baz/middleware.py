"""Request checks that hold for every URL of the site."""

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, QueryDict


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
