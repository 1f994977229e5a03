"""What netwerken holds about people, for the core's register (baz/persoonsgegevens/register.py):
members' accounts and memberships with everything they wrote, interest forms, the coaching
sessions' attendance, and the free text that can name someone (a verslag, a meeting's agenda,
coaching notes).

Erasure and retention delete and anonymise with the same functions (`deelnames_verwijderen`,
`interesses_verwijderen`, `accounts_anonimiseren`).

Erasure deletes the person's memberships with everything that hangs on them, posts included,
instead of keeping the posts under "Verwijderd lid" as a public forum would. A network is a
closed group of about fifteen people who know each other: among fourteen names, a post by
"Verwijderd lid" is still theirs to every reader, so anonymising would not erase it. Replies of
others under those posts and cases go with them, as when a network's retention period ends. The
account stays, deactivated and stripped of everything personal, so that references to it
elsewhere hold.
"""

import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from baz.persoonsgegevens import register
from baz.persoonsgegevens.register import Bewaard, Bewaartermijn, Deel, Persoon
from baz.persoonsgegevens.velden import eigen_velden

from .models import (
    Aanwezigheid,
    AnalysePunt,
    Bericht,
    Bijeenkomst,
    Casus,
    CasusReactie,
    CoachingSessie,
    Coachingtraject,
    Deelnemer,
    Evaluatie,
    Herinnering,
    Interesse,
    Jaarevaluatie,
    Netwerk,
    Reactie,
    Verslag,
    Zelfevaluatie,
)

User = get_user_model()

BEWAAR_INTERESSE = timedelta(days=730)
BEWAAR_NA_NETWERK = timedelta(days=365)
BEWAAR_ACCOUNT = timedelta(days=365)  # without membership, after the last sign-in
BEWAAR_COACHING_AANWEZIGEN = timedelta(days=365)  # after the coaching session
VERWIJDERD_LID = "Verwijderd lid"

# Every column where someone can type a person's name, address or phone number: erasure
# replaces the mention by "(gewist)", in every row (other members' posts, a verslag, the notes of
# a coaching session). Retention does the same within the network whose members it deletes.
VRIJE_TEKST = [
    (Netwerk, ("doel",)),
    (Bijeenkomst, ("thema", "plaats", "agenda")),
    (Verslag, ("tekst", "huiswerk")),
    (Deelnemer, ("organisatie", "rol")),
    (Casus, ("titel", "context", "vraag")),
    (CasusReactie, ("tekst",)),
    (Evaluatie, ("nuttig", "suggesties")),
    (Jaarevaluatie, ("geleerd", "behouden", "veranderen")),
    (Bericht, ("tekst",)),
    (Reactie, ("tekst",)),
    (Interesse, ("bestuur", "bericht")),
    (Coachingtraject, ("naam", "doel")),
    (CoachingSessie, ("deelnemers", "notities")),
    (AnalysePunt, ("antwoord",)),
    (Zelfevaluatie, ("toelichting",)),
]
# Not searched, on purpose: a network's name and region and a meeting's online link name a group
# or a place, not a person; the analysis checklist's questions are fixed text (teksten.py); a
# post's link and consent text go with the post.
# What hangs on a membership, deleted with it (CASCADE); their admin-log names go too.
_VAN_DEELNEMER = (
    Aanwezigheid,
    Herinnering,
    Casus,
    CasusReactie,
    Evaluatie,
    Jaarevaluatie,
    Bericht,
    Reactie,
)
# Within one network: the texts that stay when its members go.
_NETWERKTEKST = [
    (Netwerk, ("doel",), "pk__in"),
    (Bijeenkomst, ("thema", "plaats", "agenda"), "netwerk__in"),
    (Verslag, ("tekst", "huiswerk"), "bijeenkomst__netwerk__in"),
]


def _groepen(rijen: list, grootte: int = 50):
    for begin in range(0, len(rijen), grootte):
        yield rijen[begin : begin + grootte]


def _persoon_van_deelnemers(deelnemers: list[Deelnemer]) -> Persoon:
    return Persoon.uit(
        emails=[d.user.email for d in deelnemers],
        namen=[d.user.get_full_name() for d in deelnemers],
        telefoons=[d.telefoon for d in deelnemers],
    )


def deelnames_verwijderen(deelnemers: Iterable[Deelnemer]) -> int:
    """Delete these memberships with their attendance, cases, evaluations, posts and replies
    (and the replies of others under those posts): on erasure, and 12 months after the network
    ended. Their names go from the admin log, and from the texts of the network that stay."""
    deelnemers = list(deelnemers)
    for groep in _groepen(deelnemers):
        persoon = _persoon_van_deelnemers(groep)
        pks = [d.pk for d in groep]
        netwerken = {d.netwerk_id for d in groep}
        objecten = {Deelnemer: pks}
        for model in _VAN_DEELNEMER:
            objecten[model] = list(
                model.objects.filter(deelnemer__in=pks).values_list("pk", flat=True)
            )
        objecten[Reactie] += list(
            Reactie.objects.filter(bericht__deelnemer__in=pks).values_list("pk", flat=True)
        )
        objecten[CasusReactie] += list(
            CasusReactie.objects.filter(casus__deelnemer__in=pks).values_list("pk", flat=True)
        )
        register.sporen_wissen(objecten, persoon)
        Deelnemer.objects.filter(pk__in=pks).delete()
        for model, kolommen, pad in _NETWERKTEKST:
            register.vermeldingen_wissen(
                persoon,
                [(model, kolommen)],
                binnen=lambda model, rijen, pad=pad, ids=netwerken: rijen.filter(**{pad: ids}),
            )
    return len(deelnemers)


def interesses_verwijderen(interesses: Iterable[Interesse]) -> int:
    interesses = list(interesses)
    for groep in _groepen(interesses):
        persoon = Persoon.uit(
            emails=[i.email for i in groep],
            namen=[i.contactpersoon for i in groep],
            telefoons=[i.telefoon for i in groep],
        )
        pks = [i.pk for i in groep]
        register.sporen_wissen({Interesse: pks}, persoon)
        Interesse.objects.filter(pk__in=pks).delete()
    return len(interesses)


def accounts_anonimiseren(accounts: Iterable) -> int:
    """Deactivate these accounts and strip them of everything personal: name, address,
    username, password (which ends every session), groups and rights, guidance of networks."""
    accounts = list(accounts)
    for groep in _groepen(accounts):
        persoon = Persoon.uit(
            emails=[u.email for u in groep], namen=[u.get_full_name() for u in groep]
        )
        register.sporen_wissen({User: [u.pk for u in groep]}, persoon)
        for user in groep:
            user.username = f"verwijderd-{secrets.token_hex(12)}"
            user.first_name, user.last_name, user.email = VERWIJDERD_LID, "", ""
            user.is_active = False
            user.last_login = None
            user.set_unusable_password()
            user.save()
            user.groups.clear()
            user.user_permissions.clear()
            user.begeleide_netwerken.clear()
            user.begeleide_trajecten.clear()
    return len(accounts)


def _adres(veld: str, persoon: Persoon) -> Q:
    voorwaarde = Q(pk__in=[])
    for email in persoon.emails:
        voorwaarde |= Q(**{f"{veld}__iexact": email})
    return voorwaarde


def _staf() -> Q:
    return Q(is_staff=True) | Q(is_superuser=True)


class Netwerken(Deel):
    sleutel = "netwerken"
    titel = _("Lerende netwerken")
    volgorde = 60
    bewaartermijnen = [
        Bewaartermijn(
            _("Interesse in een lerend netwerk"),
            _("bestuur of organisatie, contactpersoon, e-mail, telefoon (optioneel)"),
            _("precontractuele maatregel op jouw verzoek (art. 6.1.b AVG)"),
            BEWAAR_INTERESSE,
            _("na ontvangst, daarna verwijderd"),
        ),
        Bewaartermijn(
            _("Deelname aan een lerend netwerk"),
            _(
                "naam, e-mail, organisatie, rol, aanwezigheid (aanwezig, afwezig of "
                "verontschuldigd), verstuurde herinneringen, voorkeur voor het overzicht per "
                "mail, casussen en reacties erop, evaluaties, berichten"
            ),
            _("overeenkomst met je bestuur (art. 6.1.b AVG)"),
            BEWAAR_NA_NETWERK,
            _("na het einde van het netwerk, daarna verwijderd"),
        ),
        Bewaartermijn(
            _("Account voor de lerende netwerken"),
            _("naam, e-mail, gebruikersnaam, wachtwoord (alleen versleuteld)"),
            _("overeenkomst met je bestuur (art. 6.1.b AVG)"),
            BEWAAR_ACCOUNT,
            _("nadat je geen deelnemer meer bent en niet meer aanmeldde, daarna gewist"),
        ),
        Bewaartermijn(
            _("Coachingtraject van je gemeente"),
            _("de namen van wie een sessie bijwoonde"),
            _("overeenkomst met je bestuur (art. 6.1.b AVG)"),
            BEWAAR_COACHING_AANWEZIGEN,
            _("na de sessie, daarna gewist"),
        ),
    ]
    bij_wissen = {
        "accounts": _("gedeactiveerd; naam, e-mailadres, gebruikersnaam en wachtwoord gewist"),
        "deelnames": _("verwijderd, met alles hieronder"),
        "aanwezigheden": _("verwijderd"),
        "herinneringen": _("verwijderd"),
        "casussen": _("verwijderd, met de reacties van anderen eronder"),
        "casusreacties": _("verwijderd"),
        "evaluaties": _("verwijderd"),
        "jaarevaluaties": _("verwijderd"),
        "berichten": _(
            "verwijderd, met de reacties van anderen eronder; een inspiratie die een medewerker "
            "ervan maakte (met toestemming, herschreven) blijft: pas ze aan of archiveer ze"
        ),
        "reacties": _("verwijderd"),
        "interesses": _("verwijderd"),
        "begeleiding": _("de persoon begeleidt deze netwerken en trajecten niet meer"),
        "vermeldingen": register.VERMELDINGEN_BIJ_WISSEN,
    }
    bewaard = [
        Bewaard(
            _("Het account zelf, als “Verwijderd lid”"),
            _(
                "Gedeactiveerd en zonder naam, e-mailadres, gebruikersnaam of wachtwoord: zo "
                "blijven verwijzingen ernaar elders kloppen (wie een verslag publiceerde)."
            ),
        ),
        Bewaard(
            _("Verslagen, agenda's en coachingnotities"),
            _(
                "Ze gaan over de hele groep of de gemeente; alleen de vermeldingen van de "
                "persoon worden “(gewist)”."
            ),
        ),
    ]
    persoonlijke_links = [r"(/account/wachtwoord/instellen/)\S+/"]

    def _rijen(self, persoon: Persoon) -> dict:
        accounts = User.objects.filter(_adres("email", persoon))
        deelnames = Deelnemer.objects.filter(user__in=accounts)
        return {
            "accounts": accounts,
            "deelnames": deelnames,
            "aanwezigheden": Aanwezigheid.objects.filter(deelnemer__in=deelnames),
            "herinneringen": Herinnering.objects.filter(deelnemer__in=deelnames),
            "casussen": Casus.objects.filter(deelnemer__in=deelnames),
            "casusreacties": CasusReactie.objects.filter(deelnemer__in=deelnames),
            "evaluaties": Evaluatie.objects.filter(deelnemer__in=deelnames),
            "jaarevaluaties": Jaarevaluatie.objects.filter(deelnemer__in=deelnames),
            "berichten": Bericht.objects.filter(deelnemer__in=deelnames),
            "reacties": Reactie.objects.filter(deelnemer__in=deelnames),
            "interesses": Interesse.objects.filter(_adres("email", persoon)),
            "begeleide netwerken": Netwerk.objects.filter(begeleiders__in=accounts),
            "begeleide trajecten": Coachingtraject.objects.filter(begeleiders__in=accounts),
        }

    def kenmerken(self, email):
        persoon = Persoon.uit(emails=[email])
        accounts = User.objects.filter(_adres("email", persoon))
        interesses = Interesse.objects.filter(_adres("email", persoon))
        namen = [
            f"{voornaam} {achternaam}"
            for voornaam, achternaam in accounts.values_list("first_name", "last_name")
        ] + list(interesses.values_list("contactpersoon", flat=True))
        telefoons = [
            *Deelnemer.objects.filter(user__in=accounts).values_list("telefoon", flat=True),
            *interesses.values_list("telefoon", flat=True),
        ]
        return Persoon.uit(namen=namen, telefoons=telefoons)

    def tellen(self, persoon):
        rijen = self._rijen(persoon)
        netwerken, trajecten = rijen.pop("begeleide netwerken"), rijen.pop("begeleide trajecten")
        aantallen = {soort: selectie.count() for soort, selectie in rijen.items()}
        return {
            **aantallen,
            "begeleiding": netwerken.count() + trajecten.count(),
            "vermeldingen": register.vermeldingen_tellen(persoon, VRIJE_TEKST),
        }

    def exporteren(self, persoon):
        """Every row of this person; of the account never the password hash. `deelnemer_id`
        links a contribution to its membership."""
        rijen = self._rijen(persoon)
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
                    *eigen_velden(Aanwezigheid),
                    "deelnemer_id",
                    bijeenkomstthema=F("bijeenkomst__thema"),
                    bijeenkomst_begint_op=F("bijeenkomst__begint_op"),
                )
            ),
            "herinneringen": list(
                rijen["herinneringen"].values(
                    *eigen_velden(Herinnering),
                    "deelnemer_id",
                    bijeenkomstthema=F("bijeenkomst__thema"),
                )
            ),
            "casussen": list(rijen["casussen"].values(*eigen_velden(Casus), "deelnemer_id")),
            "casusreacties": list(
                rijen["casusreacties"].values(
                    *eigen_velden(CasusReactie),
                    "deelnemer_id",
                    casustitel=F("casus__titel"),
                )
            ),
            "evaluaties": list(
                rijen["evaluaties"].values(
                    *eigen_velden(Evaluatie),
                    "deelnemer_id",
                    bijeenkomstthema=F("bijeenkomst__thema"),
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
                rijen["interesses"].values(
                    *eigen_velden(Interesse), gemeentenaam=F("gemeente__naam")
                )
            ),
            "begeleiding": [
                {"soort": "lerend netwerk", "naam": naam}
                for naam in rijen["begeleide netwerken"].values_list("naam", flat=True)
            ]
            + [
                {"soort": "coachingtraject", "naam": naam}
                for naam in rijen["begeleide trajecten"].values_list("naam", flat=True)
            ],
            "vermeldingen": register.vermeldingen_exporteren(persoon, VRIJE_TEKST),
        }

    def bezwaren(self, persoon):
        """A staff account is managed under Gebruikers by whoever may change staff: handling
        privacy requests must not be a way to lock staff out."""
        if User.objects.filter(_adres("email", persoon)).filter(_staf()).exists():
            return [
                _g(
                    "Dit e-mailadres hoort bij een account van een medewerker. Wie gebruikers mag "
                    "beheren, neemt eerst de medewerkersrechten af; daarna kun je hier wissen."
                )
            ]
        return []

    def wissen(self, persoon):
        bezwaren = self.bezwaren(persoon)
        if bezwaren:
            raise ValidationError(bezwaren, code="medewerker")
        with transaction.atomic():
            aantallen = self.tellen(persoon)
            rijen = self._rijen(persoon)
            accounts = list(rijen["accounts"])
            deelnames_verwijderen(rijen["deelnames"].select_related("user"))
            interesses_verwijderen(rijen["interesses"])
            accounts_anonimiseren(accounts)
            register.vermeldingen_wissen(persoon, VRIJE_TEKST)
        return aantallen

    def opschonen(self, *, nu, droog=False):
        """Interest forms 24 months after they came in; a network's members with all they
        wrote 12 months after it ended; then accounts without a membership that nobody used for
        12 months (not staff); the attendance of a coaching session 12 months after it.
        Idempotent."""
        vandaag = timezone.localdate(nu)
        interesses = Interesse.objects.filter(aangemaakt_op__lt=nu - BEWAAR_INTERESSE)
        deelnemers = Deelnemer.objects.filter(
            netwerk__eindigt_op__lt=vandaag - BEWAAR_NA_NETWERK
        ).select_related("user")
        aanwezigen = CoachingSessie.objects.filter(
            datum__lt=nu - BEWAAR_COACHING_AANWEZIGEN
        ).exclude(deelnemers="")
        aantallen = {"interesses": interesses.count(), "deelnemers": deelnemers.count()}
        if droog:
            verlopen = self._verlopen_accounts(nu, zonder=deelnemers)
            return {
                **aantallen,
                "accounts": verlopen.count(),
                "coachingsessies": aanwezigen.count(),
            }
        with transaction.atomic():
            interesses_verwijderen(interesses)
            deelnames_verwijderen(deelnemers)
            accounts = accounts_anonimiseren(self._verlopen_accounts(nu))
            sessies = list(aanwezigen.only("pk", "deelnemers", "notities"))
            for sessie in sessies:
                persoon = Persoon.uit(namen=_namen_in(sessie.deelnemers))
                CoachingSessie.objects.filter(pk=sessie.pk).update(
                    deelnemers="", notities=persoon.schrappen(sessie.notities)
                )
        return {**aantallen, "accounts": accounts, "coachingsessies": len(sessies)}

    def _verlopen_accounts(self, nu, zonder=None):
        """Accounts of former members: no membership left (or only the ones `zonder` is about
        to delete), not staff, not guiding anything, unused for 12 months."""
        leden = Deelnemer.objects.all()
        if zonder is not None:
            leden = leden.exclude(pk__in=zonder.values("pk"))
        return (
            User.objects.exclude(_staf())
            .exclude(username__startswith="verwijderd-")
            .exclude(pk__in=leden.values("user"))
            .filter(begeleide_netwerken=None, begeleide_trajecten=None)
            .annotate(laatst=Greatest("date_joined", Coalesce("last_login", "date_joined")))
            .filter(laatst__lt=nu - BEWAAR_ACCOUNT)
        )

    def emailadressen(self):
        adressen = [
            *User.objects.exclude(email="").values_list("email", flat=True),
            *Interesse.objects.values_list("email", flat=True),
        ]
        return {register.normaliseren(adres) for adres in adressen}


def _namen_in(tekst: str) -> list[str]:
    """The names in a list of who attended ("An Peeters, Jan Claes" or one per line)."""
    return [naam.strip() for regel in tekst.splitlines() for naam in regel.split(",")]


register.registreren(Netwerken())
