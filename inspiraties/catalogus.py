"""The catalogue: filters, facet counts, search, sorting and pagination of /inspiraties/.

Filters are OR within one filter and AND across filters. Every option carries the number of
inspiraties it would give together with the search and the other active filters (facet counts):
ticking it in a filter that has nothing ticked yet gives exactly that many results. Unknown
values in the URL are dropped with a message instead of failing, so a stale bookmark still works.

The counting, filtering and paging are set operations on the catalogue index
(inspiraties/index.py: a bitmap per option, per catalogue version); the database is asked only
for what the index does not hold: the search (the ids that match, and those whose title
matches, from PostgreSQL's full-text indexes), the labels of the options and the twelve cards
of the page. So a page costs the same few queries, and about the same time, at 100 or at
100,000 inspiraties, whatever the filters.

"Best passend" puts the results whose title matches the search first, then the others, each
group newest first: a title match is what ranks highest in PostgreSQL's ranking too (weight A),
and this order needs no pass over the stories' texts.
"""

import re
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection, transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyroaring import BitMap
from taggit.models import Tag

from baz.models import Gemeente, Provincie
from baz.tekst import normaliseer

from . import index as catalogusindex
from .models import Doelgroep, Inspiratie, Werkmodel
from .queries import MAX_ZOEKLENGTE, _zoekquery

PER_PAGINA = 12
OPTIES_BEWAARTIJD = 300  # seconds; as the page cache (baz/paginacache.BEWAARTIJD)
THEMA_BEWAARTIJD = 3600  # seconds; keyed on the catalogue version, so never stale
FILTERS = ("werkmodel", "provincie", "gemeente", "thema", "doelgroep")
SORTERINGEN = {
    "nieuwste": gettext_lazy("Nieuwste eerst"),
    "titel": gettext_lazy("Titel (A–Z)"),
    "relevantie": gettext_lazy("Best passend"),
}


@dataclass
class Optie:
    waarde: str
    label: str
    aantal: int
    actief: bool
    zonder_url: str = ""  # the query string of this page without this option


@dataclass
class Facet:
    naam: str
    label: str
    opties: list[Optie]

    @property
    def actieve(self) -> list[Optie]:
        return [optie for optie in self.opties if optie.actief]


@dataclass
class Catalogus:
    pagina: object
    facetten: list[Facet]
    zoekterm: str
    sortering: str
    aantal: int
    meldingen: list[str] = field(default_factory=list)
    zonder_zoekterm_url: str = ""  # the query string of this page without the search

    @property
    def actieve_filters(self) -> list[tuple[Facet, Optie]]:
        return [(facet, optie) for facet in self.facetten for optie in facet.actieve]

    @property
    def paginabereik(self):
        return self.pagina.paginator.get_elided_page_range(self.pagina.number, on_each_side=2)

    @property
    def heeft_filters(self) -> bool:
        return bool(self.zoekterm or self.actieve_filters)


# The facets in the order the page shows them.
FACET_LABELS = {
    "werkmodel": gettext_lazy("Werkmodel"),
    "provincie": gettext_lazy("Provincie"),
    "gemeente": gettext_lazy("Gemeente"),
    "thema": gettext_lazy("Thema"),
    "doelgroep": gettext_lazy("Doelgroep"),
}

ONBEKEND_LABEL = {
    "werkmodel": gettext_lazy("werkmodel"),
    "provincie": gettext_lazy("provincie"),
    "gemeente": gettext_lazy("gemeente"),
    "thema": gettext_lazy("thema"),
    "doelgroep": gettext_lazy("doelgroep"),
}


def _themas(index: catalogusindex.Index) -> list[tuple[int, str, str]]:
    """(tag id, slug, name) of every theme a published inspiratie has, most used first: the
    same options on every page, cached per catalogue version."""
    sleutel = f"catalogus-themas:{index.versie}"
    themas = cache.get(sleutel)
    if themas is None:
        totalen = index.tellingen("thema", index.alle)
        labels = Tag.objects.filter(pk__in=totalen).values_list("pk", "slug", "name")
        themas = sorted(labels, key=lambda t: (-totalen[t[0]], t[2]))
        cache.set(sleutel, themas, THEMA_BEWAARTIJD)
    return themas


@dataclass
class _Opties:
    """Each filter's options: {slug or value: (index key, label)}, in display order."""

    werkmodel: dict[str, tuple[int, str]]
    doelgroep: dict[str, tuple[int, str]]
    thema: dict[str, tuple[int, str]]
    provincie: dict[str, tuple[str, str]]
    gemeente: dict[str, tuple[str, str]]  # only the ones asked for or counted

    def van(self, naam: str) -> dict:
        return getattr(self, naam)


def _opties(index: catalogusindex.Index, gevraagde_gemeenten: list[str]) -> _Opties:
    """The options of every filter: the same for every page of one catalogue version (a new
    werkmodel, doelgroep, theme or publication makes a new version), so read once per version
    and worker and kept with the index, not asked of the database on every page. The names of
    the gemeenten are reference data that changes without a new version (baz/gemeenten.py):
    kept OPTIES_BEWAARTIJD seconds at most, as long as a cached page lives."""
    sleutel = ("opties", bool(gevraagde_gemeenten))
    nu = time.monotonic()
    bewaard = index.afgeleid.get(sleutel)
    if bewaard is None or nu - bewaard[0] > OPTIES_BEWAARTIJD:
        bewaard = index.afgeleid[sleutel] = (nu, _opties_lezen(index, gevraagde_gemeenten))
    return bewaard[1]


def _opties_lezen(index: catalogusindex.Index, gevraagde_gemeenten: list[str]) -> _Opties:
    return _Opties(
        werkmodel={
            slug: (pk, naam)
            for pk, slug, naam in Werkmodel.objects.order_by("volgorde").values_list(
                "pk", "slug", "naam"
            )
        },
        doelgroep={
            slug: (pk, naam)
            for pk, slug, naam in Doelgroep.objects.order_by("naam").values_list(
                "pk", "slug", "naam"
            )
        },
        thema={slug: (pk, naam) for pk, slug, naam in _themas(index)},
        provincie={waarde: (waarde, label) for waarde, label in Provincie.choices},
        gemeente=_gemeenten(index, gevraagde_gemeenten),
    )


def _gemeenten(index: catalogusindex.Index, gevraagd: list[str]) -> dict[str, tuple[str, str]]:
    """{slug: (NIS code, name)} of the gemeenten with a published inspiratie, and of all of
    them when the URL asks for some (a gemeente's slug is its slugified name, as on
    /gemeenten/<slug>/, so it is matched here, not in SQL): one query either way."""
    rijen = Gemeente.objects.all()
    if not gevraagd:
        rijen = rijen.filter(nis_code__in=list(index.facetten["gemeente"]))
    return {
        slugify(naam): (nis, naam)
        for nis, naam in sorted(
            rijen.values_list("nis_code", "naam"), key=lambda rij: normaliseer(rij[1])
        )
    }


def _zoektreffers(zoekterm: str, index: catalogusindex.Index) -> tuple[BitMap, BitMap]:
    """(positions of every published inspiratie that matches, of those whose title matches)."""
    treffers = Inspiratie.objects.gezocht(zoekterm).values_list("pk", flat=True).order_by()
    if connection.vendor != "postgresql":  # other databases: every word in the title
        bevat = Q()
        for woord in re.findall(r"\w+", zoekterm):
            bevat &= Q(titel__icontains=woord)
        titel = Inspiratie.objects.filter(bevat).values_list("pk", flat=True).order_by()
        alle = index.posities(treffers)
        return alle, alle & index.posities(titel)
    titel = (
        Inspiratie.objects.filter(titelvector=_zoekquery(zoekterm))
        .values_list("pk", flat=True)
        .order_by()
    )
    # Always through the full-text indexes: for a word in most stories the planner would read
    # every row instead, unpacking each story's large tsvector (0.48 s at 100,000 rows); the
    # index gives the same ids in 0.04 s.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        alle, in_titel = index.posities(list(treffers)), index.posities(list(titel))
        cursor.execute("RESET enable_seqscan")
    return alle, alle & in_titel


class _Resultaten:
    """The result list as the Paginator pages it: groups of positions in order, each newest
    first or by title; a slice fetches just those cards."""

    def __init__(self, index: catalogusindex.Index, groepen: list[BitMap], *, op_titel: bool):
        self.index = index
        self.groepen = groepen
        self.op_titel = op_titel

    def __len__(self) -> int:
        return sum(len(groep) for groep in self.groepen)

    def __getitem__(self, stuk: slice) -> list[Inspiratie]:
        begin, einde = stuk.start or 0, stuk.stop if stuk.stop is not None else len(self)
        ids: list[int] = []
        for groep in self.groepen:
            if begin < len(groep) and einde > 0:
                ids += self.index.pagina_ids(
                    groep, max(begin, 0), min(einde, len(groep)), op_titel=self.op_titel
                )
            begin, einde = begin - len(groep), einde - len(groep)
        # Published only: while a worker answers with the previous version (index.huidige),
        # a story archived since is left out rather than shown.
        kaarten = Inspiratie.objects.gepubliceerd().filter(pk__in=ids).voor_kaarten().in_bulk()
        return [kaarten[pk] for pk in ids if pk in kaarten]


def catalogus_opbouwen(params: QueryDict) -> Catalogus:
    """Everything the catalogue page shows, in a fixed number of queries."""
    index = catalogusindex.huidige()
    gevraagd = {naam: list(dict.fromkeys(params.getlist(naam)))[:20] for naam in FILTERS}
    opties = _opties(index, gevraagd["gemeente"])
    meldingen = []
    geldig: dict[str, list[str]] = {}
    for naam, waarden in gevraagd.items():
        bekend = opties.van(naam)
        geldig[naam] = [w for w in waarden if w in bekend]
        for waarde in waarden:
            if waarde not in bekend:
                meldingen.append(
                    _(
                        "Er bestaat geen %(soort)s “%(waarde)s”; we tonen de resultaten zonder die filter."
                    )
                    % {"soort": ONBEKEND_LABEL[naam], "waarde": waarde[:60]}
                )

    zoekterm = params.get("q", "").strip()
    if len(zoekterm) > MAX_ZOEKLENGTE:
        meldingen.append(
            _("Je zoekterm was te lang; we zochten op de eerste %(n)d tekens.")
            % {"n": MAX_ZOEKLENGTE}
        )
        zoekterm = zoekterm[:MAX_ZOEKLENGTE]
    sortering = params.get("sorteer") or ("relevantie" if zoekterm else "nieuwste")
    if sortering not in SORTERINGEN or (sortering == "relevantie" and not zoekterm):
        if "sorteer" in params:
            meldingen.append(_("Die sortering bestaat niet; we sorteren op de nieuwste."))
        sortering = "relevantie" if zoekterm else "nieuwste"

    # Each active filter as positions; the search as positions (and its title matches).
    binnen = index.alle
    titeltreffers = BitMap()
    if zoekterm:
        binnen, titeltreffers = _zoektreffers(zoekterm, index)
    per_filter = {
        naam: index.een_van(naam, [opties.van(naam)[w][0] for w in waarden])
        for naam, waarden in geldig.items()
        if waarden
    }

    def context(behalve: str | None = None) -> BitMap:
        resultaat = binnen
        for naam, posities in per_filter.items():
            if naam != behalve:
                resultaat = resultaat & posities
        return resultaat

    facetten = []
    for naam, label in FACET_LABELS.items():
        tellingen = index.tellingen(naam, context(naam))
        keuzes = opties.van(naam).items()
        if naam == "gemeente":  # only gemeenten with something here, and the ticked ones
            keuzes = [(s, o) for s, o in keuzes if tellingen.get(o[0]) or s in geldig[naam]]
        facetten.append(
            Facet(
                naam,
                str(label),
                [
                    Optie(slug, optie_label, tellingen.get(sleutel, 0), slug in geldig[naam])
                    for slug, (sleutel, optie_label) in keuzes
                ],
            )
        )

    resultaat = context()
    if sortering == "relevantie":
        groepen = [resultaat & titeltreffers, resultaat - titeltreffers]
    else:
        groepen = [resultaat]
    paginator = Paginator(_Resultaten(index, groepen, op_titel=sortering == "titel"), PER_PAGINA)
    gevraagde_pagina = params.get("pagina", "1")
    try:
        pagina = paginator.page(gevraagde_pagina)
    except PageNotAnInteger:
        meldingen.append(
            _("“%(p)s” is geen paginanummer; je ziet de eerste pagina.")
            % {"p": gevraagde_pagina[:20]}
        )
        pagina = paginator.page(1)
    except EmptyPage:
        pagina = paginator.page(
            1 if gevraagde_pagina.lstrip().startswith(("-", "0")) else paginator.num_pages
        )
        meldingen.append(
            _("Pagina %(p)s bestaat niet; je ziet pagina %(n)d.")
            % {"p": gevraagde_pagina[:20], "n": pagina.number}
        )

    data = QueryDict(mutable=True)
    for naam, waarden in geldig.items():
        data.setlist(naam, waarden)

    def zonder(naam: str, waarde: str = "") -> str:
        """The query string of this page without one filter value, or without the search."""
        rest = data.copy()
        if naam == "q":
            # Ranking by relevance needs a search: back to the default order without one.
            behoud_sortering = sortering != "relevantie"
        else:
            rest.setlist(naam, [w for w in geldig[naam] if w != waarde])
            if zoekterm:
                rest["q"] = zoekterm
            behoud_sortering = True
        if "sorteer" in params and behoud_sortering:
            rest["sorteer"] = sortering
        query = rest.urlencode()
        return f"?{query}" if query else ""

    for facet in facetten:
        for optie in facet.actieve:
            optie.zonder_url = zonder(facet.naam, optie.waarde)

    return Catalogus(
        pagina=pagina,
        facetten=facetten,
        zoekterm=zoekterm,
        sortering=sortering,
        aantal=paginator.count,
        meldingen=meldingen,
        zonder_zoekterm_url=zonder("q") if zoekterm else "",
    )
