"""A page cache for anonymous visitors, keyed on a content version.

Anonymous visitors of public pages get a stored copy of the page while the content version is
unchanged; members and staff always get a freshly rendered page. Because the version is read from
the database on each request, a change shows at once on every server, with any cache backend.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

BEWAARTIJD = 600  # seconds; the version makes entries stale long before this
BEWAARDE_HEADERS = ("Content-Type", "Vary", "Content-Language")


def anoniem_gecached(versie: Callable[[], str], bewaartijd: int = BEWAARTIJD):
    """Cache successful GET responses of a view for anonymous visitors under `versie()`.

    `bewaartijd` bounds how long a page may lag behind data that `versie` does not cover.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if (
                request.method not in {"GET", "HEAD"}
                or request.user.is_authenticated
                or "messages" in request.COOKIES
            ):
                return view(request, *args, **kwargs)
            adres = f"{request.get_full_path()}|{request.headers.get('X-Fragment', '')}"
            sleutel = (
                f"pagina:{view.__module__}.{view.__name__}:{versie()}:"
                + hashlib.sha256(adres.encode()).hexdigest()
            )
            bewaard = cache.get(sleutel)
            if bewaard is not None:
                inhoud, headers = bewaard
                antwoord = HttpResponse(inhoud)
                for naam, waarde in headers:
                    antwoord[naam] = waarde
                antwoord["X-Paginacache"] = "hit"
                return antwoord
            antwoord = view(request, *args, **kwargs)
            if antwoord.status_code == 200 and not antwoord.streaming and not antwoord.cookies:
                if hasattr(antwoord, "render") and not antwoord.is_rendered:
                    antwoord.render()
                headers = [(n, antwoord[n]) for n in BEWAARDE_HEADERS if antwoord.has_header(n)]
                cache.set(sleutel, (antwoord.content, headers), bewaartijd)
            return antwoord

        return wrapper

    return decorator
