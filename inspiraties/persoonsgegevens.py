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

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.persoonsgegevens import register
from baz.persoonsgegevens.register import Bewaard, Bewaartermijn, Deel, Persoon
from baz.persoonsgegevens.velden import eigen_velden

from .models import Inspiratie, Tip
from .versie import inspiratie_gewijzigd

ANONIEM = "(geanonimiseerd)"
# A tipper's name and address: 12 months after the redactie decided (took it up or declined
# it), or after the tip itself if nobody decided.
TIP_BEWAARTERMIJN = timedelta(days=365)

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


def tips_anonimiseren(tips) -> int:
    """Anonymise these tips: on erasure and when their retention period ends. What stays is
    the proof of consent without a person (when, which text version) and the decision; the
    story made from it is editorial text (see Inspiraties above)."""
    tips = list(tips)
    if not tips:
        return 0
    persoon = Persoon.uit(emails=[t.email for t in tips], namen=[t.naam for t in tips])
    nu = timezone.now()
    for tip in tips:
        tip.naam = ANONIEM
        tip.email = f"anoniem-{tip.pk}@invalid.example"
        tip.contact_initiatief = ""
        tip.naam_tonen = Tip.NaamTonen.NIET
        tip.geanonimiseerd_op = nu
        tip.save()
    register.sporen_wissen({Tip: [t.pk for t in tips]}, persoon)
    # A published story showed the tipper's name: cached public pages must not keep it.
    inspiratie_gewijzigd(
        *Inspiratie.objects.filter(tip__in=tips).values_list("status", flat=True).distinct()
    )
    return len(tips)


def _tips_van(persoon: Persoon):
    voorwaarde = Q(pk__in=[])
    for email in persoon.emails:
        voorwaarde |= Q(email__iexact=email)
    return Tip.objects.filter(voorwaarde, geanonimiseerd_op__isnull=True)


class Tips(Deel):
    sleutel = "inspiraties-tips"
    titel = _("Tips voor inspiraties")
    volgorde = 71
    bewaartermijnen = [
        Bewaartermijn(
            _("Tip een inspiratie"),
            _(
                "naam, e-mail, of je deel uitmaakt van het initiatief, hoe je naam mag verschijnen, "
                "hoe het initiatief te bereiken is, je toestemmingen (met tijdstip en versie van "
                "de tekst)"
            ),
            _(
                "toestemming (art. 6.1.a AVG) om je naam te tonen, je te contacteren en de foto te "
                "gebruiken; gerechtvaardigd belang (art. 6.1.f AVG) om je te laten weten wat er "
                "met je tip gebeurt"
            ),
            TIP_BEWAARTERMIJN,
            _(
                "nadat de redactie over je tip besliste (of na je tip, als er geen beslissing "
                "kwam), daarna geanonimiseerd; je naam verdwijnt dan ook van het verhaal"
            ),
        ),
    ]
    bij_wissen = {
        "tips": _("geanonimiseerd, ook je naam bij het verhaal; het verhaal zelf blijft"),
    }

    def kenmerken(self, email):
        persoon = Persoon.uit(emails=[email])
        return Persoon.uit(namen=_tips_van(persoon).values_list("naam", flat=True))

    def tellen(self, persoon):
        return {"tips": _tips_van(persoon).count()}

    def exporteren(self, persoon):
        return {
            "tips": list(
                _tips_van(persoon).values(
                    *eigen_velden(Tip, "indiening_sleutel"),
                    inspiratietitel=F("inspiratie__titel"),
                    inspiratiestatus=F("inspiratie__status"),
                )
            )
        }

    def wissen(self, persoon):
        with transaction.atomic():
            aantallen = self.tellen(persoon)
            tips_anonimiseren(_tips_van(persoon).select_for_update())
        return aantallen

    def te_anonimiseren(self, nu):
        return (
            Tip.objects.filter(geanonimiseerd_op__isnull=True)
            .annotate(sinds=Coalesce("beslist_op", "aangemaakt_op"))
            .filter(sinds__lt=nu - TIP_BEWAARTERMIJN)
        )

    def opschonen(self, *, nu, droog=False):
        tips = list(self.te_anonimiseren(nu))
        if not droog:
            with transaction.atomic():
                tips_anonimiseren(tips)
        return {"tips": len(tips)}

    def emailadressen(self):
        return {
            register.normaliseren(adres)
            for adres in Tip.objects.values_list("email", flat=True).distinct()
            if not adres.endswith("@invalid.example")
        }


register.registreren(Tips())
