"""The workshops' periodic jobs (baz/periodiek.py): reminders before a session, and the
evaluation after it with one reminder. Each is idempotent: a run twice, or on two servers at
once, sends one mail per person (the row is marked under a lock with its mail)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy

from baz.periodiek import periodiek

from . import services


@periodiek(
    "workshops.herinneringen",
    elke=timedelta(minutes=15),
    naam=gettext_lazy("Herinneringen voor sessies (enkele dagen vooraf)"),
)
def herinneringen_versturen(*, nu) -> int:
    return services.herinneringen_versturen(nu=nu)


@periodiek(
    "workshops.evaluaties",
    elke=timedelta(hours=1),
    naam=gettext_lazy("Evaluaties vragen aan wie aanwezig was, en één herinnering"),
)
def evaluaties(*, nu) -> int:
    return services.evaluaties_vragen(nu=nu) + services.evaluatie_herinneringen_versturen(nu=nu)
