"""Pages that hold someone's own data are never stored by a browser cache or a proxy.

`Cache-Control: private, no-store` goes on every page for a logged-in member (the middleware)
and on the pages behind a personal link (the `persoonlijk` decorator): a shared computer's
back button, a proxy or a CDN must not keep a request, a registration or a network's space.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

PRIVE = "private, no-store"


def prive_maken(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = PRIVE
    if response.has_header("Expires"):
        del response["Expires"]
    return response


def persoonlijk(view: Callable) -> Callable:
    """For a view behind a personal link (a token in the URL)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return prive_maken(view(request, *args, **kwargs))

    return wrapper


class PriveVoorLeden:
    """Every response to a logged-in user is private and not stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            prive_maken(response)
        return response
