"""The admin's own log (django_admin_log), as one more part with the same four functions.

The log names each object by its str() at the time. For an account whose username is its e-mail
address (invited network members), that name is the address itself.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy

GEWIST = "(gewist)"
BIJ_WISSEN = {
    "logregels": gettext_lazy("de naam van het object wordt “(gewist)”; wie wat deed, blijft"),
}


def _regels(email: str) -> QuerySet:
    return LogEntry.objects.filter(object_repr__icontains=email.strip())


def objecten_wissen(model, pks) -> int:
    """Blank the log's names of these objects (they name the person: "Sofie Peeters ·
    workshop"); each app calls it for the rows it erases or anonymises."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return 0
    soort = ContentType.objects.get_for_model(model)
    return LogEntry.objects.filter(
        Q(content_type=soort) & Q(object_id__in=pks) & ~Q(object_repr=GEWIST)
    ).update(object_repr=GEWIST)


def persoon_tellen(*, email: str) -> dict[str, int]:
    return {"logregels": _regels(email).count()}


def persoon_exporteren(*, email: str) -> dict[str, list[dict]]:
    return {"logregels": list(_regels(email).values("action_time", "object_repr"))}


def persoon_wissen(*, email: str) -> dict[str, int]:
    return {"logregels": _regels(email).update(object_repr=GEWIST)}


def emailadressen() -> set[str]:
    return set()  # the log is searched for addresses found elsewhere, not a source of them
