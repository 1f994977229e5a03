from django.contrib.syndication.views import Feed
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from django.views.decorators.vary import vary_on_headers

from baz.paginacache import anoniem_gecached
from baz.tekst import markdown_naar_html

from . import index as catalogusindex
from .catalogus import FILTERS, SORTERINGEN, catalogus_opbouwen
from .kaart import gebieden, kaart
from .models import Inspiratie, Werkmodel

FRAGMENT_HEADER = "X-Fragment"


@vary_on_headers(FRAGMENT_HEADER)
@anoniem_gecached(
    catalogusindex.getoonde_versie,
    parameters=("q", *FILTERS, "sorteer", "pagina"),
    fragmenten=("catalogus",),
)
def lijst(request: HttpRequest) -> HttpResponse:
    catalogus = catalogus_opbouwen(request.GET)
    template = "inspiraties/lijst.html"
    if request.headers.get(FRAGMENT_HEADER) == "catalogus":
        template += "#catalogus"
    provincies = next(f for f in catalogus.facetten if f.naam == "provincie")
    return render(
        request,
        template,
        {
            "catalogus": catalogus,
            "sorteringen": SORTERINGEN,
            # The map counts as the province filter does: with the search and other filters.
            "kaart": kaart(),
            "gebieden": gebieden(
                {optie.waarde: optie.aantal for optie in provincies.opties},
                lambda slug: f"{reverse('inspiraties')}?provincie={slug}",
            ),
        },
    )


@anoniem_gecached(catalogusindex.getoonde_versie)
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    inspiratie = get_object_or_404(
        Inspiratie.objects.zichtbaar_voor(request.user)
        .select_related("gemeente", "tip")
        .prefetch_related("werkmodellen", "themas", "doelgroepen"),
        slug=slug,
    )
    tip = getattr(inspiratie, "tip", None)
    return render(
        request,
        "inspiraties/detail.html",
        {
            "inspiratie": inspiratie,
            "verhaal": markdown_naar_html(inspiratie.verhaal),
            "delen": [
                (kop, markdown_naar_html(tekst))
                for kop, tekst in (
                    (_("Het doel"), inspiratie.doel),
                    (_("De aanpak"), inspiratie.aanpak),
                    (_("Wat werkt"), inspiratie.wat_werkt),
                    (_("Wat heb je nodig?"), inspiratie.wat_nodig),
                )
                if tekst.strip()
            ],
            "meedoen": markdown_naar_html(inspiratie.meedoen) if inspiratie.meedoen else "",
            "getipt_door": tip.getoonde_naam if tip else "",
            "verwant": verwante_inspiraties(inspiratie),
        },
    )


def verwante_inspiraties(inspiratie: Inspiratie, aantal: int = 3) -> list[Inspiratie]:
    """Published inspiraties sharing the most werkmodellen and themes with this one, the newest
    first among equals: counted in the catalogue index, then one query for the cards."""
    ids = catalogusindex.huidige().verwant(
        pk=inspiratie.pk,
        werkmodellen=[w.pk for w in inspiratie.werkmodellen.all()],
        themas=[t.pk for t in inspiratie.themas.all()],
        aantal=aantal,
    )
    kaarten = Inspiratie.objects.filter(pk__in=ids).voor_kaarten().in_bulk()
    return [kaarten[pk] for pk in ids if pk in kaarten]


def werkmodellen(request: HttpRequest) -> HttpResponse:
    # An aggregate drops Meta.ordering: keep the fixed order of the six models explicitly.
    modellen = Werkmodel.objects.annotate(
        aantal=Count("inspiraties", filter=Q(inspiraties__in=Inspiratie.objects.gepubliceerd()))
    ).order_by("volgorde")
    return render(request, "inspiraties/werkmodellen.html", {"werkmodellen": modellen})


def werkmodel(request: HttpRequest, slug: str) -> HttpResponse:
    model = get_object_or_404(Werkmodel, slug=slug)
    inspiraties = Inspiratie.objects.gepubliceerd().filter(werkmodellen=model).voor_kaarten()
    return render(
        request,
        "inspiraties/werkmodel.html",
        {
            "werkmodel": model,
            "beschrijving": markdown_naar_html(model.beschrijving),
            "inspiraties": inspiraties[:12],
            "aantal": inspiraties.count(),
            "andere": Werkmodel.objects.exclude(pk=model.pk),
            "workshops": model.workshops.gepubliceerd().order_by("titel"),
        },
    )


class NieuweInspiratiesFeed(Feed):
    feed_type = Atom1Feed
    title = _("BurgersAanZet – nieuwe inspiraties")
    subtitle = _(
        "Inspirerende burgerinitiatieven van zorg en ondersteuning in Vlaanderen en Brussel."
    )
    link = "/inspiraties/"

    def items(self):
        return (
            Inspiratie.objects.gepubliceerd()
            .order_by("-gepubliceerd_op")
            .prefetch_related(Prefetch("werkmodellen"))[:30]
        )

    def item_title(self, item: Inspiratie) -> str:
        return item.titel

    def item_description(self, item: Inspiratie) -> str:
        return item.samenvatting

    def item_pubdate(self, item: Inspiratie):
        return item.gepubliceerd_op

    def item_updateddate(self, item: Inspiratie):
        return item.gewijzigd_op

    def item_categories(self, item: Inspiratie):
        return [w.naam for w in item.werkmodellen.all()]
