"""The networks' block of the staff start page (baz/beheer.py): meetings of the last months
that took place and have no published verslag yet, in the networks this staff member sees in
the admin."""

from datetime import timedelta

from django.db.models import Q
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from baz import beheer

from .models import Bijeenkomst, Verslag

# How far back the start page looks for a missing verslag: it lists today's work, and a meeting
# of long ago without one (older years of the demo data, history typed in afterwards) is not.
# The admin's list of meetings still shows them all.
VERSLAG_TERMIJN = timedelta(days=90)


@beheer.blok(volgorde=40, recht="netwerken.view_bijeenkomst")
def verslagen_te_schrijven(request: HttpRequest) -> beheer.Blok:
    """Meetings ended in the last VERSLAG_TERMIJN without a published verslag, the oldest
    first. Which networks: those of
    the admin's own list of meetings (BijeenkomstAdmin.get_queryset), so a begeleider sees
    the meetings of their networks and nobody sees a line they cannot open."""
    nu = timezone.now()
    zonder = (
        beheer.zichtbaar(request, Bijeenkomst)
        .filter(eindigt_op__lt=nu, eindigt_op__gte=nu - VERSLAG_TERMIJN)
        .filter(Q(verslag__isnull=True) | ~Q(verslag__status=Verslag.Status.GEPUBLICEERD))
    )
    aantal = zonder.count()
    rijen = (
        list(
            zonder.select_related("netwerk", "verslag").order_by("begint_op", "pk")[
                : beheer.MAX_REGELS
            ]
        )
        if aantal
        else []
    )
    regels = []
    for bijeenkomst in rijen:
        verslag = getattr(bijeenkomst, "verslag", None)
        regels.append(
            beheer.Regel(
                tekst=_("%(netwerk)s: %(thema)s, %(datum)s")
                % {
                    "netwerk": bijeenkomst.netwerk.naam,
                    "thema": bijeenkomst.thema,
                    "datum": formats.date_format(timezone.localtime(bijeenkomst.begint_op), "j F"),
                },
                link=(
                    beheer.beheerlink(Verslag, "change", verslag.pk)
                    if verslag
                    else beheer.beheerlink(Bijeenkomst, "change", bijeenkomst.pk)
                ),
                toelichting=(
                    _("het verslag staat nog in concept") if verslag else _("nog geen verslag")
                ),
            )
        )
    return beheer.Blok(
        titel=_("Bijeenkomsten zonder gepubliceerd verslag"),
        regels=regels,
        leeg=_("Van elke bijeenkomst van de voorbije drie maanden is het verslag gepubliceerd."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext(
                "Alle %(n)d bijeenkomst zonder verslag",
                "Alle %(n)d bijeenkomsten zonder verslag",
                aantal,
            ),
            beheer.beheerlink(Bijeenkomst),
        ),
    )


@beheer.blok(volgorde=26, recht="netwerken.change_bijeenkomst")
def vandaag_inchecken(request: HttpRequest) -> beheer.Blok:
    """Meetings of today and tomorrow in the networks this staff member sees in the admin,
    each linked to its check-in page (issue 14)."""
    from django.urls import reverse

    from baz.aanwezigheid import vandaag_en_morgen, wanneer_kort

    begin, einde = vandaag_en_morgen()
    rijen = list(
        beheer.zichtbaar(request, Bijeenkomst)
        .filter(begint_op__gte=begin, begint_op__lt=einde)
        .select_related("netwerk")
        .order_by("begint_op", "pk")[: beheer.MAX_REGELS]
    )
    return beheer.Blok(
        titel=_("Vandaag en morgen: inchecken op bijeenkomsten"),
        regels=[
            beheer.Regel(
                tekst=_("%(netwerk)s: %(thema)s, %(wanneer)s")
                % {
                    "netwerk": bijeenkomst.netwerk.naam,
                    "thema": bijeenkomst.thema,
                    "wanneer": wanneer_kort(bijeenkomst.begint_op),
                },
                link=reverse(
                    "netwerken:bijeenkomst-inchecken",
                    args=[bijeenkomst.netwerk.slug, bijeenkomst.pk],
                ),
            )
            for bijeenkomst in rijen
        ],
        leeg=_("Vandaag en morgen zijn er geen bijeenkomsten."),
    )
