"""Staff overview of a network: attendance per meeting, evaluation averages, open cases; CSV."""

import csv
from typing import IO

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.formats import date_format

from .models import Bijeenkomst, Casus, Netwerk


def _bijeenkomsten(netwerk: Netwerk):
    return (
        Bijeenkomst.objects.filter(netwerk=netwerk)
        .annotate(
            aantal_aanwezig=Count("aanwezigen", distinct=True),
            aantal_evaluaties=Count("evaluaties", distinct=True),
            gemiddelde=Avg("evaluaties__score"),
            open_casussen=Count("casussen", filter=Q(casussen__status="open"), distinct=True),
        )
        .order_by("begint_op")
    )


def netwerk_overzicht(netwerk: Netwerk) -> dict:
    return {
        "bijeenkomsten": _bijeenkomsten(netwerk),
        "aantal_deelnemers": netwerk.deelnemers.count(),
        "open_casussen": Casus.objects.filter(netwerk=netwerk).open().voor_lijst(),
        "gemiddelde": netwerk.bijeenkomsten.aggregate(g=Avg("evaluaties__score"))["g"],
    }


def netwerk_csv(netwerk: Netwerk, uit: IO[str]) -> None:
    aantal = netwerk.deelnemers.count()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(
        [
            "datum",
            "thema",
            "aanwezig",
            "deelnemers",
            "evaluaties",
            "gemiddelde score",
            "open casussen",
        ]
    )
    for b in _bijeenkomsten(netwerk):
        schrijver.writerow(
            [
                date_format(timezone.localtime(b.begint_op), "Y-m-d H:i"),
                b.thema,
                b.aantal_aanwezig,
                aantal,
                b.aantal_evaluaties,
                f"{b.gemiddelde:.1f}".replace(".", ",") if b.gemiddelde is not None else "",
                b.open_casussen,
            ]
        )
