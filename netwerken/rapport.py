"""Staff overview of a network: attendance per meeting, evaluation averages, open cases; CSV."""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext_lazy as _

from .models import Bijeenkomst, Casus, Netwerk


def _bijeenkomsten(netwerk: Netwerk):
    return (
        Bijeenkomst.objects.filter(netwerk=netwerk)
        .annotate(
            aantal_aanwezig=Count(
                "aanwezigheden", filter=Q(aanwezigheden__status="aanwezig"), distinct=True
            ),
            aantal_verontschuldigd=Count(
                "aanwezigheden",
                filter=Q(aanwezigheden__status="verontschuldigd"),
                distinct=True,
            ),
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


def netwerk_csv(netwerk: Netwerk) -> tuple[list[str], list[list]]:
    """The overview as CSV columns and rows (written by baz/admin_csv.py)."""
    aantal = netwerk.deelnemers.count()
    kolommen = [
        _("Datum"),
        _("Thema"),
        _("Aanwezig"),
        _("Deelnemers"),
        _("Evaluaties"),
        _("Gemiddelde score"),
        _("Open casussen"),
    ]
    rijen = [
        [
            b.begint_op,
            b.thema,
            b.aantal_aanwezig,
            aantal,
            b.aantal_evaluaties,
            round(b.gemiddelde, 1) if b.gemiddelde is not None else None,
            b.open_casussen,
        ]
        for b in _bijeenkomsten(netwerk)
    ]
    return kolommen, rijen
