from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from baz.tekst import markdown_naar_html
from inspiraties.models import Werkmodel

from .models import Materiaal, Publiek

PER_PAGINA = 24


def _gekozen(request: HttpRequest, naam: str, bekend: dict[str, str], soort: str, meldingen):
    """The known values asked for in a repeatable parameter; each unknown one is named."""
    gekozen = []
    for waarde in dict.fromkeys(request.GET.getlist(naam)[:20]):
        if waarde in bekend:
            gekozen.append(waarde)
        else:
            meldingen.append(
                _("Er bestaat geen %(soort)s “%(waarde)s”; we tonen alles zonder die filter.")
                % {"soort": soort, "waarde": waarde[:60]}
            )
    return gekozen


def lijst(request: HttpRequest) -> HttpResponse:
    werkmodellen = {w.slug: w.naam for w in Werkmodel.objects.only("slug", "naam")}
    publieken = {p.slug: p.naam for p in Publiek.objects.all()}
    soorten = dict(Materiaal.Soort.choices)
    meldingen: list[str] = []
    gekozen = {
        "soort": _gekozen(request, "soort", soorten, _("soort"), meldingen),
        "werkmodel": _gekozen(request, "werkmodel", werkmodellen, _("werkmodel"), meldingen),
        "voor": _gekozen(request, "voor", publieken, _("publiek"), meldingen),
    }
    materiaal = Materiaal.objects.voor_lijst()
    if gekozen["soort"]:
        materiaal = materiaal.filter(soort__in=gekozen["soort"])
    if gekozen["werkmodel"]:
        materiaal = materiaal.filter(werkmodellen__slug__in=gekozen["werkmodel"])
    if gekozen["voor"]:
        materiaal = materiaal.filter(publieken__slug__in=gekozen["voor"])
    if gekozen["werkmodel"] or gekozen["voor"]:
        materiaal = materiaal.distinct()
    pagina = Paginator(materiaal, PER_PAGINA).get_page(request.GET.get("pagina"))
    if request.GET.get("pagina") not in (None, "", str(pagina.number)):
        meldingen.append(
            _("Die pagina bestaat niet; we tonen pagina %(n)d.") % {"n": pagina.number}
        )
    return render(
        request,
        "inspiratiemateriaal/lijst.html",
        {
            "pagina": pagina,
            "bereik": pagina.paginator.get_elided_page_range(pagina.number),
            "meldingen": meldingen,
            "filters": [
                ("soort", _("Soort"), soorten, gekozen["soort"]),
                ("werkmodel", _("Werkmodel"), werkmodellen, gekozen["werkmodel"]),
                ("voor", _("Voor wie"), publieken, gekozen["voor"]),
            ],
            "gefilterd": any(gekozen.values()),
        },
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    materiaal = get_object_or_404(
        Materiaal.objects.zichtbaar_voor(request.user).prefetch_related(
            "werkmodellen", "publieken"
        ),
        slug=slug,
    )
    antwoord = render(
        request,
        "inspiratiemateriaal/detail.html",
        {
            "materiaal": materiaal,
            "transcript": (
                markdown_naar_html(materiaal.transcript, hoogste_kop=3)
                if materiaal.transcript
                else ""
            ),
            "samenvatting": (
                markdown_naar_html(materiaal.samenvatting, hoogste_kop=3)
                if materiaal.samenvatting
                else ""
            ),
        },
    )
    if materiaal.status != Materiaal.Status.GEPUBLICEERD:
        patch_cache_control(antwoord, private=True, no_store=True)
    return antwoord


def ondertitels(request: HttpRequest, slug: str) -> HttpResponse:
    """The captions as a file of the site's own origin, as <track> needs."""
    materiaal = get_object_or_404(
        Materiaal.objects.zichtbaar_voor(request.user).only("ondertitels", "status"), slug=slug
    )
    if not materiaal.ondertitels.strip():
        raise Http404
    antwoord = HttpResponse(materiaal.ondertitels, content_type="text/vtt; charset=utf-8")
    if materiaal.status == Materiaal.Status.GEPUBLICEERD:
        patch_cache_control(antwoord, public=True, max_age=300)
    else:
        patch_cache_control(antwoord, private=True, no_store=True)
    return antwoord
