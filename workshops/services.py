"""Writes to workshops: keyword-only service functions that views, the admin and commands call.

Each function does its checks and writes in one transaction. Mails are stored in the outbox in
that same transaction and handed to the task backend only after the commit, so a mail is never
sent for data that was rolled back, and never lost for data that was stored.
"""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz import audit, ical
from baz.mail import Bijlage, mail_in_wachtrij, sleutel_voor, soorten_benoemen

from .models import (
    Aanvraag,
    AanvraagStatuswijziging,
    Evaluatie,
    Inschrijving,
    Sessie,
    sessies_als_ics,
)

# The version of the newsletter consent text shown on the request form (proof of consent).
NIEUWSBRIEF_TEKST_VERSIE = "nieuwsbrief-2026-01"
# "Wil je de nieuwsbrief van BurgersAanZet ontvangen? Je kunt je altijd weer uitschrijven."
NIEUWSBRIEF_TEKST_VERSIE_OPVOLGPAGINA = "nieuwsbrief-opvolgpagina-2026-11"


soorten_benoemen(
    {
        "workshops.aanvraag_ontvangen": gettext_lazy("Aanvraag ontvangen (aan de aanvrager)"),
        "workshops.aanvraag_melding": gettext_lazy("Nieuwe aanvraag (melding aan BAZ)"),
        "workshops.inschrijving_bevestigd": gettext_lazy("Inschrijving bevestigd"),
        "workshops.inschrijving_wachtlijst": gettext_lazy("Op de wachtlijst"),
        "workshops.inschrijving_doorgeschoven": gettext_lazy("Doorgeschoven van de wachtlijst"),
        "workshops.sessie_geannuleerd": gettext_lazy("Sessie geannuleerd"),
        "workshops.evaluatie_vraag": gettext_lazy("Vraag om een evaluatie"),
        "workshops.overgenomen": gettext_lazy("Workshopmail (uit de vorige uitgaande post)"),
    }
)
audit.acties_benoemen(
    {
        "workshops.aanvraag_status": gettext_lazy("Status van een aanvraag gewijzigd"),
        "workshops.sessie_geannuleerd": gettext_lazy("Sessie geannuleerd"),
    }
)


class InschrijvingNietMogelijk(Exception):
    """Sign-up refused; the message says why, in Dutch, for the visitor."""


# ---------------------------------------------------------------------------------------------
# Mail (through the core outbox, baz/mail.py)
# ---------------------------------------------------------------------------------------------


def _sessie_bijlage(sessie: Sessie) -> Bijlage:
    return Bijlage(
        naam="workshop.ics", inhoud=sessies_als_ics([sessie]).decode(), type=ical.CONTENT_TYPE
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
                soort="workshops.aanvraag_ontvangen",
                sleutel=sleutel_voor(aanvraag),
                context=context,
            )
            mail_in_wachtrij(
                ontvanger=settings.STAFF_NOTIFICATION_EMAIL,
                onderwerp=_("Nieuwe workshopaanvraag: %(organisatie)s")
                % {"organisatie": aanvraag.organisatie},
                template="workshops/mail/aanvraag_melding.txt",
                soort="workshops.aanvraag_melding",
                sleutel=sleutel_voor(aanvraag),
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
        audit.vastleggen(
            door=door,
            actie="workshops.aanvraag_status",
            object=aanvraag,
            omschrijving=_("Status van “%(van)s” naar “%(naar)s”.")
            % {
                "van": Aanvraag.Status(vorige).label if vorige else "–",
                "naar": Aanvraag.Status(status).label,
            }
            + (f" {reden}" if reden else ""),
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
            if indiening_sleutel:
                # The same submit sent again at the same moment (a double click) waited for
                # the lock: it gets the registration the first one made, not "already signed up".
                bestaand = Inschrijving.objects.filter(indiening_sleutel=indiening_sleutel).first()
                if bestaand:
                    return bestaand
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
        soort = "workshops.inschrijving_bevestigd"
        bijlage = _sessie_bijlage(sessie)
    else:
        onderwerp = _("Je staat op de wachtlijst: %(titel)s") % {"titel": sessie.workshop}
        template = "workshops/mail/inschrijving_wachtlijst.txt"
        soort = "workshops.inschrijving_wachtlijst"
        bijlage = None
    mail_in_wachtrij(
        ontvanger=inschrijving.email,
        onderwerp=onderwerp,
        template=template,
        soort=soort,
        sleutel=sleutel_voor(inschrijving),
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
            soort="workshops.inschrijving_doorgeschoven",
            sleutel=sleutel_voor(inschrijving),
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


def sessie_annuleren(*, sessie: Sessie, reden: str, door=None) -> int:
    """Cancel a session and tell everyone signed up or waiting; returns how many were told."""
    with transaction.atomic():
        sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
        if sessie.geannuleerd_op:
            return 0
        sessie.geannuleerd_op = timezone.now()
        sessie.annuleringsreden = reden
        sessie.save(update_fields=["geannuleerd_op", "annuleringsreden"])
        betrokken = list(sessie.inschrijvingen.actief())
        audit.vastleggen(
            door=door,
            actie="workshops.sessie_geannuleerd",
            object=sessie,
            omschrijving=_("Geannuleerd (%(n)s ingeschreven of op de wachtlijst verwittigd): ")
            % {"n": len(betrokken)}
            + reden,
        )
        for inschrijving in betrokken:
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=_("Geannuleerd: %(titel)s") % {"titel": sessie.workshop},
                template="workshops/mail/sessie_geannuleerd.txt",
                soort="workshops.sessie_geannuleerd",
                sleutel=sleutel_voor(inschrijving),
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
                soort="workshops.evaluatie_vraag",
                sleutel=sleutel_voor(inschrijving),
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
