"""Writes to workshops: keyword-only service functions that views, the admin and commands call.

Each function does its checks and writes in one transaction. Mails are stored in the outbox in
that same transaction and handed to the task backend only after the commit, so a mail is never
sent for data that was rolled back, and never lost for data that was stored.
"""

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz.persoonsgegevens import beheerlog
from baz.persoonsgegevens.velden import eigen_velden

from . import ics
from .models import Aanvraag, AanvraagStatuswijziging, Evaluatie, Inschrijving, Mail, Sessie
from .tasks import mail_versturen

# The version of the newsletter consent text shown on the request form (proof of consent).
NIEUWSBRIEF_TEKST_VERSIE = "nieuwsbrief-2026-01"
# "Wil je de nieuwsbrief van BurgersAanZet ontvangen? Je kunt je altijd weer uitschrijven."
NIEUWSBRIEF_TEKST_VERSIE_OPVOLGPAGINA = "nieuwsbrief-opvolgpagina-2026-11"


class InschrijvingNietMogelijk(Exception):
    """Sign-up refused; the message says why, in Dutch, for the visitor."""


# ---------------------------------------------------------------------------------------------
# Mail outbox
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: str
    type: str


def mail_in_wachtrij(
    *,
    ontvanger: str,
    onderwerp: str,
    template: str,
    context: dict,
    bijlage: Bijlage | None = None,
) -> Mail:
    """Store a mail and send it through the task backend once the transaction commits."""
    context = {"SITE_URL": settings.SITE_URL, **context}
    mail = Mail.objects.create(
        ontvanger=ontvanger,
        onderwerp=onderwerp,
        tekst=render_to_string(template, context),
        bijlage_naam=bijlage.naam if bijlage else "",
        bijlage_inhoud=bijlage.inhoud if bijlage else "",
        bijlage_type=bijlage.type if bijlage else "",
    )
    # robust: if handing over fails, the mail stays 'wachtend' and `mails_versturen` retries it.
    transaction.on_commit(lambda: mail_versturen.enqueue(mail.pk), robust=True)
    return mail


def mails_opnieuw_versturen(*, mails=None, max_pogingen: int = 5) -> int:
    """Hand failed or stuck mails to the task backend again; returns how many."""
    if mails is None:
        grens = timezone.now() - timedelta(minutes=10)
        mails = Mail.objects.filter(status=Mail.Status.MISLUKT) | Mail.objects.filter(
            status=Mail.Status.WACHTEND, aangemaakt_op__lt=grens
        )
    ids = list(
        mails.filter(pogingen__lt=max_pogingen)
        .exclude(status=Mail.Status.VERZONDEN)
        .values_list("pk", flat=True)
    )
    for mail_id in ids:
        mail_versturen.enqueue(mail_id)
    return len(ids)


def _sessie_bijlage(sessie: Sessie) -> Bijlage:
    return Bijlage(
        naam="workshop.ics",
        inhoud=ics.kalender([sessie]).decode(),
        type="text/calendar; charset=utf-8",
    )


# ---------------------------------------------------------------------------------------------
# Requests (aanvragen)
# ---------------------------------------------------------------------------------------------


def nieuwsbrief_wijzigen(*, aanvraag: Aanvraag, gewenst: bool) -> Aanvraag:
    """Give or withdraw newsletter consent through the personal link: one click either way.
    Giving records when and which text (the follow-up page's own wording); withdrawing holds
    for every request of this address, records when, and keeps the proof of what was given."""
    nu = timezone.now()
    if gewenst:
        aanvraag.nieuwsbrief = True
        aanvraag.nieuwsbrief_toestemming_op = nu
        aanvraag.nieuwsbrief_toestemming_tekst = NIEUWSBRIEF_TEKST_VERSIE_OPVOLGPAGINA
        aanvraag.nieuwsbrief_ingetrokken_op = None
        aanvraag.save(
            update_fields=[
                "nieuwsbrief",
                "nieuwsbrief_toestemming_op",
                "nieuwsbrief_toestemming_tekst",
                "nieuwsbrief_ingetrokken_op",
            ]
        )
        return aanvraag
    Aanvraag.objects.filter(
        email__iexact=aanvraag.email, nieuwsbrief=True, geanonimiseerd_op__isnull=True
    ).update(nieuwsbrief=False, nieuwsbrief_ingetrokken_op=nu)
    aanvraag.refresh_from_db()
    return aanvraag


def aanvraag_indienen(
    *, workshop, indiening_sleutel: uuid.UUID | None = None, **gegevens
) -> tuple[Aanvraag, bool]:
    """Store a request, with its first status, then mail the requester and staff.

    A second submit with the same `indiening_sleutel` (double click, back and resend) returns
    the first request instead of a duplicate: (aanvraag, False).
    """
    if indiening_sleutel:
        bestaand = Aanvraag.objects.filter(indiening_sleutel=indiening_sleutel).first()
        if bestaand:
            return bestaand, False
    nu = timezone.now()
    if gegevens.get("nieuwsbrief"):
        gegevens["nieuwsbrief_toestemming_op"] = nu
        gegevens["nieuwsbrief_toestemming_tekst"] = NIEUWSBRIEF_TEKST_VERSIE
    aanvraag = Aanvraag(
        workshop=workshop,
        indiening_sleutel=indiening_sleutel,
        aangemaakt_op=nu,
        laatste_activiteit_op=nu,
        **gegevens,
    )
    aanvraag.full_clean()
    try:
        with transaction.atomic():
            aanvraag.save()
            AanvraagStatuswijziging.objects.create(
                aanvraag=aanvraag, van="", naar=aanvraag.status, op=nu
            )
            context = {"aanvraag": aanvraag, "workshop": workshop}
            mail_in_wachtrij(
                ontvanger=aanvraag.email,
                onderwerp=_("We ontvingen je aanvraag voor “%(titel)s”") % {"titel": workshop},
                template="workshops/mail/aanvraag_ontvangen.txt",
                context=context,
            )
            mail_in_wachtrij(
                ontvanger=settings.STAFF_NOTIFICATION_EMAIL,
                onderwerp=_("Nieuwe workshopaanvraag: %(organisatie)s")
                % {"organisatie": aanvraag.organisatie},
                template="workshops/mail/aanvraag_melding.txt",
                context=context,
            )
    except IntegrityError:
        # Two submits with the same key at the same moment: the other one won.
        if indiening_sleutel:
            return Aanvraag.objects.get(indiening_sleutel=indiening_sleutel), False
        raise
    return aanvraag, True


def aanvraag_status_wijzigen(
    *, aanvraag: Aanvraag, status: str, door=None, reden: str = ""
) -> Aanvraag:
    """Change the pipeline status and keep who, when and why in the history."""
    if status == aanvraag.status:
        return aanvraag
    if status in Aanvraag.MET_REDEN and not reden.strip():
        raise ValueError(_("Geef een reden bij een uitgestelde of geannuleerde aanvraag."))
    with transaction.atomic():
        vorige = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk).status
        nu = timezone.now()
        aanvraag.status = status
        aanvraag.laatste_activiteit_op = nu
        aanvraag.save(update_fields=["status", "laatste_activiteit_op"])
        AanvraagStatuswijziging.objects.create(
            aanvraag=aanvraag, van=vorige, naar=status, reden=reden, door=door, op=nu
        )
    return aanvraag


def sessie_maken_voor_aanvraag(
    *, aanvraag: Aanvraag, door=None, duur: timedelta | None = None
) -> Sessie:
    """Create the closed session of a planned request (date and place from the request)."""
    if aanvraag.gepland_op is None:
        raise ValueError(_("Vul eerst de geplande datum van de aanvraag in."))
    duur = duur or timedelta(minutes=aanvraag.workshop.duur_minuten)
    with transaction.atomic():
        sessie = Sessie(
            workshop=aanvraag.workshop,
            aanvraag=aanvraag,
            begint_op=aanvraag.gepland_op,
            eindigt_op=aanvraag.gepland_op + duur,
            plaats=aanvraag.geplande_plaats,
            capaciteit=max(aanvraag.aantal_deelnemers, aanvraag.workshop.groepsgrootte_max),
            openbaar=False,
        )
        sessie.full_clean()
        sessie.save()
        if aanvraag.status in {Aanvraag.Status.NIEUW, Aanvraag.Status.IN_BEHANDELING}:
            aanvraag_status_wijzigen(aanvraag=aanvraag, status=Aanvraag.Status.INGEPLAND, door=door)
    return sessie


# ---------------------------------------------------------------------------------------------
# Sign-up (inschrijvingen), waiting list and cancellation
# ---------------------------------------------------------------------------------------------


def inschrijving_maken(
    *,
    sessie: Sessie,
    naam: str,
    email: str,
    organisatie: str = "",
    toegankelijkheid: str = "",
    indiening_sleutel: uuid.UUID | None = None,
    nu: datetime | None = None,
) -> Inschrijving:
    """Sign someone up: confirmed while places are left, else on the waiting list.

    The session row is locked (SELECT ... FOR UPDATE) for the count and the insert, so
    concurrent sign-ups cannot overbook. A resubmit with the same key returns the first
    registration; the same e-mail address a second time is refused with a clear message.
    """
    email = email.strip().lower()
    if indiening_sleutel:
        bestaand = Inschrijving.objects.filter(indiening_sleutel=indiening_sleutel).first()
        if bestaand:
            return bestaand
    try:
        with transaction.atomic():
            sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
            reden = sessie.reden_gesloten(nu)
            if reden:
                raise InschrijvingNietMogelijk(reden)
            if sessie.inschrijvingen.actief().filter(email=email).exists():
                raise InschrijvingNietMogelijk(
                    _(
                        "Met dit e-mailadres is al iemand ingeschreven voor deze sessie. "
                        "Kijk in je mailbox voor de bevestiging met je persoonlijke link."
                    )
                )
            bezet = sessie.inschrijvingen.bevestigd().count()
            status = (
                Inschrijving.Status.BEVESTIGD
                if bezet < sessie.capaciteit
                else Inschrijving.Status.WACHTLIJST
            )
            inschrijving = Inschrijving(
                sessie=sessie,
                naam=naam.strip(),
                email=email,
                organisatie=organisatie.strip(),
                toegankelijkheid=toegankelijkheid.strip(),
                status=status,
                indiening_sleutel=indiening_sleutel,
            )
            inschrijving.full_clean(validate_constraints=False)
            inschrijving.save()
            _inschrijving_mailen(inschrijving)
    except IntegrityError:
        if indiening_sleutel:
            bestaand = Inschrijving.objects.filter(indiening_sleutel=indiening_sleutel).first()
            if bestaand:
                return bestaand
        raise InschrijvingNietMogelijk(
            _("Met dit e-mailadres is al iemand ingeschreven voor deze sessie.")
        ) from None
    return inschrijving


def _inschrijving_mailen(inschrijving: Inschrijving) -> None:
    sessie = inschrijving.sessie
    if inschrijving.status == Inschrijving.Status.BEVESTIGD:
        onderwerp = _("Je bent ingeschreven: %(titel)s") % {"titel": sessie.workshop}
        template = "workshops/mail/inschrijving_bevestigd.txt"
        bijlage = _sessie_bijlage(sessie)
    else:
        onderwerp = _("Je staat op de wachtlijst: %(titel)s") % {"titel": sessie.workshop}
        template = "workshops/mail/inschrijving_wachtlijst.txt"
        bijlage = None
    mail_in_wachtrij(
        ontvanger=inschrijving.email,
        onderwerp=onderwerp,
        template=template,
        context={"inschrijving": inschrijving, "sessie": sessie},
        bijlage=bijlage,
    )


def inschrijving_annuleren(*, inschrijving: Inschrijving) -> Inschrijving | None:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Returns the registration that moved up, if any (it is told by e-mail).
    """
    with transaction.atomic():
        sessie = Sessie.objects.select_for_update().get(pk=inschrijving.sessie_id)
        inschrijving = Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
        if inschrijving.status == Inschrijving.Status.GEANNULEERD:
            return None
        was_bevestigd = inschrijving.status == Inschrijving.Status.BEVESTIGD
        inschrijving.status = Inschrijving.Status.GEANNULEERD
        inschrijving.geannuleerd_op = timezone.now()
        inschrijving.save(update_fields=["status", "geannuleerd_op"])
        if was_bevestigd and not sessie.geannuleerd_op and sessie.begint_op > timezone.now():
            return _wachtlijst_doorschuiven(sessie)
    return None


def _wachtlijst_doorschuiven(sessie: Sessie) -> Inschrijving | None:
    """Fill free places from the waiting list, first come first served (session is locked)."""
    vrij = sessie.capaciteit - sessie.inschrijvingen.bevestigd().count()
    eerste = None
    for inschrijving in sessie.inschrijvingen.wachtlijst()[: max(vrij, 0)]:
        inschrijving.status = Inschrijving.Status.BEVESTIGD
        inschrijving.doorgeschoven_op = timezone.now()
        inschrijving.save(update_fields=["status", "doorgeschoven_op"])
        mail_in_wachtrij(
            ontvanger=inschrijving.email,
            onderwerp=_("Er is een plaats vrij: je bent ingeschreven voor %(titel)s")
            % {"titel": sessie.workshop},
            template="workshops/mail/inschrijving_doorgeschoven.txt",
            context={"inschrijving": inschrijving, "sessie": sessie},
            bijlage=_sessie_bijlage(sessie),
        )
        eerste = eerste or inschrijving
    return eerste


def sessie_capaciteit_wijzigen(*, sessie: Sessie, capaciteit: int) -> Sessie:
    """Change the number of places; extra places go to the waiting list at once."""
    with transaction.atomic():
        sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
        sessie.capaciteit = capaciteit
        sessie.full_clean()
        sessie.save(update_fields=["capaciteit"])
        if not sessie.geannuleerd_op:
            _wachtlijst_doorschuiven(sessie)
    return sessie


def sessie_annuleren(*, sessie: Sessie, reden: str) -> int:
    """Cancel a session and tell everyone signed up or waiting; returns how many were told."""
    with transaction.atomic():
        sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
        if sessie.geannuleerd_op:
            return 0
        sessie.geannuleerd_op = timezone.now()
        sessie.annuleringsreden = reden
        sessie.save(update_fields=["geannuleerd_op", "annuleringsreden"])
        betrokken = list(sessie.inschrijvingen.actief())
        for inschrijving in betrokken:
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=_("Geannuleerd: %(titel)s") % {"titel": sessie.workshop},
                template="workshops/mail/sessie_geannuleerd.txt",
                context={"inschrijving": inschrijving, "sessie": sessie},
                bijlage=_sessie_bijlage(sessie),
            )
    return len(betrokken)


# ---------------------------------------------------------------------------------------------
# Evaluations
# ---------------------------------------------------------------------------------------------


def evaluaties_vragen(*, nu: datetime | None = None) -> int:
    """Mail each participant of a finished session the link to its evaluation, once."""
    aantal = 0
    with transaction.atomic():
        for inschrijving in (
            Inschrijving.objects.te_evalueren(nu).select_related("sessie__workshop")
        ).select_for_update(of=("self",)):
            inschrijving.evaluatie_gevraagd_op = timezone.now()
            inschrijving.save(update_fields=["evaluatie_gevraagd_op"])
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=_("Hoe vond je “%(titel)s”?") % {"titel": inschrijving.sessie.workshop},
                template="workshops/mail/evaluatie_vraag.txt",
                context={"inschrijving": inschrijving, "sessie": inschrijving.sessie},
            )
            aantal += 1
    return aantal


def evaluatie_indienen(
    *, inschrijving: Inschrijving, score: int, wat_goed: str = "", wat_beter: str = ""
) -> tuple[Evaluatie, bool]:
    """Store a participant's evaluation; once per participant: (evaluatie, nieuw)."""
    with transaction.atomic():
        Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
        bestaand = Evaluatie.objects.filter(inschrijving=inschrijving).first()
        if bestaand:
            return bestaand, False
        evaluatie = Evaluatie(
            inschrijving=inschrijving, score=score, wat_goed=wat_goed, wat_beter=wat_beter
        )
        evaluatie.full_clean()
        evaluatie.save()
    return evaluatie, True


# ---------------------------------------------------------------------------------------------
# Privacy: retention and erasure
# ---------------------------------------------------------------------------------------------

ANONIEM = "(geanonimiseerd)"


def aanvraag_anonimiseren(*, aanvraag: Aanvraag) -> None:
    aanvraag.contactpersoon = ANONIEM
    aanvraag.email = "anoniem@invalid.example"
    aanvraag.telefoon = ""
    aanvraag.leervraag = ANONIEM
    aanvraag.drempels = ""
    aanvraag.interne_notities = ""
    aanvraag.nieuwsbrief = False
    aanvraag.token = f"anoniem-{uuid.uuid4().hex}"
    aanvraag.geanonimiseerd_op = timezone.now()
    aanvraag.save()


def inschrijving_anonimiseren(*, inschrijving: Inschrijving) -> None:
    inschrijving.naam = ANONIEM
    inschrijving.email = f"anoniem-{inschrijving.pk}@invalid.example"
    inschrijving.organisatie = ""
    inschrijving.toegankelijkheid = ""
    inschrijving.token = f"anoniem-{uuid.uuid4().hex}"
    inschrijving.geanonimiseerd_op = timezone.now()
    inschrijving.save()


def persoonsgegevens_opschonen(*, nu: datetime | None = None, droog: bool = False) -> dict:
    """Anonymise requests 24 months after their last activity and registrations 12 months after
    their session; delete outbox mails (they hold names, addresses and personal links) after 90
    days. Idempotent: what was anonymised is not touched again."""
    aanvragen = list(Aanvraag.objects.te_anonimiseren(nu))
    inschrijvingen = list(Inschrijving.objects.te_anonimiseren(nu))
    mails = Mail.objects.te_verwijderen(nu)
    aantal_mails = mails.count()
    if not droog:
        with transaction.atomic():
            for aanvraag in aanvragen:
                aanvraag_anonimiseren(aanvraag=aanvraag)
            for inschrijving in inschrijvingen:
                inschrijving_anonimiseren(inschrijving=inschrijving)
            mails.delete()
    return {
        "aanvragen": len(aanvragen),
        "inschrijvingen": len(inschrijvingen),
        "mails": aantal_mails,
    }


# ---------------------------------------------------------------------------------------------
# A person's data on request (right of access and erasure), by e-mail address. The same four
# functions in every app; baz/persoonsgegevens/services.py combines them.
# ---------------------------------------------------------------------------------------------

# What erasure does to each kind, shown to staff before they confirm.
BIJ_WISSEN = {
    "aanvragen": gettext_lazy("geanonimiseerd; de aanvraag en haar statusgeschiedenis blijven"),
    "inschrijvingen": gettext_lazy(
        "geannuleerd (een vrije plaats gaat naar de wachtlijst) en geanonimiseerd"
    ),
    "evaluaties": gettext_lazy("blijven, los van de persoon: de inschrijving wordt anoniem"),
    "mails": gettext_lazy(
        "verwijderd uit de uitgaande post, ook de meldingen aan BAZ die het adres noemen"
    ),
}
_GEHEIM = ("token", "indiening_sleutel", "bijlage_inhoud", "bijlage_type")
# A personal link in a mail's text: the token is a key, and an export is not the place for it.
PERSOONLIJKE_LINK = re.compile(r"(/workshops/(?:aanvraag|inschrijving|evaluatie)/)[^/\s]+/")


def _van_persoon(email: str) -> dict[str, QuerySet]:
    email = email.strip()
    return {
        "aanvragen": Aanvraag.objects.filter(email__iexact=email),
        "inschrijvingen": Inschrijving.objects.filter(email__iexact=email),
        "evaluaties": Evaluatie.objects.filter(inschrijving__email__iexact=email),
        # To them, and about them (the staff notification of a request names the address).
        "mails": Mail.objects.filter(Q(ontvanger__iexact=email) | Q(tekst__icontains=email)),
    }


def persoon_tellen(*, email: str) -> dict[str, int]:
    return {soort: selectie.count() for soort, selectie in _van_persoon(email).items()}


def persoon_exporteren(*, email: str) -> dict[str, list[dict]]:
    """Every row with this address, without the secret tokens of the personal links."""
    rijen = _van_persoon(email)
    wijzigingen = AanvraagStatuswijziging.objects.filter(aanvraag__in=rijen["aanvragen"])
    geschiedenis = defaultdict(list)
    for wijziging in wijzigingen.values("aanvraag_id", "van", "naar", "reden", "op"):
        geschiedenis[wijziging.pop("aanvraag_id")].append(wijziging)
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
    )
    return {
        "aanvragen": [{**a, "statusgeschiedenis": geschiedenis[a["id"]]} for a in aanvragen],
        "inschrijvingen": list(inschrijvingen),
        "evaluaties": list(rijen["evaluaties"].values(*eigen_velden(Evaluatie), "inschrijving_id")),
        "mails": [
            {**mail, "tekst": PERSOONLIJKE_LINK.sub(r"\1…/", mail["tekst"])}
            for mail in rijen["mails"].values(*eigen_velden(Mail, *_GEHEIM))
        ],
    }


def persoon_wissen(*, email: str) -> dict[str, int]:
    """Erase one person's data on request (see BIJ_WISSEN) and return what was found. Their
    evaluations stay, as after the retention period: without the person they are anonymous
    feedback on a session. A second run finds nothing."""
    with transaction.atomic():
        aantallen = persoon_tellen(email=email)
        rijen = _van_persoon(email)
        aanvragen = list(rijen["aanvragen"])
        inschrijvingen = list(rijen["inschrijvingen"])
        for inschrijving in inschrijvingen:
            inschrijving_annuleren(inschrijving=inschrijving)  # frees a place if still to come
        for aanvraag in aanvragen:
            aanvraag_anonimiseren(aanvraag=aanvraag)
        for inschrijving in Inschrijving.objects.filter(pk__in=[i.pk for i in inschrijvingen]):
            inschrijving_anonimiseren(inschrijving=inschrijving)
        mails = list(rijen["mails"].values_list("pk", flat=True))
        Mail.objects.filter(pk__in=mails).delete()
        beheerlog.objecten_wissen(Aanvraag, [a.pk for a in aanvragen])
        beheerlog.objecten_wissen(Inschrijving, [i.pk for i in inschrijvingen])
        beheerlog.objecten_wissen(Mail, mails)
    return aantallen


def emailadressen() -> set[str]:
    """Every address in workshops, normalised: to find the people of a logged erasure again."""
    return {
        adres.strip().lower()
        for model, veld in ((Aanvraag, "email"), (Inschrijving, "email"), (Mail, "ontvanger"))
        for adres in model.objects.values_list(veld, flat=True).distinct()
    }
