"""The networks' periodic jobs (baz/periodiek.py): the reminder before a meeting and the digest
of what is new. Each is idempotent: run twice, or on two servers at once, it sends one mail per
member (the row is marked under a lock in the same transaction as the mail)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from baz.periodiek import periodiek

from . import services


@periodiek(
    "netwerken.herinneringen",
    elke=timedelta(minutes=15),
    naam=gettext_lazy("Herinneringen voor bijeenkomsten van netwerken (enkele dagen vooraf)"),
)
def herinneringen_versturen(*, nu) -> int:
    return services.herinneringen_versturen(nu=nu)


@periodiek(
    "netwerken.digest",
    elke=timedelta(minutes=30),
    naam=gettext_lazy("Overzicht van wat nieuw is in een netwerk (wekelijks of dagelijks)"),
)
def digests_versturen(*, nu) -> int:
    return services.digests_versturen(nu=nu)
