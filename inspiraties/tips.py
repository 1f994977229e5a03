"""/inspiraties/tip/: a citizen tips an initiative. The form, a check page, then the tip is
stored (services.tip_indienen) and a confirmation page says what happens next.

The steps are one URL: POST with `stap=controleren` validates and shows the check page (the
photo kept in the private upload store, its token in a hidden field), `stap=aanpassen` shows
the form again with what was typed, `stap=versturen` validates everything once more and stores.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from baz.ratelimiet import beperken
from baz.spamwering import bot_bedankt, min_invultijd, tijdstempel

from . import services
from .forms import TOESTEMMING_VERSIE, TipFormulier
from .gemeenten import gemeente_uit_url


def _formulier(request: HttpRequest, form: TipFormulier, status: int = 200) -> HttpResponse:
    if form.is_bound:
        form.foto_bewaren()  # a valid photo survives an error elsewhere in the form
    return render(request, "inspiraties/tip.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def tip(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        # From a gemeente's page: /inspiraties/tip/?gemeente=geel fills in the gemeente.
        form = TipFormulier(initial=gemeente_uit_url(request), request=request)
        return _formulier(request, form)
    stap = request.POST.get("stap", "controleren")
    if stap == "aanpassen":
        vorig = TipFormulier(request.POST, request.FILES, request=request)
        form = TipFormulier(initial=vorig.als_beginwaarden(), request=request)
        form.bewaard = vorig.bewaard  # the photo chosen before stays chosen
        return _formulier(request, form)
    if stap == "versturen" and (te_veel := beperken(request, "tip")):
        return te_veel
    form = TipFormulier(request.POST, request.FILES, request=request)
    if not form.is_valid():
        return _formulier(request, form, status=400)
    if form.is_bot:
        return bot_bedankt(request, form, "tip")
    gegevens = form.gegevens()
    if stap != "versturen":
        bewaard = form.foto_bewaren()
        # The time trap was passed on the form; the check page may be confirmed at once.
        stempel = tijdstempel(seconden_geleden=min_invultijd())
        return render(
            request,
            "inspiraties/tip_controleren.html",
            {
                "form": form,
                "gegevens": gegevens,
                "verborgen": form.verborgen_velden(),
                "stempel": stempel,
                "sleutel": request.POST.get("sleutel", ""),
                "foto": bewaard,
            },
        )
    gegevens.pop("foto_bewaard", None)
    gegevens.pop("foto_vergeten", None)
    _tip, _nieuw = services.tip_indienen(
        **gegevens,
        toestemming_versie=TOESTEMMING_VERSIE,
        indiening_sleutel=form.cleaned_data.get("sleutel"),
    )
    form.foto_opruimen()
    return redirect("inspiratie-tip-bedankt")


@require_GET
def bedankt(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "inspiraties/tip_bedankt.html",
        {"werkdagen": services.BEVESTIGING_TERMIJN_WERKDAGEN},
    )
