"""The outbox (baz.models.Mail) as a part of the register: every mail the platform sends, to
whom, with its text (names, addresses, personal links).

Mails to the person are deleted on erasure, and so is every mail keyed to a row that is erased
or expires (the staff notification of a request or an interest form, which quotes the person's
own words). Any other mail to someone else that names them (a verslag naming them) loses the
mention but stays, so that the
record of what was sent to whom holds and a mail still waiting goes out without them. Retention:
90 days after a mail was made, it is deleted, sent or not.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baz.models import Mail

from . import register
from .register import Bewaartermijn, Deel, Persoon, registreren
from .velden import eigen_velden

MAIL_BEWAARTERMIJN = timedelta(days=90)  # long enough to answer "did you mail me?"
VELDEN = ("onderwerp", "tekst", "bijlage_inhoud")
_GEHEIM = ("bijlage_inhoud", "bijlage_type", "message_id", "laatste_fout")


def _aan(persoon: Persoon):
    voorwaarde = Q(pk__in=[])
    for email in persoon.emails:
        voorwaarde |= Q(ontvanger__iexact=email)
    return Mail.objects.filter(voorwaarde)


def _over(persoon: Persoon):
    if persoon.leeg:
        return Mail.objects.none()
    return Mail.objects.filter(persoon.q(*VELDEN)).exclude(pk__in=_aan(persoon).values("pk"))


def mails_verwijderen(mails) -> int:
    """Delete these mails, with the admin log's and the audit trail's names of them."""
    pks = list(mails.values_list("pk", flat=True))
    register.sporen_wissen({Mail: pks})
    Mail.objects.filter(pk__in=pks).delete()
    return len(pks)


class Uitgaandemails(Deel):
    sleutel = "mails"
    titel = _("Uitgaande mails")
    volgorde = 2
    bewaartermijnen = [
        Bewaartermijn(
            _("Mails die we je sturen"),
            _("e-mailadres, onderwerp en tekst van bevestigingen, uitnodigingen en verslagen"),
            _("zoals het formulier of het netwerk waarvoor we mailen"),
            MAIL_BEWAARTERMIJN,
            _("na het aanmaken, daarna verwijderd"),
        )
    ]
    bij_wissen = {
        "aan de persoon": _("verwijderd uit de uitgaande post"),
        "over de persoon": _(
            "mails aan anderen die de persoon noemen (zoals de melding aan BAZ): de naam, het "
            "e-mailadres en het telefoonnummer worden “(gewist)”, de mail blijft"
        ),
    }

    def tellen(self, persoon):
        return {"aan de persoon": _aan(persoon).count(), "over de persoon": _over(persoon).count()}

    def exporteren(self, persoon):
        aan = [
            {**mail, "tekst": register.links_verbergen(mail["tekst"])}
            for mail in _aan(persoon).values(*eigen_velden(Mail, *_GEHEIM))
        ]
        over = [
            {"onderwerp": persoon.schrappen(mail["onderwerp"]), **mail_fragmenten(mail, persoon)}
            for mail in _over(persoon).values("aangemaakt_op", "onderwerp", "tekst")
        ]
        return {"aan de persoon": aan, "over de persoon": over}

    def wissen(self, persoon):
        aantallen = self.tellen(persoon)
        mails_verwijderen(_aan(persoon))
        for mail in _over(persoon).only("pk", *VELDEN):
            Mail.objects.filter(pk=mail.pk).update(
                **{veld: persoon.schrappen(getattr(mail, veld)) for veld in VELDEN}
            )
        return aantallen

    def sporen_wissen(self, objecten, persoon):
        """A mail about a row that is erased or expires goes with it (the staff notification of
        a request holds the requester's own words, not only their name): the services key
        every mail to its row (baz.mail.sleutel_voor)."""
        sleutels = [
            f"{model._meta.label_lower}:{pk}"
            for model, pks in objecten.items()
            if model is not Mail
            for pk in pks
        ]
        if sleutels:
            mails_verwijderen(Mail.objects.filter(sleutel__in=sleutels))

    def opschonen(self, *, nu, droog=False):
        oud = Mail.objects.filter(aangemaakt_op__lt=nu - MAIL_BEWAARTERMIJN)
        return {"mails": oud.count() if droog else mails_verwijderen(oud)}

    def emailadressen(self):
        return {
            register.normaliseren(adres)
            for adres in Mail.objects.values_list("ontvanger", flat=True).distinct()
        }


def mail_fragmenten(mail: dict, persoon: Persoon) -> dict:
    return {
        "aangemaakt_op": mail["aangemaakt_op"],
        "fragmenten": [
            register.links_verbergen(fragment) for fragment in persoon.fragmenten(mail["tekst"])
        ],
    }


registreren(Uitgaandemails())
