"""Writes for attendance at a workshop session (issue 14): staff mark who came, on the check-in
page. One keyword-only service function, locked, with its audit row."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz import audit

from .models import Inschrijving

audit.acties_benoemen(
    {"workshops.aanwezigheid_gezet": gettext_lazy("Aanwezigheid op een sessie aangeduid")}
)

_TEKST = {
    True: gettext_lazy("aanwezig"),
    False: gettext_lazy("afwezig"),
    None: gettext_lazy("niet aangeduid"),
}


def aanwezigheid_zetten(*, inschrijving: Inschrijving, aanwezig: bool | None, door) -> Inschrijving:
    """Mark a confirmed participant present (True), absent (False) or unknown again (None).

    Locks the registration; the same mark twice writes nothing the second time. Only a
    confirmed registration of a session that is not cancelled can be marked.
    """
    with transaction.atomic():
        rij = (
            Inschrijving.objects.select_for_update(of=("self",))
            .select_related("sessie__workshop")
            .get(pk=inschrijving.pk)
        )
        if rij.status != Inschrijving.Status.BEVESTIGD or rij.geanonimiseerd_op:
            raise ValidationError(
                _("Alleen wie bevestigd ingeschreven is, kan aanwezig of afwezig zijn.")
            )
        if rij.sessie.geannuleerd_op:
            raise ValidationError(_("Deze sessie is geannuleerd."))
        if rij.aanwezig is aanwezig:
            return rij
        vorige = rij.aanwezig
        rij.aanwezig = aanwezig
        rij.save(update_fields=["aanwezig"])
        audit.vastleggen(
            door=door,
            actie="workshops.aanwezigheid_gezet",
            object=rij,
            omschrijving=_("Van %(van)s naar %(naar)s")
            % {"van": _TEKST[vorige], "naar": _TEKST[aanwezig]},
        )
    return rij
