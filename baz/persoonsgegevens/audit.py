"""The audit trail of staff actions (baz.models.Auditregel) as a part of the register.

A row names its object by str() ("Sofie Peeters · workshop") and its description may name the
person ("uitgenodigd: sofie@example.org"). Erasure and retention blank those; who did what and
when stays. `door_naam` is a staff member's name, and staff accounts are not erased here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from baz.models import Auditregel

from .register import GEWIST, Bewaard, Deel, Persoon, registreren

VELDEN = ("object_repr", "omschrijving")


def _regels(persoon: Persoon) -> QuerySet:
    if persoon.leeg:
        return Auditregel.objects.none()
    return Auditregel.objects.filter(persoon.q(*VELDEN))


def regels_wissen(regels: QuerySet, persoon: Persoon) -> int:
    aantal = 0
    for regel in regels.only("pk", "omschrijving", "object_repr"):
        Auditregel.objects.filter(pk=regel.pk).update(
            object_repr=GEWIST if persoon.noemt(regel.object_repr) else regel.object_repr,
            omschrijving=persoon.schrappen(regel.omschrijving),
        )
        aantal += 1
    return aantal


def objecten_wissen(model, pks) -> int:
    pks = [str(pk) for pk in pks]
    if not pks:
        return 0
    soort = ContentType.objects.get_for_model(model)
    return (
        Auditregel.objects.filter(content_type=soort, object_id__in=pks)
        .exclude(object_repr=GEWIST)
        .update(object_repr=GEWIST)
    )


class Audittrail(Deel):
    sleutel = "audit"
    titel = _("Audittrail")
    volgorde = 1
    bij_wissen = {
        "auditregels": _(
            "de naam van het object en de vermeldingen in de omschrijving worden “(gewist)”; "
            "wie wat deed en wanneer, blijft"
        ),
    }
    bewaard = [
        Bewaard(
            _("Audittrail: welke medewerker wat deed en wanneer"),
            _("De regels blijven, zonder de naam van de persoon: verantwoording van het beheer."),
        )
    ]

    def tellen(self, persoon):
        return {"auditregels": _regels(persoon).count()}

    def exporteren(self, persoon):
        return {
            "auditregels": list(
                _regels(persoon).values("op", "actie", "omschrijving", "object_repr", "door_naam")
            )
        }

    def wissen(self, persoon):
        return {"auditregels": regels_wissen(_regels(persoon), persoon)}

    def sporen_wissen(self, objecten, persoon):
        for model, pks in objecten.items():
            objecten_wissen(model, pks)
        regels_wissen(_regels(persoon), persoon)


registreren(Audittrail())
