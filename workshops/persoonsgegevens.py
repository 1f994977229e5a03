"""What workshops holds about people, for the core's register (baz/persoonsgegevens/register.py):
requests (aanvragen), sign-ups (inschrijvingen) with their evaluations, and the free text staff
and visitors type that can name someone.

Erasure and retention anonymise with the same two functions, `aanvragen_anonimiseren` and
`inschrijvingen_anonimiseren`. The outbox is the core's (baz/persoonsgegevens/mails.py).
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.persoonsgegevens import register
from baz.persoonsgegevens.register import Bewaard, Bewaartermijn, Deel, Persoon
from baz.persoonsgegevens.velden import eigen_velden

from .models import (
    Aanvraag,
    AanvraagBericht,
    AanvraagStatuswijziging,
    Evaluatie,
    Inschrijving,
    Locatie,
    Sessie,
    Workshop,
)
from .queries import AANVRAAG_BEWAARTERMIJN, INSCHRIJVING_BEWAARTERMIJN

ANONIEM = "(geanonimiseerd)"
GROEP = 50  # rows per step of a retention run: one search of the admin log per step

# Every column where someone can type a person's name, address or phone number about someone
# else: erasure replaces the mention by "(gewist)", in every row. The person's own request and
# sign-ups lose more (see the anonymise functions).
VRIJE_TEKST = [
    (Aanvraag, ("organisatie", "leervraag", "drempels", "geplande_plaats", "interne_notities")),
    (AanvraagStatuswijziging, ("reden",)),
    (AanvraagBericht, ("tekst",)),
    (Sessie, ("plaats", "annuleringsreden", "meebrengen")),
    # A venue's notes may name a contact ("bel aan bij ..."); its address is a building's.
    (Locatie, ("toegankelijkheid", "route")),
    (Inschrijving, ("organisatie", "toegankelijkheid")),
    (Evaluatie, ("wat_goed", "wat_beter")),
    (Workshop, ("opmerking",)),
]
# Not searched, on purpose: the offer's own texts (Workshop titel, samenvatting, beschrijving,
# leerdoelen) and Doelpubliek are public editorial text about a workshop, not about anyone; a
# session's online link and access code are no text; `bron` and the consent version are choices.
# What to bring (Workshop.meebrengen) is editorial text about the workshop. The moments a
# participant was mailed (herinnerd_op, evaluatie_gevraagd_op, evaluatie_herinnerd_op) are dates
# on their own sign-up: exported with it, anonymised with it.
_GEHEIM = ("token", "indiening_sleutel")


def _groepen(rijen: list, grootte: int = GROEP):
    for begin in range(0, len(rijen), grootte):
        yield rijen[begin : begin + grootte]


def aanvragen_anonimiseren(aanvragen: Iterable[Aanvraag]) -> int:
    """Anonymise these requests: on erasure and when their retention period ends. What stays
    (organisation, kind, municipality, dates, status history) serves the year's figures; the
    place staff typed, the notes and the requester's own words go, and every mention of the
    contact in the status reasons and in the closed sessions of the request."""
    aanvragen = list(aanvragen)
    for groep in _groepen(aanvragen):
        persoon = Persoon.uit(
            emails=[a.email for a in groep],
            namen=[a.contactpersoon for a in groep],
            telefoons=[a.telefoon for a in groep],
        )
        nu = timezone.now()
        for aanvraag in groep:
            aanvraag.organisatie = persoon.schrappen(aanvraag.organisatie)
            aanvraag.contactpersoon = ANONIEM
            aanvraag.email = "anoniem@invalid.example"
            aanvraag.telefoon = ""
            aanvraag.leervraag = ANONIEM
            aanvraag.drempels = ""
            aanvraag.geplande_plaats = ""
            aanvraag.interne_notities = ""
            aanvraag.nieuwsbrief = False
            aanvraag.token = f"anoniem-{uuid.uuid4().hex}"
            aanvraag.geanonimiseerd_op = nu
            aanvraag.save()
        pks = [a.pk for a in groep]
        # What the requester wrote through the personal link: their own words, gone.
        AanvraagBericht.objects.filter(aanvraag__in=pks).update(tekst="")
        register.vermeldingen_wissen(
            persoon,
            [(AanvraagStatuswijziging, ("reden",)), (Sessie, ("plaats", "annuleringsreden"))],
            binnen=lambda model, rijen, pks=pks: rijen.filter(aanvraag__in=pks),
        )
        register.sporen_wissen({Aanvraag: pks}, persoon)
    return len(aanvragen)


def inschrijvingen_anonimiseren(inschrijvingen: Iterable[Inschrijving]) -> int:
    """Anonymise these sign-ups: on erasure and 12 months after their session. The evaluation
    stays, anonymous feedback on the session, without mentions of the participant."""
    inschrijvingen = list(inschrijvingen)
    for groep in _groepen(inschrijvingen):
        persoon = Persoon.uit(emails=[i.email for i in groep], namen=[i.naam for i in groep])
        nu = timezone.now()
        for inschrijving in groep:
            inschrijving.naam = ANONIEM
            inschrijving.email = f"anoniem-{inschrijving.pk}@invalid.example"
            inschrijving.organisatie = ""
            inschrijving.toegankelijkheid = ""
            inschrijving.token = f"anoniem-{uuid.uuid4().hex}"
            inschrijving.geanonimiseerd_op = nu
            inschrijving.save()
        pks = [i.pk for i in groep]
        register.vermeldingen_wissen(
            persoon,
            [(Evaluatie, ("wat_goed", "wat_beter"))],
            binnen=lambda model, rijen, pks=pks: rijen.filter(inschrijving__in=pks),
        )
        register.sporen_wissen({Inschrijving: pks}, persoon)
    return len(inschrijvingen)


def _adres(veld: str, persoon: Persoon) -> Q:
    voorwaarde = Q(pk__in=[])
    for email in persoon.emails:
        voorwaarde |= Q(**{f"{veld}__iexact": email})
    return voorwaarde


class Workshops(Deel):
    sleutel = "workshops"
    titel = _("Workshops")
    bewaartermijnen = [
        Bewaartermijn(
            _("Aanvraag van een workshop"),
            _(
                "organisatie, gemeente, contactpersoon, e-mail, telefoon (optioneel), je vragen "
                "en wensen"
            ),
            _("precontractuele maatregel op jouw verzoek (art. 6.1.b AVG)"),
            AANVRAAG_BEWAARTERMIJN,
            _("na de laatste activiteit, daarna geanonimiseerd"),
        ),
        Bewaartermijn(
            _("Inschrijving voor een sessie"),
            _(
                "naam, e-mail, organisatie (optioneel), toegankelijkheidsnoden (optioneel), of "
                "je aanwezig was, en wanneer we je de herinnering en de vraag om te evalueren "
                "stuurden"
            ),
            _(
                "uitvoering van de inschrijving (art. 6.1.b AVG); toegankelijkheidsnoden met "
                "jouw toestemming"
            ),
            INSCHRIJVING_BEWAARTERMIJN,
            _("na de sessie, daarna geanonimiseerd"),
        ),
        Bewaartermijn(
            _("Nieuwsbrief"),
            _("e-mail"),
            _("toestemming (art. 6.1.a AVG), die je altijd kunt intrekken"),
            None,
            _("tot je je uitschrijft, en niet langer dan je aanvraag"),
        ),
    ]
    bij_wissen = {
        "aanvragen": _(
            "geanonimiseerd (ook de geplande plaats, de notities en wat je via je persoonlijke "
            "link schreef); de aanvraag en haar statusgeschiedenis blijven"
        ),
        "inschrijvingen": _(
            "geannuleerd (een vrije plaats gaat naar de wachtlijst) en geanonimiseerd"
        ),
        "evaluaties": _("blijven, los van de persoon: de inschrijving wordt anoniem"),
        "vermeldingen": register.VERMELDINGEN_BIJ_WISSEN,
    }
    bewaard = [
        Bewaard(
            _("Geanonimiseerde aanvragen: organisatie, soort, gemeente, aantallen, data"),
            _(
                "Voor de jaarcijfers. Contactpersoon, e-mailadres, telefoon, vragen, geplande "
                "plaats en notities zijn weg; noemt de organisatie de persoon, dan ook dat."
            ),
        ),
        Bewaard(
            _("Evaluaties van sessies: score en antwoorden"),
            _("Anonieme feedback op een sessie, los van de inschrijving; zonder vermeldingen."),
        ),
    ]
    persoonlijke_links = [r"(/workshops/(?:aanvraag|inschrijving|evaluatie)/)[^/\s]+/"]

    def _rijen(self, persoon: Persoon) -> dict:
        return {
            "aanvragen": Aanvraag.objects.filter(_adres("email", persoon)),
            "inschrijvingen": Inschrijving.objects.filter(_adres("email", persoon)),
            "evaluaties": Evaluatie.objects.filter(_adres("inschrijving__email", persoon)),
        }

    def kenmerken(self, email):
        persoon = Persoon.uit(emails=[email])
        aanvragen = Aanvraag.objects.filter(_adres("email", persoon))
        namen = [
            *aanvragen.values_list("contactpersoon", flat=True),
            *Inschrijving.objects.filter(_adres("email", persoon)).values_list("naam", flat=True),
        ]
        telefoons = aanvragen.exclude(telefoon="").values_list("telefoon", flat=True)
        return Persoon.uit(namen=namen, telefoons=telefoons)

    def tellen(self, persoon):
        aantallen = {soort: rijen.count() for soort, rijen in self._rijen(persoon).items()}
        return {**aantallen, "vermeldingen": register.vermeldingen_tellen(persoon, VRIJE_TEKST)}

    def exporteren(self, persoon):
        """Every row of this person, without the keys of the personal links."""
        rijen = self._rijen(persoon)
        wijzigingen = AanvraagStatuswijziging.objects.filter(aanvraag__in=rijen["aanvragen"])
        geschiedenis = defaultdict(list)
        for wijziging in wijzigingen.values("aanvraag_id", "van", "naar", "reden", "op"):
            geschiedenis[wijziging.pop("aanvraag_id")].append(wijziging)
        berichten = defaultdict(list)
        for bericht in AanvraagBericht.objects.filter(aanvraag__in=rijen["aanvragen"]).values(
            "aanvraag_id", "soort", "tekst", "voorkeur_1", "voorkeur_2", "voorkeur_3", "op"
        ):
            berichten[bericht.pop("aanvraag_id")].append(bericht)
        aanvragen = rijen["aanvragen"].values(
            *eigen_velden(Aanvraag, *_GEHEIM),
            workshoptitel=F("workshop__titel"),
            gemeentenaam=F("gemeente__naam"),
        )
        inschrijvingen = rijen["inschrijvingen"].values(
            *eigen_velden(Inschrijving, *_GEHEIM),
            workshoptitel=F("sessie__workshop__titel"),
            sessie_begint_op=F("sessie__begint_op"),
            sessie_plaats=F("sessie__plaats"),
            sessie_locatie=F("sessie__locatie__naam"),
        )
        return {
            "aanvragen": [
                {**a, "statusgeschiedenis": geschiedenis[a["id"]], "berichten": berichten[a["id"]]}
                for a in aanvragen
            ],
            "inschrijvingen": list(inschrijvingen),
            "evaluaties": list(
                rijen["evaluaties"].values(*eigen_velden(Evaluatie), "inschrijving_id")
            ),
            "vermeldingen": register.vermeldingen_exporteren(persoon, VRIJE_TEKST),
        }

    def wissen(self, persoon):
        """Cancel the person's sign-ups (a freed place goes to the waiting list), anonymise
        them and their requests, then take their mentions out of every free text."""
        from .services import inschrijving_annuleren

        with transaction.atomic():
            aantallen = self.tellen(persoon)
            rijen = self._rijen(persoon)
            inschrijvingen = list(rijen["inschrijvingen"])
            for inschrijving in inschrijvingen:
                inschrijving_annuleren(inschrijving=inschrijving)
            aanvragen_anonimiseren(rijen["aanvragen"])
            inschrijvingen_anonimiseren(
                Inschrijving.objects.filter(pk__in=[i.pk for i in inschrijvingen])
            )
            register.vermeldingen_wissen(persoon, VRIJE_TEKST)
        return aantallen

    def opschonen(self, *, nu, droog=False):
        """Requests 24 months after their last activity, sign-ups 12 months after their
        session. Idempotent: what was anonymised is not touched again."""
        aanvragen = list(Aanvraag.objects.te_anonimiseren(nu))
        inschrijvingen = list(Inschrijving.objects.te_anonimiseren(nu))
        if not droog:
            with transaction.atomic():
                aanvragen_anonimiseren(aanvragen)
                inschrijvingen_anonimiseren(inschrijvingen)
        return {"aanvragen": len(aanvragen), "inschrijvingen": len(inschrijvingen)}

    def emailadressen(self):
        adressen = [
            *Aanvraag.objects.values_list("email", flat=True).distinct(),
            *Inschrijving.objects.values_list("email", flat=True).distinct(),
        ]
        return {
            register.normaliseren(adres)
            for adres in adressen
            if not adres.endswith("@invalid.example")
        }


register.registreren(Workshops())
