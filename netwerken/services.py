"""Writes for netwerken: keyword-only functions named <entity>_<action>.

Views, the admin, the demo loader and the tests all go through these, so every rule (the member
limit, one evaluation per meeting, only your own case) lives in one place. Mails leave only after
the transaction commits.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz.demo.inhoud import COACHINGTRAJECT
from baz.persoonsgegevens import beheerlog
from baz.persoonsgegevens.velden import eigen_velden
from inspiraties.models import Inspiratie
from inspiraties.services import zoekindex_bijwerken

from .models import (
    TOESTEMMING_INSPIRATIE,
    Aanwezigheid,
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

User = get_user_model()


def _mails_versturen(berichten: list[EmailMessage]) -> None:
    if berichten:
        mailers.default.send_messages(berichten)


def _na_commit_mailen(maak_berichten) -> None:
    """Build and send the mails once the surrounding transaction has committed. A mail server
    that fails is logged (robust) and never undoes or breaks what was stored."""
    transaction.on_commit(lambda: _mails_versturen(maak_berichten()), robust=True)


def _mail(onderwerp: str, template: str, context: dict, aan: list[str]) -> EmailMessage:
    tekst = render_to_string(template, {**context, "SITE_URL": settings.SITE_URL})
    return EmailMessage(subject=onderwerp, body=tekst, to=aan)


# ---------------------------------------------------------------------------
# Interest (public form)
# ---------------------------------------------------------------------------


def interesse_melden(*, interesse: Interesse) -> Interesse:
    """Store a public expression of interest and tell staff (after commit)."""
    interesse.full_clean()
    with transaction.atomic():
        interesse.save()
        _na_commit_mailen(
            lambda: [
                _mail(
                    _("Nieuwe interesse in BAZ Lokaal: %(bestuur)s")
                    % {"bestuur": interesse.bestuur},
                    "netwerken/mails/interesse.txt",
                    {"interesse": interesse},
                    [settings.STAFF_NOTIFICATION_EMAIL],
                )
            ]
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
    pad = reverse("netwerken:wachtwoord-instellen", args=[uid, token])
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

    def berichten():
        return [
            _mail(
                _("Uitnodiging: %(netwerk)s") % {"netwerk": netwerk.naam},
                "netwerken/mails/uitnodiging.txt",
                {
                    "deelnemer": deelnemer,
                    "netwerk": netwerk,
                    "nieuw": nieuw or not user.has_usable_password(),
                    "link": wachtwoord_link(user),
                    "login": settings.SITE_URL + reverse("login"),
                    "netwerk_url": settings.SITE_URL + netwerk.get_absolute_url(),
                },
                [user.email],
            )
        ]

    _na_commit_mailen(berichten)
    return deelnemer


def deelnemer_verwijderen(*, deelnemer: Deelnemer) -> None:
    """Remove a member from a network; the account stays (it may belong to other networks)."""
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


def verslag_publiceren(*, verslag: Verslag) -> Verslag:
    """Publish a verslag and, after commit, mail every member of the network.

    Members who were present get the verslag; members who were absent get a mail that says what
    they missed. Publishing twice sends nothing the second time.
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
        bijeenkomst = verslag.bijeenkomst
        netwerk = bijeenkomst.netwerk

        def berichten():
            aanwezig = set(bijeenkomst.aanwezigen.values_list("pk", flat=True))
            url = settings.SITE_URL + bijeenkomst.get_absolute_url()
            mails = []
            for deelnemer in netwerk.deelnemers.select_related("user"):
                if not deelnemer.user.email or not deelnemer.user.is_active:
                    continue
                was_er = deelnemer.pk in aanwezig
                onderwerp = (
                    _("Verslag: %(thema)s")
                    if was_er
                    else _("Je was er niet bij: het verslag van %(thema)s")
                ) % {"thema": bijeenkomst.thema}
                mails.append(
                    _mail(
                        onderwerp,
                        "netwerken/mails/verslag_%s.txt" % ("aanwezig" if was_er else "afwezig"),
                        {
                            "deelnemer": deelnemer,
                            "bijeenkomst": bijeenkomst,
                            "netwerk": netwerk,
                            "verslag": verslag,
                            "url": url,
                        },
                        [deelnemer.user.email],
                    )
                )
            return mails

        _na_commit_mailen(berichten)
    return verslag


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


# ---------------------------------------------------------------------------
# Retention (privacy statement): interest 24 months, membership 12 months after the network
# ---------------------------------------------------------------------------

BEWAAR_INTERESSE = timedelta(days=730)
BEWAAR_NA_NETWERK = timedelta(days=365)


@transaction.atomic
def persoonsgegevens_opschonen(*, droog: bool = False) -> dict[str, int]:
    """Delete interest forms older than 24 months and, 12 months after a network ended, its
    members with their cases, evaluations, posts and replies. Accounts stay (they may belong to
    other networks or to staff). Idempotent."""
    nu = timezone.now()
    interesses = Interesse.objects.filter(aangemaakt_op__lt=nu - BEWAAR_INTERESSE)
    deelnemers = Deelnemer.objects.filter(
        netwerk__eindigt_op__lt=timezone.localdate() - BEWAAR_NA_NETWERK
    )
    aantallen = {"interesses": interesses.count(), "deelnemers": deelnemers.count()}
    if not droog:
        interesses.delete()
        deelnemers.delete()
    return aantallen


# ---------------------------------------------------------------------------
# A person's data on request (right of access and erasure), by e-mail address. The same four
# functions in every app; baz/persoonsgegevens/services.py combines them.
# ---------------------------------------------------------------------------

VERWIJDERD_LID = "Verwijderd lid"

# Erasure deletes the person's memberships with everything that hangs on them, posts included,
# instead of keeping the posts under "Verwijderd lid" as a public forum would. A network is a
# closed group of about fifteen people who know each other: among fourteen names, a post by
# "Verwijderd lid" is still theirs to every reader, so anonymising would not erase it. Replies of
# others under those posts go with them, as when a network's retention period ends. The account
# stays, deactivated and stripped of everything personal, so that references to it elsewhere hold.
BIJ_WISSEN = {
    "accounts": gettext_lazy(
        "gedeactiveerd; naam, e-mailadres, gebruikersnaam en wachtwoord gewist"
    ),
    "deelnames": gettext_lazy("verwijderd, met alles hieronder"),
    "aanwezigheden": gettext_lazy("verwijderd"),
    "casussen": gettext_lazy("verwijderd"),
    "evaluaties": gettext_lazy("verwijderd"),
    "jaarevaluaties": gettext_lazy("verwijderd"),
    "berichten": gettext_lazy(
        "verwijderd, met de reacties van anderen eronder; een inspiratie die een medewerker "
        "ervan maakte (met toestemming, herschreven) blijft: pas ze aan of archiveer ze"
    ),
    "reacties": gettext_lazy("verwijderd"),
    "interesses": gettext_lazy("verwijderd"),
    "begeleiding": gettext_lazy("de persoon begeleidt deze netwerken en trajecten niet meer"),
}


def _van_persoon(email: str) -> dict[str, QuerySet]:
    email = email.strip()
    accounts = User.objects.filter(email__iexact=email)
    deelnames = Deelnemer.objects.filter(user__in=accounts)
    return {
        "accounts": accounts,
        "deelnames": deelnames,
        "aanwezigheden": Aanwezigheid.objects.filter(deelnemer__in=deelnames),
        "casussen": Casus.objects.filter(deelnemer__in=deelnames),
        "evaluaties": Evaluatie.objects.filter(deelnemer__in=deelnames),
        "jaarevaluaties": Jaarevaluatie.objects.filter(deelnemer__in=deelnames),
        "berichten": Bericht.objects.filter(deelnemer__in=deelnames),
        "reacties": Reactie.objects.filter(deelnemer__in=deelnames),
        "interesses": Interesse.objects.filter(email__iexact=email),
        "begeleide netwerken": Netwerk.objects.filter(begeleiders__in=accounts),
        "begeleide trajecten": Coachingtraject.objects.filter(begeleiders__in=accounts),
    }


def persoon_tellen(*, email: str) -> dict[str, int]:
    rijen = _van_persoon(email)
    netwerken, trajecten = rijen.pop("begeleide netwerken"), rijen.pop("begeleide trajecten")
    aantallen = {soort: selectie.count() for soort, selectie in rijen.items()}
    return {**aantallen, "begeleiding": netwerken.count() + trajecten.count()}


def persoon_exporteren(*, email: str) -> dict[str, list[dict]]:
    """Every row of this person; of the account never the password hash. `deelnemer_id` links a
    contribution to its membership."""
    rijen = _van_persoon(email)
    return {
        "accounts": [
            {
                "gebruikersnaam": user.username,
                "voornaam": user.first_name,
                "achternaam": user.last_name,
                "email": user.email,
                "actief": user.is_active,
                "medewerker": user.is_staff,
                "aangemaakt_op": user.date_joined,
                "laatst_aangemeld_op": user.last_login,
                "groepen": [groep.name for groep in user.groups.all()],
            }
            for user in rijen["accounts"].prefetch_related("groups")
        ],
        "deelnames": list(
            rijen["deelnames"].values(*eigen_velden(Deelnemer), netwerknaam=F("netwerk__naam"))
        ),
        "aanwezigheden": list(
            rijen["aanwezigheden"].values(
                "deelnemer_id",
                bijeenkomstthema=F("bijeenkomst__thema"),
                bijeenkomst_begint_op=F("bijeenkomst__begint_op"),
            )
        ),
        "casussen": list(rijen["casussen"].values(*eigen_velden(Casus), "deelnemer_id")),
        "evaluaties": list(
            rijen["evaluaties"].values(
                *eigen_velden(Evaluatie), "deelnemer_id", bijeenkomstthema=F("bijeenkomst__thema")
            )
        ),
        "jaarevaluaties": list(
            rijen["jaarevaluaties"].values(*eigen_velden(Jaarevaluatie), "deelnemer_id")
        ),
        "berichten": list(
            rijen["berichten"].values(
                *eigen_velden(Bericht), "deelnemer_id", inspiratietitel=F("inspiratie__titel")
            )
        ),
        "reacties": list(
            rijen["reacties"].values(*eigen_velden(Reactie), "deelnemer_id", "bericht_id")
        ),
        "interesses": list(
            rijen["interesses"].values(*eigen_velden(Interesse), gemeentenaam=F("gemeente__naam"))
        ),
        "begeleiding": [
            {"soort": "lerend netwerk", "naam": naam}
            for naam in rijen["begeleide netwerken"].values_list("naam", flat=True)
        ]
        + [
            {"soort": "coachingtraject", "naam": naam}
            for naam in rijen["begeleide trajecten"].values_list("naam", flat=True)
        ],
    }


def persoon_wissen_bezwaren(*, email: str) -> list[str]:
    """Why this address cannot be erased here. A staff account is managed under Gebruikers by
    whoever may change staff: handling privacy requests must not be a way to lock staff out."""
    accounts = User.objects.filter(email__iexact=email.strip())
    if accounts.filter(Q(is_staff=True) | Q(is_superuser=True)).exists():
        return [
            _(
                "Dit e-mailadres hoort bij een account van een medewerker. Wie gebruikers mag "
                "beheren, neemt eerst de medewerkersrechten af; daarna kun je hier wissen."
            )
        ]
    return []


@transaction.atomic
def persoon_wissen(*, email: str) -> dict[str, int]:
    """Erase one person's network data (see BIJ_WISSEN) and return what was found. Refuses a
    staff account (persoon_wissen_bezwaren). A second run finds nothing."""
    bezwaren = persoon_wissen_bezwaren(email=email)
    if bezwaren:
        raise ValidationError(bezwaren, code="medewerker")
    aantallen = persoon_tellen(email=email)
    rijen = _van_persoon(email)
    accounts = list(rijen["accounts"])
    beheerlog.objecten_wissen(Deelnemer, rijen["deelnames"].values_list("pk", flat=True))
    beheerlog.objecten_wissen(Interesse, rijen["interesses"].values_list("pk", flat=True))
    beheerlog.objecten_wissen(User, [user.pk for user in accounts])
    rijen["deelnames"].delete()
    rijen["interesses"].delete()
    for user in accounts:
        _account_anonimiseren(user)
    return aantallen


def _account_anonimiseren(user) -> None:
    user.username = f"verwijderd-{secrets.token_hex(12)}"
    user.first_name, user.last_name, user.email = VERWIJDERD_LID, "", ""
    user.is_active = False
    user.last_login = None
    user.set_unusable_password()  # also ends every session of the account
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    user.begeleide_netwerken.clear()
    user.begeleide_trajecten.clear()


def emailadressen() -> set[str]:
    """Every address in netwerken, normalised: to find the people of a logged erasure again."""
    adressen = [
        *User.objects.exclude(email="").values_list("email", flat=True),
        *Interesse.objects.values_list("email", flat=True),
    ]
    return {adres.strip().lower() for adres in adressen}
