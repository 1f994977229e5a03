"""The admin's own log (django_admin_log) as a part of the register.

The log names each object by its str() at the time ("Sofie Peeters · workshop", or for an
account whose username is its address, the address), and a change message can name the rows
added in an inline ("Deelnemer “Sofie Peeters” toegevoegd"). Both are searched for the person's
address, names and phone numbers; erasure makes the name "(gewist)" and takes the mention out of
the message. Who did what, and when, stays: that is what the log is for.
"""

import json

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .register import GEWIST, Bewaard, Deel, Persoon, registreren

VELDEN = ("object_repr", "change_message")


def _regels(persoon: Persoon) -> QuerySet:
    if persoon.leeg:
        return LogEntry.objects.none()
    # Django writes the change message as JSON with \u escapes: "Jos\u00e9 Peeters".
    ontsnapt = Q(pk__in=[])
    for naam in persoon.namen:
        json_naam = json.dumps(naam)[1:-1]
        if json_naam != naam:
            ontsnapt |= Q(change_message__icontains=json_naam)
    return LogEntry.objects.filter(persoon.q(*VELDEN) | ontsnapt)


def _bericht_schrappen(bericht: str, persoon: Persoon) -> str:
    """The change message without the person: inside the JSON when it is JSON (so that it stays
    valid and escaped names are found too), as text otherwise."""
    try:
        inhoud = json.loads(bericht)
    except ValueError:
        return persoon.schrappen(bericht)

    def schrappen(waarde):
        if isinstance(waarde, str):
            return persoon.schrappen(waarde)
        if isinstance(waarde, list):
            return [schrappen(w) for w in waarde]
        if isinstance(waarde, dict):
            return {k: schrappen(w) for k, w in waarde.items()}
        return waarde

    return json.dumps(schrappen(inhoud))


def regels_wissen(regels: QuerySet, persoon: Persoon) -> int:
    aantal = 0
    for regel in regels.only("pk", "change_message"):
        LogEntry.objects.filter(pk=regel.pk).update(
            object_repr=GEWIST, change_message=_bericht_schrappen(regel.change_message, persoon)
        )
        aantal += 1
    return aantal


def objecten_wissen(model, pks) -> int:
    """Blank the log's names of these objects (they name the person)."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return 0
    soort = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return (
        LogEntry.objects.filter(content_type=soort, object_id__in=pks)
        .exclude(object_repr=GEWIST)
        .update(object_repr=GEWIST)
    )


class Beheerlog(Deel):
    sleutel = "beheer"
    titel = _("Beheerlogboek")
    volgorde = 0
    bij_wissen = {
        "logregels": _("de naam van het object wordt “(gewist)”; wie wat deed en wanneer, blijft"),
    }
    bewaard = [
        Bewaard(
            _("Beheerlogboek: wie wat deed en wanneer"),
            _(
                "De regels blijven, zonder de naam van de persoon: ze tonen welke medewerker "
                "wat veranderde (verantwoording). Medewerkers zelf wis je hier niet."
            ),
        )
    ]

    def tellen(self, persoon):
        return {"logregels": _regels(persoon).count()}

    def exporteren(self, persoon):
        return {
            "logregels": list(
                _regels(persoon).values(
                    "action_time", "object_repr", "change_message", "content_type__model"
                )
            )
        }

    def wissen(self, persoon):
        return {"logregels": regels_wissen(_regels(persoon), persoon)}

    def sporen_wissen(self, objecten, persoon):
        for model, pks in objecten.items():
            objecten_wissen(model, pks)
        regels_wissen(_regels(persoon), persoon)


registreren(Beheerlog())
