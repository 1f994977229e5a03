"""Demo data for /in-cijfers/ over several years (idempotent: a second run adds nothing).

- 2021, from the annual report (seed): the 24 inspiraties in their months (loaded by
  inspiraties/demo.py; here only checked, and a missing publication date set), and the
  workshops the report names with their dates: the test workshop with D'eFFeKt (13/01/21),
  the scouts group in Gent (07/02/21, cancelled: the workshop giver was ill), Lasso's
  BrusselArt Toernée (12/12/21), AHOSA's request (22/11/21), and the workshops for the cities
  of Geel, Brasschaat and Wetteren (the report gives no date: a demo date, said so in the
  request's notes). The report counts no participants: these sessions have none.
- 2022 up to this year: clearly demo figures ("Demo …" organisations, example.org addresses,
  invented first names), drawn from a fixed seed per year so every run gives the same:
  requests of every kind with their steps, sessions with participants, a waiting list and
  evaluations, a demo learning network with meetings, attendance, evaluations and cases, and
  coachingtrajecten with their self-assessments. Nothing in the future.
"""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from baz.demo.inhoud import INSPIRATIES
from baz.models import Gemeente
from inspiraties.models import Inspiratie
from inspiraties.versie import catalogus_gewijzigd
from netwerken.models import (
    Aanwezigheid,
    Bijeenkomst,
    Casus,
    CoachingSessie,
    Coachingtraject,
    Deelnemer,
    Interesse,
    Netwerk,
    Overheidsrol,
    Zelfevaluatie,
)
from netwerken.models import Evaluatie as NetwerkEvaluatie
from workshops.models import Aanvraag, AanvraagStatuswijziging, Inschrijving, Sessie, Workshop
from workshops.models import Evaluatie as WorkshopEvaluatie

BRUSSEL = ZoneInfo("Europe/Brussels")
EERSTE_DEMOJAAR = 2022
VERENIGING = "iedereen-welkom-in-jouw-vereniging"
EERSTELIJN = "krachtgericht-en-netwerkversterkend-werken"
LOKAAL = "rol-lokaal-bestuur-tweede-welzijnspijler"
DEMO_NETWERK = "demo-lerend-netwerk-kempen"
VOORNAMEN = [
    "An", "Bram", "Chloë", "Dries", "Els", "Fatima", "Gert", "Hanne", "Ilias", "Joke", "Kobe",
    "Lotte", "Mohamed", "Nele", "Omar", "Pieter", "Rani", "Sien", "Tom", "Yasmine",
]  # fmt: skip
REDENEN_UITSTEL = [
    "Demo: de vereniging vraagt een datum na de zomer.",
    "Demo: geen zaal vrij op de gevraagde data.",
]
REDENEN_ANNULERING = [
    "Demo: te weinig inschrijvingen bij de vereniging.",
    "Demo: de vereniging kiest voor een ander traject.",
]
GOED = ["Demo: de getuigenissen.", "Demo: concrete tips voor onze werking.", ""]
BETER = ["Demo: meer tijd voor vragen.", "", ""]

# (organisation, kind, workshop, received, status steps (days after, status, reason), given on)
SEED_2021 = [
    (
        "D'eFFeKt (testworkshop)", Aanvraag.Soort.TONEEL, VERENIGING, (2021, 1, 4),
        [(1, "in_behandeling", ""), (2, "ingepland", ""), (9, "gegeven", "")], (2021, 1, 13, 19),
        "Testworkshop met D'eFFeKt, een Brussels theatergezelschap (jaarverslag 2021).",
    ),
    (
        "Scoutsgroep uit het Gentse (testworkshop)", Aanvraag.Soort.JEUGD, VERENIGING,
        (2021, 1, 11), [(3, "in_behandeling", ""), (5, "ingepland", ""),
                        (27, "geannuleerd", "Wegens ziekte van de workshopgever.")], None,
        "Testworkshop gepland op 07/02/21, geannuleerd (jaarverslag 2021).",
    ),
    (
        "Lasso (BrusselArt Toernée)", Aanvraag.Soort.CULTUUR, VERENIGING, (2021, 9, 6),
        [(10, "in_behandeling", ""), (30, "ingepland", ""), (97, "gegeven", "")],
        (2021, 12, 12, 14),
        "Eerste gesprek op 06/09/21; workshop op de BrusselArt Toernée (jaarverslag 2021).",
    ),
    (
        "AHOSA vzw", Aanvraag.Soort.WELZIJN, VERENIGING, (2021, 11, 22),
        [(8, "in_behandeling", "")], None,
        "Via het vrijwilligerspunt Gent; wil de workshop in het najaar volgen (jaarverslag 2021).",
    ),
    (
        "Welzijn en Sociaal Huis stad Geel", Aanvraag.Soort.LOKAAL_BESTUUR, LOKAAL,
        (2021, 3, 1), [(5, "in_behandeling", ""), (20, "ingepland", ""), (60, "gegeven", "")],
        (2021, 4, 30, 13),
        "Workshop voor de stad Geel (jaarverslag 2021); de datum is een demodatum.",
    ),
    (
        "Stad Brasschaat", Aanvraag.Soort.LOKAAL_BESTUUR, LOKAAL, (2021, 5, 3),
        [(4, "in_behandeling", ""), (25, "ingepland", ""), (66, "gegeven", "")],
        (2021, 7, 8, 13),
        "Workshop voor de stad Brasschaat (jaarverslag 2021); de datum is een demodatum.",
    ),
    (
        "Stad Wetteren", Aanvraag.Soort.LOKAAL_BESTUUR, LOKAAL, (2021, 8, 30),
        [(6, "in_behandeling", ""), (21, "ingepland", ""), (58, "gegeven", "")],
        (2021, 10, 27, 13),
        "Workshop voor de stad Wetteren (jaarverslag 2021); de datum is een demodatum.",
    ),
]  # fmt: skip

GEMEENTEN_PER_JAAR = {
    2022: ["Brasschaat"],
    2023: ["Wetteren", "Mol"],
    2024: ["Herentals", "Kasterlee"],
    2025: ["Turnhout", "Lier"],
    2026: ["Hoogstraten"],
}


def _bxl(*delen) -> datetime:
    return datetime(*delen, tzinfo=BRUSSEL)


@transaction.atomic
def jaarcijfers_laden() -> int:
    """Load what is missing; returns how many years (or the 2021 seed data) were new."""
    nu = timezone.now()
    _inspiraties_2021_controleren()
    workshops = {
        w.slug: w for w in Workshop.objects.filter(slug__in=[VERENIGING, EERSTELIJN, LOKAAL])
    }
    nieuw = 0
    if workshops and _seed_2021(workshops):
        nieuw += 1
    netwerk = _demonetwerk()
    huidig = nu.astimezone(BRUSSEL).year
    for jaar in range(EERSTE_DEMOJAAR, huidig + 1):
        if _demojaar(jaar, workshops, netwerk, nu):
            nieuw += 1
    return nieuw


def _inspiraties_2021_controleren() -> None:
    """The 24 of the report, each in its month of 2021 (1 read): a missing or other date is
    set to the 1st or the 15th of its month, as inspiraties/demo.py does."""
    data = dict(
        Inspiratie.objects.filter(slug__in=[r["slug"] for r in INSPIRATIES]).values_list(
            "slug", "gepubliceerd_op"
        )
    )
    gezien: dict[int, int] = {}
    gewijzigd = False
    for rij in INSPIRATIES:
        maand = rij["maand"]
        gezien[maand] = gezien.get(maand, 0) + 1
        if rij["slug"] not in data:
            continue
        op = data[rij["slug"]]
        if op is None or (op.astimezone(BRUSSEL).year, op.astimezone(BRUSSEL).month) != (
            2021,
            maand,
        ):
            dag = 1 if gezien[maand] == 1 else 15
            Inspiratie.objects.filter(slug=rij["slug"]).update(
                gepubliceerd_op=_bxl(2021, maand, dag, 10)
            )
            gewijzigd = True
    if gewijzigd:
        catalogus_gewijzigd()


def _aanvraag(workshop, organisatie, soort, ontvangen, stappen, gemeente=None, notities=""):
    aanvraag = Aanvraag.objects.create(
        workshop=workshop,
        organisatie=organisatie,
        soort=soort,
        gemeente=gemeente,
        contactpersoon="Demo Contact",
        email="contact@example.org",
        formaat="live",
        aantal_deelnemers=12,
        leervraag="Demotekst: hoe maken we onze werking toegankelijker?",
        interne_notities=notities,
        aangemaakt_op=ontvangen,
        laatste_activiteit_op=ontvangen,
    )
    rijen = [AanvraagStatuswijziging(aanvraag=aanvraag, naar="nieuw", op=ontvangen)]
    vorige = "nieuw"
    for dagen, naar, reden in stappen:
        rijen.append(
            AanvraagStatuswijziging(
                aanvraag=aanvraag, van=vorige, naar=naar, reden=reden,
                op=ontvangen + timedelta(days=dagen),
            )
        )  # fmt: skip
        vorige = naar
    AanvraagStatuswijziging.objects.bulk_create(rijen)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(
        status=vorige, laatste_activiteit_op=rijen[-1].op
    )
    return aanvraag


def _sessie(workshop, begin, *, aanvraag=None, plaats="Demo: ontmoetingscentrum"):
    return Sessie.objects.create(
        workshop=workshop,
        aanvraag=aanvraag,
        begint_op=begin,
        eindigt_op=begin + timedelta(hours=2, minutes=30),
        plaats=plaats,
        capaciteit=16,
        openbaar=aanvraag is None,
        inschrijving_open=False,
    )


def _seed_2021(workshops) -> bool:
    if Aanvraag.objects.filter(organisatie=SEED_2021[0][0]).exists():
        return False
    gemeenten = {
        g.naam: g
        for g in Gemeente.objects.filter(
            naam__in=["Geel", "Brasschaat", "Wetteren", "Brussel", "Gent"]
        )
    }
    for organisatie, soort, slug, ontvangen, stappen, gegeven, notitie in SEED_2021:
        workshop = workshops.get(slug) or workshops.get(VERENIGING)
        if workshop is None:
            continue
        gemeente = next((g for naam, g in gemeenten.items() if naam in organisatie), None)
        aanvraag = _aanvraag(
            workshop, organisatie, soort, _bxl(*ontvangen, 10), stappen, gemeente, notitie
        )
        if gegeven:
            begin = _bxl(*gegeven)
            Aanvraag.objects.filter(pk=aanvraag.pk).update(gepland_op=begin)
            _sessie(workshop, begin, aanvraag=aanvraag, plaats=f"{organisatie}")
    return True


def _demonetwerk() -> Netwerk:
    """A demo network (not on /netwerken/) with ten fictional members without a password."""
    netwerk, aangemaakt = Netwerk.objects.get_or_create(
        slug=DEMO_NETWERK,
        defaults={
            "naam": "Demo: lerend netwerk Kempen",
            "regio": "Kempen (demo)",
            "doel": "*Demotekst.* Een fictief netwerk dat de jaarcijfers vult.",
            "begint_op": _bxl(EERSTE_DEMOJAAR, 1, 1).date(),
            "zichtbaar": False,
        },
    )
    if aangemaakt:
        User = get_user_model()
        for i in range(10):
            user, _nieuw = User.objects.get_or_create(
                username=f"demo-kempen-{i + 1}",
                defaults={
                    "first_name": VOORNAMEN[i],
                    "last_name": "(demo)",
                    "email": f"demo-kempen-{i + 1}@example.org",
                },
            )
            if _nieuw:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            Deelnemer.objects.get_or_create(
                netwerk=netwerk, user=user, defaults={"organisatie": f"Demogemeente {i + 1}"}
            )
    return netwerk


def _demojaar(jaar: int, workshops, netwerk: Netwerk, nu: datetime) -> bool:
    sleutel = f"Demo {jaar}:"
    if Aanvraag.objects.filter(organisatie__startswith=sleutel).exists():
        return False
    kans = random.Random(jaar)

    def dag_in_jaar(van: int = 0, tot: int = 364) -> datetime:
        return _bxl(jaar, 1, 1, 10) + timedelta(days=kans.randint(van, tot))

    # Requests of every kind, with their steps ------------------------------------------------
    vereniging = workshops.get(VERENIGING)
    soorten = [s for s in Aanvraag.Soort.values if s != Aanvraag.Soort.ANDERE]
    for soort in soorten:
        workshop = (
            workshops.get(LOKAAL)
            if soort == Aanvraag.Soort.LOKAAL_BESTUUR
            else workshops.get(EERSTELIJN)
            if soort in {Aanvraag.Soort.EERSTELIJN, Aanvraag.Soort.WELZIJN}
            else vereniging
        ) or vereniging
        if workshop is None:
            continue
        for nummer in range(kans.randint(1, 7)):
            ontvangen = dag_in_jaar(0, 300)
            if ontvangen > nu - timedelta(days=3):
                continue
            antwoord = kans.choice([1, 2, 3, 5, 8, 12, 16, 25])
            lot = kans.random()
            if lot < 0.6:
                stappen = [(antwoord, "in_behandeling", ""), (antwoord + 10, "ingepland", ""),
                           (antwoord + 40, "gegeven", "")]  # fmt: skip
            elif lot < 0.72:
                stappen = [(antwoord, "in_behandeling", ""),
                           (antwoord + 6, "uitgesteld", kans.choice(REDENEN_UITSTEL))]  # fmt: skip
            elif lot < 0.84:
                stappen = [(antwoord, "geannuleerd", kans.choice(REDENEN_ANNULERING))]
            else:
                stappen = [(antwoord, "in_behandeling", "")]
            stappen = [s for s in stappen if ontvangen + timedelta(days=s[0]) < nu]
            naam = f"{sleutel} {Aanvraag.Soort(soort).label.lower()} {nummer + 1}"
            aanvraag = _aanvraag(workshop, naam, soort, ontvangen, stappen)
            if stappen and stappen[-1][1] == "gegeven":
                begin = (ontvangen + timedelta(days=stappen[-1][0] - 1)).replace(hour=19)
                Aanvraag.objects.filter(pk=aanvraag.pk).update(gepland_op=begin)
                sessie = _sessie(
                    workshop, begin, aanvraag=aanvraag, plaats=f"Demo: lokaal van {naam}"
                )
                _deelnemers(sessie, kans.randint(6, 14), kans, wachtlijst=0)

    # Open sessions with a waiting list ----------------------------------------------------------
    for maand in (3, 5, 10, 11):
        for slug in (VERENIGING, EERSTELIJN):
            workshop = workshops.get(slug)
            begin = _bxl(jaar, maand, 8 + kans.randint(0, 14), 19 if slug == VERENIGING else 13)
            if workshop is None or begin + timedelta(hours=3) > nu:
                continue
            sessie = _sessie(workshop, begin, plaats="Demo: ontmoetingscentrum")
            _deelnemers(sessie, kans.randint(10, 16), kans, wachtlijst=kans.randint(0, 3))

    # The demo learning network ----------------------------------------------------------------
    leden = list(netwerk.deelnemers.order_by("pk"))
    for maand in (2, 4, 6, 9, 11):
        begin = _bxl(jaar, maand, 10 + kans.randint(0, 10), 13, 30)
        if begin + timedelta(hours=3) > nu or not leden:
            continue
        bijeenkomst = Bijeenkomst.objects.create(
            netwerk=netwerk, thema=f"Demo: bijeenkomst {maand}/{jaar}", begint_op=begin,
            eindigt_op=begin + timedelta(hours=3), plaats="Demolocatie, Geel",
        )  # fmt: skip
        aanwezig = kans.randint(5, len(leden))
        Aanwezigheid.objects.bulk_create(
            Aanwezigheid(
                bijeenkomst=bijeenkomst,
                deelnemer=lid,
                status="aanwezig" if i < aanwezig else kans.choice(["afwezig", "verontschuldigd"]),
                gewijzigd_op=begin,
            )
            for i, lid in enumerate(leden)
        )
        for lid in leden[: kans.randint(3, aanwezig)]:
            NetwerkEvaluatie.objects.create(
                bijeenkomst=bijeenkomst,
                deelnemer=lid,
                score=kans.choice([3, 4, 4, 5, 5]),
                nuttig=kans.choice(["Demotekst: de casusbespreking.", ""]),
                suggesties=kans.choice(["Demotekst: meer tijd voor uitwisseling.", "", ""]),
            )
        if kans.random() < 0.6:
            casus = Casus.objects.create(
                netwerk=netwerk, deelnemer=kans.choice(leden), bijeenkomst=bijeenkomst,
                titel=f"Demo: casus {maand}/{jaar}", context="*Demotekst.*",
                vraag="Demotekst: hoe pakken jullie dit aan?", status="besproken",
            )  # fmt: skip
            Casus.objects.filter(pk=casus.pk).update(aangemaakt_op=begin - timedelta(days=7))

    # Coachingtrajecten and interest of municipalities ------------------------------------------
    gemeenten = {
        g.naam: g for g in Gemeente.objects.filter(naam__in=GEMEENTEN_PER_JAAR.get(jaar, []))
    }
    for naam, gemeente in gemeenten.items():
        traject, nieuw = Coachingtraject.objects.get_or_create(
            gemeente=gemeente,
            naam=f"Coachingtraject {naam} ({sleutel.rstrip(':')})",
            defaults={"doel": "*Demotekst.* Een fictief traject voor de jaarcijfers."},
        )
        if not nieuw:
            continue
        for soort, maand in ((1, 3), (2, 5), (3, 10)):
            datum = _bxl(jaar, maand, 15, 10)
            CoachingSessie.objects.create(
                traject=traject, soort=soort, datum=datum if datum < nu else None,
                deelnemers="Demo: schepen en diensthoofd welzijn", notities="*Demotekst.*",
            )  # fmt: skip
        for rol in Overheidsrol.values:
            start = kans.randint(1, 4)
            Zelfevaluatie.objects.create(traject=traject, rol=rol, moment="start", score=start)
            Zelfevaluatie.objects.create(
                traject=traject, rol=rol, moment="einde", score=min(5, start + kans.randint(0, 2))
            )
        interesse = Interesse.objects.create(
            bestuur=f"{sleutel} gemeente {naam}", gemeente=gemeente, contactpersoon="Demo Contact",
            email="contact@example.org", vorm=Interesse.Vorm.COACHING, behandeld=True,
            bericht="Demotekst: we willen de tweede welzijnspijler versterken.",
        )  # fmt: skip
        Interesse.objects.filter(pk=interesse.pk).update(aangemaakt_op=_bxl(jaar, 1, 20, 10))
    return True


def _deelnemers(sessie: Sessie, aantal: int, kans: random.Random, *, wachtlijst: int) -> None:
    """Confirmed participants (`wachtlijst` of them came from the waiting list), one marked
    absent now and then, and evaluations from about two in three."""
    rijen = []
    for i in range(aantal):
        naam = VOORNAMEN[(sessie.pk + i) % len(VOORNAMEN)]
        rijen.append(
            Inschrijving(
                sessie=sessie,
                naam=f"{naam} (demo)",
                email=f"demo.{sessie.pk}.{i}@example.org",
                organisatie="Demovereniging",
                status=Inschrijving.Status.BEVESTIGD,
                aanwezig=kans.random() >= 0.05,
                aangemaakt_op=sessie.begint_op - timedelta(days=20 - i % 10),
                doorgeschoven_op=sessie.begint_op - timedelta(days=3) if i < wachtlijst else None,
                evaluatie_gevraagd_op=sessie.eindigt_op + timedelta(days=1),
            )
        )
    Inschrijving.objects.bulk_create(rijen)
    evaluaties = [
        WorkshopEvaluatie(
            inschrijving=rij,
            score=kans.choice([3, 4, 4, 5, 5]),
            wat_goed=kans.choice(GOED),
            wat_beter=kans.choice(BETER),
            ingevuld_op=sessie.eindigt_op + timedelta(days=2),
        )
        for rij in Inschrijving.objects.filter(sessie=sessie, aanwezig=True)
        if kans.random() < 0.65
    ]
    WorkshopEvaluatie.objects.bulk_create(evaluaties)
