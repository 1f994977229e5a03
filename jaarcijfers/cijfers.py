"""The year's figures: every number of /in-cijfers/ and /beheer/jaarverslag/ comes from here.

One function per figure, each with its counting rule in its docstring and in `REGELS` (shown
on the page under "Hoe we tellen"), so that two people get the same number. Each function runs
a fixed number of queries, whatever the amount of data. Years are calendar years in
Europe/Brussels: 1 January 00:00 Brussels time up to 1 January of the next year. "Given" and
"held" mean: before `nu` (the moment of the request), so the current year counts what already
happened.

Only counts and averages leave this module for the public page; `publiek_aantal` hides a group
of fewer than five people ("< 5"), and an average of fewer than five answers is not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from statistics import median
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db.models import Avg, Count, Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.models import Gemeente, Provincie
from inspiraties.models import Inspiratie, Werkmodel
from netwerken.models import (
    Aanwezigheid,
    Bijeenkomst,
    Casus,
    CoachingSessie,
    Overheidsrol,
    Zelfevaluatie,
)
from netwerken.models import Evaluatie as NetwerkEvaluatie
from workshops.models import Aanvraag, AanvraagStatuswijziging, Inschrijving, Sessie, Workshop
from workshops.models import Evaluatie as WorkshopEvaluatie

BRUSSEL = ZoneInfo("Europe/Brussels")
DREMPEL = 5  # a group smaller than this is shown as "< 5" in public
KLEINE_GROEP = "< 5"
MAX_TITELS_PER_MAAND = 40  # the month list shows at most this many titles, then "en N meer"
EERSTE_JAAR = 2000

REGELS = {
    "jaar": _(
        "Een jaar loopt van 1 januari 0.00 uur tot 31 december 24.00 uur, Belgische tijd. "
        "Voor het lopende jaar tellen we wat al gebeurd is."
    ),
    "klein": _(
        "Gaat een aantal over minder dan vijf mensen of inzendingen, dan tonen we “< 5”, zodat "
        "niemand herkenbaar wordt. Een gemiddelde van minder dan vijf antwoorden tonen we niet."
    ),
    "inspiraties": _(
        "Een inspiratie hoort bij het jaar waarin ze gepubliceerd werd (de publicatiedatum), "
        "als ze vandaag nog gepubliceerd is. Gearchiveerde inspiraties en concepten tellen niet."
    ),
    "werkmodellen": _(
        "Een inspiratie met twee werkmodellen telt bij elk van die twee; de som kan dus groter "
        "zijn dan het aantal inspiraties."
    ),
    "provincies": _(
        "Per provincie van de inspiratie; zonder provincie is ze regio-breed of online."
    ),
    "tips": _(
        "Een tip telt in het jaar waarin hij binnenkwam; gepubliceerd zijn de tips die "
        "vandaag als inspiratie gepubliceerd zijn."
    ),
    "aanvragen": _(
        "Een aanvraag telt in het jaar waarin ze binnenkwam, per soort organisatie die de "
        "aanvrager opgaf, wat er later ook mee gebeurde."
    ),
    "sessies": _(
        "Een sessie is gegeven als ze in het jaar begon, voorbij is en niet geannuleerd werd. "
        "Deelnemers zijn de bevestigde inschrijvingen voor die sessies, behalve wie als afwezig "
        "werd aangeduid. Van de wachtlijst: deelnemers die eerst op de wachtlijst stonden."
    ),
    "workshopevaluaties": _(
        "Het gemiddelde van de scores (1 tot 5) van de evaluaties van deelnemers aan de "
        "gegeven sessies van het jaar."
    ),
    "bijeenkomsten": _(
        "Een bijeenkomst van een lerend netwerk is gehouden als ze in het jaar begon en voorbij "
        "is. De gemiddelde aanwezigheid is het aantal aanwezigen gedeeld door het aantal "
        "gehouden bijeenkomsten waarvoor de aanwezigheid werd bijgehouden (afwezig en "
        "verontschuldigd tellen niet als aanwezig)."
    ),
    "netwerkevaluaties": _(
        "De evaluaties (score 1 tot 5) die deelnemers gaven over de gehouden bijeenkomsten van "
        "het jaar."
    ),
    "casussen": _("Een casus telt in het jaar waarin een deelnemer hem indiende."),
    "coaching": _(
        "Een coachingsessie is gedaan als haar datum in het jaar ligt en voorbij is. Een "
        "traject telt mee in het jaar als het dat jaar minstens één gedane sessie had."
    ),
    "zelfevaluatie": _(
        "Voor de trajecten van het jaar: het gemiddelde van de zelfevaluaties (1 tot 5) per rol "
        "van de overheid, bij de start en op het einde, over alle trajecten samen. Op de "
        "publieke pagina alleen over minstens vijf trajecten."
    ),
    "gemeenten": _(
        "Een gemeente is bereikt als ze dat jaar een coachingtraject met een gedane sessie had, "
        "als lokaal bestuur een workshop aanvroeg die ingepland of gegeven werd, of interesse "
        "meldde voor een lerend netwerk of coachingtraject die BAZ behandelde."
    ),
    "trechter": _(
        "De aanvragen die in het jaar binnenkwamen, en hoeveel ervan (ooit) ingepland, gegeven, "
        "uitgesteld of geannuleerd werden, volgens hun statusgeschiedenis."
    ),
    "antwoordtijd": _(
        "De antwoordtijd is de tijd tussen het binnenkomen van een aanvraag en haar eerste "
        "statuswijziging weg van “nieuw”, in kalenderdagen (Belgische tijd), tegen de beloofde "
        "antwoordtermijn."
    ),
    "open_antwoorden": _(
        "De open antwoorden uit de evaluaties van het jaar, zoals ze werden ingevuld; alleen "
        "voor medewerkers."
    ),
}


def jaargrenzen(jaar: int) -> tuple[datetime, datetime]:
    """The year as [begin, end) in Brussels time."""
    return datetime(jaar, 1, 1, tzinfo=BRUSSEL), datetime(jaar + 1, 1, 1, tzinfo=BRUSSEL)


def _in_jaar(veld: str, jaar: int) -> Q:
    begin, einde = jaargrenzen(jaar)
    return Q(**{f"{veld}__gte": begin, f"{veld}__lt": einde})


def publiek_aantal(aantal: int | None) -> int | str | None:
    """A count of people as the public page shows it: 1 to 4 becomes "< 5"; 0 stays 0 (it
    points at nobody)."""
    if aantal is None:
        return None
    return KLEINE_GROEP if 0 < aantal < DREMPEL else aantal


def publiek_gemiddelde(gemiddelde: float | None, aantal: int) -> float | None:
    """An average as the public page shows it: only when at least five answers make it."""
    return gemiddelde if aantal >= DREMPEL else None


def _rond(waarde) -> float | None:
    return None if waarde is None else round(float(waarde), 1)


# ---------------------------------------------------------------------------
# Which years
# ---------------------------------------------------------------------------


def jaren_met_gegevens(nu: datetime | None = None) -> list[int]:
    """Every year from the first one with data up to the current one (at least the current
    one) (4 queries)."""
    nu = nu or timezone.now()
    eerste = [
        Inspiratie.objects.filter(
            status=Inspiratie.Status.GEPUBLICEERD, gepubliceerd_op__lte=nu
        ).aggregate(m=Min("gepubliceerd_op"))["m"],
        Aanvraag.objects.aggregate(m=Min("aangemaakt_op"))["m"],
        Sessie.objects.filter(begint_op__lte=nu).aggregate(m=Min("begint_op"))["m"],
        Bijeenkomst.objects.filter(begint_op__lte=nu).aggregate(m=Min("begint_op"))["m"],
    ]
    jaren = [d.astimezone(BRUSSEL).year for d in eerste if d is not None]
    huidig = nu.astimezone(BRUSSEL).year
    return list(range(max(min(jaren, default=huidig), EERSTE_JAAR), huidig + 1))


def laatste_volledige_jaar(nu: datetime | None = None) -> int:
    return (nu or timezone.now()).astimezone(BRUSSEL).year - 1


# ---------------------------------------------------------------------------
# BAZ voor iedereen: inspiraties
# ---------------------------------------------------------------------------


def inspiraties_van(jaar: int, nu: datetime | None = None):
    """Published today, with a publication date in the year (and not in the future)."""
    return Inspiratie.objects.filter(
        _in_jaar("gepubliceerd_op", jaar),
        status=Inspiratie.Status.GEPUBLICEERD,
        gepubliceerd_op__lte=nu or timezone.now(),
    )


@dataclass
class Maand:
    maand: int
    aantal: int
    titels: list[tuple[str, str]] = field(default_factory=list)  # (titel, slug)

    @property
    def meer(self) -> int:
        return self.aantal - len(self.titels)


def maandgrenzen(jaar: int) -> list[tuple[datetime, datetime]]:
    """The twelve months of the year as [begin, end) in Brussels time."""
    begins = [datetime(jaar, m, 1, tzinfo=BRUSSEL) for m in range(1, 13)]
    return list(zip(begins, [*begins[1:], datetime(jaar + 1, 1, 1, tzinfo=BRUSSEL)], strict=True))


def inspiraties_telling(
    jaar: int, nu=None, *, met_titels: bool = True
) -> tuple[list[Maand], list[tuple[str, str, int]]]:
    """The year's inspiraties per month and per province from one pass over the table (1
    query: per province, a count for each month), and (`met_titels`) each month's first
    MAX_TITELS_PER_MAAND titles in order of publication (12 queries, one per month, each a
    short range scan of the index on status and publication date, also at 100,000)."""
    qs = inspiraties_van(jaar, nu)
    grenzen = maandgrenzen(jaar)
    rijen = (
        qs.order_by()
        .values("provincie")
        .annotate(
            **{
                f"m{m}": Count(
                    "pk", filter=Q(gepubliceerd_op__gte=begin, gepubliceerd_op__lt=einde)
                )
                for m, (begin, einde) in enumerate(grenzen, start=1)
            }
        )
    )
    per_provincie: dict[str, int] = {}
    per_maand = dict.fromkeys(range(1, 13), 0)
    for rij in rijen:
        per_provincie[rij["provincie"]] = sum(rij[f"m{m}"] for m in range(1, 13))
        for m in range(1, 13):
            per_maand[m] += rij[f"m{m}"]
    maanden = [Maand(m, per_maand[m]) for m in range(1, 13)]
    if met_titels:
        for maand, (begin, einde) in zip(maanden, grenzen, strict=True):
            maand.titels = list(
                qs.filter(gepubliceerd_op__gte=begin, gepubliceerd_op__lt=einde)
                .order_by("gepubliceerd_op", "pk")
                .values_list("titel", "slug")[:MAX_TITELS_PER_MAAND]
            )
    provincies = [(slug, str(naam), per_provincie.get(slug, 0)) for slug, naam in Provincie.choices]
    provincies.append(("", str(_("Regio-breed of online")), per_provincie.get("", 0)))
    return maanden, provincies


def inspiraties_per_maand(jaar: int, nu=None, *, met_titels: bool = True) -> list[Maand]:
    """Twelve months, each with its count and (`met_titels`) its titles."""
    return inspiraties_telling(jaar, nu, met_titels=met_titels)[0]


def inspiraties_per_provincie(jaar: int, nu=None) -> list[tuple[str, str, int]]:
    """(slug, name, count) for each province and "" (region-wide or online)."""
    return inspiraties_telling(jaar, nu, met_titels=False)[1]


def inspiraties_per_werkmodel(jaar: int, nu=None) -> list[tuple[Werkmodel, int]]:
    """All six werkmodellen in their order, each with its count (2 queries: the six, and one
    count over the links of the year's inspiraties)."""
    aantallen = dict(
        inspiraties_van(jaar, nu)
        .order_by()
        .values("werkmodellen")
        .annotate(n=Count("pk"))
        .values_list("werkmodellen", "n")
    )
    return [(w, aantallen.get(w.pk, 0)) for w in Werkmodel.objects.order_by("volgorde")]


@dataclass
class Tips:
    ontvangen: int | None  # None: the platform does not record tips (yet)
    gepubliceerd: int | None


def tips(jaar: int, nu=None) -> Tips:
    """Tips from citizens (/inspiraties/tip/): received in the year (the tip's date), and of
    those the ones published as an inspiratie today (1 query). Where the inspiraties app keeps
    no tips, there is nothing to count (0 queries)."""
    try:
        Tip = apps.get_model("inspiraties", "Tip")
    except LookupError:
        return Tips(None, None)
    telling = Tip.objects.filter(_in_jaar("aangemaakt_op", jaar)).aggregate(
        ontvangen=Count("pk"),
        gepubliceerd=Count(
            "pk",
            filter=Q(
                inspiratie__status=Inspiratie.Status.GEPUBLICEERD,
                inspiratie__gepubliceerd_op__lte=nu or timezone.now(),
            ),
        ),
    )
    return Tips(telling["ontvangen"], telling["gepubliceerd"])


# ---------------------------------------------------------------------------
# BAZ voor iedereen: workshops
# ---------------------------------------------------------------------------


def aanvragen_per_soort(jaar: int) -> list[tuple[str, str, int]]:
    """(slug, name, count) for every kind of organisation (1 query)."""
    aantallen = dict(
        Aanvraag.objects.filter(_in_jaar("aangemaakt_op", jaar))
        .order_by()
        .values("soort")
        .annotate(n=Count("pk"))
        .values_list("soort", "n")
    )
    return [(slug, str(naam), aantallen.get(slug, 0)) for slug, naam in Aanvraag.Soort.choices]


def sessies_gegeven(jaar: int, nu=None):
    return Sessie.objects.filter(
        _in_jaar("begint_op", jaar), eindigt_op__lte=nu or timezone.now(), geannuleerd_op=None
    )


def deelnames(jaar: int, nu=None):
    """Confirmed registrations of the sessions given, except those marked absent."""
    return Inschrijving.objects.filter(
        sessie__in=sessies_gegeven(jaar, nu), status=Inschrijving.Status.BEVESTIGD
    ).exclude(aanwezig=False)


@dataclass
class Workshopcijfers:
    sessies: int
    deelnemers: int
    van_wachtlijst: int
    evaluaties: int
    gemiddelde: float | None


def workshops(jaar: int, nu=None) -> Workshopcijfers:
    """Sessions given, participants, taken from the waiting list, evaluations (2 queries)."""
    aantal_sessies = sessies_gegeven(jaar, nu).count()
    telling = deelnames(jaar, nu).aggregate(
        deelnemers=Count("pk"),
        van_wachtlijst=Count("pk", filter=Q(doorgeschoven_op__isnull=False)),
        evaluaties=Count("evaluatie"),
        gemiddelde=Avg("evaluatie__score"),
    )
    return Workshopcijfers(
        aantal_sessies,
        telling["deelnemers"],
        telling["van_wachtlijst"],
        telling["evaluaties"],
        _rond(telling["gemiddelde"]),
    )


@dataclass
class PerWorkshop:
    titel: str
    sessies: int
    deelnemers: int
    evaluaties: int
    gemiddelde: float | None


def per_workshop(jaar: int, nu=None) -> list[PerWorkshop]:
    """Staff: each workshop with sessions given that year (2 queries)."""
    sessies = dict(
        sessies_gegeven(jaar, nu)
        .order_by()
        .values("workshop")
        .annotate(n=Count("pk"))
        .values_list("workshop", "n")
    )
    if not sessies:
        return []
    per = {
        rij["sessie__workshop"]: rij
        for rij in deelnames(jaar, nu)
        .order_by()
        .values("sessie__workshop")
        .annotate(n=Count("pk"), e=Count("evaluatie"), g=Avg("evaluatie__score"))
    }
    uit = []
    for workshop in Workshop.objects.filter(pk__in=list(sessies)).order_by("volgorde", "titel"):
        rij = per.get(workshop.pk, {})
        uit.append(
            PerWorkshop(
                workshop.titel,
                sessies[workshop.pk],
                rij.get("n", 0),
                rij.get("e", 0),
                _rond(rij.get("g")),
            )
        )
    return uit


# ---------------------------------------------------------------------------
# BAZ Lokaal: lerende netwerken, coachingtrajecten, gemeenten
# ---------------------------------------------------------------------------


def bijeenkomsten_gehouden(jaar: int, nu=None):
    return Bijeenkomst.objects.filter(
        _in_jaar("begint_op", jaar), eindigt_op__lte=nu or timezone.now()
    )


@dataclass
class PerNetwerk:
    naam: str
    bijeenkomsten: int
    met_aanwezigheid: int
    aanwezigen: int
    evaluaties: int = 0
    gemiddelde: float | None = None
    casussen: int = 0

    @property
    def gemiddelde_aanwezigheid(self) -> float | None:
        return round(self.aanwezigen / self.met_aanwezigheid, 1) if self.met_aanwezigheid else None


@dataclass
class Netwerkcijfers:
    bijeenkomsten: int
    met_aanwezigheid: int
    aanwezigen: int
    evaluaties: int
    gemiddelde: float | None
    casussen: int
    netwerken: list[PerNetwerk]

    @property
    def gemiddelde_aanwezigheid(self) -> float | None:
        return round(self.aanwezigen / self.met_aanwezigheid, 1) if self.met_aanwezigheid else None


def netwerken(jaar: int, nu=None) -> Netwerkcijfers:
    """Meetings held, attendance, evaluations and cases, in total and per network (3 queries)."""
    aanwezig = Aanwezigheid.Status.AANWEZIG
    rijen = (
        bijeenkomsten_gehouden(jaar, nu)
        .order_by()
        .values("netwerk", "netwerk__naam")
        .annotate(
            n=Count("pk", distinct=True),
            geregistreerd=Count(
                "pk",
                distinct=True,
                filter=Q(Exists(Aanwezigheid.objects.filter(bijeenkomst=OuterRef("pk")))),
            ),
            aanwezigen=Count("aanwezigheden", filter=Q(aanwezigheden__status=aanwezig)),
        )
    )
    per = {
        r["netwerk"]: PerNetwerk(r["netwerk__naam"], r["n"], r["geregistreerd"], r["aanwezigen"])
        for r in rijen
    }
    evaluaties = (
        NetwerkEvaluatie.objects.filter(bijeenkomst__in=bijeenkomsten_gehouden(jaar, nu))
        .order_by()
        .values("bijeenkomst__netwerk")
        .annotate(n=Count("pk"), g=Avg("score"))
    )
    totaal_e, totaal_som = 0, 0.0
    for r in evaluaties:
        totaal_e += r["n"]
        totaal_som += float(r["g"]) * r["n"]
        if r["bijeenkomst__netwerk"] in per:
            per[r["bijeenkomst__netwerk"]].evaluaties = r["n"]
            per[r["bijeenkomst__netwerk"]].gemiddelde = _rond(r["g"])
    casussen = dict(
        Casus.objects.filter(_in_jaar("aangemaakt_op", jaar))
        .order_by()
        .values("netwerk")
        .annotate(n=Count("pk"))
        .values_list("netwerk", "n")
    )
    for netwerk, n in casussen.items():
        if netwerk in per:
            per[netwerk].casussen = n
    lijst = sorted(per.values(), key=lambda p: p.naam)
    return Netwerkcijfers(
        bijeenkomsten=sum(p.bijeenkomsten for p in lijst),
        met_aanwezigheid=sum(p.met_aanwezigheid for p in lijst),
        aanwezigen=sum(p.aanwezigen for p in lijst),
        evaluaties=totaal_e,
        gemiddelde=_rond(totaal_som / totaal_e) if totaal_e else None,
        casussen=sum(casussen.values()),
        netwerken=lijst,
    )


@dataclass
class Rolscore:
    rol: str
    naam: str
    start: float | None
    einde: float | None
    aantal_start: int
    aantal_einde: int


@dataclass
class Coachingcijfers:
    sessies: int
    trajecten: int
    rollen: list[Rolscore]


def coachingsessies_gedaan(jaar: int, nu=None):
    return CoachingSessie.objects.filter(_in_jaar("datum", jaar), datum__lte=nu or timezone.now())


def coaching(jaar: int, nu=None) -> Coachingcijfers:
    """Coaching sessions done, the trajectories they belong to, and the four roles of
    government at start and end as group averages (2 queries)."""
    telling = coachingsessies_gedaan(jaar, nu).aggregate(
        sessies=Count("pk"), trajecten=Count("traject", distinct=True)
    )
    trajecten = coachingsessies_gedaan(jaar, nu).values("traject")
    scores = {
        (r["rol"], r["moment"]): (r["g"], r["n"])
        for r in Zelfevaluatie.objects.filter(traject__in=trajecten)
        .order_by()
        .values("rol", "moment")
        .annotate(g=Avg("score"), n=Count("traject", distinct=True))
    }
    rollen = []
    for rol, naam in Overheidsrol.choices:
        start, n_start = scores.get((rol, "start"), (None, 0))
        einde, n_einde = scores.get((rol, "einde"), (None, 0))
        rollen.append(Rolscore(rol, str(naam), _rond(start), _rond(einde), n_start, n_einde))
    return Coachingcijfers(telling["sessies"], telling["trajecten"], rollen)


# A request of a local government reaches its municipality once staff planned it (or it was
# given): a spam or rejected request reaches nobody.
INGEPLAND_OF_GEGEVEN = [
    Aanvraag.Status.INGEPLAND,
    Aanvraag.Status.GEGEVEN,
    Aanvraag.Status.GEEVALUEERD,
]


def gemeenten_bereikt(jaar: int, nu=None) -> list[Gemeente]:
    """The municipalities reached (1 query): a coaching session done, a workshop request of
    the local government that was (at some point) planned or given, or an interest staff
    handled. What only came in through a public form (spam included) does not count."""
    nu = nu or timezone.now()
    begin, einde = jaargrenzen(jaar)
    return list(
        Gemeente.objects.filter(
            Q(
                coachingtrajecten__sessies__datum__gte=begin,
                coachingtrajecten__sessies__datum__lt=einde,
                coachingtrajecten__sessies__datum__lte=nu,
            )
            | Q(
                workshopaanvragen__soort=Aanvraag.Soort.LOKAAL_BESTUUR,
                workshopaanvragen__aangemaakt_op__gte=begin,
                workshopaanvragen__aangemaakt_op__lt=einde,
                workshopaanvragen__in=Aanvraag.objects.filter(
                    Q(status__in=INGEPLAND_OF_GEGEVEN)
                    | Q(wijzigingen__naar__in=INGEPLAND_OF_GEGEVEN)
                ),
            )
            | Q(
                interesse__aangemaakt_op__gte=begin,
                interesse__aangemaakt_op__lt=einde,
                interesse__behandeld=True,
            )
        )
        .distinct()
        .order_by("naam")
    )


# ---------------------------------------------------------------------------
# Staff only: the request funnel, answer times, open answers
# ---------------------------------------------------------------------------


@dataclass
class Trechter:
    ontvangen: int
    ingepland: int
    gegeven: int
    uitgesteld: int
    geannuleerd: int
    redenen: list[tuple[str, str, str, datetime]]  # (status label, reason, organisation, when)


def _bereikt(*statussen: str) -> Exists:
    return Exists(
        AanvraagStatuswijziging.objects.filter(aanvraag=OuterRef("pk"), naar__in=statussen)
    )


def trechter(jaar: int) -> Trechter:
    """The requests received in the year and how far they got (2 queries)."""
    S = Aanvraag.Status
    telling = (
        Aanvraag.objects.filter(_in_jaar("aangemaakt_op", jaar))
        .annotate(
            was_ingepland=_bereikt(S.INGEPLAND),
            was_gegeven=_bereikt(S.GEGEVEN, S.GEEVALUEERD),
            was_uitgesteld=_bereikt(S.UITGESTELD),
            was_geannuleerd=_bereikt(S.GEANNULEERD),
        )
        .aggregate(
            ontvangen=Count("pk"),
            ingepland=Count("pk", filter=Q(was_ingepland=True)),
            gegeven=Count("pk", filter=Q(was_gegeven=True)),
            uitgesteld=Count("pk", filter=Q(was_uitgesteld=True)),
            geannuleerd=Count("pk", filter=Q(was_geannuleerd=True)),
        )
    )
    labels = dict(S.choices)
    redenen = [
        (str(labels[naar]), reden, organisatie, op)
        for naar, reden, organisatie, op in AanvraagStatuswijziging.objects.filter(
            _in_jaar("aanvraag__aangemaakt_op", jaar), naar__in=[S.UITGESTELD, S.GEANNULEERD]
        )
        .order_by("op", "pk")
        .values_list("naar", "reden", "aanvraag__organisatie", "op")
    ]
    return Trechter(redenen=redenen, **telling)


@dataclass
class Antwoordtijden:
    termijn_dagen: int
    aanvragen: int
    binnen_termijn: int
    te_laat: int
    zonder_antwoord: int
    zonder_antwoord_te_laat: int
    mediaan_dagen: float | None


def antwoordtijden(jaar: int, nu=None) -> Antwoordtijden:
    """Days from receipt to the first answer, against AANVRAAG_ANTWOORDTERMIJN_DAGEN (1 query)."""
    nu = nu or timezone.now()
    termijn = settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN
    rijen = (
        Aanvraag.objects.filter(_in_jaar("aangemaakt_op", jaar))
        .annotate(
            antwoord=Min(
                "wijzigingen__op",
                filter=Q(wijzigingen__van=Aanvraag.Status.NIEUW) & ~Q(wijzigingen__naar="nieuw"),
            )
        )
        .values_list("aangemaakt_op", "antwoord")
    )

    def dagen(van: datetime, tot: datetime) -> int:
        return (tot.astimezone(BRUSSEL).date() - van.astimezone(BRUSSEL).date()).days

    tijden, zonder, zonder_te_laat, aantal = [], 0, 0, 0
    for ontvangen, antwoord in rijen:
        aantal += 1
        if antwoord is None:
            zonder += 1
            zonder_te_laat += dagen(ontvangen, nu) > termijn
        else:
            tijden.append(dagen(ontvangen, antwoord))
    return Antwoordtijden(
        termijn_dagen=termijn,
        aanvragen=aantal,
        binnen_termijn=sum(1 for t in tijden if t <= termijn),
        te_laat=sum(1 for t in tijden if t > termijn),
        zonder_antwoord=zonder,
        zonder_antwoord_te_laat=zonder_te_laat,
        mediaan_dagen=float(median(tijden)) if tijden else None,
    )


@dataclass
class OpenAntwoord:
    groep: str  # the workshop or network
    score: int
    teksten: list[tuple[str, str]]  # (question, answer)
    op: datetime


def open_antwoorden_workshops(jaar: int, nu=None) -> list[OpenAntwoord]:
    """Staff: the open answers of the workshop evaluations of the year (1 query)."""
    rijen = (
        WorkshopEvaluatie.objects.filter(inschrijving__in=deelnames(jaar, nu))
        .exclude(wat_goed="", wat_beter="")
        .order_by("inschrijving__sessie__workshop__titel", "ingevuld_op", "pk")
        .values_list(
            "inschrijving__sessie__workshop__titel", "score", "wat_goed", "wat_beter", "ingevuld_op"
        )
    )
    goed, beter = str(_("Wat was goed?")), str(_("Wat kan beter?"))
    return [
        OpenAntwoord(titel, score, [(v, t) for v, t in ((goed, a), (beter, b)) if t], op)
        for titel, score, a, b, op in rijen
    ]


def open_antwoorden_netwerken(jaar: int, nu=None) -> list[OpenAntwoord]:
    """Staff: the open answers of the meeting evaluations of the year (1 query)."""
    rijen = (
        NetwerkEvaluatie.objects.filter(bijeenkomst__in=bijeenkomsten_gehouden(jaar, nu))
        .exclude(nuttig="", suggesties="")
        .order_by("bijeenkomst__netwerk__naam", "aangemaakt_op", "pk")
        .values_list("bijeenkomst__netwerk__naam", "score", "nuttig", "suggesties", "aangemaakt_op")
    )
    nuttig, suggesties = str(_("Wat was nuttig?")), str(_("Suggesties"))
    return [
        OpenAntwoord(naam, score, [(v, t) for v, t in ((nuttig, a), (suggesties, b)) if t], op)
        for naam, score, a, b, op in rijen
    ]
