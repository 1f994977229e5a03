"""What inspiraties holds about people, for the core's register (baz/persoonsgegevens/register.py).

Inspiraties store no one's address and have no retention period: they are editorial stories
about initiatives, written by staff, their authors staff accounts (netwerken exports accounts).
A story can still name someone ("initiatiefnemer Sofie Peeters"), or be the draft a member's
post became with their consent. Erasure does not rewrite it: a published text with names cut
out of it is no text, and the search index has to follow. The staff page counts the stories that
name the person, so that the editors adapt or archive them.

Who created an inspiratie and who last submitted it for review (`aangemaakt_door`,
`ingediend_door`) are references to a staff account, not copies of a name or an address: the
export lists the inspiraties of the person's accounts, and erasing an account anonymises the
account itself (netwerken/persoonsgegevens.py), after which the references name no one.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baz.persoonsgegevens import register
from baz.persoonsgegevens.register import Bewaard, Deel

from .models import Inspiratie

VELDEN = (
    "titel",
    "samenvatting",
    "verhaal",
    "initiatiefnemer",
    "website",
    "afbeelding_alt",
    "afbeelding_credit",
)


class Inspiraties(Deel):
    sleutel = "inspiraties"
    titel = _("Inspiraties")
    volgorde = 70
    bewaard = [
        Bewaard(
            _("Inspiraties die de persoon noemen (titel, verhaal, initiatiefnemer, fotocredit)"),
            _(
                "Redactionele verhalen over een initiatief, met toestemming geschreven en vaak "
                "gepubliceerd. Wissen herschrijft ze niet: de redactie past ze aan of archiveert "
                "ze (ook de concepten die van een bericht met toestemming gemaakt werden)."
            ),
        ),
    ]

    def _noemen(self, persoon):
        if persoon.leeg:
            return Inspiratie.objects.none()
        return Inspiratie.objects.filter(persoon.q(*VELDEN))

    def _van_accounts(self, persoon):
        adressen = Q(pk__in=[])
        for email in persoon.emails:
            adressen |= Q(email__iexact=email)
        accounts = get_user_model().objects.filter(adressen)
        return Inspiratie.objects.filter(
            Q(aangemaakt_door__in=accounts) | Q(ingediend_door__in=accounts)
        )

    def bewaard_tellen(self, persoon):
        return [(self.bewaard[0], self._noemen(persoon).count())]

    def exporteren(self, persoon):
        return {
            "die de persoon noemen": list(
                self._noemen(persoon).values(
                    "titel", "slug", "status", "initiatiefnemer", "gepubliceerd_op"
                )
            ),
            "aangemaakt of ingediend door de persoon": list(
                self._van_accounts(persoon).values(
                    "titel", "slug", "status", "aangemaakt_op", "ingediend_op"
                )
            )
            if persoon.emails
            else [],
        }


register.registreren(Inspiraties())
