"""What BAZ does in each municipality: /gemeenten/ and /gemeenten/<slug>/.

A gemeente's slug is its Dutch name slugified (`/gemeenten/geel/`); the Gemeente reference
table (baz.models, Statbel REFNIS) has no slug column, so the few hundred names are read and
slugified when a slug is looked up. "Nearby" is the same administrative arrondissement first,
then the same province: the arrondissement is the first two digits of the REFNIS code (REFNIS
builds the code that way: 13008 Geel lies in 13, Turnhout).

Only what is public is shown: published inspiraties, workshops given there as a number (never
the association that asked), and the lerende netwerken that are visible on /netwerken/ and
whose region names the gemeente or its arrondissement. Coachingtrajecten have no public flag,
so they are not shown.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from baz.models import Gemeente
from baz.tekst import normaliseer

from .kaart import gebieden, kaart
from .models import Inspiratie

# The administrative arrondissements of Flanders and Brussels, by the REFNIS code's first digits.
ARRONDISSEMENTEN = {
    "11": "Antwerpen",
    "12": "Mechelen",
    "13": "Turnhout",
    "21": "Brussel-Hoofdstad",
    "23": "Halle-Vilvoorde",
    "24": "Leuven",
    "31": "Brugge",
    "32": "Diksmuide",
    "33": "Ieper",
    "34": "Kortrijk",
    "35": "Oostende",
    "36": "Roeselare",
    "37": "Tielt",
    "38": "Veurne",
    "41": "Aalst",
    "42": "Dendermonde",
    "43": "Eeklo",
    "44": "Gent",
    "45": "Oudenaarde",
    "46": "Sint-Niklaas",
    "71": "Hasselt",
    "72": "Maaseik",
    "73": "Tongeren-Borgloon",
}
PER_PAGINA_HIER = 12
IN_DE_BUURT = 6
MAX_ZOEKRESULTATEN = 60
GEGEVEN = ("gegeven", "geevalueerd")  # workshops.Aanvraag statuses of a workshop that took place


def gemeente_slug(gemeente) -> str:
    return slugify(gemeente.naam)


def arrondissement_code(gemeente) -> str:
    return gemeente.nis_code[:2]


def arrondissement_naam(gemeente) -> str:
    return ARRONDISSEMENTEN.get(arrondissement_code(gemeente), "")


def nis_per_slug() -> dict[str, str]:
    """{slug: NIS code} of every municipality: one query of a few hundred short rows."""
    return {slugify(naam): nis for nis, naam in Gemeente.objects.values_list("nis_code", "naam")}


def gemeente_uit_url(request: HttpRequest) -> dict:
    """Initial values for a form reached from a gemeente's page: ?gemeente=<slug> gives
    {"gemeente": NIS code}; an unknown or missing slug gives {} (no query without one)."""
    gevraagd = request.GET.get("gemeente", "")[:100] if request.method == "GET" else ""
    nis = nis_per_slug().get(gevraagd) if gevraagd else None
    return {"gemeente": nis} if nis else {}


def _inspiraties_per_gemeente():
    return Subquery(
        Inspiratie.objects.gepubliceerd()
        .filter(gemeente=OuterRef("pk"))
        .order_by()
        .values("gemeente")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )


def _workshops_per_gemeente():
    from workshops.models import Aanvraag

    return Subquery(
        Aanvraag.objects.filter(gemeente=OuterRef("pk"), status__in=GEGEVEN)
        .order_by()
        .values("gemeente")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )


@dataclass
class GemeenteRij:
    naam: str
    slug: str
    provincie: str
    inspiraties: int
    workshops: int


def gemeenten_met_iets(zoekterm: str = "") -> list[GemeenteRij]:
    """Municipalities with a published inspiratie or a workshop given there, alphabetical,
    with both counts, in one query. With a search: every municipality whose name or postal
    code matches, also those without anything yet."""
    rijen = Gemeente.objects.annotate(
        n_inspiraties=Coalesce(_inspiraties_per_gemeente(), 0),
        n_workshops=Coalesce(_workshops_per_gemeente(), 0),
    )
    zoekterm = normaliseer(zoekterm.strip()[:100])
    if not zoekterm:
        rijen = rijen.filter(Q(n_inspiraties__gt=0) | Q(n_workshops__gt=0))
    uit = []
    for g in rijen.order_by("naam"):
        # Searched in Python, accent-insensitive on every database: the names are few.
        if zoekterm and not (
            zoekterm in normaliseer(g.naam)
            or zoekterm in normaliseer(g.naam_fr)
            or zoekterm in g.postcodes.split(",")
        ):
            continue
        uit.append(
            GemeenteRij(
                naam=g.naam,
                slug=gemeente_slug(g),
                provincie=g.get_provincie_display(),
                inspiraties=g.n_inspiraties,
                workshops=g.n_workshops,
            )
        )
    return uit[:MAX_ZOEKRESULTATEN] if zoekterm else uit


@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    zoekterm = request.GET.get("q", "").replace("\x00", "").strip()
    rijen = gemeenten_met_iets(zoekterm)
    per_provincie = dict(
        Inspiratie.objects.gepubliceerd()
        .exclude(provincie="")
        .values_list("provincie")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return render(
        request,
        "inspiraties/gemeenten/lijst.html",
        {
            "kaart": kaart(),
            "gebieden": gebieden(
                per_provincie, lambda slug: f"{reverse('inspiraties')}?provincie={slug}"
            ),
            "gemeenten": rijen,
            "zoekterm": zoekterm[:100],
            "letters": sorted({r.naam[0].upper() for r in rijen}),
        },
    )


def publieke_netwerken_voor(gemeente):
    """Visible lerende netwerken whose region names this gemeente or its arrondissement."""
    from netwerken.models import Netwerk

    arrondissement = arrondissement_naam(gemeente)
    patronen = [re.escape(gemeente.naam)]
    if arrondissement:
        patronen.append(r"arrondissement\s+" + re.escape(arrondissement))
    patroon = re.compile(r"\b(" + "|".join(patronen) + r")\b", re.IGNORECASE)
    return [
        netwerk
        for netwerk in Netwerk.objects.publiek().only("naam", "regio", "begint_op", "eindigt_op")
        if patroon.search(netwerk.regio)
    ]


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    from workshops.models import Aanvraag, Workshop

    nis = nis_per_slug().get(slug)
    if nis is None:
        raise Http404
    gemeente = Gemeente.objects.get(pk=nis)
    hier = Inspiratie.objects.gepubliceerd().filter(gemeente=gemeente)
    aantal_hier = hier.count()
    prefix = arrondissement_code(gemeente)
    nabij = (
        Inspiratie.objects.gepubliceerd()
        .filter(provincie=gemeente.provincie)
        .exclude(gemeente=gemeente)
        .annotate(
            afstand=Case(
                When(gemeente__nis_code__startswith=prefix, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("afstand", "-gepubliceerd_op", "-pk")
        .voor_kaarten()[:IN_DE_BUURT]
    )
    workshops_gegeven = Aanvraag.objects.filter(gemeente=gemeente, status__in=GEGEVEN).count()
    return render(
        request,
        "inspiraties/gemeenten/detail.html",
        {
            "gemeente": gemeente,
            "slug": slug,
            "arrondissement": arrondissement_naam(gemeente),
            "inspiraties": hier.order_by("-gepubliceerd_op", "-pk").voor_kaarten()[:PER_PAGINA_HIER]
            if aantal_hier
            else [],
            "aantal": aantal_hier,
            "nabij": nabij,
            "workshops_gegeven": workshops_gegeven,
            "netwerken": publieke_netwerken_voor(gemeente),
            "workshops": Workshop.objects.gepubliceerd().order_by("titel").only("titel", "slug"),
        },
    )
