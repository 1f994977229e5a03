"""Views for netwerken: they only glue requests to queries (queries.py) and writes (services.py).

Access: every members-only view is wrapped in `ledenruimte` (anonymous visitors go to the login
page, staff who still owe their second factor to that step) and finds its network through
`_toegang`, which asks `Netwerk.objects.zichtbaar_voor` (queries.py, the one place of the rule:
members, begeleiders, staff with `netwerken.alle_netwerken_bekijken`) and gives everyone else a
404, so that a network's existence is not confirmed. Writing needs a membership of this very
network; a begeleider or staff member who is no member gets a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baz import ical
from baz.ratelimiet import beperken
from baz.spamwering import bot_loggen
from baz.tekst import markdown_naar_html
from baz.toegang import eerst_aanmelden
from inspiraties.gemeenten import gemeente_uit_url

from . import services
from .forms import (
    BerichtForm,
    CasusForm,
    CasusReactieForm,
    EvaluatieForm,
    InteresseForm,
    JaarevaluatieForm,
    ProfielForm,
    ReactieForm,
)
from .models import (
    Bericht,
    Bijeenkomst,
    Casus,
    CasusReactie,
    Deelnemer,
    Evaluatie,
    Jaarevaluatie,
    Netwerk,
    Reactie,
    Verslag,
)
from .teksten import BAZ_LOKAAL_INTRO, COACHINGTRAJECT


def ledenruimte(view: Callable) -> Callable:
    """For every view of a network's members-only space: anonymous visitors log in first, and
    staff who still owe their second factor pass it first (both come back here after)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if (omweg := eerst_aanmelden(request)) is not None:
            return omweg
        return view(request, *args, **kwargs)

    return wrapper


@dataclass
class Toegang:
    netwerk: Netwerk
    deelnemer: Deelnemer | None  # None: a begeleider or staff member looking in

    def schrijver(self) -> Deelnemer:
        if self.deelnemer is None:
            raise PermissionDenied(_("Alleen deelnemers van dit netwerk kunnen dit doen."))
        return self.deelnemer


def _toegang(request: HttpRequest, slug: str) -> Toegang:
    netwerk = get_object_or_404(Netwerk.objects.zichtbaar_voor(request.user), slug=slug)
    deelnemer = Deelnemer.objects.filter(netwerk=netwerk, user=request.user).first()
    return Toegang(netwerk=netwerk, deelnemer=deelnemer)


def _fouten_naar_form(form, fout: ValidationError) -> None:
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


# ---------------------------------------------------------------------------
# Public
# ---------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def overzicht(request: HttpRequest) -> HttpResponse:
    """/netwerken/: what a lerend netwerk and a coachingtraject are, and the interest form."""
    # From a gemeente's page (/gemeenten/<slug>/): ?gemeente=<slug> fills in the gemeente.
    form = InteresseForm(request.POST or None, request=request, initial=gemeente_uit_url(request))
    if request.method == "POST" and (te_veel := beperken(request, "interesse")):
        return te_veel
    if request.method == "POST" and form.is_valid():
        if form.is_bot:
            bot_loggen(form, "interesse")
        else:
            try:
                services.interesse_melden(interesse=form.save(commit=False))
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
        if not form.errors:
            messages.success(
                request,
                _(
                    "Bedankt! We hebben je interesse goed ontvangen en nemen binnen twee weken contact op."
                ),
            )
            return redirect("netwerken:overzicht")
    status = 400 if form.errors else 200
    return render(
        request,
        "netwerken/overzicht.html",
        {
            "intro": markdown_naar_html(BAZ_LOKAAL_INTRO),
            "sessies": COACHINGTRAJECT["sessies"],
            "netwerken": Netwerk.objects.publiek(),
            "mijn_netwerken": Netwerk.objects.van(request.user),
            "form": form,
        },
        status=status,
    )


# ---------------------------------------------------------------------------
# Members-only space
# ---------------------------------------------------------------------------


@ledenruimte
def netwerk(request: HttpRequest, slug: str) -> HttpResponse:
    toegang = _toegang(request, slug)
    netwerk = toegang.netwerk
    bijeenkomsten = (
        Bijeenkomst.objects.filter(netwerk=netwerk)
        .select_related("netwerk")  # get_absolute_url() needs the slug
        .annotate(
            heeft_verslag=Exists(Verslag.objects.gepubliceerd().filter(bijeenkomst=OuterRef("pk"))),
            geevalueerd=Exists(
                Evaluatie.objects.filter(bijeenkomst=OuterRef("pk"), deelnemer=toegang.deelnemer)
            ),
        )
    )
    return render(
        request,
        "netwerken/netwerk.html",
        {
            "netwerk": netwerk,
            "deelnemer": toegang.deelnemer,
            "doel": markdown_naar_html(netwerk.doel),
            "komend": bijeenkomsten.komend(),
            "voorbij": bijeenkomsten.voorbij(),
            "deelnemers": netwerk.deelnemers.select_related("user"),
            "casussen": Casus.objects.filter(netwerk=netwerk).voor_lijst()[:10],
            "nu": timezone.now(),
        },
    )


def _bijeenkomst(toegang: Toegang, pk: int) -> Bijeenkomst:
    return get_object_or_404(Bijeenkomst, netwerk=toegang.netwerk, pk=pk)


@ledenruimte
def bijeenkomst(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    bijeenkomst = _bijeenkomst(toegang, pk)
    verslag = Verslag.objects.gepubliceerd().filter(bijeenkomst=bijeenkomst).first()
    eigen_evaluatie = (
        Evaluatie.objects.filter(bijeenkomst=bijeenkomst, deelnemer=toegang.deelnemer).first()
        if toegang.deelnemer
        else None
    )
    return render(
        request,
        "netwerken/bijeenkomst.html",
        {
            "netwerk": toegang.netwerk,
            "deelnemer": toegang.deelnemer,
            "bijeenkomst": bijeenkomst,
            "agenda": markdown_naar_html(bijeenkomst.agenda),
            "verslag": verslag,
            "verslag_tekst": markdown_naar_html(verslag.tekst) if verslag else "",
            "huiswerk": markdown_naar_html(verslag.huiswerk) if verslag else "",
            "casussen": bijeenkomst.casussen.voor_lijst(),
            "eigen_evaluatie": eigen_evaluatie,
            "begonnen": bijeenkomst.begint_op <= timezone.now(),
        },
    )


@ledenruimte
def bijeenkomst_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    bijeenkomst = _bijeenkomst(toegang, pk)
    kalender = ical.kalender(
        [bijeenkomst.als_afspraak()], naam=str(toegang.netwerk), product="Lerende netwerken"
    )
    antwoord = HttpResponse(kalender, content_type=ical.CONTENT_TYPE)
    antwoord["Content-Disposition"] = f'attachment; filename="bijeenkomst-{bijeenkomst.pk}.ics"'
    return antwoord


@ledenruimte
@require_http_methods(["GET", "HEAD", "POST"])
def evalueren(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    bijeenkomst = _bijeenkomst(toegang, pk)
    deelnemer = toegang.schrijver()
    if Evaluatie.objects.filter(bijeenkomst=bijeenkomst, deelnemer=deelnemer).exists():
        messages.info(request, _("Je hebt deze bijeenkomst al geëvalueerd. Bedankt!"))
        return redirect(bijeenkomst)
    if bijeenkomst.begint_op > timezone.now():
        messages.warning(request, _("Je kunt een bijeenkomst pas evalueren als ze begonnen is."))
        return redirect(bijeenkomst)
    if services.niet_aanwezig(bijeenkomst=bijeenkomst, deelnemer=deelnemer):
        messages.warning(request, services.NIET_AANWEZIG)
        return redirect(bijeenkomst)
    form = EvaluatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluatie_indienen(
                bijeenkomst=bijeenkomst, deelnemer=deelnemer, **form.cleaned_data
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Bedankt voor je evaluatie!"))
            return redirect(bijeenkomst)
    return render(
        request,
        "netwerken/evalueren.html",
        {
            "netwerk": toegang.netwerk,
            "deelnemer": deelnemer,
            "bijeenkomst": bijeenkomst,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@ledenruimte
def casus(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    casus = get_object_or_404(Casus.objects.voor_lijst(), netwerk=toegang.netwerk, pk=pk)
    return _casus_pagina(request, toegang, casus, CasusReactieForm())


def _casus_pagina(
    request: HttpRequest, toegang: Toegang, casus: Casus, form: CasusReactieForm
) -> HttpResponse:
    """The case with its replies and, for members, the reply form (`form` may carry errors)."""
    return render(
        request,
        "netwerken/casus.html",
        {
            "netwerk": toegang.netwerk,
            "deelnemer": toegang.deelnemer,
            "casus": casus,
            "reacties": CasusReactie.objects.filter(casus=casus).select_related("deelnemer__user"),
            "form": form,
            "mag_bewerken": toegang.deelnemer is not None
            and casus.deelnemer_id == toegang.deelnemer.pk,
        },
        status=400 if form.errors else 200,
    )


@ledenruimte
@require_POST
def casus_reageren(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    casus = get_object_or_404(Casus.objects.voor_lijst(), netwerk=toegang.netwerk, pk=pk)
    deelnemer = toegang.schrijver()
    if te_veel := beperken(request, "casus_reactie"):
        return te_veel
    form = CasusReactieForm(request.POST)
    if form.is_valid():
        try:
            reactie = services.casus_reactie_plaatsen(
                casus=casus, deelnemer=deelnemer, tekst=form.cleaned_data["tekst"]
            )
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Je reactie is geplaatst."))
            return redirect(f"{casus.get_absolute_url()}#reactie-{reactie.pk}")
    return _casus_pagina(request, toegang, casus, form)


@ledenruimte
@require_http_methods(["GET", "HEAD", "POST"])
def casus_bewerken(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    toegang = _toegang(request, slug)
    deelnemer = toegang.schrijver()
    casus = None
    if pk is not None:
        casus = get_object_or_404(Casus, netwerk=toegang.netwerk, pk=pk)
        if casus.deelnemer_id != deelnemer.pk:
            raise PermissionDenied(_("Je kunt alleen je eigen casus aanpassen."))
    form = CasusForm(request.POST or None, instance=casus, netwerk=toegang.netwerk)
    if request.method == "POST" and form.is_valid():
        gegevens = {k: form.cleaned_data[k] for k in ("titel", "context", "vraag", "bijeenkomst")}
        try:
            if casus is None:
                casus = services.casus_indienen(deelnemer=deelnemer, **gegevens)
                messages.success(request, _("Je casus staat klaar voor het netwerk."))
            else:
                casus = services.casus_bijwerken(casus=casus, deelnemer=deelnemer, **gegevens)
                messages.success(request, _("Je casus is aangepast."))
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            return redirect(casus)
    return render(
        request,
        "netwerken/casus_form.html",
        {"netwerk": toegang.netwerk, "deelnemer": deelnemer, "casus": casus, "form": form},
        status=400 if form.errors else 200,
    )


@ledenruimte
@require_http_methods(["GET", "HEAD", "POST"])
def profiel(request: HttpRequest, slug: str) -> HttpResponse:
    toegang = _toegang(request, slug)
    deelnemer = toegang.schrijver()
    form = ProfielForm(request.POST or None, instance=deelnemer)
    if request.method == "POST" and form.is_valid():
        services.profiel_bijwerken(
            deelnemer=deelnemer, user=request.user, **{k: form.cleaned_data[k] for k in form.fields}
        )
        messages.success(request, _("Je profiel is bewaard."))
        return redirect(toegang.netwerk)
    return render(
        request,
        "netwerken/profiel.html",
        {"netwerk": toegang.netwerk, "deelnemer": deelnemer, "form": form},
        status=400 if form.errors else 200,
    )


@ledenruimte
@require_http_methods(["GET", "HEAD", "POST"])
def inspireer_elkaar(request: HttpRequest, slug: str) -> HttpResponse:
    toegang = _toegang(request, slug)
    form = BerichtForm(request.POST or None)
    if request.method == "POST":
        deelnemer = toegang.schrijver()
        if form.is_valid():
            try:
                services.bericht_plaatsen(deelnemer=deelnemer, **form.cleaned_data)
            except ValidationError as fout:
                _fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Je bericht staat online voor het netwerk."))
                return redirect("netwerken:inspireer-elkaar", slug=slug)
    return _inspireer_elkaar_pagina(request, toegang, form)


def _inspireer_elkaar_pagina(
    request: HttpRequest, toegang: Toegang, form, reactie_form: ReactieForm | None = None
) -> HttpResponse:
    """The message board; `reactie_form` is a reply that came back with an error."""
    berichten = list(
        Bericht.objects.filter(netwerk=toegang.netwerk)
        .select_related("deelnemer__user")
        .prefetch_related(
            Prefetch("reacties", queryset=Reactie.objects.select_related("deelnemer__user"))
        )[:50]
    )
    for bericht in berichten:
        prefix = f"reactie-{bericht.pk}"
        bericht.reactie_form = (
            reactie_form
            if reactie_form is not None and reactie_form.prefix == prefix
            else ReactieForm(prefix=prefix)
        )
    return render(
        request,
        "netwerken/inspireer_elkaar.html",
        {
            "netwerk": toegang.netwerk,
            "deelnemer": toegang.deelnemer,
            "berichten": berichten,
            "form": form,
        },
        status=400 if form.errors or (reactie_form and reactie_form.errors) else 200,
    )


@ledenruimte
@require_POST
def reageren(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = _toegang(request, slug)
    bericht = get_object_or_404(Bericht, netwerk=toegang.netwerk, pk=pk)
    deelnemer = toegang.schrijver()
    form = ReactieForm(request.POST, prefix=f"reactie-{bericht.pk}")
    if not form.is_valid():
        return _inspireer_elkaar_pagina(request, toegang, BerichtForm(), reactie_form=form)
    services.reactie_plaatsen(bericht=bericht, deelnemer=deelnemer, **form.cleaned_data)
    messages.success(request, _("Je reactie is geplaatst."))
    return redirect("netwerken:inspireer-elkaar", slug=slug)


@ledenruimte
@require_http_methods(["GET", "HEAD", "POST"])
def jaarevaluatie(request: HttpRequest, slug: str) -> HttpResponse:
    toegang = _toegang(request, slug)
    deelnemer = toegang.schrijver()
    jaar = timezone.localdate().year
    bestaand = Jaarevaluatie.objects.filter(deelnemer=deelnemer, jaar=jaar).first()
    form = JaarevaluatieForm(request.POST or None)
    if request.method == "POST" and bestaand is None and form.is_valid():
        try:
            services.jaarevaluatie_indienen(deelnemer=deelnemer, jaar=jaar, **form.cleaned_data)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Bedankt voor je jaarevaluatie!"))
            return redirect(toegang.netwerk)
    return render(
        request,
        "netwerken/jaarevaluatie.html",
        {
            "netwerk": toegang.netwerk,
            "deelnemer": deelnemer,
            "form": form,
            "jaar": jaar,
            "bestaand": bestaand,
        },
        status=400 if form.errors else 200,
    )
