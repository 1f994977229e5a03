"""A hand-made data set for 2024 whose every figure is known, with rows on both sides of the
year boundaries in Brussels time (1 January 00:30 Brussels is still 31 December in UTC).

The people in it carry names that must never reach the public page (GEHEIME_NAMEN)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from inspiraties.models import Inspiratie, Tip, Werkmodel
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
from workshops.models import (
    Aanvraag,
    AanvraagStatuswijziging,
    Inschrijving,
    Sessie,
    Workshop,
)
from workshops.models import Evaluatie as WorkshopEvaluatie

BRUSSEL = ZoneInfo("Europe/Brussels")
GEHEIME_NAMEN = [
    "Geheimnaam",
    "Verborgen Contactpersoon",
    "Persoon Onbekend",
    "Toneelkring Het Geheim",
    "geheim@example.org",
]


def bxl(*args) -> datetime:
    return datetime(*args, tzinfo=BRUSSEL)


_n = iter(range(1, 10_000))


def inspiratie(titel, op, *, werkmodellen=("buddywerking",), status="gepubliceerd", **velden):
    rij = Inspiratie.objects.create(
        titel=titel,
        slug=f"jc-{next(_n)}",
        samenvatting="S.",
        verhaal="V.",
        status=status,
        gepubliceerd_op=op,
        **velden,
    )
    rij.werkmodellen.set(Werkmodel.objects.filter(slug__in=werkmodellen))
    return rij


def aanvraag(workshop, soort, op, *, stappen=(), organisatie="Demo-organisatie"):
    """A request received at `op`; `stappen` are (days after, to status, reason)."""
    rij = Aanvraag.objects.create(
        workshop=workshop,
        organisatie=organisatie,
        soort=soort,
        contactpersoon="Verborgen Contactpersoon",
        email="geheim@example.org",
        formaat="live",
        aantal_deelnemers=10,
        leervraag="Vraag.",
        aangemaakt_op=op,
    )
    AanvraagStatuswijziging.objects.create(aanvraag=rij, naar="nieuw", op=op)
    vorige = "nieuw"
    for dagen, naar, reden in stappen:
        AanvraagStatuswijziging.objects.create(
            aanvraag=rij, van=vorige, naar=naar, reden=reden, op=op + timedelta(days=dagen)
        )
        vorige = naar
    Aanvraag.objects.filter(pk=rij.pk).update(status=vorige)
    return rij


def sessie(workshop, begin, **velden):
    return Sessie.objects.create(
        workshop=workshop, begint_op=begin, eindigt_op=begin + timedelta(hours=2), capaciteit=20,
        **velden,
    )  # fmt: skip


def inschrijving(sessie, i, status="bevestigd", **velden):
    return Inschrijving.objects.create(
        sessie=sessie,
        naam=f"Persoon Onbekend {i}",
        email=f"persoon{i}.{sessie.pk}@example.org",
        status=status,
        **velden,
    )


@pytest.fixture
def gegevens(werkmodellen, gemeenten):
    """The data set; its figures for 2024 are spelled out in test_cijfers.py."""
    # Inspiraties -------------------------------------------------------------------------
    inspiratie("Net in januari", bxl(2024, 1, 1, 0, 30), provincie="antwerpen")
    inspiratie("Nog in 2023", bxl(2023, 12, 31, 23, 30), provincie="antwerpen")
    inspiratie(
        "Op oudejaarsavond", bxl(2024, 12, 31, 23, 59), werkmodellen=("lotgenotennetwerk",),
        provincie="limburg",
    )  # fmt: skip
    inspiratie("Al in 2025", bxl(2025, 1, 1, 0, 10))
    inspiratie("Gearchiveerd", bxl(2024, 3, 15, 10), status="gearchiveerd")
    inspiratie("Concept", bxl(2024, 3, 20, 10), status="concept")
    twee = inspiratie(
        "Twee modellen", bxl(2024, 3, 10, 10), werkmodellen=("buddywerking", "community-building")
    )
    getipt = inspiratie("Getipt initiatief", None, status="getipt")
    for rij, op in ((twee, bxl(2024, 2, 1, 10)), (getipt, bxl(2024, 12, 31, 23, 30))):
        tip = Tip.objects.create(
            inspiratie=rij, naam="Geheimnaam Tipgever", email="geheim@example.org",
            toestemming_op=op, toestemming_versie="1",
        )  # fmt: skip
        Tip.objects.filter(pk=tip.pk).update(aangemaakt_op=op)

    # Workshops ---------------------------------------------------------------------------
    workshop = Workshop.objects.create(
        titel="Iedereen welkom", slug="jc-iedereen-welkom", samenvatting="S.", beschrijving="B.",
        duur_minuten=120,
    )  # fmt: skip
    aanvraag(
        workshop, "toneel", bxl(2024, 1, 1, 0, 15), organisatie="Toneelkring Het Geheim",
        stappen=[(3, "in_behandeling", ""), (10, "ingepland", ""), (40, "gegeven", "")],
    )  # fmt: skip
    aanvraag(
        workshop, "toneel", bxl(2024, 3, 1, 10),
        stappen=[(20, "geannuleerd", "Ziekte van de workshopgever")],
    )  # fmt: skip
    aanvraag(workshop, "toneel", bxl(2024, 11, 1, 10))  # never answered
    aanvraag(
        workshop, "jeugd", bxl(2024, 2, 1, 10),
        stappen=[(1, "in_behandeling", ""), (5, "uitgesteld", "Zaal niet vrij")],
    )  # fmt: skip
    for maand in range(3, 8):
        aanvraag(workshop, "jeugd", bxl(2024, maand, 1, 10), stappen=[(1, "in_behandeling", "")])
    aanvraag(workshop, "sport", bxl(2023, 12, 31, 23, 45))  # still 2023 in Brussels

    s1 = sessie(workshop, bxl(2024, 6, 1, 19))
    s2 = sessie(workshop, bxl(2024, 12, 31, 21))
    s3 = sessie(workshop, bxl(2025, 1, 1, 0, 30))  # 2025 in Brussels, 2024 in UTC
    s4 = sessie(workshop, bxl(2024, 5, 1, 19), geannuleerd_op=bxl(2024, 4, 1, 10))
    deelnemers = [inschrijving(s1, i) for i in range(6)]
    Inschrijving.objects.filter(pk=deelnemers[0].pk).update(doorgeschoven_op=bxl(2024, 5, 1, 9))
    inschrijving(s1, 6, aanwezig=False)
    inschrijving(s1, 7, status="geannuleerd")
    inschrijving(s1, 8, status="wachtlijst")
    inschrijving(s2, 9)
    for i in range(3):
        inschrijving(s3, 10 + i)
    inschrijving(s4, 20)
    for rij, score in zip(deelnemers[:5], (5, 4, 4, 3, 5), strict=True):
        WorkshopEvaluatie.objects.create(
            inschrijving=rij, score=score, wat_goed="Heel boeiend" if score == 5 else ""
        )

    # Netwerken ---------------------------------------------------------------------------
    netwerk = Netwerk.objects.create(
        naam="Netwerk Kempen", slug="jc-kempen", regio="Kempen", doel="D.",
        begint_op=bxl(2024, 1, 1).date(),
    )  # fmt: skip
    User = get_user_model()
    leden = [
        Deelnemer.objects.create(
            netwerk=netwerk,
            user=User.objects.create_user(f"jc-lid-{i}", first_name="Geheimnaam", last_name=str(i)),
            organisatie="Gemeente",
        )
        for i in range(6)
    ]

    def bijeenkomst(begin):
        return Bijeenkomst.objects.create(
            netwerk=netwerk, thema="T", begint_op=begin, eindigt_op=begin + timedelta(hours=3)
        )

    b1 = bijeenkomst(bxl(2024, 2, 1, 13))
    b2 = bijeenkomst(bxl(2024, 10, 1, 13))
    bijeenkomst(bxl(2024, 11, 1, 13))  # attendance not recorded
    b4 = bijeenkomst(bxl(2025, 1, 1, 0, 30))
    for lid, status in zip(leden, ["aanwezig"] * 4 + ["afwezig", "verontschuldigd"], strict=True):
        Aanwezigheid.objects.create(bijeenkomst=b1, deelnemer=lid, status=status)
    for lid in leden:
        Aanwezigheid.objects.create(bijeenkomst=b2, deelnemer=lid, status="aanwezig")
        Aanwezigheid.objects.create(bijeenkomst=b4, deelnemer=lid, status="aanwezig")
    for lid, score in zip(leden[:3], (4, 4, 5), strict=True):
        NetwerkEvaluatie.objects.create(
            bijeenkomst=b1, deelnemer=lid, score=score, suggesties="Meer casussen"
        )
    for i in range(2):
        casus = Casus.objects.create(
            netwerk=netwerk, deelnemer=leden[i], titel="C", context="C", vraag="V"
        )
        Casus.objects.filter(pk=casus.pk).update(aangemaakt_op=bxl(2024, 4, 1, 10))

    # Coaching ----------------------------------------------------------------------------
    geel = Coachingtraject.objects.create(gemeente=gemeenten["Geel"], naam="Geel")
    for soort, datum in ((1, bxl(2024, 3, 1, 10)), (2, bxl(2024, 5, 1, 10)), (3, bxl(2025, 2, 1))):
        CoachingSessie.objects.create(traject=geel, soort=soort, datum=datum)
    for rol, start, einde in zip(Overheidsrol.values, (4, 4, 2, 1), (3, 3, 3, 3), strict=True):
        Zelfevaluatie.objects.create(traject=geel, rol=rol, moment="start", score=start)
        Zelfevaluatie.objects.create(traject=geel, rol=rol, moment="einde", score=einde)
    mol = Coachingtraject.objects.create(gemeente=gemeenten["Mol"], naam="Mol")
    CoachingSessie.objects.create(traject=mol, soort=1, datum=bxl(2023, 5, 1, 10))
    Zelfevaluatie.objects.create(traject=mol, rol=Overheidsrol.RECHTMATIG, moment="start", score=1)

    interesse = Interesse.objects.create(
        bestuur="Stad Turnhout", gemeente=gemeenten["Turnhout"], contactpersoon="Verborgen "
        "Contactpersoon", email="geheim@example.org", vorm="netwerk", bericht="B.",
        behandeld=True,
    )  # fmt: skip
    Interesse.objects.filter(pk=interesse.pk).update(aangemaakt_op=bxl(2024, 9, 1, 10))
    return {"workshop": workshop, "netwerk": netwerk}
