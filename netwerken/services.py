"""Writes for netwerken: keyword-only functions named <entity>_<action>.

Views, the admin, the demo loader and the tests all go through these, so every rule (the member
limit, one evaluation per meeting, only your own case) lives in one place. Mails leave only after
the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.formats import date_format
from django.utils.http import urlsafe_base64_encode
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from baz import audit, ical
from baz.mail import (
    Bijlage,
    mail_in_wachtrij,
    onderweg_of_ontvangen,
    sleutel_voor,
    soorten_benoemen,
)
from inspiraties.models import Inspiratie
from inspiraties.services import zoekindex_bijwerken

from .models import (
    TOESTEMMING_INSPIRATIE,
    Aanwezigheid,
    AnalysePunt,
    Bericht,
    Bijeenkomst,
    Casus,
    CasusReactie,
    CoachingSessie,
    Coachingtraject,
    Deelnemer,
    Digest,
    Evaluatie,
    Herinnering,
    Interesse,
    Jaarevaluatie,
    Netwerk,
    Reactie,
    Verslag,
)
from .teksten import COACHINGTRAJECT

User = get_user_model()

soorten_benoemen(
    {
        "netwerken.interesse": gettext_lazy("Interesse in BAZ Lokaal (melding aan BAZ)"),
        "netwerken.uitnodiging": gettext_lazy("Uitnodiging voor een lerend netwerk"),
        "netwerken.verslag": gettext_lazy("Verslag van een bijeenkomst"),
        "netwerken.herinnering": gettext_lazy("Herinnering aan een bijeenkomst van een netwerk"),
        "netwerken.digest": gettext_lazy("Overzicht van wat nieuw is in een netwerk"),
        "netwerken.casus_reactie": gettext_lazy("Reactie op je casus"),
        "netwerken.bijeenkomst_gewijzigd": gettext_lazy(
            "Een bijeenkomst van een netwerk is gewijzigd (uur, plaats of online link)"
        ),
    }
)
audit.acties_benoemen(
    {
        "netwerken.deelnemer_uitgenodigd": gettext_lazy("Deelnemer uitgenodigd"),
        "netwerken.uitnodiging_opnieuw": gettext_lazy("Uitnodiging opnieuw verstuurd"),
        "netwerken.deelnemer_verwijderd": gettext_lazy("Deelnemer verwijderd"),
        "netwerken.verslag_gepubliceerd": gettext_lazy("Verslag gepubliceerd en gemaild"),
        "netwerken.verslag_opnieuw": gettext_lazy("Verslag opnieuw gemaild"),
        "netwerken.aanwezigheid_gezet": gettext_lazy("Aanwezigheid geregistreerd"),
        "netwerken.bijeenkomst_gewijzigd": gettext_lazy("Bijeenkomst gewijzigd en gemaild"),
    }
)


# ---------------------------------------------------------------------------
# Interest (public form)
# ---------------------------------------------------------------------------


def interesse_melden(*, interesse: Interesse) -> Interesse:
    """Store a public expression of interest and tell staff (through the outbox)."""
    interesse.full_clean()
    with transaction.atomic():
        interesse.save()
        mail_in_wachtrij(
            ontvanger=settings.STAFF_NOTIFICATION_EMAIL,
            onderwerp=_("Nieuwe interesse in BAZ Lokaal: %(bestuur)s")
            % {"bestuur": interesse.bestuur},
            template="netwerken/mails/interesse.txt",
            context={"interesse": interesse},
            soort="netwerken.interesse",
            sleutel=sleutel_voor(interesse),
        )
    return interesse


# ---------------------------------------------------------------------------
# Members
# ---------------------------------------------------------------------------


def _limiet_controleren(netwerk: Netwerk, erbij: int = 1) -> None:
    huidig = Deelnemer.objects.filter(netwerk=netwerk).count()
    if huidig + erbij > netwerk.max_deelnemers:
        raise ValidationError(
            _(
                "Dit netwerk is vol: het telt al %(huidig)s van maximaal %(max)s deelnemers. "
                "Verwijder eerst een deelnemer of verhoog het maximum."
            )
            % {"huidig": huidig, "max": netwerk.max_deelnemers},
            code="netwerk_vol",
        )


@transaction.atomic
def deelnemer_toevoegen(
    *, netwerk: Netwerk, user, organisatie: str, rol: str = "", telefoon: str = ""
) -> Deelnemer:
    """Add an account to a network; refuses beyond the network's maximum (15 unless set)."""
    # Lock the network row so two staff members cannot both add the 15th member.
    netwerk = Netwerk.objects.select_for_update().get(pk=netwerk.pk)
    if Deelnemer.objects.filter(netwerk=netwerk, user=user).exists():
        raise ValidationError(_("Deze persoon is al deelnemer van dit netwerk."), code="dubbel")
    _limiet_controleren(netwerk)
    deelnemer = Deelnemer(
        netwerk=netwerk, user=user, organisatie=organisatie, rol=rol, telefoon=telefoon
    )
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer


def wachtwoord_link(user) -> str:
    """An absolute one-time link to set a password (Django's password-reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    pad = reverse("wachtwoord-instellen", args=[uid, token])
    return settings.SITE_URL + pad


@transaction.atomic
def deelnemer_uitnodigen(
    *,
    netwerk: Netwerk,
    email: str,
    voornaam: str,
    achternaam: str,
    organisatie: str,
    rol: str = "",
    door=None,
) -> Deelnemer:
    """Invite someone by e-mail: creates the account if needed, never mails a password.

    A new account gets an unusable password and a one-time link to set one; the link stops
    working once the password is set (the token hashes the password).
    """
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).first()
    nieuw = user is None
    if nieuw:
        user = User(username=email.lower(), email=email, first_name=voornaam, last_name=achternaam)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    deelnemer = deelnemer_toevoegen(netwerk=netwerk, user=user, organisatie=organisatie, rol=rol)
    _uitnodiging_mailen(deelnemer)
    audit.vastleggen(
        door=door,
        actie="netwerken.deelnemer_uitgenodigd",
        object=deelnemer,
        omschrijving=_("Uitgenodigd voor %(netwerk)s.") % {"netwerk": netwerk.naam},
    )
    return deelnemer


def _uitnodiging_mailen(deelnemer: Deelnemer) -> None:
    user, netwerk = deelnemer.user, deelnemer.netwerk
    mail_in_wachtrij(
        ontvanger=user.email,
        onderwerp=_("Uitnodiging: %(netwerk)s") % {"netwerk": netwerk.naam},
        template="netwerken/mails/uitnodiging.txt",
        context={
            "deelnemer": deelnemer,
            "netwerk": netwerk,
            "nieuw": not user.has_usable_password(),
            "link": wachtwoord_link(user),
            "login": settings.SITE_URL + reverse("login"),
            "netwerk_url": settings.SITE_URL + netwerk.get_absolute_url(),
        },
        soort="netwerken.uitnodiging",
        sleutel=sleutel_voor(deelnemer),
    )


@transaction.atomic
def uitnodiging_opnieuw_versturen(*, deelnemer: Deelnemer, door=None) -> Deelnemer:
    """Send a member's invitation again, with a fresh link to set a password while the account
    has none (an earlier link may have been lost with its mail, or have expired)."""
    deelnemer = Deelnemer.objects.select_related("user", "netwerk").get(pk=deelnemer.pk)
    if not deelnemer.user.is_active or not deelnemer.user.email:
        raise ValidationError(
            _("Dit account is niet actief of heeft geen e-mailadres: er valt niets te versturen."),
            code="inactief",
        )
    _uitnodiging_mailen(deelnemer)
    audit.vastleggen(
        door=door,
        actie="netwerken.uitnodiging_opnieuw",
        object=deelnemer,
        omschrijving=_("Uitnodiging voor %(netwerk)s opnieuw verstuurd.")
        % {"netwerk": deelnemer.netwerk.naam},
    )
    return deelnemer


@transaction.atomic
def deelnemer_verwijderen(*, deelnemer: Deelnemer, door=None) -> None:
    """Remove a member from a network; the account stays (it may belong to other networks)."""
    audit.vastleggen(
        door=door,
        actie="netwerken.deelnemer_verwijderd",
        object=deelnemer,
        omschrijving=_("Verwijderd uit %(netwerk)s.") % {"netwerk": deelnemer.netwerk.naam},
    )
    deelnemer.delete()


def profiel_bijwerken(*, deelnemer: Deelnemer, user, **velden) -> Deelnemer:
    if deelnemer.user_id != user.pk:
        raise PermissionDenied(_("Je kunt alleen je eigen profiel aanpassen."))
    toegelaten = {"organisatie", "rol", "telefoon", "toon_email", "toon_telefoon", "digest"}
    was_uit = deelnemer.digest == Digest.UIT
    for veld, waarde in velden.items():
        if veld not in toegelaten:
            raise TypeError(veld)
        setattr(deelnemer, veld, waarde)
    if was_uit and deelnemer.digest != Digest.UIT:
        # Switched on again: the next digest starts from now, not from before the pause.
        deelnemer.digest_verstuurd_tot = timezone.now()
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer


# ---------------------------------------------------------------------------
# Meetings, attendance and the verslag
# ---------------------------------------------------------------------------


def _wanneer(begint_op: datetime, eindigt_op: datetime) -> str:
    begin, einde = timezone.localtime(begint_op), timezone.localtime(eindigt_op)
    if begin.date() == einde.date():
        return f"{date_format(begin, 'l j F Y, H:i')}–{date_format(einde, 'H:i')}"
    return f"{date_format(begin, 'l j F Y, H:i')} – {date_format(einde, 'l j F Y, H:i')}"


def _waar(plaats: str) -> str:
    return plaats or _("Online")


@dataclass
class BijeenkomstWijziging:
    """What bijeenkomst_wijzigen did: the changes as (label, old, new), whether the online
    link changed, and how many members were mailed."""

    wijzigingen: list[tuple[str, str, str]] = field(default_factory=list)
    link_gewijzigd: bool = False
    gemaild: int = 0
    voorbij: bool = False  # the meeting is over (at its old or new end): nobody is mailed

    def __bool__(self) -> bool:
        return bool(self.wijzigingen or self.link_gewijzigd)


def bijeenkomst_wijzigen(
    *,
    bijeenkomst: Bijeenkomst,
    begint_op: datetime,
    eindigt_op: datetime,
    plaats: str,
    online_link: str,
    door=None,
) -> BijeenkomstWijziging:
    """Change when or where a meeting takes place, or its online link. Every active member of
    the network is mailed what changed (old → new) with the new .ics, as long as the meeting
    is not over (neither at its old nor at its new end); the audit trail keeps it. A reminder
    already sent goes again when the new reminder moment is still ahead; when that moment has
    passed, the change mail takes its place. Saving what is already stored changes and sends
    nothing (the meeting row is locked, so two saves at once cannot both mail one change)."""
    plaats = plaats.strip()
    online_link = online_link.strip()
    if eindigt_op <= begint_op:
        raise ValidationError(_("Het einde moet na het begin liggen."), code="einde")
    with transaction.atomic():
        bijeenkomst = (
            Bijeenkomst.objects.select_for_update(of=("self",))
            .select_related("netwerk")
            .get(pk=bijeenkomst.pk)
        )
        nu = timezone.now()
        oud_begin, oud_einde = bijeenkomst.begint_op, bijeenkomst.eindigt_op
        oud_wanneer = _wanneer(oud_begin, oud_einde)
        oud_plaats, oud_link = bijeenkomst.plaats, bijeenkomst.online_link
        oud_waar = _waar(oud_plaats)
        bijeenkomst.begint_op, bijeenkomst.eindigt_op = begint_op, eindigt_op
        bijeenkomst.plaats, bijeenkomst.online_link = plaats, online_link
        bijeenkomst.full_clean()
        uitkomst = BijeenkomstWijziging(link_gewijzigd=online_link != oud_link)
        nieuw_wanneer = _wanneer(begint_op, eindigt_op)
        if nieuw_wanneer != oud_wanneer:
            uitkomst.wijzigingen.append((_("Wanneer"), oud_wanneer, nieuw_wanneer))
        if _waar(plaats) != oud_waar:
            uitkomst.wijzigingen.append((_("Waar"), oud_waar, _waar(plaats)))
        opgeslagen = (oud_begin, oud_einde, oud_plaats, oud_link)
        if (begint_op, eindigt_op, plaats, online_link) == opgeslagen:
            return uitkomst
        bijeenkomst.volgnummer += 1  # under the lock: the new .ics replaces the one sent before
        bijeenkomst.save(
            update_fields=["begint_op", "eindigt_op", "plaats", "online_link", "volgnummer"]
        )
        if not uitkomst:  # nothing a member reads changed (seconds, "Online" typed as place)
            return uitkomst
        voorbij = uitkomst.voorbij = min(oud_einde, eindigt_op) <= nu
        # The reminder: Herinnering.voor_begint_op is the start it reminded of.
        herinneringen = Herinnering.objects.filter(bijeenkomst=bijeenkomst)
        herinnering_vervangen = False
        if begint_op != oud_begin and not voorbij:
            if bijeenkomst.herinneren_op() > nu:
                herinneringen.update(voor_begint_op=None)  # reminded again at the new moment
            else:
                herinnering_vervangen = True  # too late for one: this mail is the reminder
        leden = (
            []
            if voorbij
            else bijeenkomst.netwerk.deelnemers.filter(user__is_active=True)
            .exclude(user__email="")
            .select_related("user")
        )
        bijlage = None
        for deelnemer in leden:
            bijlage = bijlage or _bijeenkomst_bijlage(bijeenkomst)
            mail_in_wachtrij(
                ontvanger=deelnemer.user.email,
                onderwerp=_("Gewijzigd: “%(thema)s” op %(datum)s")
                % {
                    "thema": bijeenkomst.thema,
                    "datum": date_format(timezone.localtime(begint_op), "l j F"),
                },
                template="netwerken/mails/bijeenkomst_gewijzigd.txt",
                context={
                    "deelnemer": deelnemer,
                    "bijeenkomst": bijeenkomst,
                    "netwerk": bijeenkomst.netwerk,
                    "wijzigingen": uitkomst.wijzigingen,
                    "link_gewijzigd": uitkomst.link_gewijzigd and bool(online_link),
                    "link_weg": uitkomst.link_gewijzigd and not online_link,
                    "url": settings.SITE_URL + bijeenkomst.get_absolute_url(),
                },
                soort="netwerken.bijeenkomst_gewijzigd",
                sleutel=sleutel_voor(deelnemer),
                bijlage=bijlage,
            )
            if herinnering_vervangen:
                Herinnering.objects.update_or_create(
                    bijeenkomst=bijeenkomst,
                    deelnemer=deelnemer,
                    defaults={"verstuurd_op": nu, "voor_begint_op": begint_op},
                )
            uitkomst.gemaild += 1
        omschrijving = "; ".join(
            f"{label}: {oud} → {nieuw}" for label, oud, nieuw in uitkomst.wijzigingen
        )
        if uitkomst.link_gewijzigd:
            omschrijving = "; ".join(filter(None, [omschrijving, _("online link gewijzigd")]))
        audit.vastleggen(
            door=door,
            actie="netwerken.bijeenkomst_gewijzigd",
            object=bijeenkomst,
            omschrijving=omschrijving
            + " "
            + ngettext("(%(n)d deelnemer gemaild)", "(%(n)d deelnemers gemaild)", uitkomst.gemaild)
            % {"n": uitkomst.gemaild},
        )
    return uitkomst


def _status_controleren(status: str) -> str:
    if status not in Aanwezigheid.Status.values:
        raise ValidationError(
            _("Kies aanwezig, afwezig of verontschuldigd."), code="ongeldige_status"
        )
    return status


def _aanwezigheid_schrijven(
    bijeenkomst: Bijeenkomst, deelnemer: Deelnemer, status: str
) -> tuple[Aanwezigheid, str | None, bool]:
    """Create or change one row (the meeting row must be locked); returns the row, the label
    of the previous status (None if there was no row) and whether anything changed."""
    if deelnemer.netwerk_id != bijeenkomst.netwerk_id:
        raise ValidationError(
            _("Alleen deelnemers van dit netwerk kunnen aanwezig zijn."), code="ander_netwerk"
        )
    rij = Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst, deelnemer=deelnemer).first()
    if rij is not None and rij.status == status:
        return rij, rij.get_status_display(), False
    vorige = rij.get_status_display() if rij is not None else None
    if rij is None:
        rij = Aanwezigheid(bijeenkomst=bijeenkomst, deelnemer=deelnemer)
    rij.status = status
    rij.gewijzigd_op = timezone.now()
    rij.save()
    return rij, vorige, True


@transaction.atomic
def aanwezigheid_zetten(
    *, bijeenkomst: Bijeenkomst, deelnemer: Deelnemer, status: str, door
) -> Aanwezigheid:
    """Record one member's attendance (present, absent or excused) at a meeting, as the
    check-in page does: creates or changes the member's single row. The meeting row is locked,
    so two marks at the same moment (two tablets at the door) cannot both insert. A change is
    written to the audit trail; marking what is already recorded changes nothing."""
    _status_controleren(status)
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    rij, vorige, gewijzigd = _aanwezigheid_schrijven(bijeenkomst, deelnemer, status)
    if gewijzigd:
        omschrijving = (
            _("%(deelnemer)s: %(vorige)s → %(status)s.")
            if vorige
            else _("%(deelnemer)s: %(status)s.")
        ) % {"deelnemer": deelnemer.naam, "vorige": vorige, "status": rij.get_status_display()}
        audit.vastleggen(
            door=door,
            actie="netwerken.aanwezigheid_gezet",
            object=bijeenkomst,
            omschrijving=omschrijving,
        )
    return rij


@transaction.atomic
def aanwezigheid_registreren(
    *,
    bijeenkomst: Bijeenkomst,
    aanwezigen: Iterable[Deelnemer],
    verontschuldigd: Iterable[Deelnemer] = (),
    door=None,
) -> None:
    """Record the whole meeting at once (the admin form): who was present and who excused
    themselves; every other member with a recorded row is marked absent. With `door` (staff
    in the admin) one audit row lists the changes."""
    aanwezigen, verontschuldigd = list(aanwezigen), list(verontschuldigd)
    if any(d.netwerk_id != bijeenkomst.netwerk_id for d in aanwezigen + verontschuldigd):
        raise ValidationError(_("Alleen deelnemers van dit netwerk kunnen aanwezig zijn."))
    if {d.pk for d in aanwezigen} & {d.pk for d in verontschuldigd}:
        raise ValidationError(
            _("Iemand kan niet tegelijk aanwezig en verontschuldigd zijn."), code="beide"
        )
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    gewenst = {d.pk: Aanwezigheid.Status.AANWEZIG for d in aanwezigen}
    gewenst |= {d.pk: Aanwezigheid.Status.VERONTSCHULDIGD for d in verontschuldigd}
    for deelnemer_id in Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst).values_list(
        "deelnemer_id", flat=True
    ):
        gewenst.setdefault(deelnemer_id, Aanwezigheid.Status.AFWEZIG)
    deelnemers = Deelnemer.objects.select_related("user").in_bulk(list(gewenst))
    wijzigingen = []
    for pk, status in gewenst.items():
        rij, _vorige, gewijzigd = _aanwezigheid_schrijven(bijeenkomst, deelnemers[pk], status)
        if gewijzigd:
            wijzigingen.append(f"{deelnemers[pk].naam}: {rij.get_status_display()}")
    if door is not None and wijzigingen:
        audit.vastleggen(
            door=door,
            actie="netwerken.aanwezigheid_gezet",
            object=bijeenkomst,
            omschrijving="; ".join(wijzigingen) + ".",
        )


def verslag_publiceren(*, verslag: Verslag, door=None) -> Verslag:
    """Publish a verslag and mail every member of the network (through the outbox).

    Members who were present get the verslag; members who were absent get a mail that says what
    they missed. Publishing twice sends nothing the second time: to send it again, use
    verslag_opnieuw_versturen.
    """
    with transaction.atomic():
        verslag = (
            Verslag.objects.select_for_update()
            .select_related("bijeenkomst__netwerk")
            .get(pk=verslag.pk)
        )
        if verslag.is_gepubliceerd:
            return verslag
        if not verslag.tekst.strip():
            raise ValidationError(_("Een leeg verslag kan niet gepubliceerd worden."))
        verslag.status = Verslag.Status.GEPUBLICEERD
        verslag.gepubliceerd_op = timezone.now()
        verslag.save(update_fields=["status", "gepubliceerd_op", "gewijzigd_op"])
        aantal = _verslag_mailen(verslag)
        audit.vastleggen(
            door=door,
            actie="netwerken.verslag_gepubliceerd",
            object=verslag,
            omschrijving=_("Gepubliceerd en naar %(n)s deelnemers gemaild.") % {"n": aantal},
        )
    return verslag


def verslag_opnieuw_versturen(
    *, verslag: Verslag, alleen_wie_het_niet_kreeg: bool, door=None
) -> int:
    """Mail a published verslag again: to every member, or only to those no mail of it has
    reached yet (a lost mail, a member who joined later). Returns how many were mailed."""
    with transaction.atomic():
        verslag = (
            Verslag.objects.select_for_update()
            .select_related("bijeenkomst__netwerk")
            .get(pk=verslag.pk)
        )
        if not verslag.is_gepubliceerd:
            raise ValidationError(
                _("Dit verslag is nog niet gepubliceerd: publiceer het eerst."),
                code="niet_gepubliceerd",
            )
        overslaan = (
            onderweg_of_ontvangen(sleutel_voor(verslag)) if alleen_wie_het_niet_kreeg else set()
        )
        aantal = _verslag_mailen(verslag, overslaan=overslaan)
        audit.vastleggen(
            door=door,
            actie="netwerken.verslag_opnieuw",
            object=verslag,
            omschrijving=(
                _("Opnieuw gemaild aan %(n)s deelnemers die het nog niet kregen.")
                if alleen_wie_het_niet_kreeg
                else _("Opnieuw gemaild aan alle %(n)s deelnemers.")
            )
            % {"n": aantal},
        )
    return aantal


def _verslag_mailen(verslag: Verslag, overslaan: set[str] = frozenset()) -> int:
    """Mail the verslag to every active member of the network. Who was marked present gets
    "Verslag: ..."; who was absent, excused or not recorded gets the "dit heb je gemist" mail
    (its own subject and intro, the summary and the homework), so the verslag reaches all."""
    bijeenkomst = verslag.bijeenkomst
    netwerk = bijeenkomst.netwerk
    statussen = dict(
        Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst).values_list("deelnemer_id", "status")
    )
    url = settings.SITE_URL + bijeenkomst.get_absolute_url()
    aantal = 0
    for deelnemer in netwerk.deelnemers.select_related("user"):
        adres = deelnemer.user.email
        if not adres or not deelnemer.user.is_active or adres.lower() in overslaan:
            continue
        status = statussen.get(deelnemer.pk, Aanwezigheid.Status.AFWEZIG)
        was_er = status == Aanwezigheid.Status.AANWEZIG
        onderwerp = (
            _("Verslag: %(thema)s")
            if was_er
            else _("Je was er niet bij: het verslag van %(thema)s")
        ) % {"thema": bijeenkomst.thema}
        mail_in_wachtrij(
            ontvanger=adres,
            onderwerp=onderwerp,
            template="netwerken/mails/verslag_%s.txt" % ("aanwezig" if was_er else "afwezig"),
            context={
                "deelnemer": deelnemer,
                "bijeenkomst": bijeenkomst,
                "netwerk": netwerk,
                "verslag": verslag,
                "url": url,
                "verontschuldigd": status == Aanwezigheid.Status.VERONTSCHULDIGD,
            },
            soort="netwerken.verslag",
            sleutel=sleutel_voor(verslag),
        )
        aantal += 1
    return aantal


# ---------------------------------------------------------------------------
# Member content: cases, evaluations, posts
# ---------------------------------------------------------------------------


def _bijeenkomst_controleren(deelnemer: Deelnemer, bijeenkomst: Bijeenkomst | None) -> None:
    if bijeenkomst is not None and bijeenkomst.netwerk_id != deelnemer.netwerk_id:
        raise ValidationError({"bijeenkomst": _("Kies een bijeenkomst van je eigen netwerk.")})


def casus_indienen(
    *,
    deelnemer: Deelnemer,
    titel: str,
    context: str,
    vraag: str,
    bijeenkomst: Bijeenkomst | None = None,
) -> Casus:
    _bijeenkomst_controleren(deelnemer, bijeenkomst)
    casus = Casus(
        netwerk_id=deelnemer.netwerk_id,
        deelnemer=deelnemer,
        bijeenkomst=bijeenkomst,
        titel=titel,
        context=context,
        vraag=vraag,
    )
    casus.full_clean()
    casus.save()
    return casus


def casus_bijwerken(
    *,
    casus: Casus,
    deelnemer: Deelnemer | None,
    titel: str,
    context: str,
    vraag: str,
    bijeenkomst: Bijeenkomst | None = None,
) -> Casus:
    if deelnemer is None or casus.deelnemer_id != deelnemer.pk:
        raise PermissionDenied(_("Je kunt alleen je eigen casus aanpassen."))
    _bijeenkomst_controleren(deelnemer, bijeenkomst)
    casus.titel, casus.context, casus.vraag, casus.bijeenkomst = titel, context, vraag, bijeenkomst
    casus.full_clean()
    casus.save()
    return casus


NIET_AANWEZIG = gettext_lazy(
    "Je was volgens de aanwezigheidslijst niet op deze bijeenkomst, dus je kunt ze niet "
    "evalueren. Klopt dat niet? Laat het je begeleider weten."
)


def niet_aanwezig(*, bijeenkomst: Bijeenkomst, deelnemer: Deelnemer) -> bool:
    """Whether the member was marked absent or excused at the meeting (who was not marked
    at all may evaluate it: not every meeting has its attendance recorded)."""
    return Aanwezigheid.objects.filter(
        bijeenkomst=bijeenkomst,
        deelnemer=deelnemer,
        status__in=[Aanwezigheid.Status.AFWEZIG, Aanwezigheid.Status.VERONTSCHULDIGD],
    ).exists()


def evaluatie_indienen(
    *,
    bijeenkomst: Bijeenkomst,
    deelnemer: Deelnemer,
    score: int,
    nuttig: str = "",
    suggesties: str = "",
) -> Evaluatie:
    """A member evaluates a meeting that has started: once per member per meeting."""
    if bijeenkomst.netwerk_id != deelnemer.netwerk_id:
        raise PermissionDenied(_("Je kunt alleen bijeenkomsten van je eigen netwerk evalueren."))
    if bijeenkomst.begint_op > timezone.now():
        raise ValidationError(_("Je kunt een bijeenkomst pas evalueren als ze begonnen is."))
    if niet_aanwezig(bijeenkomst=bijeenkomst, deelnemer=deelnemer):
        raise ValidationError(NIET_AANWEZIG, code="afwezig")
    evaluatie = Evaluatie(
        bijeenkomst=bijeenkomst,
        deelnemer=deelnemer,
        score=score,
        nuttig=nuttig,
        suggesties=suggesties,
    )
    evaluatie.full_clean()  # checks the unique constraint with a Dutch message
    try:
        with transaction.atomic():
            evaluatie.save()
    except IntegrityError:  # two submissions at the same moment
        raise ValidationError(_("Je hebt deze bijeenkomst al geëvalueerd.")) from None
    return evaluatie


def jaarevaluatie_indienen(
    *, deelnemer: Deelnemer, jaar: int, score: int, geleerd="", behouden="", veranderen=""
) -> Jaarevaluatie:
    evaluatie = Jaarevaluatie(
        netwerk_id=deelnemer.netwerk_id,
        deelnemer=deelnemer,
        jaar=jaar,
        score=score,
        geleerd=geleerd,
        behouden=behouden,
        veranderen=veranderen,
    )
    evaluatie.full_clean()
    try:
        with transaction.atomic():
            evaluatie.save()
    except IntegrityError:
        raise ValidationError(_("Je hebt dit jaar al geëvalueerd.")) from None
    return evaluatie


def bericht_plaatsen(
    *,
    deelnemer: Deelnemer,
    soort: str,
    tekst: str,
    link: str = "",
    inspiratie_toestemming: bool = False,
) -> Bericht:
    bericht = Bericht(
        netwerk_id=deelnemer.netwerk_id, deelnemer=deelnemer, soort=soort, tekst=tekst, link=link
    )
    if inspiratie_toestemming:
        bericht.inspiratie_toestemming = True
        bericht.toestemming_op = timezone.now()
        bericht.toestemming_tekst = str(TOESTEMMING_INSPIRATIE)
    bericht.full_clean()
    bericht.save()
    return bericht


@transaction.atomic
def bericht_naar_inspiratie(*, bericht: Bericht, door) -> Inspiratie:
    """Staff turn an "inspireer elkaar" post into a draft inspiratie, only with recorded consent."""
    bericht = Bericht.objects.select_for_update().select_related("deelnemer").get(pk=bericht.pk)
    if not (bericht.inspiratie_toestemming and bericht.toestemming_op):
        raise ValidationError(_("De auteur gaf geen toestemming om dit bericht te gebruiken."))
    if bericht.inspiratie_id:
        return bericht.inspiratie
    titel = Truncator(bericht.tekst.splitlines()[0]).chars(80)
    inspiratie = Inspiratie(
        titel=titel,
        slug=f"{slugify(titel)[:140] or 'inspiratie'}-nw{bericht.pk}",
        samenvatting=Truncator(bericht.tekst).chars(300),
        verhaal=bericht.tekst,
        initiatiefnemer=bericht.deelnemer.organisatie,
        website=bericht.link,
        status=Inspiratie.Status.CONCEPT,
        aangemaakt_door=door,
    )
    inspiratie.save()
    zoekindex_bijwerken(pks=[inspiratie.pk])
    bericht.inspiratie = inspiratie
    bericht.save(update_fields=["inspiratie"])
    return inspiratie


@transaction.atomic
def casus_reactie_plaatsen(*, casus: Casus, deelnemer: Deelnemer, tekst: str) -> CasusReactie:
    """A member replies to a case of their own network; the case's author hears of it by mail
    (not when they reply to their own case)."""
    if casus.netwerk_id != deelnemer.netwerk_id:
        raise PermissionDenied(_("Je kunt alleen reageren binnen je eigen netwerk."))
    reactie = CasusReactie(casus=casus, deelnemer=deelnemer, tekst=tekst.strip())
    reactie.full_clean()
    reactie.save()
    auteur = Deelnemer.objects.select_related("user", "netwerk").get(pk=casus.deelnemer_id)
    if auteur.pk != deelnemer.pk and auteur.user.is_active and auteur.user.email:
        mail_in_wachtrij(
            ontvanger=auteur.user.email,
            onderwerp=_("%(naam)s reageerde op je casus “%(titel)s”")
            % {"naam": deelnemer.naam, "titel": casus.titel},
            template="netwerken/mails/casus_reactie.txt",
            context={
                "auteur": auteur,
                "reactie": reactie,
                "casus": casus,
                "netwerk": auteur.netwerk,
                "url": f"{settings.SITE_URL}{casus.get_absolute_url()}#reactie-{reactie.pk}",
                "profiel_url": settings.SITE_URL
                + reverse("netwerken:profiel", args=[auteur.netwerk.slug]),
            },
            soort="netwerken.casus_reactie",
            sleutel=sleutel_voor(reactie),
        )
    return reactie


def reactie_plaatsen(*, bericht: Bericht, deelnemer: Deelnemer, tekst: str) -> Reactie:
    if bericht.netwerk_id != deelnemer.netwerk_id:
        raise PermissionDenied(_("Je kunt alleen reageren binnen je eigen netwerk."))
    reactie = Reactie(bericht=bericht, deelnemer=deelnemer, tekst=tekst)
    reactie.full_clean()
    reactie.save()
    return reactie


# ---------------------------------------------------------------------------
# Periodic mails (periodiek.py): reminders before a meeting, the digest
# ---------------------------------------------------------------------------


def _bijeenkomst_bijlage(bijeenkomst: Bijeenkomst) -> Bijlage:
    return Bijlage(
        naam="bijeenkomst.ics",
        inhoud=ical.kalender(
            [bijeenkomst.als_afspraak()],
            naam=str(bijeenkomst.netwerk),
            product="Lerende netwerken",
        ).decode(),
        type=ical.CONTENT_TYPE,
    )


def herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """Remind every member of the network HERINNERING_DAGEN days before a meeting, at the same
    time of day on the Brussels clock (Bijeenkomst.herinneren_op): date, time, place or online
    link, the agenda and the .ics. Once per member and meeting: a Herinnering row (unique per
    meeting and member) is written with the mail in one transaction under a lock on the
    meeting, so a second run, or two servers at once, send nothing more. A member who joins
    after that moment but before the meeting gets it at the next run; a meeting moved after
    its reminder is reminded again at its new moment. Returns the number of mails."""
    nu = nu or timezone.now()
    dagen = getattr(settings, "HERINNERING_DAGEN", 2)
    aantal = 0
    for bijeenkomst in Bijeenkomst.objects.te_herinneren(nu, dagen).select_related("netwerk"):
        if bijeenkomst.herinneren_op(dagen) > nu:
            continue
        with transaction.atomic():
            bijeenkomst = (
                Bijeenkomst.objects.select_for_update(of=("self",))
                .select_related("netwerk")
                .get(pk=bijeenkomst.pk)
            )
            al_herinnerd = Herinnering.objects.filter(
                bijeenkomst=bijeenkomst, voor_begint_op=bijeenkomst.begint_op
            ).values("deelnemer_id")
            leden = (
                bijeenkomst.netwerk.deelnemers.filter(user__is_active=True)
                .exclude(user__email="")
                .exclude(pk__in=al_herinnerd)
                .select_related("user")
            )
            bijlage = None
            for deelnemer in leden:
                try:
                    with transaction.atomic():
                        herinnering, nieuw = Herinnering.objects.update_or_create(
                            bijeenkomst=bijeenkomst,
                            deelnemer=deelnemer,
                            defaults={"verstuurd_op": nu, "voor_begint_op": bijeenkomst.begint_op},
                        )
                except IntegrityError:  # pragma: no cover (another server was first)
                    continue
                bijlage = bijlage or _bijeenkomst_bijlage(bijeenkomst)
                mail_in_wachtrij(
                    ontvanger=deelnemer.user.email,
                    onderwerp=_("Herinnering: “%(thema)s” op %(datum)s")
                    % {
                        "thema": bijeenkomst.thema,
                        "datum": date_format(timezone.localtime(bijeenkomst.begint_op), "l j F"),
                    },
                    template="netwerken/mails/herinnering.txt",
                    context={
                        "deelnemer": deelnemer,
                        "bijeenkomst": bijeenkomst,
                        "netwerk": bijeenkomst.netwerk,
                        "url": settings.SITE_URL + bijeenkomst.get_absolute_url(),
                        "verplaatst": not nieuw,
                    },
                    soort="netwerken.herinnering",
                    sleutel=sleutel_voor(herinnering),
                    bijlage=bijlage,
                )
                aantal += 1
    return aantal


DIGEST_UUR = time(8, 0)  # on the Brussels clock
DIGEST_MAX_PER_SOORT = 20
DIGEST_PERIODE = {Digest.WEKELIJKS: timedelta(days=7), Digest.DAGELIJKS: timedelta(days=1)}


def digest_moment(frequentie: str, nu: datetime) -> datetime | None:
    """The latest scheduled digest moment at or before `nu`: 08:00 Brussels time, every day
    (dagelijks) or on Monday (wekelijks); None when the member switched it off."""
    if frequentie == Digest.UIT:
        return None
    lokaal = timezone.localtime(nu)
    dag = lokaal.date()
    if frequentie == Digest.WEKELIJKS:
        dag -= timedelta(days=dag.weekday())
    moment = datetime.combine(dag, DIGEST_UUR, tzinfo=lokaal.tzinfo)
    if moment > nu:
        moment = datetime.combine(
            dag - DIGEST_PERIODE[frequentie], DIGEST_UUR, tzinfo=lokaal.tzinfo
        )
    return moment


def digest_inhoud(deelnemer: Deelnemer, van: datetime, tot: datetime) -> dict:
    """What is new in the member's network in (van, tot], from the other members only."""
    netwerk_id = deelnemer.netwerk_id
    venster = {"aangemaakt_op__gt": van, "aangemaakt_op__lte": tot}
    inhoud = {
        "casussen": Casus.objects.filter(netwerk_id=netwerk_id, **venster)
        .exclude(deelnemer=deelnemer)
        .select_related("netwerk", "deelnemer__user")
        .order_by("aangemaakt_op"),
        "casusreacties": CasusReactie.objects.filter(casus__netwerk_id=netwerk_id, **venster)
        .exclude(deelnemer=deelnemer)
        .select_related("casus__netwerk", "deelnemer__user")
        .order_by("aangemaakt_op"),
        "berichten": Bericht.objects.filter(netwerk_id=netwerk_id, **venster)
        .exclude(deelnemer=deelnemer)
        .select_related("deelnemer__user")
        .order_by("aangemaakt_op"),
        "reacties": Reactie.objects.filter(bericht__netwerk_id=netwerk_id, **venster)
        .exclude(deelnemer=deelnemer)
        .select_related("bericht", "deelnemer__user")
        .order_by("aangemaakt_op"),
    }
    uitkomst = {}
    for naam, rijen in inhoud.items():
        rijen = list(rijen[: DIGEST_MAX_PER_SOORT + 1])
        uitkomst[naam] = rijen[:DIGEST_MAX_PER_SOORT]
        uitkomst[f"meer_{naam}"] = len(rijen) > DIGEST_MAX_PER_SOORT
    uitkomst["iets_nieuw"] = any(uitkomst[naam] for naam in inhoud)
    return uitkomst


def _digest_aan_de_beurt(frequentie: str, verstuurd_tot: datetime | None, nu: datetime):
    """The digest moment that has come for this membership and was not covered yet, or None."""
    moment = digest_moment(frequentie, nu)
    if moment is None or (verstuurd_tot is not None and verstuurd_tot >= moment):
        return None
    return moment


def digests_versturen(*, nu: datetime | None = None) -> int:
    """Mail each person whose digest moment has come what is new in their networks since their
    last digest (cases, replies, posts; never their own): one mail per person (account), with
    a section for each network that has something new. Each membership keeps its own choice
    (weekly, daily, off, on the network's profile page) and window; the memberships due at
    the same moment share one mail. Only when there is something.

    The person's membership rows are locked and each `digest_verstuurd_tot` moved to `nu` in the
    same transaction as the mail (with a compare-and-set), so a second run or a second server
    sends nothing. Returns the number of mails."""
    nu = nu or timezone.now()
    kandidaten = (
        Deelnemer.objects.exclude(digest=Digest.UIT)
        .filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("pk", "user_id", "digest", "digest_verstuurd_tot")
        .order_by("user_id", "pk")
    )
    per_persoon: dict[int, list[int]] = {}
    for pk, user_id, frequentie, verstuurd_tot in kandidaten:
        if _digest_aan_de_beurt(frequentie, verstuurd_tot, nu) is not None:
            per_persoon.setdefault(user_id, []).append(pk)
    aantal = 0
    for pks in per_persoon.values():
        with transaction.atomic():
            aantal += _digest_voor_persoon(pks, nu)
    return aantal


def _digest_voor_persoon(pks: list[int], nu: datetime) -> int:
    """One person's digest (inside the caller's transaction): the memberships `pks` locked
    (in pk order, so two runs wait for each other instead of deadlocking), each one taken
    that is still due, one mail with the sections that have something new. Returns 0 or 1."""
    secties = []
    leden = (
        Deelnemer.objects.select_for_update(of=("self",))
        .select_related("user", "netwerk")
        .filter(pk__in=pks)
        .order_by("pk")
    )
    for deelnemer in leden:
        vorige = deelnemer.digest_verstuurd_tot
        moment = _digest_aan_de_beurt(deelnemer.digest, vorige, nu)
        if moment is None:
            continue  # pragma: no cover (another run was first, or switched off meanwhile)
        genomen = Deelnemer.objects.filter(pk=deelnemer.pk, digest_verstuurd_tot=vorige).update(
            digest_verstuurd_tot=nu
        )
        if not genomen:  # pragma: no cover (another run was first)
            continue
        # The first digest looks back one period (not to the start of the membership).
        van = vorige or max(deelnemer.aangemaakt_op, moment - DIGEST_PERIODE[deelnemer.digest])
        inhoud = digest_inhoud(deelnemer, van, nu)
        if not inhoud["iets_nieuw"]:
            continue
        netwerk = deelnemer.netwerk
        secties.append(
            {
                "deelnemer": deelnemer,
                "netwerk": netwerk,
                "van": van,
                **inhoud,
                "netwerk_url": settings.SITE_URL + netwerk.get_absolute_url(),
                "inspireer_url": settings.SITE_URL
                + reverse("netwerken:inspireer-elkaar", args=[netwerk.slug]),
                "profiel_url": settings.SITE_URL
                + reverse("netwerken:profiel", args=[netwerk.slug]),
            }
        )
    if not secties:
        return 0
    secties.sort(key=lambda sectie: (sectie["netwerk"].naam.casefold(), sectie["netwerk"].pk))
    eerste = secties[0]
    if len(secties) == 1:
        onderwerp = _("Nieuw in %(netwerk)s") % {"netwerk": eerste["netwerk"].naam}
    else:
        onderwerp = _("Nieuw in je netwerken: %(netwerken)s") % {
            "netwerken": ", ".join(sectie["netwerk"].naam for sectie in secties)
        }
    mail_in_wachtrij(
        ontvanger=eerste["deelnemer"].user.email,
        onderwerp=onderwerp,
        template="netwerken/mails/digest.txt",
        context={"persoon": eerste["deelnemer"], "secties": secties},
        soort="netwerken.digest",
        # One network: keyed to that membership (baz.mail.sleutel_voor), so erasing it takes
        # the mail along. Several: keyed to the person it is for, so that erasing one of the
        # memberships does not take the other networks' news (already marked sent) with it;
        # erasing the person removes it (mails to their address go with them).
        sleutel=sleutel_voor(
            eerste["deelnemer"] if len(secties) == 1 else eerste["deelnemer"].user
        ),
    )
    return 1


# ---------------------------------------------------------------------------
# Coachingtraject
# ---------------------------------------------------------------------------


@transaction.atomic
def coachingtraject_voorbereiden(*, traject: Coachingtraject) -> Coachingtraject:
    """Give a trajectory its three sessions and the analysis checklist (idempotent)."""
    for soort in CoachingSessie.Soort:
        CoachingSessie.objects.get_or_create(traject=traject, soort=soort)
    if not traject.analysepunten.exists():
        AnalysePunt.objects.bulk_create(
            AnalysePunt(traject=traject, volgorde=i, vraag=vraag)
            for i, vraag in enumerate(COACHINGTRAJECT["analyse_checklist"], start=1)
        )
    return traject
