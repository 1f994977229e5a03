"""Writes to workshops: keyword-only service functions that views, the admin and commands call.

Each function does its checks and writes in one transaction. Mails are stored in the outbox in
that same transaction and handed to the task backend only after the commit, so a mail is never
sent for data that was rolled back, and never lost for data that was stored.
"""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from baz import audit, ical
from baz.mail import Bijlage, mail_in_wachtrij, sleutel_voor, soorten_benoemen
from baz.models import Mail

from .models import (
    Aanvraag,
    AanvraagBericht,
    AanvraagStatuswijziging,
    Evaluatie,
    Inschrijving,
    Locatie,
    Sessie,
    antwoordtermijn,
    sessies_als_ics,
)
from .queries import EVALUATIE_TERMIJN

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
        "workshops.evaluatie_vraag": gettext_lazy("Vraag om een evaluatie (aan wie aanwezig was)"),
        "workshops.evaluatie_herinnering": gettext_lazy(
            "Herinnering aan de evaluatie (een week later, één keer)"
        ),
        "workshops.herinnering": gettext_lazy("Herinnering voor een sessie (vooraf)"),
        "workshops.sessie_gemaild": gettext_lazy("Bericht aan de mensen van een sessie"),
        "workshops.overgenomen": gettext_lazy("Workshopmail (uit de vorige uitgaande post)"),
    }
)
audit.acties_benoemen(
    {
        "workshops.aanvraag_status": gettext_lazy("Status van een aanvraag gewijzigd"),
        "workshops.sessie_geannuleerd": gettext_lazy("Sessie geannuleerd"),
        "workshops.sessie_gewijzigd": gettext_lazy("Datum, uur of plaats van een sessie gewijzigd"),
        "workshops.sessie_gemaild": gettext_lazy("De mensen van een sessie gemaild"),
    }
)


class InschrijvingNietMogelijk(Exception):
    """Sign-up refused; the message says why, in Dutch, for the visitor."""


# ---------------------------------------------------------------------------------------------
# Mail (through the core outbox, baz/mail.py)
# ---------------------------------------------------------------------------------------------


def _sessie_bijlage(sessie: Sessie, inschrijving: Inschrijving | None = None) -> Bijlage:
    """The session as an .ics for one registrant: with the online link only for a confirmed
    place (the waiting list does not get it)."""
    met_link = inschrijving is not None and inschrijving.status == Inschrijving.Status.BEVESTIGD
    return Bijlage(
        naam="workshop.ics",
        inhoud=sessies_als_ics([sessie], met_online_link=met_link).decode(),
        type=ical.CONTENT_TYPE,
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
            context = {
                "aanvraag": aanvraag,
                "workshop": workshop,
                "antwoordtermijn": antwoordtermijn(),
            }
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


# The request pipeline. Staff move a request only along these arrows; the requester can cancel
# an open request through their personal link (see aanvraag_annuleren_door_aanvrager).
S = Aanvraag.Status
OVERGANGEN: dict[str, tuple[str, ...]] = {
    S.NIEUW: (S.IN_BEHANDELING, S.UITGESTELD, S.GEANNULEERD),
    S.IN_BEHANDELING: (S.INGEPLAND, S.UITGESTELD, S.GEANNULEERD),
    S.INGEPLAND: (S.GEGEVEN, S.UITGESTELD, S.GEANNULEERD),
    S.UITGESTELD: (S.IN_BEHANDELING, S.INGEPLAND, S.GEANNULEERD),
    S.GEGEVEN: (S.GEEVALUEERD,),
    S.GEEVALUEERD: (),
    S.GEANNULEERD: (S.IN_BEHANDELING,),  # reopened, e.g. after a cancellation by mistake
}
# What each step is called where staff choose it.
STAPPEN = {
    S.IN_BEHANDELING: gettext_lazy("In behandeling nemen"),
    S.INGEPLAND: gettext_lazy("Inplannen"),
    S.GEGEVEN: gettext_lazy("Als gegeven markeren"),
    S.GEEVALUEERD: gettext_lazy("Als geëvalueerd markeren"),
    S.UITGESTELD: gettext_lazy("Uitstellen"),
    S.GEANNULEERD: gettext_lazy("Annuleren"),
}
# The mail the requester gets at a step that concerns them (none for gegeven/geëvalueerd).
_STAPMAILS = {
    S.IN_BEHANDELING: (
        "workshops.aanvraag_in_behandeling",
        gettext_lazy("Je aanvraag voor “%(titel)s” is in behandeling"),
    ),
    S.INGEPLAND: (
        "workshops.aanvraag_ingepland",
        gettext_lazy("Ingepland: “%(titel)s” op %(datum)s"),
    ),
    S.UITGESTELD: (
        "workshops.aanvraag_uitgesteld",
        gettext_lazy("Je aanvraag voor “%(titel)s” is uitgesteld"),
    ),
    S.GEANNULEERD: (
        "workshops.aanvraag_geannuleerd",
        gettext_lazy("Je aanvraag voor “%(titel)s” is geannuleerd"),
    ),
}
MAILT_AANVRAGER = {*_STAPMAILS, "herplannen"}
# What participants of the request's session read when it does not go on.
SESSIE_VERVALT = {
    S.UITGESTELD: gettext_lazy("De workshop is uitgesteld; de nieuwe datum volgt."),
    S.GEANNULEERD: gettext_lazy("De workshop gaat niet door."),
}
# How far ahead a request can be planned.
MAX_VOORUIT = timedelta(days=2 * 365)
soorten_benoemen(
    {
        "workshops.aanvraag_in_behandeling": gettext_lazy("Aanvraag in behandeling"),
        "workshops.aanvraag_ingepland": gettext_lazy("Aanvraag ingepland (datum en plaats)"),
        "workshops.aanvraag_herpland": gettext_lazy("Aanvraag: datum of plaats gewijzigd"),
        "workshops.sessie_gewijzigd": gettext_lazy("Sessie verplaatst (aan wie ingeschreven is)"),
        "workshops.aanvraag_uitgesteld": gettext_lazy("Aanvraag uitgesteld (met de reden)"),
        "workshops.aanvraag_geannuleerd": gettext_lazy("Aanvraag geannuleerd (met de reden)"),
        "workshops.aanvraag_bericht": gettext_lazy("Bericht van een aanvrager (melding aan BAZ)"),
    }
)
audit.acties_benoemen(
    {
        "workshops.aanvraag_herpland": gettext_lazy("Datum of plaats van een aanvraag gewijzigd"),
        "workshops.aanvraag_bericht": gettext_lazy("Bericht van een aanvrager ontvangen"),
        "workshops.sessie_gemaakt": gettext_lazy("Sessie gemaakt voor een aanvraag"),
    }
)


class OvergangNietToegestaan(ValidationError):
    """A step the pipeline does not allow, or without what it needs; the message says why."""


def toegestane_stappen(aanvraag: Aanvraag) -> tuple[str, ...]:
    return OVERGANGEN.get(aanvraag.status, ())


def _datum_controleren(gepland_op: datetime, nu: datetime) -> None:
    if gepland_op <= nu:
        raise OvergangNietToegestaan(_("Kies een datum in de toekomst."), code="datum_voorbij")
    if gepland_op > nu + MAX_VOORUIT:
        raise OvergangNietToegestaan(_("Kies een datum binnen de twee jaar."), code="te_ver")


def _datum_tekst(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "l j F Y, H:i")


def _aanvrager_mailen(aanvraag: Aanvraag, soort: str, onderwerp: str, **context) -> None:
    mail_in_wachtrij(
        ontvanger=aanvraag.email,
        onderwerp=onderwerp,
        template=f"workshops/mail/{soort.removeprefix('workshops.')}.txt",
        soort=soort,
        sleutel=sleutel_voor(aanvraag),
        context={"aanvraag": aanvraag, "workshop": aanvraag.workshop, **context},
    )


def aanvraag_status_wijzigen(
    *,
    aanvraag: Aanvraag,
    status: str,
    door=None,
    reden: str = "",
    gepland_op: datetime | None = None,
    geplande_plaats: str = "",
    door_aanvrager: bool = False,
) -> Aanvraag:
    """Move a request one step along the pipeline (OVERGANGEN), keep who, when and why in the
    history and the audit trail, and mail the requester where the step concerns them.

    Uitgesteld and geannuleerd need a reason (mailed to the requester); ingepland needs a date
    and a place (mailed with the .ics). Anything else raises OvergangNietToegestaan and changes
    nothing."""
    reden = reden.strip()
    geplande_plaats = geplande_plaats.strip()
    with transaction.atomic():
        aanvraag = (
            Aanvraag.objects.select_for_update(of=("self",))
            .select_related("workshop")
            .get(pk=aanvraag.pk)
        )
        vorige = aanvraag.status
        if status not in OVERGANGEN.get(vorige, ()):
            raise OvergangNietToegestaan(
                _("Een aanvraag kan niet van “%(van)s” naar “%(naar)s”.")
                % {"van": S(vorige).label, "naar": S(status).label if status in S else status},
                code="overgang",
            )
        if status in Aanvraag.MET_REDEN and not reden:
            raise OvergangNietToegestaan(
                _("Geef een reden: de aanvrager krijgt ze in de mail."), code="reden"
            )
        nu = timezone.now()
        velden = ["status", "laatste_activiteit_op"]
        if status == S.INGEPLAND:
            if gepland_op is None or not geplande_plaats:
                raise OvergangNietToegestaan(
                    _("Vul de datum, het uur en de plaats in om de aanvraag in te plannen."),
                    code="datum_plaats",
                )
            _datum_controleren(gepland_op, nu)
            aanvraag.gepland_op = gepland_op
            aanvraag.geplande_plaats = geplande_plaats
            velden += ["gepland_op", "geplande_plaats"]
        if status == S.GEGEVEN and (aanvraag.gepland_op is None or aanvraag.gepland_op > nu):
            raise OvergangNietToegestaan(
                _("Een workshop is pas gegeven na de geplande datum."), code="nog_niet"
            )
        aanvraag.status = status
        aanvraag.laatste_activiteit_op = nu
        aanvraag.save(update_fields=velden)
        AanvraagStatuswijziging.objects.create(
            aanvraag=aanvraag,
            van=vorige,
            naar=status,
            reden=reden,
            door=door,
            door_aanvrager=door_aanvrager,
            op=nu,
        )
        audit.vastleggen(
            door=door,
            actie="workshops.aanvraag_status",
            object=aanvraag,
            omschrijving=_("Status van “%(van)s” naar “%(naar)s”.")
            % {"van": S(vorige).label if vorige else "–", "naar": S(status).label}
            + (_(" Door de aanvrager.") if door_aanvrager else "")
            + (f" {reden}" if reden else ""),
        )
        if status in _STAPMAILS:
            soort, onderwerp = _STAPMAILS[status]
            context = {"reden": reden, "door_aanvrager": door_aanvrager}
            datum = _datum_tekst(aanvraag.gepland_op) if aanvraag.gepland_op else ""
            if status == S.INGEPLAND:
                mail_in_wachtrij(
                    ontvanger=aanvraag.email,
                    onderwerp=onderwerp % {"titel": aanvraag.workshop, "datum": datum},
                    template="workshops/mail/aanvraag_ingepland.txt",
                    soort=soort,
                    sleutel=sleutel_voor(aanvraag),
                    context={"aanvraag": aanvraag, "workshop": aanvraag.workshop, **context},
                    bijlage=_aanvraag_bijlage(aanvraag),
                )
            else:
                _aanvrager_mailen(
                    aanvraag, soort, onderwerp % {"titel": aanvraag.workshop}, **context
                )
        if status in {S.UITGESTELD, S.GEANNULEERD}:
            # The request's session does not go on: its participants are told, in neutral
            # words (the reason given here may be the association's own and is theirs).
            for sessie in aanvraag.sessies.filter(geannuleerd_op__isnull=True, begint_op__gt=nu):
                sessie_annuleren(sessie=sessie, reden=str(SESSIE_VERVALT[status]), door=door)
    return aanvraag


def _aanvraag_bijlage(aanvraag: Aanvraag) -> Bijlage:
    """The planned workshop as a calendar event for the requester."""
    duur = timedelta(minutes=aanvraag.workshop.duur_minuten)
    afspraak = ical.Afspraak(
        sleutel=f"aanvraag-{aanvraag.pk}",
        titel=str(aanvraag.workshop),
        begint_op=aanvraag.gepland_op,
        eindigt_op=aanvraag.gepland_op + duur,
        pad=aanvraag.get_absolute_url(),
        plaats=aanvraag.geplande_plaats,
        beschrijving=aanvraag.workshop.samenvatting,
    )
    return Bijlage(
        naam="workshop.ics",
        inhoud=ical.kalender(
            [afspraak], naam="BurgersAanZet workshops", product="Workshops"
        ).decode(),
        type=ical.CONTENT_TYPE,
    )


def aanvraag_herplannen(
    *, aanvraag: Aanvraag, gepland_op: datetime, geplande_plaats: str, door=None
) -> Aanvraag:
    """Change the date or place of a planned request: the requester is mailed what changed,
    and the request's session moves along, its participants mailed with the new date."""
    geplande_plaats = geplande_plaats.strip()
    with transaction.atomic():
        aanvraag = (
            Aanvraag.objects.select_for_update(of=("self",))
            .select_related("workshop")
            .get(pk=aanvraag.pk)
        )
        if aanvraag.status != S.INGEPLAND:
            raise OvergangNietToegestaan(
                _("Enkel een ingeplande aanvraag krijgt een andere datum of plaats."),
                code="niet_ingepland",
            )
        if not geplande_plaats:
            raise OvergangNietToegestaan(_("Vul de plaats in."), code="plaats")
        _datum_controleren(gepland_op, timezone.now())
        if gepland_op == aanvraag.gepland_op and geplande_plaats == aanvraag.geplande_plaats:
            return aanvraag
        vorige_datum, vorige_plaats = aanvraag.gepland_op, aanvraag.geplande_plaats
        aanvraag.gepland_op = gepland_op
        aanvraag.geplande_plaats = geplande_plaats
        aanvraag.laatste_activiteit_op = timezone.now()
        aanvraag.save(update_fields=["gepland_op", "geplande_plaats", "laatste_activiteit_op"])
        for sessie in aanvraag.sessies.filter(geannuleerd_op__isnull=True):
            duur = sessie.eindigt_op - sessie.begint_op
            sessie_wijzigen(
                sessie=sessie,
                begint_op=gepland_op,
                eindigt_op=gepland_op + duur,
                # A new place typed for the request replaces the session's venue.
                locatie=sessie.locatie if geplande_plaats == sessie.plaats else None,
                plaats=geplande_plaats,
                online_link=sessie.online_link,
                door=door,
            )
        audit.vastleggen(
            door=door,
            actie="workshops.aanvraag_herpland",
            object=aanvraag,
            omschrijving=_("Van %(oud)s (%(oude_plaats)s) naar %(nieuw)s (%(plaats)s).")
            % {
                "oud": _datum_tekst(vorige_datum) if vorige_datum else "–",
                "oude_plaats": vorige_plaats or "–",
                "nieuw": _datum_tekst(gepland_op),
                "plaats": geplande_plaats,
            },
        )
        mail_in_wachtrij(
            ontvanger=aanvraag.email,
            onderwerp=_("Gewijzigd: “%(titel)s” nu op %(datum)s")
            % {"titel": aanvraag.workshop, "datum": _datum_tekst(gepland_op)},
            template="workshops/mail/aanvraag_herpland.txt",
            soort="workshops.aanvraag_herpland",
            sleutel=sleutel_voor(aanvraag),
            context={
                "aanvraag": aanvraag,
                "workshop": aanvraag.workshop,
                "vorige_datum": vorige_datum,
                "vorige_plaats": vorige_plaats,
            },
            bijlage=_aanvraag_bijlage(aanvraag),
        )
    return aanvraag


def sessie_maken_voor_aanvraag(
    *, aanvraag: Aanvraag, door=None, duur: timedelta | None = None
) -> Sessie:
    """Create the closed session of a planned request (date and place from the request), once:
    a request has at most one session that is not cancelled (also a database constraint)."""
    with transaction.atomic():
        aanvraag = (
            Aanvraag.objects.select_for_update(of=("self",))
            .select_related("workshop")
            .get(pk=aanvraag.pk)
        )
        if aanvraag.status != S.INGEPLAND or aanvraag.gepland_op is None:
            raise OvergangNietToegestaan(
                _("Plan de aanvraag eerst in (datum, uur en plaats)."), code="niet_ingepland"
            )
        if bestaande := aanvraag.sessies.filter(geannuleerd_op__isnull=True).first():
            raise OvergangNietToegestaan(
                _("Deze aanvraag heeft al een sessie: %(sessie)s.") % {"sessie": bestaande},
                code="al_een_sessie",
            )
        duur = duur or timedelta(minutes=aanvraag.workshop.duur_minuten)
        sessie = Sessie(
            workshop=aanvraag.workshop,
            aanvraag=aanvraag,
            begint_op=aanvraag.gepland_op,
            eindigt_op=aanvraag.gepland_op + duur,
            plaats=aanvraag.geplande_plaats,
            capaciteit=max(aanvraag.aantal_deelnemers, aanvraag.workshop.groepsgrootte_max),
            openbaar=False,
        )
        sessie.full_clean(validate_constraints=False)
        sessie.save()
        audit.vastleggen(
            door=door,
            actie="workshops.sessie_gemaakt",
            object=aanvraag,
            omschrijving=str(sessie),
        )
    return sessie


# What the requester can do through their personal link, while the request is open.


def _open_voor_aanvrager(aanvraag: Aanvraag) -> Aanvraag:
    aanvraag = (
        Aanvraag.objects.select_for_update(of=("self",))
        .select_related("workshop")
        .get(pk=aanvraag.pk)
    )
    if aanvraag.is_afgesloten or aanvraag.geanonimiseerd_op:
        raise OvergangNietToegestaan(
            _("Deze aanvraag is afgesloten (%(status)s). Neem contact op met BurgersAanZet.")
            % {"status": aanvraag.get_status_display().lower()},
            code="afgesloten",
        )
    return aanvraag


def _bericht_melden(aanvraag: Aanvraag, bericht: AanvraagBericht) -> None:
    aanvraag.laatste_activiteit_op = bericht.op
    aanvraag.save(update_fields=["laatste_activiteit_op"])
    audit.vastleggen(
        door=None,
        actie="workshops.aanvraag_bericht",
        object=aanvraag,
        omschrijving=bericht.get_soort_display(),
    )
    mail_in_wachtrij(
        ontvanger=settings.STAFF_NOTIFICATION_EMAIL,
        onderwerp=_("%(soort)s: %(organisatie)s")
        % {"soort": bericht.get_soort_display(), "organisatie": aanvraag.organisatie},
        template="workshops/mail/aanvraag_bericht.txt",
        soort="workshops.aanvraag_bericht",
        sleutel=sleutel_voor(aanvraag),
        context={"aanvraag": aanvraag, "workshop": aanvraag.workshop, "bericht": bericht},
    )


def aanvraag_aanvullen(*, aanvraag: Aanvraag, tekst: str) -> AanvraagBericht:
    """The requester adds information to their open request; staff are mailed."""
    if not tekst.strip():
        raise OvergangNietToegestaan(_("Schrijf wat je wilt toevoegen."), code="leeg")
    with transaction.atomic():
        aanvraag = _open_voor_aanvrager(aanvraag)
        bericht = AanvraagBericht.objects.create(
            aanvraag=aanvraag, soort=AanvraagBericht.Soort.AANVULLING, tekst=tekst.strip()
        )
        _bericht_melden(aanvraag, bericht)
    return bericht


def andere_data_voorstellen(
    *, aanvraag: Aanvraag, voorkeuren: list, toelichting: str = ""
) -> AanvraagBericht:
    """The requester proposes other dates: they become the request's preferences (the earlier
    ones stay in the message history); staff are mailed. A planned request stays planned
    until staff plan it again."""
    voorkeuren = sorted(d for d in voorkeuren if d)[:3]
    if not voorkeuren:
        raise OvergangNietToegestaan(_("Kies minstens één datum."), code="geen_datum")
    with transaction.atomic():
        aanvraag = _open_voor_aanvrager(aanvraag)
        velden = dict(zip(("voorkeur_1", "voorkeur_2", "voorkeur_3"), voorkeuren, strict=False))
        bericht = AanvraagBericht.objects.create(
            aanvraag=aanvraag,
            soort=AanvraagBericht.Soort.DATUMVOORSTEL,
            tekst=toelichting.strip(),
            **velden,
        )
        aanvraag.voorkeur_1, aanvraag.voorkeur_2, aanvraag.voorkeur_3 = (
            velden.get("voorkeur_1"),
            velden.get("voorkeur_2"),
            velden.get("voorkeur_3"),
        )
        aanvraag.save(update_fields=["voorkeur_1", "voorkeur_2", "voorkeur_3"])
        _bericht_melden(aanvraag, bericht)
    return bericht


def aanvraag_annuleren_door_aanvrager(*, aanvraag: Aanvraag, reden: str = "") -> Aanvraag:
    """The requester cancels their open request: staff are mailed, the requester gets a
    confirmation, and a planned session of the request is cancelled with it."""
    with transaction.atomic():
        aanvraag = _open_voor_aanvrager(aanvraag)
        bericht = AanvraagBericht.objects.create(
            aanvraag=aanvraag, soort=AanvraagBericht.Soort.ANNULERING, tekst=reden.strip()
        )
        # The requester's own words stay in their message only (erased with the request);
        # the history, the audit trail and the mails say it in neutral words.
        aanvraag = aanvraag_status_wijzigen(
            aanvraag=aanvraag,
            status=S.GEANNULEERD,
            reden=_("Geannuleerd door de aanvrager."),
            door_aanvrager=True,
        )
        _bericht_melden(aanvraag, bericht)
    return aanvraag


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
            eerder = sessie.inschrijvingen.actief().filter(email=email).first()
            if eerder and indiening_sleutel and eerder.indiening_sleutel == indiening_sleutel:
                return eerder  # the same submit again: the same registration page
            if eerder:
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
        bijlage = _sessie_bijlage(sessie, inschrijving)
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


soorten_benoemen(
    {
        "workshops.inschrijving_geannuleerd": gettext_lazy(
            "Inschrijving geannuleerd (bevestiging aan de deelnemer)"
        ),
        "workshops.wachtlijst_verlaten": gettext_lazy(
            "Van de wachtlijst gegaan (bevestiging aan de deelnemer)"
        ),
    }
)


def inschrijving_annuleren(
    *, inschrijving: Inschrijving, bevestigen: bool = False
) -> Inschrijving | None:
    """Cancel a registration (or leave the waiting list); a freed place goes to the first on
    the waiting list. Idempotent: a cancelled registration is left as it is, without a mail.

    With `bevestigen` (the participant cancels through their personal link) they get a
    confirmation mail in the same transaction, with the link to sign up again while the
    session is open. Staff and the erasure of personal data cancel without it.
    Returns the registration that moved up, if any (it is told by e-mail).
    """
    with transaction.atomic():
        sessie = (
            Sessie.objects.select_for_update(of=("self",))
            .select_related("workshop")
            .get(pk=inschrijving.sessie_id)
        )
        inschrijving = Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
        if inschrijving.status == Inschrijving.Status.GEANNULEERD:
            return None
        was_bevestigd = inschrijving.status == Inschrijving.Status.BEVESTIGD
        inschrijving.status = Inschrijving.Status.GEANNULEERD
        inschrijving.geannuleerd_op = timezone.now()
        inschrijving.save(update_fields=["status", "geannuleerd_op"])
        if bevestigen:
            _annulering_bevestigen(inschrijving, sessie, was_bevestigd=was_bevestigd)
        if was_bevestigd and not sessie.geannuleerd_op and sessie.begint_op > timezone.now():
            return _wachtlijst_doorschuiven(sessie)
    return None


def _annulering_bevestigen(
    inschrijving: Inschrijving, sessie: Sessie, *, was_bevestigd: bool
) -> None:
    if was_bevestigd:
        soort = "workshops.inschrijving_geannuleerd"
        onderwerp = _("Je inschrijving is geannuleerd: %(titel)s")
    else:
        soort = "workshops.wachtlijst_verlaten"
        onderwerp = _("Je staat niet meer op de wachtlijst: %(titel)s")
    mail_in_wachtrij(
        ontvanger=inschrijving.email,
        onderwerp=onderwerp % {"titel": sessie.workshop},
        template=f"workshops/mail/{soort.removeprefix('workshops.')}.txt",
        soort=soort,
        sleutel=sleutel_voor(inschrijving),
        context={
            "inschrijving": inschrijving,
            "sessie": sessie,
            "kan_opnieuw": not sessie.reden_gesloten(),
        },
    )


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
            bijlage=_sessie_bijlage(sessie, inschrijving),
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
                bijlage=_sessie_bijlage(sessie, inschrijving),
            )
    return len(betrokken)


# ---------------------------------------------------------------------------------------------
# Evaluations
# ---------------------------------------------------------------------------------------------


def evaluaties_vragen(*, nu: datetime | None = None) -> int:
    """Mail each participant marked present at a finished session the link to its evaluation,
    once (marked under a row lock in the same transaction as the mail: a second run, or two at
    once, mails nobody twice). Who was absent or not marked is never asked."""
    nu = nu or timezone.now()
    aantal = 0
    with transaction.atomic():
        for inschrijving in (
            Inschrijving.objects.te_evalueren(nu)
            .select_related("sessie__workshop")
            .select_for_update(of=("self",))
        ):
            if inschrijving.evaluatie_gevraagd_op is not None:  # pragma: no cover (locks)
                continue
            inschrijving.evaluatie_gevraagd_op = nu
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


def evaluatie_herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """One reminder, a week after the request, to those present who did not answer; never a
    second one (evaluatie_herinnerd_op, set under a row lock with the mail)."""
    nu = nu or timezone.now()
    aantal = 0
    with transaction.atomic():
        for inschrijving in (
            Inschrijving.objects.evaluatie_te_herinneren(nu)
            .select_related("sessie__workshop")
            .select_for_update(of=("self",))
        ):
            inschrijving.evaluatie_herinnerd_op = nu
            inschrijving.save(update_fields=["evaluatie_herinnerd_op"])
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=_("Nog even: hoe vond je “%(titel)s”?")
                % {"titel": inschrijving.sessie.workshop},
                template="workshops/mail/evaluatie_herinnering.txt",
                soort="workshops.evaluatie_herinnering",
                sleutel=sleutel_voor(inschrijving),
                context={
                    "inschrijving": inschrijving,
                    "sessie": inschrijving.sessie,
                    "open_tot": inschrijving.sessie.eindigt_op + EVALUATIE_TERMIJN,
                },
            )
            aantal += 1
    return aantal


def evaluatie_indienen(
    *,
    inschrijving: Inschrijving,
    score: int,
    wat_goed: str = "",
    wat_beter: str = "",
    nu: datetime | None = None,
) -> tuple[Evaluatie, bool]:
    """Store a participant's evaluation; once per participant: (evaluatie, nieuw). Only who
    was confirmed and marked present, after the session ended, may evaluate; read again under
    the row lock, so an attendance mark undone meanwhile is respected."""
    with transaction.atomic():
        inschrijving = (
            Inschrijving.objects.select_for_update(of=("self",))
            .select_related("sessie")
            .get(pk=inschrijving.pk)
        )
        if (
            inschrijving.status != Inschrijving.Status.BEVESTIGD
            or inschrijving.aanwezig is not True
        ):
            raise ValidationError(_("Alleen wie op de sessie aanwezig was, kan ze evalueren."))
        if inschrijving.sessie.eindigt_op > (nu or timezone.now()):
            raise ValidationError(_("De evaluatie opent na afloop van de sessie."))
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
# Before the session: reminders, changes, a message to its people
# ---------------------------------------------------------------------------------------------


def _wanneer(begint_op: datetime, eindigt_op: datetime) -> str:
    begin, einde = timezone.localtime(begint_op), timezone.localtime(eindigt_op)
    if begin.date() == einde.date():
        return f"{date_format(begin, 'l j F Y, H:i')}–{date_format(einde, 'H:i')}"
    return f"{date_format(begin, 'l j F Y, H:i')} – {date_format(einde, 'l j F Y, H:i')}"


def _waar(locatie: Locatie | None, plaats: str) -> str:
    if locatie is not None:
        return f"{locatie.naam}, {locatie.adres}"
    return plaats or _("Online")


def herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """Remind every confirmed participant HERINNERING_DAGEN days before their session, at the
    same time of day on the Brussels clock (Sessie.herinneren_op): date, time, place and route
    or the online link, what to bring, the .ics and the cancel link. Once per person: the row
    is marked under a lock in the same transaction as the mail, so a second run (or two at
    once) sends nothing more. Who was confirmed after that moment (their confirmation just
    came) gets none. A session that moved is reminded at its new moment."""
    nu = nu or timezone.now()
    dagen = settings.HERINNERING_DAGEN
    aantal = 0
    sessies = Sessie.objects.te_herinneren(nu, dagen).select_related(
        "workshop", "locatie__gemeente"
    )
    for sessie in sessies:
        if sessie.herinneren_op(dagen) > nu:
            continue
        with transaction.atomic():
            # Locked and read again: a cancellation or a move committed since the list above
            # (both lock this row) must not get the old reminder.
            sessie = (
                Sessie.objects.select_for_update(of=("self",))
                .select_related("workshop", "locatie__gemeente")
                .get(pk=sessie.pk)
            )
            if sessie.geannuleerd_op is not None or sessie.begint_op <= nu:
                continue
            moment = sessie.herinneren_op(dagen)
            if moment > nu:
                continue
            for inschrijving in sessie.inschrijvingen.te_herinneren().select_for_update():
                if inschrijving.herinnerd_op is not None:  # pragma: no cover (concurrency)
                    continue
                if (inschrijving.doorgeschoven_op or inschrijving.aangemaakt_op) > moment:
                    continue
                inschrijving.herinnerd_op = nu
                inschrijving.save(update_fields=["herinnerd_op"])
                inschrijving.sessie = sessie
                mail_in_wachtrij(
                    ontvanger=inschrijving.email,
                    onderwerp=_("Herinnering: “%(titel)s” op %(datum)s")
                    % {"titel": sessie.workshop, "datum": _datum_tekst(sessie.begint_op)},
                    template="workshops/mail/herinnering.txt",
                    soort="workshops.herinnering",
                    sleutel=sleutel_voor(inschrijving),
                    context={"inschrijving": inschrijving, "sessie": sessie},
                    bijlage=_sessie_bijlage(sessie, inschrijving),
                )
                aantal += 1
    return aantal


def sessie_wijzigen(
    *,
    sessie: Sessie,
    begint_op: datetime,
    eindigt_op: datetime,
    locatie: Locatie | None,
    plaats: str,
    online_link: str,
    door=None,
) -> list[tuple[str, str, str]]:
    """Change when or where a session takes place. Everyone confirmed or waiting is mailed
    what changed (old → new; a new online link only to the confirmed), with the new .ics; the
    audit trail keeps it. A reminder not sent yet goes at the new moment; one already sent goes
    again when the new moment is still ahead. Returns the changes (label, old, new)."""
    plaats = plaats.strip()
    online_link = online_link.strip()
    if eindigt_op <= begint_op:
        raise ValidationError(_("Het einde moet na het begin liggen."), code="einde")
    with transaction.atomic():
        sessie = (
            Sessie.objects.select_for_update(of=("self",))
            .select_related("workshop", "locatie__gemeente")
            .get(pk=sessie.pk)
        )
        if sessie.geannuleerd_op:
            raise ValidationError(_("Deze sessie is geannuleerd."), code="geannuleerd")
        oud_wanneer = _wanneer(sessie.begint_op, sessie.eindigt_op)
        oud_waar = _waar(sessie.locatie, sessie.plaats)
        oud_link = sessie.online_link
        oud_begin = sessie.begint_op
        voorbij = sessie.eindigt_op <= timezone.now()
        sessie.begint_op, sessie.eindigt_op = begint_op, eindigt_op
        sessie.locatie, sessie.plaats, sessie.online_link = locatie, plaats, online_link
        sessie.full_clean(validate_constraints=False)
        nieuw_wanneer = _wanneer(begint_op, eindigt_op)
        nieuw_waar = _waar(locatie, plaats)
        wijzigingen = []
        if nieuw_wanneer != oud_wanneer:
            wijzigingen.append((_("Wanneer"), oud_wanneer, nieuw_wanneer))
        if nieuw_waar != oud_waar:
            wijzigingen.append((_("Waar"), oud_waar, nieuw_waar))
        link_gewijzigd = online_link != oud_link
        if not wijzigingen and not link_gewijzigd:
            return []
        sessie.volgnummer += 1  # under the lock: the .ics below replaces the one sent before
        sessie.save(
            update_fields=[
                "begint_op",
                "eindigt_op",
                "locatie",
                "plaats",
                "online_link",
                "volgnummer",
            ]
        )
        if begint_op != oud_begin and sessie.herinneren_op() > timezone.now():
            sessie.inschrijvingen.filter(herinnerd_op__isnull=False).update(herinnerd_op=None)
        omschrijving = "; ".join(f"{label}: {oud} → {nieuw}" for label, oud, nieuw in wijzigingen)
        if link_gewijzigd:
            omschrijving = "; ".join(filter(None, [omschrijving, _("online link gewijzigd")]))
        betrokken = [] if voorbij else list(sessie.inschrijvingen.actief())
        gemaild = 0
        for inschrijving in betrokken:
            bevestigd = inschrijving.status == Inschrijving.Status.BEVESTIGD
            if not wijzigingen and not bevestigd:
                continue  # only the link changed: the waiting list does not have it
            inschrijving.sessie = sessie
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=_("Gewijzigd: “%(titel)s” op %(datum)s")
                % {"titel": sessie.workshop, "datum": _datum_tekst(sessie.begint_op)},
                template="workshops/mail/sessie_gewijzigd.txt",
                soort="workshops.sessie_gewijzigd",
                sleutel=sleutel_voor(inschrijving),
                context={
                    "inschrijving": inschrijving,
                    "sessie": sessie,
                    "wijzigingen": wijzigingen,
                    "link_gewijzigd": link_gewijzigd and bevestigd and bool(online_link),
                },
                bijlage=_sessie_bijlage(sessie, inschrijving),
            )
            gemaild += 1
        audit.vastleggen(
            door=door,
            actie="workshops.sessie_gewijzigd",
            object=sessie,
            omschrijving=omschrijving
            + " "
            + ngettext("(%(n)d persoon gemaild)", "(%(n)d personen gemaild)", gemaild)
            % {"n": gemaild},
        )
    return wijzigingen


class Ontvangers:
    BEVESTIGD = "bevestigd"
    WACHTLIJST = "wachtlijst"
    BEIDE = "beide"
    KEUZES = [
        (BEVESTIGD, gettext_lazy("Wie bevestigd ingeschreven is")),
        (WACHTLIJST, gettext_lazy("Wie op de wachtlijst staat")),
        (BEIDE, gettext_lazy("Allebei: ingeschreven en op de wachtlijst")),
    ]


# The same subject to the same person within this time is taken for a double click.
DUBBEL_BINNEN = timedelta(minutes=10)


def sessie_ontvangers(sessie: Sessie, ontvangers: str):
    """The registrations a message to the session reaches (for the preview and the send)."""
    rijen = sessie.inschrijvingen.actief().filter(geanonimiseerd_op__isnull=True)
    if ontvangers == Ontvangers.BEVESTIGD:
        return rijen.bevestigd()
    if ontvangers == Ontvangers.WACHTLIJST:
        return rijen.filter(status=Inschrijving.Status.WACHTLIJST)
    if ontvangers == Ontvangers.BEIDE:
        return rijen
    raise ValidationError(_("Kies wie de mail krijgt."), code="ontvangers")


def sessie_mailen(*, sessie: Sessie, ontvangers: str, onderwerp: str, tekst: str, door) -> int:
    """Staff mail the people of a session (confirmed, waiting or both): one mail each through
    the outbox, with their personal link and the cancel link, in the audit trail. Sent again
    with the same subject within DUBBEL_BINNEN (a double click), nobody gets it twice.
    Returns how many mails were queued."""
    onderwerp = " ".join(onderwerp.split())
    tekst = tekst.strip()
    if not onderwerp:
        raise ValidationError(_("Vul een onderwerp in."), code="onderwerp")
    if not tekst:
        raise ValidationError(_("Schrijf een bericht."), code="tekst")
    with transaction.atomic():
        sessie = (
            Sessie.objects.select_for_update(of=("self",))
            .select_related("workshop", "locatie__gemeente")
            .get(pk=sessie.pk)
        )
        inschrijvingen = list(sessie_ontvangers(sessie, ontvangers))
        al_gekregen = set(
            Mail.objects.filter(
                soort="workshops.sessie_gemaild",
                onderwerp=onderwerp[:250],
                sleutel__in=[sleutel_voor(i) for i in inschrijvingen],
                aangemaakt_op__gte=timezone.now() - DUBBEL_BINNEN,
            ).values_list("sleutel", flat=True)
        )
        aantal = 0
        for inschrijving in inschrijvingen:
            if sleutel_voor(inschrijving) in al_gekregen:
                continue
            inschrijving.sessie = sessie
            mail_in_wachtrij(
                ontvanger=inschrijving.email,
                onderwerp=onderwerp,
                template="workshops/mail/sessie_bericht.txt",
                soort="workshops.sessie_gemaild",
                sleutel=sleutel_voor(inschrijving),
                context={"inschrijving": inschrijving, "sessie": sessie, "bericht": tekst},
            )
            aantal += 1
        keuze = dict(Ontvangers.KEUZES).get(ontvangers, ontvangers)
        audit.vastleggen(
            door=door,
            actie="workshops.sessie_gemaild",
            object=sessie,
            omschrijving=_("“%(onderwerp)s” aan %(n)d: %(wie)s.")
            % {"onderwerp": onderwerp, "n": aantal, "wie": str(keuze).lower()},
        )
    return aantal
