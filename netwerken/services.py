"""Writes for netwerken: keyword-only functions named <entity>_<action>.

Views, the admin, the demo loader and the tests all go through these, so every rule (the member
limit, one evaluation per meeting, only your own case) lives in one place. Mails leave only after
the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz import audit
from baz.mail import mail_in_wachtrij, onderweg_of_ontvangen, sleutel_voor, soorten_benoemen
from inspiraties.models import Inspiratie
from inspiraties.services import zoekindex_bijwerken

from .models import (
    TOESTEMMING_INSPIRATIE,
    AnalysePunt,
    Bericht,
    Bijeenkomst,
    Casus,
    CoachingSessie,
    Coachingtraject,
    Deelnemer,
    Evaluatie,
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
    }
)
audit.acties_benoemen(
    {
        "netwerken.deelnemer_uitgenodigd": gettext_lazy("Deelnemer uitgenodigd"),
        "netwerken.uitnodiging_opnieuw": gettext_lazy("Uitnodiging opnieuw verstuurd"),
        "netwerken.deelnemer_verwijderd": gettext_lazy("Deelnemer verwijderd"),
        "netwerken.verslag_gepubliceerd": gettext_lazy("Verslag gepubliceerd en gemaild"),
        "netwerken.verslag_opnieuw": gettext_lazy("Verslag opnieuw gemaild"),
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
    toegelaten = {"organisatie", "rol", "telefoon", "toon_email", "toon_telefoon"}
    for veld, waarde in velden.items():
        if veld not in toegelaten:
            raise TypeError(veld)
        setattr(deelnemer, veld, waarde)
    deelnemer.full_clean()
    deelnemer.save()
    return deelnemer


# ---------------------------------------------------------------------------
# Meetings, attendance and the verslag
# ---------------------------------------------------------------------------


@transaction.atomic
def aanwezigheid_registreren(*, bijeenkomst: Bijeenkomst, aanwezigen: Iterable[Deelnemer]) -> None:
    """Record exactly who was present (everyone else counts as absent)."""
    aanwezigen = list(aanwezigen)
    if any(d.netwerk_id != bijeenkomst.netwerk_id for d in aanwezigen):
        raise ValidationError(_("Alleen deelnemers van dit netwerk kunnen aanwezig zijn."))
    bijeenkomst.aanwezigen.set(aanwezigen)


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
    bijeenkomst = verslag.bijeenkomst
    netwerk = bijeenkomst.netwerk
    aanwezig = set(bijeenkomst.aanwezigen.values_list("pk", flat=True))
    url = settings.SITE_URL + bijeenkomst.get_absolute_url()
    aantal = 0
    for deelnemer in netwerk.deelnemers.select_related("user"):
        adres = deelnemer.user.email
        if not adres or not deelnemer.user.is_active or adres.lower() in overslaan:
            continue
        was_er = deelnemer.pk in aanwezig
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


def reactie_plaatsen(*, bericht: Bericht, deelnemer: Deelnemer, tekst: str) -> Reactie:
    if bericht.netwerk_id != deelnemer.netwerk_id:
        raise PermissionDenied(_("Je kunt alleen reageren binnen je eigen netwerk."))
    reactie = Reactie(bericht=bericht, deelnemer=deelnemer, tekst=tekst)
    reactie.full_clean()
    reactie.save()
    return reactie


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
