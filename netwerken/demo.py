"""Demo content for netwerken (idempotent): the Geel / arrondissement Turnhout pilot network and a
coachingtraject for Geel, from baz/demo/inhoud.py.

`netwerken_laden()` holds no personal data and runs everywhere; `deelnemers_laden()` links the
demo member accounts (created by `manage.py demo` only when DEBUG is on) to the network and adds
their attendance, a case and evaluations. The people and organisations are fictional demo data.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from baz.demo.inhoud import LEREND_NETWERK
from baz.models import Gemeente

from . import services
from .models import (
    Bijeenkomst,
    Casus,
    Coachingtraject,
    Deelnemer,
    Evaluatie,
    Netwerk,
    Overheidsrol,
    Verslag,
    Zelfevaluatie,
)
from .teksten import COACHINGTRAJECT

BEGELEIDERS = "Begeleiders"  # the group of migration 0004_begeleiders

BRUSSEL = ZoneInfo("Europe/Brussels")

# Printed by `make run` (format of baz/management/commands/demo.py's DEMO_ACCOUNTS).
DEMO_DEELNEMERS = [
    {
        "username": "deelnemer",
        "email": "an.peeters@example.org",
        "first_name": "An",
        "last_name": "Peeters",
        "uitleg": "deelnemer lerend netwerk Geel (demo)",
    },
    {
        "username": "deelnemer2",
        "email": "jef.claes@example.org",
        "first_name": "Jef",
        "last_name": "Claes",
        "uitleg": "deelnemer lerend netwerk Geel (demo)",
    },
    {
        "username": "deelnemer3",
        "email": "fatima.elamrani@example.org",
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "uitleg": "deelnemer lerend netwerk Geel (demo)",
    },
]
_PROFIELEN = {
    "deelnemer": ("Demogemeente A (fictief)", "beleidsmedewerker welzijn", True),
    "deelnemer2": ("Demo-welzijnsschakel (fictief)", "vrijwilliger-coördinator", False),
    "deelnemer3": ("Demo-eerstelijnszone (fictief)", "zorgcoördinator", True),
}
_AGENDA = (
    "1. Welkom en terugblik\n2. Inhoud van de dag\n3. Casusbespreking\n4. Huiswerk en afspraken"
)
_VERSLAG = (
    "*Demotekst.* We maakten kennis en legden samen de verwachtingen en leerdoelen vast.\n\n"
    "- Iedere deelnemer stelde de eigen werking voor.\n"
    "- We spraken af om telkens één casus te bespreken.\n"
    "- De volgende keer staat de rol van het lokaal bestuur centraal."
)


def _moment(dagen: int, uur: int) -> datetime:
    dag = timezone.localdate() + timedelta(days=dagen)
    return datetime.combine(dag, time(uur, 30), tzinfo=BRUSSEL)


@transaction.atomic
def netwerken_laden() -> int:
    """Create the demo network and coachingtraject if missing. Returns how many were new."""
    nieuw = 0
    if not Netwerk.objects.filter(slug=LEREND_NETWERK["slug"]).exists():
        netwerk = Netwerk.objects.create(
            naam=LEREND_NETWERK["naam"],
            slug=LEREND_NETWERK["slug"],
            regio=LEREND_NETWERK["regio"],
            doel=LEREND_NETWERK["doel"] + "\n\n## Hoe het werkt\n\n" + LEREND_NETWERK["werking"],
            begint_op=timezone.localdate() - timedelta(days=150),
            eindigt_op=timezone.localdate() + timedelta(days=215),
        )
        # Six meetings a year: three behind us, three ahead (themes are demo values). The next
        # one is tomorrow, so its reminder is due: `manage.py periodiek` puts it in the outbox.
        dagen_vanaf_vandaag = [-120, -70, -20, 1, 70, 115]
        for i, (thema, dagen) in enumerate(
            zip(LEREND_NETWERK["bijeenkomst_themas"], dagen_vanaf_vandaag, strict=True)
        ):
            Bijeenkomst.objects.create(
                netwerk=netwerk,
                thema=thema,
                begint_op=_moment(dagen, 13),
                eindigt_op=_moment(dagen, 16),
                plaats="" if i == 4 else "Demolocatie, Geel",
                online_link="https://meet.example.org/baz-demo" if i == 4 else "",
                agenda=_AGENDA,
            )
        eerste, tweede = Bijeenkomst.objects.filter(netwerk=netwerk).order_by("begint_op")[:2]
        verslag = Verslag.objects.create(bijeenkomst=eerste, tekst=_VERSLAG, huiswerk="")
        services.verslag_publiceren(verslag=verslag)
        Verslag.objects.filter(pk=verslag.pk).update(
            gepubliceerd_op=eerste.eindigt_op + timedelta(days=3)
        )
        Verslag.objects.create(
            bijeenkomst=tweede,
            tekst="*Demotekst.* Concept van het verslag (nog niet gepubliceerd).",
        )
        nieuw += 1

    gemeente = Gemeente.objects.filter(naam="Geel").first()
    if gemeente and not Coachingtraject.objects.filter(gemeente=gemeente).exists():
        traject = Coachingtraject.objects.create(
            gemeente=gemeente,
            naam="Coachingtraject Geel (demo)",
            doel="*Demotekst.* " + COACHINGTRAJECT["sessies"][0]["uitleg"],
        )
        services.coachingtraject_voorbereiden(traject=traject)
        demo_scores = {
            Overheidsrol.RECHTMATIG: (4, 3),
            Overheidsrol.PRESTEREND: (4, 3),
            Overheidsrol.NETWERKEND: (2, 3),
            Overheidsrol.RESPONSIEF: (1, 3),
        }
        for rol, (start, einde) in demo_scores.items():
            for moment, score in (
                (Zelfevaluatie.Moment.START, start),
                (Zelfevaluatie.Moment.EINDE, einde),
            ):
                Zelfevaluatie.objects.create(
                    traject=traject, rol=rol, moment=moment, score=score, toelichting="Demowaarde."
                )
        nieuw += 1
    return nieuw


@transaction.atomic
def deelnemers_laden() -> None:
    """Link the demo member accounts to the demo network (only those that exist)."""
    netwerk = Netwerk.objects.filter(slug=LEREND_NETWERK["slug"]).first()
    if netwerk is None:
        return
    User = get_user_model()
    medewerker = User.objects.filter(username="medewerker", is_staff=True).first()
    if medewerker:
        # A begeleider must be allowed to facilitate (netwerken.begeleiden): the group
        # Begeleiders (migration 0004) holds it, so the demo medewerker stays begeleider
        # even where it is no superuser.
        begeleiders = Group.objects.filter(name=BEGELEIDERS).first()
        if begeleiders:
            medewerker.groups.add(begeleiders)
        netwerk.begeleiders.add(medewerker)
    for account in DEMO_DEELNEMERS:
        user = User.objects.filter(username=account["username"]).first()
        if user is None or Deelnemer.objects.filter(netwerk=netwerk, user=user).exists():
            continue
        organisatie, rol, toon = _PROFIELEN[account["username"]]
        deelnemer = services.deelnemer_toevoegen(
            netwerk=netwerk, user=user, organisatie=organisatie, rol=rol
        )
        deelnemer.toon_email = toon
        deelnemer.save(update_fields=["toon_email"])

    deelnemers = list(netwerk.deelnemers.order_by("pk"))
    voorbij = list(Bijeenkomst.objects.filter(netwerk=netwerk).voorbij().order_by("begint_op"))
    if not deelnemers or not voorbij:
        return
    eerste = voorbij[0]
    if not eerste.aanwezigheden.exists():
        # Two were there, the third had excused themselves (the verslag mail says so).
        services.aanwezigheid_registreren(
            bijeenkomst=eerste, aanwezigen=deelnemers[:2], verontschuldigd=deelnemers[2:3]
        )
    komend = Bijeenkomst.objects.filter(netwerk=netwerk).komend().first()
    if not Casus.objects.filter(netwerk=netwerk).exists():
        services.casus_indienen(
            deelnemer=deelnemers[-1],
            titel="Vrijwilligers vinden voor een buurtproject (demo)",
            context="*Demotekst.* Een buurtproject zoekt vrijwilligers, maar de oproepen bereiken "
            "vooral mensen die al actief zijn.",
            vraag="Hoe bereiken jullie nieuwe vrijwilligers buiten de vaste kring?",
            bijeenkomst=komend,
        )
    casus = Casus.objects.filter(netwerk=netwerk).order_by("pk").first()
    if casus is not None and not casus.reacties.exists():
        antwoorden = (
            "*Demotekst.* Bij ons werkte een oproep via de scholen en de sportclubs: zo "
            "bereikten we ouders die nog nergens actief waren.",
            "*Demotekst.* Vraag mensen voor één concrete klus in plaats van 'vrijwilliger'. "
            "Wie één keer meedeed, komt vaker terug.",
        )
        for deelnemer, tekst in zip(
            [d for d in deelnemers if d.pk != casus.deelnemer_id], antwoorden, strict=False
        ):
            services.casus_reactie_plaatsen(casus=casus, deelnemer=deelnemer, tekst=tekst)
    # The two who were there evaluate it (who was absent or excused cannot).
    for deelnemer, score in zip(deelnemers[1::-1], (4, 5), strict=False):
        if not Evaluatie.objects.filter(bijeenkomst=eerste, deelnemer=deelnemer).exists():
            services.evaluatie_indienen(
                bijeenkomst=eerste,
                deelnemer=deelnemer,
                score=score,
                nuttig="Demotekst: de kennismaking en de afspraken.",
            )
