"""The catalogue: filters, facet counts, search, sorting and pagination of /inspiraties/.

Filters are OR within one filter and AND across filters. Every option carries the number of
inspiraties it would give together with the search and the other active filters (facet counts):
ticking it in a filter that has nothing ticked yet gives exactly that many results. Unknown
values in the URL are dropped with a message instead of failing, so a stale bookmark still works.
"""

import hashlib
from dataclasses import dataclass, field

import django_filters
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag, TaggedItem

from baz.models import Provincie

from .models import Doelgroep, Inspiratie, Werkmodel
from .queries import MAX_ZOEKLENGTE
from .versie import catalogus_versie

PER_PAGINA = 12
FACET_BEWAARTIJD = 600  # seconds; a new catalogue version makes entries stale before that
FILTERS = ("werkmodel", "provincie", "thema", "doelgroep")
SORTERINGEN = {
    "nieuwste": gettext_lazy("Nieuwste eerst"),
    "titel": gettext_lazy("Titel (A–Z)"),
    "relevantie": gettext_lazy("Best passend"),
}


def _thema_items():
    return TaggedItem.objects.filter(
        content_type__app_label="inspiraties", content_type__model="inspiratie"
    )


class InspiratieFilter(django_filters.FilterSet):
    """Validated filter values -> querysets. Choices are checked before binding (see below)."""

    werkmodel = django_filters.MultipleChoiceFilter(method="filter_werkmodel")
    provincie = django_filters.MultipleChoiceFilter(
        field_name="provincie", choices=Provincie.choices, distinct=False
    )
    thema = django_filters.MultipleChoiceFilter(method="filter_thema")
    doelgroep = django_filters.MultipleChoiceFilter(method="filter_doelgroep")

    class Meta:
        model = Inspiratie
        fields: list[str] = []

    def __init__(self, *args, keuzes: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("werkmodel", "thema", "doelgroep"):
            self.filters[naam].extra["choices"] = [(waarde, waarde) for waarde in keuzes[naam]]

    def filter_werkmodel(self, queryset, name, waarden):
        through = Inspiratie.werkmodellen.through.objects
        return queryset.filter(
            Exists(through.filter(inspiratie=OuterRef("pk"), werkmodel__slug__in=waarden))
        )

    def filter_doelgroep(self, queryset, name, waarden):
        through = Inspiratie.doelgroepen.through.objects
        return queryset.filter(
            Exists(through.filter(inspiratie=OuterRef("pk"), doelgroep__slug__in=waarden))
        )

    def filter_thema(self, queryset, name, waarden):
        return queryset.filter(
            Exists(_thema_items().filter(object_id=OuterRef("pk"), tag__slug__in=waarden))
        )

    def gefilterd(self, queryset: QuerySet, behalve: str | None = None) -> QuerySet:
        """Apply every active filter except `behalve` (for that filter's facet counts)."""
        for naam, waarde in self.form.cleaned_data.items():
            if naam != behalve and waarde:
                queryset = self.filters[naam].filter(queryset, waarde)
        return queryset


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


def _geldige_waarden(params: QueryDict) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Split each filter's values in known and unknown ones; checks only what was asked for."""
    gevraagd = {naam: list(dict.fromkeys(params.getlist(naam)))[:20] for naam in FILTERS}
    bekend: dict[str, set[str]] = {"provincie": set(Provincie.values)}
    if gevraagd["werkmodel"]:
        bekend["werkmodel"] = set(
            Werkmodel.objects.filter(slug__in=gevraagd["werkmodel"]).values_list("slug", flat=True)
        )
    if gevraagd["doelgroep"]:
        bekend["doelgroep"] = set(
            Doelgroep.objects.filter(slug__in=gevraagd["doelgroep"]).values_list("slug", flat=True)
        )
    if gevraagd["thema"]:
        bekend["thema"] = set(
            _thema_items()
            .filter(tag__slug__in=gevraagd["thema"])
            .values_list("tag__slug", flat=True)
            .distinct()
        )
    geldig, onbekend = {}, {}
    for naam, waarden in gevraagd.items():
        toegestaan = bekend.get(naam, set())
        geldig[naam] = [w for w in waarden if w in toegestaan]
        onbekend[naam] = [w for w in waarden if w not in toegestaan]
    return geldig, onbekend


ONBEKEND_LABEL = {
    "werkmodel": gettext_lazy("werkmodel"),
    "provincie": gettext_lazy("provincie"),
    "thema": gettext_lazy("thema"),
    "doelgroep": gettext_lazy("doelgroep"),
}


def _facetten(
    filters: InspiratieFilter, gezocht: QuerySet, geldig: dict, themas: list[tuple[int, str, str]]
) -> list[Facet]:
    """Counts per option, each facet with the search (in `gezocht`) and the other facets'
    filters (never its own).

    Counted in the link tables grouped by id (cheap), labels from the small reference tables.
    """

    def context(behalve: str) -> QuerySet:
        return filters.gefilterd(gezocht, behalve=behalve).order_by().values("pk")

    def per_sleutel(rijen) -> dict:
        return dict(rijen.annotate(aantal=Count("pk")).order_by())

    per_werkmodel = per_sleutel(
        Inspiratie.werkmodellen.through.objects.filter(
            inspiratie__in=context("werkmodel")
        ).values_list("werkmodel_id")
    )
    per_doelgroep = per_sleutel(
        Inspiratie.doelgroepen.through.objects.filter(
            inspiratie__in=context("doelgroep")
        ).values_list("doelgroep_id")
    )
    per_provincie = per_sleutel(context("provincie").values_list("provincie"))
    per_thema = per_sleutel(
        _thema_items().filter(object_id__in=context("thema")).values_list("tag_id")
    )
    werkmodellen = Werkmodel.objects.order_by("volgorde")
    doelgroepen = Doelgroep.objects.order_by("naam")
    return [
        Facet(
            "werkmodel",
            _("Werkmodel"),
            [
                Optie(w.slug, w.naam, per_werkmodel.get(w.pk, 0), w.slug in geldig["werkmodel"])
                for w in werkmodellen
            ],
        ),
        Facet(
            "provincie",
            _("Provincie"),
            [
                Optie(waarde, label, per_provincie.get(waarde, 0), waarde in geldig["provincie"])
                for waarde, label in Provincie.choices
            ],
        ),
        Facet(
            "thema",
            _("Thema"),
            [
                Optie(slug, naam, per_thema.get(tag_id, 0), slug in geldig["thema"])
                for tag_id, slug, naam in themas
            ],
        ),
        Facet(
            "doelgroep",
            _("Doelgroep"),
            [
                Optie(d.slug, d.naam, per_doelgroep.get(d.pk, 0), d.slug in geldig["doelgroep"])
                for d in doelgroepen
            ],
        ),
    ]


def _thema_totalen(basis: QuerySet, versie: str) -> list[tuple[int, str, str]]:
    """(tag id, slug, name) of every theme that any published inspiratie has, most used first,
    whatever the search: the same list of options on every page, cached per version."""
    sleutel = f"thema-totalen:{versie}"
    themas = cache.get(sleutel)
    if themas is None:
        totalen = (
            _thema_items()
            .filter(object_id__in=basis.order_by().values("pk"))
            .values_list("tag_id")
            .annotate(totaal=Count("pk"))
            .order_by()
        )
        volgorde = dict(totalen)
        labels = Tag.objects.filter(pk__in=volgorde).values_list("pk", "slug", "name")
        themas = sorted(labels, key=lambda t: (-volgorde[t[0]], t[2]))
        cache.set(sleutel, themas, FACET_BEWAARTIJD)
    return themas


def catalogus_opbouwen(params: QueryDict, basis: QuerySet) -> Catalogus:
    """Everything the catalogue page shows, in a fixed number of queries."""
    meldingen = []
    geldig, onbekend = _geldige_waarden(params)
    for naam, waarden in onbekend.items():
        for waarde in waarden:
            meldingen.append(
                _(
                    "Er bestaat geen %(soort)s “%(waarde)s”; we tonen de resultaten zonder die filter."
                )
                % {"soort": ONBEKEND_LABEL[naam], "waarde": waarde[:60]}
            )
    data = QueryDict(mutable=True)
    for naam, waarden in geldig.items():
        data.setlist(naam, waarden)
    filters = InspiratieFilter(data, queryset=basis, keuzes=geldig)
    filters.is_valid()

    zoekterm = params.get("q", "").strip()
    if len(zoekterm) > MAX_ZOEKLENGTE:
        meldingen.append(
            _("Je zoekterm was te lang; we zochten op de eerste %(n)d tekens.")
            % {"n": MAX_ZOEKLENGTE}
        )
        zoekterm = zoekterm[:MAX_ZOEKLENGTE]

    resultaten = filters.gefilterd(basis)
    sortering = params.get("sorteer") or ("relevantie" if zoekterm else "nieuwste")
    if sortering not in SORTERINGEN or (sortering == "relevantie" and not zoekterm):
        if "sorteer" in params:
            meldingen.append(_("Die sortering bestaat niet; we sorteren op de nieuwste."))
        sortering = "relevantie" if zoekterm else "nieuwste"
    if zoekterm:
        resultaten = resultaten.zoek(zoekterm)  # the condition of basis.gezocht(), ranked
    volgorde = {
        "nieuwste": ["-gepubliceerd_op", "-pk"],
        "titel": ["titel", "pk"],
        "relevantie": ["-relevantie", "-gepubliceerd_op", "-pk"],
    }[sortering]
    resultaten = resultaten.order_by(*volgorde).voor_kaarten()

    paginator = Paginator(resultaten, PER_PAGINA)
    # Facets and the total depend only on the filters and the search, not on the page or the
    # sorting: computed once per catalogue version and search and reused while paging.
    versie = catalogus_versie()
    sleutel = "facetten:%s:%s" % (
        versie,
        hashlib.sha256(repr((sorted(geldig.items()), zoekterm)).encode()).hexdigest(),
    )
    bewaard = cache.get(sleutel)
    if bewaard is None:
        # Without a search `gezocht` is `basis` itself: the same queries as before.
        gezocht = basis.gezocht(zoekterm) if zoekterm else basis
        themas = _thema_totalen(basis, versie)
        bewaard = (_facetten(filters, gezocht, geldig, themas), resultaten.count())
        cache.set(sleutel, bewaard, FACET_BEWAARTIJD)
    facetten, paginator.count = bewaard
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
