"""What leads a member or begeleider to their own network: the landing after logging in and
"Mijn netwerk" in the header.

One network: its members' page. Several: the list "Mijn netwerken" at the top of /netwerken/.
Both ask `Netwerk.objects.van(user)`, which holds no staff-wide view: staff who may look into
every network (to help) are not sent there, their work is in /beheer/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Netwerk

MIJN_NETWERKEN_ANKER = "mijn-netwerken"


def _eigen_netwerken(user) -> list[Netwerk]:
    """At most two of the user's networks: enough to tell one from several (one query)."""
    return list(Netwerk.objects.van(user).only("slug")[:2])


def _bestemming(netwerken: list[Netwerk]) -> str | None:
    if not netwerken:
        return None
    if len(netwerken) == 1:
        return netwerken[0].get_absolute_url()
    return f"{reverse('netwerken:overzicht')}#{MIJN_NETWERKEN_ANKER}"


def landingspagina(user) -> str | None:
    """For baz/account/landing.py: where a member or begeleider lands after logging in."""
    return _bestemming(_eigen_netwerken(user))


@dataclass
class Kopverwijzing:
    """The header link, worked out on first use: at most one query, none for an anonymous
    visitor and none on a page that does not show it (a fragment, a page without the header)."""

    request: HttpRequest

    @cached_property
    def _netwerken(self) -> list[Netwerk]:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return []
        return _eigen_netwerken(user)

    @property
    def url(self) -> str:
        return _bestemming(self._netwerken) or ""

    @property
    def tekst(self) -> str:
        return _("Mijn netwerk") if len(self._netwerken) == 1 else _("Mijn netwerken")


def in_kop(request: HttpRequest) -> dict:
    """Context processor (settings.TEMPLATES): `kop_netwerken` for the header of base.html.
    Lazy: it does not even look at the session until the header asks."""
    return {"kop_netwerken": Kopverwijzing(request)}
