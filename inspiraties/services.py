"""Writes to inspiraties: small keyword-only functions that views, the admin and commands call.

The editorial workflow is a state machine (OVERGANGEN): the Redactie writes a concept and submits
it for review; the Eindredactie (the `inspiraties.publiceren` permission) publishes it or sends
it back with a comment, and archives what should go offline. Every transition locks the row,
checks the status it finds there and the permission of whoever asks, writes an audit row and
queues its mails in the same transaction; a refused one raises and changes nothing.

`door=None` is the system (a command, an import, a test's setup), not a person: it follows the
same transitions without a permission check. Demo content and the benchmark generator create
published inspiraties directly; that is loading data, not a transition.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baz import audit
from baz.mail import mail_in_wachtrij, sleutel_voor, soorten_benoemen
from baz.tekst import normaliseer

from .models import Inspiratie, Tip
from .versie import inspiratie_gewijzigd

RECHT_WIJZIGEN = "inspiraties.change_inspiratie"
RECHT_PUBLICEREN = "inspiraties.publiceren"
OPMERKING_MAX = 2000

soorten_benoemen(
    {
        "inspiraties.ter_review": gettext_lazy("Inspiratie ter review (aan de eindredactie)"),
        "inspiraties.gepubliceerd": gettext_lazy("Inspiratie gepubliceerd (aan de auteur)"),
        "inspiraties.teruggestuurd": gettext_lazy("Inspiratie teruggestuurd (aan de auteur)"),
        "inspiraties.tip_ontvangen": gettext_lazy("Tip ontvangen (bevestiging aan wie tipte)"),
        "inspiraties.tip_melding": gettext_lazy("Nieuwe tip (melding aan BAZ)"),
        "inspiraties.tip_gepubliceerd": gettext_lazy("Tip gepubliceerd (aan wie tipte)"),
        "inspiraties.tip_afgewezen": gettext_lazy("Tip niet opgenomen (aan wie tipte)"),
    }
)
audit.acties_benoemen(
    {
        "inspiraties.ingediend": gettext_lazy("Inspiratie ter review ingediend"),
        "inspiraties.gepubliceerd": gettext_lazy("Inspiratie gepubliceerd"),
        "inspiraties.teruggestuurd": gettext_lazy("Inspiratie teruggestuurd naar de redactie"),
        "inspiraties.gearchiveerd": gettext_lazy("Inspiratie gearchiveerd"),
        "inspiraties.heropend": gettext_lazy("Gearchiveerde inspiratie weer een concept"),
        "inspiraties.getipt": gettext_lazy("Inspiratie getipt via de website"),
        "inspiraties.opgepakt": gettext_lazy("Tip opgepakt als concept"),
        "inspiraties.afgewezen": gettext_lazy("Tip afgewezen"),
    }
)


def _zoektekst(inspiratie: Inspiratie) -> str:
    delen = [
        inspiratie.titel,
        inspiratie.samenvatting,
        inspiratie.verhaal,
        inspiratie.initiatiefnemer,
        inspiratie.gemeente.naam if inspiratie.gemeente else "",
        inspiratie.get_provincie_display() if inspiratie.provincie else "",
        *(werkmodel.naam for werkmodel in inspiratie.werkmodellen.all()),
        *(thema.name for thema in inspiratie.themas.all()),
        *(doelgroep.naam for doelgroep in inspiratie.doelgroepen.all()),
    ]
    return normaliseer(" ".join(deel for deel in delen if deel))


def zoekindex_bijwerken(*, pks: Iterable[int]) -> None:
    """Recompute the search text of these inspiraties (on PostgreSQL a trigger then updates
    the tsvector). Call it after every save that touches text, tags, werkmodellen, doelgroepen
    or place.
    """
    pks = list(pks)
    inspiraties = list(
        Inspiratie.objects.filter(pk__in=pks)
        .select_related("gemeente")
        .prefetch_related("werkmodellen", "themas", "doelgroepen")
    )
    with transaction.atomic():
        for inspiratie in inspiraties:
            inspiratie.zoektekst = _zoektekst(inspiratie)
        Inspiratie.objects.bulk_update(inspiraties, ["zoektekst"], batch_size=500)
        # bulk_update sends no signals; only a published one's text is searched by visitors.
        inspiratie_gewijzigd(*(inspiratie.status for inspiratie in inspiraties))


# ---------------------------------------------------------------------------------------------
# The editorial workflow
# ---------------------------------------------------------------------------------------------

Status = Inspiratie.Status


@dataclass(frozen=True)
class Overgang:
    """One allowed step: from which statuses, to which, with which permission."""

    naam: str
    van: frozenset[str]
    naar: str
    recht: str
    actie: str  # audit action
    knop: str  # the admin button
    verkeerde_status: str  # why it is refused from any other status
    met_opmerking: bool = False
    opmerking_label: str = gettext_lazy("Opmerking voor de redactie")
    opmerking_hulp: str = gettext_lazy(
        "Wat moet er nog veranderen? De auteur krijgt deze opmerking per mail."
    )
    opmerking_nodig: str = gettext_lazy(
        "Schrijf bij het terugsturen wat de redactie nog moet aanpassen."
    )


OVERGANGEN: dict[str, Overgang] = {
    overgang.naam: overgang
    for overgang in [
        Overgang(
            "oppakken",
            frozenset({Status.GETIPT}),
            Status.CONCEPT,
            RECHT_WIJZIGEN,
            "inspiraties.opgepakt",
            gettext_lazy("Tip oppakken (wordt een concept)"),
            gettext_lazy("Alleen een getipte inspiratie kun je oppakken."),
        ),
        Overgang(
            "afwijzen",
            frozenset({Status.GETIPT}),
            Status.AFGEWEZEN,
            RECHT_PUBLICEREN,
            "inspiraties.afgewezen",
            gettext_lazy("Tip afwijzen"),
            gettext_lazy("Alleen een getipte inspiratie kun je afwijzen."),
            met_opmerking=True,
            opmerking_label=gettext_lazy("Reden voor wie tipte"),
            opmerking_hulp=gettext_lazy(
                "Wie tipte, krijgt een vriendelijke mail met deze reden. Schrijf ze voor hen."
            ),
            opmerking_nodig=gettext_lazy("Schrijf waarom we de tip niet opnemen."),
        ),
        Overgang(
            "indienen",
            frozenset({Status.CONCEPT}),
            Status.REVIEW,
            RECHT_WIJZIGEN,
            "inspiraties.ingediend",
            gettext_lazy("Indienen ter review"),
            gettext_lazy("Alleen een concept kun je ter review indienen."),
        ),
        Overgang(
            "publiceren",
            frozenset({Status.REVIEW, Status.CONCEPT, Status.GEARCHIVEERD}),
            Status.GEPUBLICEERD,
            RECHT_PUBLICEREN,
            "inspiraties.gepubliceerd",
            gettext_lazy("Publiceren"),
            gettext_lazy("Deze inspiratie is al gepubliceerd."),
        ),
        Overgang(
            "terugsturen",
            frozenset({Status.REVIEW}),
            Status.CONCEPT,
            RECHT_PUBLICEREN,
            "inspiraties.teruggestuurd",
            gettext_lazy("Terugsturen naar de redactie"),
            gettext_lazy("Alleen een inspiratie ter review kun je terugsturen."),
            met_opmerking=True,
        ),
        Overgang(
            "archiveren",
            frozenset({Status.GEPUBLICEERD}),
            Status.GEARCHIVEERD,
            RECHT_PUBLICEREN,
            "inspiraties.gearchiveerd",
            gettext_lazy("Archiveren (offline halen)"),
            gettext_lazy("Alleen een gepubliceerde inspiratie kun je archiveren."),
        ),
        Overgang(
            "heropenen",
            frozenset({Status.GEARCHIVEERD}),
            Status.CONCEPT,
            RECHT_WIJZIGEN,
            "inspiraties.heropend",
            gettext_lazy("Weer bewerken als concept"),
            gettext_lazy("Alleen een gearchiveerde inspiratie kun je weer een concept maken."),
        ),
    ]
}

GEEN_RECHT = {
    RECHT_WIJZIGEN: gettext_lazy("Je mag geen inspiraties bewerken."),
    RECHT_PUBLICEREN: gettext_lazy(
        "Publiceren, terugsturen en archiveren doet de eindredactie; daar heb je geen rechten voor."
    ),
}


def mag(door, overgang: Overgang) -> bool:
    """Whether this person (None: the system) holds the permission of this step."""
    return door is None or door.has_perm(overgang.recht)


def mogelijke_overgangen(*, inspiratie: Inspiratie, door) -> list[Overgang]:
    """The steps this person may take from the inspiratie's current status (the admin's
    buttons)."""
    return [
        overgang
        for overgang in OVERGANGEN.values()
        if inspiratie.status in overgang.van and mag(door, overgang)
    ]


def _naam(gebruiker) -> str:
    return gebruiker.get_full_name() or gebruiker.get_username()


def _beheer_link(inspiratie: Inspiratie) -> str:
    return settings.SITE_URL + reverse("admin:inspiraties_inspiratie_change", args=[inspiratie.pk])


def beoordelaars():
    """Who is told that something waits for review: active staff with an address who hold the
    publish permission through a group (Eindredactie) or directly. A superuser is not counted
    in for that alone: a technical account should not get every editorial mail."""
    recht = Permission.objects.filter(content_type__app_label="inspiraties", codename="publiceren")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(Q(groups__permissions__in=recht) | Q(user_permissions__in=recht))
        .distinct()
        .order_by("email")
    )


def _auteur(inspiratie: Inspiratie, door):
    """Who wrote what was submitted (or, published straight from a concept, who created it),
    if they can be mailed and are not the one taking this step."""
    auteur = inspiratie.ingediend_door or inspiratie.aangemaakt_door
    if auteur is None or not auteur.is_active or not auteur.email:
        return None
    if door is not None and auteur.pk == door.pk:
        return None
    return auteur


def _mails_na_indienen(inspiratie: Inspiratie, door) -> None:
    adressen: dict[str, str] = {}
    for beoordelaar in beoordelaars():
        if door is not None and beoordelaar.pk == door.pk:
            continue
        adressen.setdefault(beoordelaar.email.lower(), beoordelaar.email)
    if not adressen:  # nobody in the Eindredactie yet: the submission must not go unnoticed
        adressen[settings.STAFF_NOTIFICATION_EMAIL.lower()] = settings.STAFF_NOTIFICATION_EMAIL
    context = {
        "inspiratie": inspiratie,
        "auteur": _naam(door) if door is not None else _("het systeem"),
        "beheer_link": _beheer_link(inspiratie),
    }
    for adres in adressen.values():
        mail_in_wachtrij(
            ontvanger=adres,
            onderwerp=_("Ter review: “%(titel)s”") % {"titel": inspiratie.titel},
            soort="inspiraties.ter_review",
            template="inspiraties/mail/ter_review.txt",
            context=context,
            sleutel=sleutel_voor(inspiratie),
        )


def _mail_aan_auteur(inspiratie: Inspiratie, door, *, soort: str, opmerking: str = "") -> None:
    auteur = _auteur(inspiratie, door)
    if auteur is None:
        return
    if soort == "inspiraties.gepubliceerd":
        onderwerp = _("Je inspiratie “%(titel)s” is gepubliceerd")
        template = "inspiraties/mail/gepubliceerd.txt"
    else:
        onderwerp = _("Je inspiratie “%(titel)s” kreeg opmerkingen van de eindredactie")
        template = "inspiraties/mail/teruggestuurd.txt"
    mail_in_wachtrij(
        ontvanger=auteur.email,
        onderwerp=onderwerp % {"titel": inspiratie.titel},
        soort=soort,
        template=template,
        context={
            "inspiratie": inspiratie,
            "auteur": _naam(auteur),
            "door": _naam(door) if door is not None else _("de eindredactie"),
            "opmerking": opmerking,
            "publieke_link": settings.SITE_URL + inspiratie.get_absolute_url(),
            "beheer_link": _beheer_link(inspiratie),
            "later_online": (
                inspiratie.gepubliceerd_op is not None
                and inspiratie.gepubliceerd_op > timezone.now()
            ),
        },
        sleutel=sleutel_voor(inspiratie),
    )


def overgang_uitvoeren(
    *, inspiratie: Inspiratie, naam: str, door, opmerking: str = ""
) -> Inspiratie:
    """Take one step of the workflow (a key of OVERGANGEN) for `door` (a user; None: the
    system). Raises PermissionDenied without the step's permission and ValidationError from a
    status the step does not start from, or without the comment it needs; then nothing changes.
    Updates and returns the given instance."""
    overgang = OVERGANGEN.get(naam)
    if overgang is None:
        raise ValidationError(_("Onbekende stap in de redactie."), code="onbekend")
    if not mag(door, overgang):
        raise PermissionDenied(GEEN_RECHT[overgang.recht])
    opmerking = (opmerking or "").strip()
    if overgang.met_opmerking and not opmerking:
        raise ValidationError(str(overgang.opmerking_nodig), code="opmerking")
    if len(opmerking) > OPMERKING_MAX:
        raise ValidationError(
            _("Je opmerking is te lang: hoogstens %(max)d tekens.") % {"max": OPMERKING_MAX},
            code="opmerking",
        )
    with transaction.atomic():
        actueel = (
            Inspiratie.objects.select_for_update(of=("self",))
            .select_related("ingediend_door", "aangemaakt_door")
            .get(pk=inspiratie.pk)
        )
        if actueel.status not in overgang.van:
            if actueel.status == Status.GETIPT:
                raise ValidationError(
                    _(
                        "Dit is een tip: pak hem eerst op (dan wordt hij een concept) of wijs hem af."
                    ),
                    code="status",
                )
            if actueel.status == Status.AFGEWEZEN:
                raise ValidationError(_("Deze tip is afgewezen."), code="status")
            raise ValidationError(str(overgang.verkeerde_status), code="status")
        vorige = actueel.status
        nu = timezone.now()
        velden = ["status", "gewijzigd_op"]
        actueel.status = overgang.naar
        if overgang.naam == "indienen":
            actueel.ingediend_door = door if getattr(door, "pk", None) else None
            actueel.ingediend_op = nu
            velden += ["ingediend_door", "ingediend_op"]
        if overgang.naar == Status.GEPUBLICEERD and actueel.gepubliceerd_op is None:
            # Published before (archived, now back): the first publication date stays.
            actueel.gepubliceerd_op = nu
            velden.append("gepubliceerd_op")
        actueel.save(update_fields=velden)
        # The save's signal sees the row as it is now, so covers a publication; leaving
        # "gepubliceerd" (archiving) only this step knows (the rule: inspiraties/versie.py).
        inspiratie_gewijzigd(vorige)
        omschrijving = _("Van “%(van)s” naar “%(naar)s”.") % {
            "van": Status(vorige).label,
            "naar": Status(overgang.naar).label,
        }
        if opmerking:
            omschrijving += " " + _("Opmerking: %(opmerking)s") % {"opmerking": opmerking}
        audit.vastleggen(door=door, actie=overgang.actie, object=actueel, omschrijving=omschrijving)
        if overgang.naam == "indienen":
            _mails_na_indienen(actueel, door)
        elif overgang.naam == "publiceren":
            _mail_aan_auteur(actueel, door, soort="inspiraties.gepubliceerd")
        elif overgang.naam == "terugsturen":
            _mail_aan_auteur(actueel, door, soort="inspiraties.teruggestuurd", opmerking=opmerking)
        if overgang.naam in ("oppakken", "afwijzen", "publiceren"):
            _tip_opvolgen(actueel, overgang.naam, opmerking=opmerking, nu=nu)
    for veld in [*velden, "ingediend_door", "ingediend_op", "gepubliceerd_op"]:
        setattr(inspiratie, veld, getattr(actueel, veld))
    return inspiratie


def inspiratie_indienen(*, inspiratie: Inspiratie, door) -> Inspiratie:
    """Concept → ter review; the Eindredactie is mailed."""
    return overgang_uitvoeren(inspiratie=inspiratie, naam="indienen", door=door)


def inspiratie_publiceren(*, inspiratie: Inspiratie, door=None) -> Inspiratie:
    """Publish (from review, a concept, or the archive); an inspiratie published before keeps
    its first publication date. The author is mailed the public link."""
    return overgang_uitvoeren(inspiratie=inspiratie, naam="publiceren", door=door)


def inspiratie_terugsturen(*, inspiratie: Inspiratie, door, opmerking: str) -> Inspiratie:
    """Ter review → concept, with a comment that is mailed to the author."""
    return overgang_uitvoeren(
        inspiratie=inspiratie, naam="terugsturen", door=door, opmerking=opmerking
    )


def inspiratie_archiveren(*, inspiratie: Inspiratie, door=None) -> Inspiratie:
    """Gepubliceerd → gearchiveerd: offline, kept."""
    return overgang_uitvoeren(inspiratie=inspiratie, naam="archiveren", door=door)


def inspiratie_status_zetten(
    *, inspiratie: Inspiratie, status: str, door=None, opmerking: str = ""
) -> Inspiratie:
    """The step that leads from the current status to `status`, if there is one."""
    if status == inspiratie.status:
        return inspiratie
    for overgang in OVERGANGEN.values():
        if overgang.naar == status and inspiratie.status in overgang.van:
            return overgang_uitvoeren(
                inspiratie=inspiratie, naam=overgang.naam, door=door, opmerking=opmerking
            )
    raise ValidationError(
        _("Van “%(van)s” naar “%(naar)s” kan niet.")
        % {"van": Status(inspiratie.status).label, "naar": Status(status).label},
        code="status",
    )


# ---------------------------------------------------------------------------------------------
# Tips from the website (/inspiraties/tip/)
# ---------------------------------------------------------------------------------------------

BEVESTIGING_TERMIJN_WERKDAGEN = 10  # what the confirmation page and mail promise


def _unieke_slug(titel: str) -> str:
    from django.utils.text import slugify

    basis = (slugify(titel)[:140] or "tip").strip("-") or "tip"
    if basis in GERESERVEERDE_SLUGS:
        basis = f"{basis}-initiatief"
    kandidaat, n = basis, 2
    bestaand = set(Inspiratie.objects.filter(slug__startswith=basis).values_list("slug", flat=True))
    while kandidaat in bestaand:
        kandidaat, n = f"{basis}-{n}", n + 1
    return kandidaat


# Paths under /inspiraties/ that are no inspiratie (inspiraties/urls.py).
GERESERVEERDE_SLUGS = frozenset({"tip", "feed"})


def _samenvatting(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= 300 else tekst[:297].rsplit(" ", 1)[0] + "…"


def tip_indienen(
    *,
    titel: str,
    wat: str,
    gemeente=None,
    werkmodellen=(),
    initiatief_website: str = "",
    initiatief_contact: str = "",
    naam: str,
    email: str,
    betrokken: bool,
    naam_tonen: str,
    foto=None,
    foto_alt: str = "",
    foto_maker: str = "",
    foto_toestemming: bool = False,
    contact_toestemming: bool = False,
    toestemming_versie: str,
    indiening_sleutel=None,
) -> tuple[Tip, bool]:
    """Store a tip as an inspiratie in status "getipt" (never public) with its provenance and
    proof of consent; queue the confirmation to the tipper and the notice to BAZ. A repeated
    `indiening_sleutel` (a double click) returns the earlier tip and sends nothing: (tip, new?).
    """
    if indiening_sleutel is not None:
        eerder = Tip.objects.filter(indiening_sleutel=indiening_sleutel).first()
        if eerder is not None:
            return eerder, False
    if foto is not None and not foto_toestemming:
        raise ValidationError(_("Een foto vraagt de toestemming van de maker en wie erop staat."))
    nu = timezone.now()
    with transaction.atomic():
        inspiratie = Inspiratie(
            titel=" ".join(titel.split())[:150],
            slug=_unieke_slug(titel),
            samenvatting=_samenvatting(wat),
            verhaal=wat.strip(),
            gemeente=gemeente,
            provincie=gemeente.provincie if gemeente else "",
            reikwijdte=(
                Inspiratie.Reikwijdte.LOKAAL if gemeente else Inspiratie.Reikwijdte.VLAANDEREN
            ),
            website=initiatief_website,
            status=Status.GETIPT,
        )
        if foto is not None:
            inspiratie.afbeelding = foto
            inspiratie.afbeelding_alt = " ".join(foto_alt.split())[:250]
            inspiratie.afbeelding_credit = " ".join(foto_maker.split())[:150]
        inspiratie.full_clean(exclude=["werkmodellen"])
        inspiratie.save()
        inspiratie.werkmodellen.set(list(werkmodellen))
        tip = Tip(
            inspiratie=inspiratie,
            naam=" ".join(naam.split())[:150],
            email=email.strip(),
            betrokken=betrokken,
            naam_tonen=naam_tonen,
            contact_initiatief=" ".join(initiatief_contact.split())[:300],
            contact_toestemming=contact_toestemming,
            foto_toestemming=foto is not None and foto_toestemming,
            toestemming_op=nu,
            toestemming_versie=toestemming_versie,
            indiening_sleutel=indiening_sleutel,
        )
        tip.full_clean(exclude=["inspiratie"])
        tip.save()
        audit.vastleggen(
            door=None,
            actie="inspiraties.getipt",
            object=inspiratie,
            omschrijving=_("Getipt via de website."),
        )
        context = {
            "tip": tip,
            "inspiratie": inspiratie,
            "werkdagen": BEVESTIGING_TERMIJN_WERKDAGEN,
            "beheer_link": _beheer_link(inspiratie),
        }
        mail_in_wachtrij(
            ontvanger=tip.email,
            onderwerp=_("Bedankt voor je tip: “%(titel)s”") % {"titel": inspiratie.titel},
            soort="inspiraties.tip_ontvangen",
            template="inspiraties/mail/tip_ontvangen.txt",
            context=context,
            sleutel=sleutel_voor(tip),
        )
        mail_in_wachtrij(
            ontvanger=settings.STAFF_NOTIFICATION_EMAIL,
            onderwerp=_("Nieuwe tip: “%(titel)s”") % {"titel": inspiratie.titel},
            soort="inspiraties.tip_melding",
            template="inspiraties/mail/tip_melding.txt",
            context=context,
            sleutel=sleutel_voor(inspiratie),
        )
    if inspiratie.afbeelding:
        from .afbeeldingen import varianten_maken

        varianten_maken(naam=inspiratie.afbeelding.name, storage=inspiratie.afbeelding.storage)
    return tip, True


def _tip_opvolgen(inspiratie: Inspiratie, stap: str, *, opmerking: str, nu) -> None:
    """Inside a transition's transaction: keep the tip's decision and mail the tipper once
    (the row is locked and marked in the same transaction, so a repeat sends nothing)."""
    tip = (
        Tip.objects.select_for_update()
        .filter(inspiratie=inspiratie, geanonimiseerd_op__isnull=True)
        .first()
    )
    if tip is None:
        return
    if stap in ("oppakken", "afwijzen"):
        tip.beslist_op = nu
        velden = ["beslist_op"]
        if stap == "afwijzen":
            tip.reden = opmerking
            velden.append("reden")
            mail_in_wachtrij(
                ontvanger=tip.email,
                onderwerp=_("Over je tip “%(titel)s”") % {"titel": inspiratie.titel},
                soort="inspiraties.tip_afgewezen",
                template="inspiraties/mail/tip_afgewezen.txt",
                context={"tip": tip, "inspiratie": inspiratie, "reden": opmerking},
                sleutel=sleutel_voor(tip),
            )
        tip.save(update_fields=velden)
    elif stap == "publiceren" and tip.publicatie_gemeld_op is None:
        mail_in_wachtrij(
            ontvanger=tip.email,
            onderwerp=_("Je tip “%(titel)s” staat op BurgersAanZet") % {"titel": inspiratie.titel},
            soort="inspiraties.tip_gepubliceerd",
            template="inspiraties/mail/tip_gepubliceerd.txt",
            context={
                "tip": tip,
                "inspiratie": inspiratie,
                "publieke_link": settings.SITE_URL + inspiratie.get_absolute_url(),
                "later_online": inspiratie.gepubliceerd_op is not None
                and inspiratie.gepubliceerd_op > nu,
            },
            sleutel=sleutel_voor(tip),
        )
        tip.publicatie_gemeld_op = nu
        tip.save(update_fields=["publicatie_gemeld_op"])
