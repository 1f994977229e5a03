"""Demo content for workshops: the offer from the annual report, open sessions and requests.

Idempotent: workshops are matched by slug; sessions, registrations and requests are only
added while a workshop has none. Dates are relative to today, so the demo never goes stale.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from baz.demo.inhoud import WORKSHOPS
from baz.models import Gemeente
from inspiraties.models import Werkmodel

from .models import (
    Aanvraag,
    AanvraagStatuswijziging,
    Doelpubliek,
    Inschrijving,
    Locatie,
    Sessie,
    Workshop,
)

BRUSSEL = ZoneInfo("Europe/Brussels")

DOELPUBLIEKEN = [
    ("verenigingen", "Verenigingen"),
    ("eerstelijn", "Eerstelijnsorganisaties"),
    ("lokale-besturen", "Lokale besturen"),
    ("burgers", "Burgers"),
]

# Demo participants: invented first names with example.org addresses (never real people).
DEMO_NAMEN = [
    "An", "Bram", "Chloë", "Dries", "Els", "Fatima", "Gert", "Hanne", "Ilias", "Joke",
    "Kobe", "Lotte", "Mohamed", "Nele",
]  # fmt: skip


def _om(dagen: int, uur: int, minuut: int = 0) -> datetime:
    """A moment `dagen` days from today at a Brussels wall-clock time (stored in UTC)."""
    dag = timezone.localdate() + timedelta(days=dagen)
    return datetime.combine(dag, time(uur, minuut), tzinfo=BRUSSEL)


# A demo venue (invented, plainly marked) with an address and accessibility notes.
DEMO_LOCATIE = {
    "naam": "Demo: ontmoetingscentrum De Schakel",
    "straat": "Demostraat 1",
    "postcode": "2800",
    "gemeente": "Mechelen",
    "toegankelijkheid": (
        "Demotekst: ingang zonder drempel, lift naar de zaal op de eerste verdieping, aangepast "
        "toilet, ringleiding in de zaal. Twee parkeerplaatsen voor mensen met een handicap aan "
        "de ingang."
    ),
    "route": "Demotekst: tien minuten stappen van het station; fietsenstalling aan de zijkant.",
}
DEMO_MEEBRENGEN = "Demotekst: iets om te schrijven, en een voorbeeld uit je eigen vereniging."


def _locatie() -> Locatie | None:
    gemeente = Gemeente.objects.filter(naam=DEMO_LOCATIE["gemeente"]).first()
    if gemeente is None:  # the municipalities are not loaded
        return None
    locatie, _ = Locatie.objects.get_or_create(
        naam=DEMO_LOCATIE["naam"],
        defaults={**DEMO_LOCATIE, "gemeente": gemeente},
    )
    return locatie


def _inschrijvingen(sessie: Sessie, aantal: int, status: str, start: int) -> None:
    for i in range(aantal):
        naam = DEMO_NAMEN[(start + i) % len(DEMO_NAMEN)]
        Inschrijving.objects.create(
            sessie=sessie,
            naam=f"{naam} (demo)",
            email=f"{naam.lower().replace('ë', 'e')}.{sessie.pk}.{start + i}@example.org",
            organisatie="Demovereniging",
            status=status,
            aangemaakt_op=timezone.now() - timedelta(days=10, minutes=-(start + i)),
        )


@transaction.atomic
def workshops_laden() -> int:
    """Load the demo workshops, sessions and requests; returns how many workshops are new."""
    doelpublieken = {}
    for volgorde, (slug, naam) in enumerate(DOELPUBLIEKEN):
        doelpublieken[slug], _ = Doelpubliek.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "volgorde": volgorde}
        )
    nieuw = 0
    workshops = {}
    for volgorde, rij in enumerate(WORKSHOPS):
        workshop, aangemaakt = Workshop.objects.get_or_create(
            slug=rij["slug"],
            defaults={
                "titel": rij["titel"],
                "samenvatting": rij["samenvatting"],
                "beschrijving": rij["beschrijving"],
                "leerdoelen": "\n".join(rij["leerdoelen"]),
                "formaat": rij["formaat"],
                "duur_minuten": rij["duur_minuten"],
                "groepsgrootte_min": rij["groepsgrootte_min"],
                "groepsgrootte_max": rij["groepsgrootte_max"],
                "opmerking": rij.get("opmerking", ""),
                "volgorde": volgorde,
            },
        )
        if aangemaakt:
            nieuw += 1
            workshop.doelpublieken.set([doelpublieken[s] for s in rij["doelpublieken"]])
            workshop.werkmodellen.set(Werkmodel.objects.filter(slug__in=rij["werkmodellen"]))
        workshops[rij["slug"]] = workshop

    locatie = _locatie()
    vereniging = workshops.get("iedereen-welkom-in-jouw-vereniging")
    if vereniging and not vereniging.sessies.exists():
        # A full open session at a venue with a waiting list, and an online one.
        vol = Sessie.objects.create(
            workshop=vereniging,
            begint_op=_om(14, 19, 30),
            eindigt_op=_om(14, 22, 0),
            locatie=locatie,
            plaats="" if locatie else "Demo: ontmoetingscentrum, Mechelen",
            meebrengen=DEMO_MEEBRENGEN,
            capaciteit=8,
        )
        _inschrijvingen(vol, 8, Inschrijving.Status.BEVESTIGD, 0)
        _inschrijvingen(vol, 3, Inschrijving.Status.WACHTLIJST, 8)
        Sessie.objects.create(
            workshop=vereniging,
            begint_op=_om(35, 10, 0),
            eindigt_op=_om(35, 12, 30),
            online_link="https://meet.example.org/baz-demo",
            capaciteit=20,
        )
        vorige = Sessie.objects.create(
            workshop=vereniging,
            begint_op=_om(-20, 19, 30),
            eindigt_op=_om(-20, 22, 0),
            plaats="Demo: parochiezaal, Gent",
            capaciteit=15,
            inschrijving_open=False,
        )
        _inschrijvingen(vorige, 5, Inschrijving.Status.BEVESTIGD, 3)
        # Attendance was taken: four came, one did not. The present ones can download their
        # attestation from their personal page (`manage.py demo` prints one such link).
        aanwezigen = list(vorige.inschrijvingen.order_by("pk"))
        Inschrijving.objects.filter(pk__in=[i.pk for i in aanwezigen[:4]]).update(aanwezig=True)
        Inschrijving.objects.filter(pk=aanwezigen[4].pk).update(aanwezig=False)

    elif vereniging and locatie:
        # A demo loaded before venues existed: its upcoming session in Mechelen gets the venue.
        vereniging.sessies.filter(
            locatie__isnull=True, plaats="Demo: ontmoetingscentrum, Mechelen"
        ).update(locatie=locatie, plaats="", meebrengen=DEMO_MEEBRENGEN)

    eerstelijn = workshops.get("krachtgericht-en-netwerkversterkend-werken")
    if eerstelijn and not eerstelijn.sessies.exists():
        sessie = Sessie.objects.create(
            workshop=eerstelijn,
            begint_op=_om(21, 13, 30),
            eindigt_op=_om(21, 16, 30),
            plaats="Demo: vergaderzaal, Leuven",
            capaciteit=16,
            inschrijven_tot=_om(18, 23, 59),
        )
        _inschrijvingen(sessie, 4, Inschrijving.Status.BEVESTIGD, 5)

    if vereniging and not Aanvraag.objects.exists():
        gemeenten = {g.naam: g for g in Gemeente.objects.filter(naam__in=["Geel", "Brugge"])}
        voorbeelden = [
            ("Demo: toneelkring De Planken", Aanvraag.Soort.TONEEL, "Geel", Aanvraag.Status.NIEUW),
            (
                "Demo: natuurpunt-afdeling",
                Aanvraag.Soort.NATUUR,
                "Brugge",
                Aanvraag.Status.IN_BEHANDELING,
            ),
        ]
        for organisatie, soort, gemeente, status in voorbeelden:
            aanvraag = Aanvraag.objects.create(
                workshop=vereniging,
                organisatie=organisatie,
                soort=soort,
                gemeente=gemeenten.get(gemeente),
                contactpersoon="Demo Contact",
                email="contact@example.org",
                formaat="live",
                voorkeur_1=timezone.localdate() + timedelta(days=40),
                voorkeur_2=timezone.localdate() + timedelta(days=60),
                aantal_deelnemers=12,
                leervraag="Demotekst: hoe maken we onze vereniging toegankelijker?",
                status=status,
            )
            AanvraagStatuswijziging.objects.create(aanvraag=aanvraag, naar=Aanvraag.Status.NIEUW)
            if status != Aanvraag.Status.NIEUW:
                AanvraagStatuswijziging.objects.create(
                    aanvraag=aanvraag, van=Aanvraag.Status.NIEUW, naar=status
                )
    return nieuw


def demo_links() -> list[tuple[str, str]]:
    """(what, path) of demo pages one cannot click to: a personal page with an attestation, and
    the check-in page of the upcoming session at the demo venue (staff)."""
    from django.urls import reverse

    links = []
    aanwezig = (
        Inschrijving.objects.filter(aanwezig=True, sessie__eindigt_op__lt=timezone.now())
        .order_by("pk")
        .first()
    )
    if aanwezig:
        links.append(
            (
                "persoonlijke pagina van een aanwezige deelnemer, met attest",
                reverse("inschrijving", args=[aanwezig.token]),
            )
        )
    komend = Sessie.objects.filter(locatie__isnull=False, begint_op__gt=timezone.now()).first()
    if komend:
        links.append(
            (
                "inchecken voor de sessie op de demolocatie (beheer)",
                reverse("sessie-inchecken", args=[komend.pk]),
            )
        )
    return links
