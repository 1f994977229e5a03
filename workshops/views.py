"""Views for the workshop offer, requests, sign-up and the personal token pages. Glue only."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from baz import ical
from baz.privaat import persoonlijk
from baz.ratelimiet import beperken
from baz.spamwering import bot_bedankt
from baz.tekst import markdown_naar_html
from inspiraties.gemeenten import gemeente_uit_url

from . import services
from .forms import (
    AanvraagAnnulerenForm,
    AanvraagForm,
    AanvullenForm,
    AndereDataForm,
    EvaluatieForm,
    InschrijvingForm,
)
from .models import (
    Aanvraag,
    Doelpubliek,
    Inschrijving,
    Sessie,
    Workshop,
    antwoordtermijn,
    sessies_als_ics,
)
from .queries import EVALUATIE_TERMIJN_DAGEN  # evaluations can be given this long after


def _token_onbekend(request: HttpRequest, *, verlopen: bool = False) -> HttpResponse:
    """A clear page for an unknown, erased or expired personal link (404 or 410)."""
    return render(
        request,
        "workshops/token_onbekend.html",
        {"verlopen": verlopen},
        status=410 if verlopen else 404,
    )


@require_GET
def lijst(request: HttpRequest) -> HttpResponse:
    doelpublieken = list(Doelpubliek.objects.all())
    gekozen = request.GET.get("doelpubliek", "")
    workshops = Workshop.objects.gepubliceerd().voor_overzicht()
    actief = next((d for d in doelpublieken if d.slug == gekozen), None)
    if actief:
        workshops = workshops.filter(doelpublieken=actief)
    workshops = list(workshops)
    sessies = sorted(
        (sessie for workshop in workshops for sessie in workshop.komende_sessies),
        key=lambda sessie: sessie.begint_op,
    )
    for workshop in workshops:
        for sessie in workshop.komende_sessies:
            sessie.workshop = workshop  # the list shows the title: no query per session
    return render(
        request,
        "workshops/lijst.html",
        {
            "workshops": workshops,
            "doelpublieken": doelpublieken,
            "actief": actief,
            "sessies": sessies[:8],
        },
    )


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = get_object_or_404(Workshop.objects.gepubliceerd().voor_overzicht(), slug=slug)
    for sessie in workshop.komende_sessies:
        sessie.workshop = workshop
    return render(
        request,
        "workshops/detail.html",
        {"workshop": workshop, "beschrijving": markdown_naar_html(workshop.beschrijving)},
    )


@require_http_methods(["GET", "POST"])
def aanvragen(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = get_object_or_404(Workshop.objects.gepubliceerd(), slug=slug)
    if request.method == "POST" and (te_veel := beperken(request, "aanvraag")):
        return te_veel
    if request.method == "POST":
        form = AanvraagForm(request.POST, workshop=workshop, request=request)
        if form.is_valid() and form.is_bot:
            return bot_bedankt(request, form, "aanvraag")
        if form.is_valid():
            aanvraag, _nieuw = services.aanvraag_indienen(
                workshop=workshop,
                indiening_sleutel=form.cleaned_data.get("sleutel"),
                **form.gegevens(),
            )
            return redirect("aanvraag-verstuurd", token=aanvraag.token)
    else:
        # From a gemeente's page (/gemeenten/<slug>/): ?gemeente=<slug> fills in the gemeente.
        form = AanvraagForm(workshop=workshop, initial=gemeente_uit_url(request))
    return render(
        request,
        "workshops/aanvraag_formulier.html",
        {"workshop": workshop, "form": form, "antwoordtermijn": antwoordtermijn()},
        status=400 if form.errors else 200,
    )


@require_GET
@persoonlijk
def aanvraag_verstuurd(request: HttpRequest, token: str) -> HttpResponse:
    return _aanvraag_pagina(request, token, bevestiging=True)


@require_GET
@persoonlijk
def aanvraag_opvolgen(request: HttpRequest, token: str) -> HttpResponse:
    return _aanvraag_pagina(request, token, bevestiging=False)


@require_POST
@persoonlijk
def aanvraag_nieuwsbrief(request: HttpRequest, token: str) -> HttpResponse:
    aanvraag = Aanvraag.objects.filter(token=token, geanonimiseerd_op__isnull=True).first()
    if aanvraag is None:
        return _token_onbekend(request)
    gewenst = request.POST.get("nieuwsbrief") == "ja"
    if gewenst != aanvraag.nieuwsbrief:
        services.nieuwsbrief_wijzigen(aanvraag=aanvraag, gewenst=gewenst)
    if gewenst:
        messages.success(request, _("Je krijgt voortaan de nieuwsbrief van BurgersAanZet."))
    else:
        messages.success(
            request, _("Je toestemming is ingetrokken: je krijgt de nieuwsbrief niet meer.")
        )
    return redirect("aanvraag-opvolgen", token=token)


def _open_aanvraag(token: str) -> Aanvraag | None:
    aanvraag = Aanvraag.objects.select_related("workshop", "gemeente").filter(token=token).first()
    return None if aanvraag is None or aanvraag.geanonimiseerd_op else aanvraag


def _aanvraag_pagina(
    request: HttpRequest,
    token: str,
    *,
    bevestiging: bool,
    aanvullen: AanvullenForm | None = None,
    andere_data: AndereDataForm | None = None,
    status: int = 200,
) -> HttpResponse:
    aanvraag = _open_aanvraag(token)
    if aanvraag is None:
        return _token_onbekend(request)
    response = render(
        request,
        "workshops/aanvraag.html",
        {
            "aanvraag": aanvraag,
            "workshop": aanvraag.workshop,
            "bevestiging": bevestiging,
            "antwoordtermijn": antwoordtermijn(),
            "geschiedenis": aanvraag.wijzigingen.all(),
            "berichten": aanvraag.berichten.all(),
            "aanvullen": aanvullen or AanvullenForm(),
            "andere_data": andere_data or AndereDataForm(),
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _bericht_van_de_aanvrager(request, token, form_class, naam: str, versturen, bedankt):
    """A form on the personal page of a request (`naam` is its name in the page's context):
    through its service on success, else the page again with the form's errors and a 400."""
    if te_veel := beperken(request, "aanvraag_bericht"):
        return te_veel
    aanvraag = _open_aanvraag(token)
    if aanvraag is None:
        return _token_onbekend(request)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            versturen(aanvraag, form)
        except services.OvergangNietToegestaan as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, bedankt)
            return redirect("aanvraag-opvolgen", token=token)
    return _aanvraag_pagina(request, token, bevestiging=False, status=400, **{naam: form})


@require_POST
@persoonlijk
def aanvraag_aanvullen(request: HttpRequest, token: str) -> HttpResponse:
    """The requester adds information to their open request (staff are mailed)."""
    return _bericht_van_de_aanvrager(
        request,
        token,
        AanvullenForm,
        "aanvullen",
        lambda aanvraag, form: services.aanvraag_aanvullen(
            aanvraag=aanvraag, tekst=form.cleaned_data["tekst"]
        ),
        _("Bedankt, we kregen je aanvulling. Een medewerker leest mee."),
    )


@require_POST
@persoonlijk
def aanvraag_andere_data(request: HttpRequest, token: str) -> HttpResponse:
    """The requester proposes other dates (staff are mailed)."""
    return _bericht_van_de_aanvrager(
        request,
        token,
        AndereDataForm,
        "andere_data",
        lambda aanvraag, form: services.andere_data_voorstellen(
            aanvraag=aanvraag,
            voorkeuren=form.voorkeuren,
            toelichting=form.cleaned_data["toelichting"],
        ),
        _("Bedankt, we kregen je nieuwe data. We laten je weten wat past."),
    )


@require_http_methods(["GET", "POST"])
@persoonlijk
def aanvraag_annuleren(request: HttpRequest, token: str) -> HttpResponse:
    """The requester cancels their request, after confirming on this page."""
    if request.method == "POST" and (te_veel := beperken(request, "aanvraag_bericht")):
        return te_veel
    aanvraag = _open_aanvraag(token)
    if aanvraag is None:
        return _token_onbekend(request)
    form = AanvraagAnnulerenForm(request.POST if request.method == "POST" else None)
    status = 200
    if aanvraag.is_afgesloten:
        form = None
    elif request.method == "POST":
        if form.is_valid():
            try:
                services.aanvraag_annuleren_door_aanvrager(
                    aanvraag=aanvraag, reden=form.cleaned_data["reden"]
                )
            except services.OvergangNietToegestaan as fout:
                form.add_error(None, fout)
            else:
                messages.success(
                    request,
                    _("Je aanvraag is geannuleerd. We stuurden een bevestiging naar %(email)s.")
                    % {"email": aanvraag.email},
                )
                return redirect("aanvraag-opvolgen", token=token)
        status = 400
    response = render(
        request,
        "workshops/aanvraag_annuleren.html",
        {"aanvraag": aanvraag, "workshop": aanvraag.workshop, "form": form},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _sessie_of_404(slug: str, pk: int, toegang: str) -> Sessie:
    sessie = get_object_or_404(
        Sessie.objects.select_related("workshop", "locatie__gemeente").met_aantallen(),
        pk=pk,
        workshop__slug=slug,
        workshop__gepubliceerd=True,
    )
    if not sessie.openbaar and toegang != sessie.toegangscode:
        raise Http404(_("Deze sessie bestaat niet."))
    return sessie


@require_http_methods(["GET", "POST"])
def sessie(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    toegang = request.GET.get("toegang", "")
    sessie = _sessie_of_404(slug, pk, toegang)
    if request.method == "POST" and (te_veel := beperken(request, "inschrijving")):
        return te_veel
    reden_gesloten = sessie.reden_gesloten()
    form = None
    if not reden_gesloten:
        if request.method == "POST":
            form = InschrijvingForm(request.POST, request=request)
            if form.is_valid() and form.is_bot:
                return bot_bedankt(request, form, "inschrijving")
            if form.is_valid():
                try:
                    inschrijving = services.inschrijving_maken(
                        sessie=sessie,
                        naam=form.cleaned_data["naam"],
                        email=form.cleaned_data["email"],
                        organisatie=form.cleaned_data["organisatie"],
                        toegankelijkheid=form.cleaned_data["toegankelijkheid"],
                        indiening_sleutel=form.cleaned_data.get("sleutel"),
                    )
                except services.InschrijvingNietMogelijk as fout:
                    form.add_error(None, str(fout))
                else:
                    return redirect("inschrijving", token=inschrijving.token)
        else:
            form = InschrijvingForm()
    elif request.method == "POST":
        messages.error(request, reden_gesloten)
    return render(
        request,
        "workshops/sessie.html",
        {
            "sessie": sessie,
            "workshop": sessie.workshop,
            "form": form,
            "reden_gesloten": reden_gesloten,
            "vrij": max(sessie.capaciteit - sessie.aantal_bevestigd, 0),
            "toegang": toegang if not sessie.openbaar else "",
        },
        status=400 if request.method == "POST" else 200,
    )


def _inschrijving_of_none(token: str) -> Inschrijving | None:
    inschrijving = (
        Inschrijving.objects.select_related("sessie__workshop", "sessie__locatie__gemeente")
        .filter(token=token)
        .first()
    )
    if inschrijving is None or inschrijving.geanonimiseerd_op:
        return None
    return inschrijving


def _kan_annuleren(inschrijving: Inschrijving) -> bool:
    sessie = inschrijving.sessie
    return (
        inschrijving.status != Inschrijving.Status.GEANNULEERD
        and sessie.begint_op > timezone.now()
        and not sessie.geannuleerd_op
    )


def _plaats_op_wachtlijst(inschrijving: Inschrijving) -> int | None:
    if inschrijving.status != Inschrijving.Status.WACHTLIJST:
        return None
    return (
        inschrijving.sessie.inschrijvingen.wachtlijst()
        .filter(aangemaakt_op__lte=inschrijving.aangemaakt_op)
        .count()
    )


@require_GET
@persoonlijk
def inschrijving(request: HttpRequest, token: str) -> HttpResponse:
    inschrijving = _inschrijving_of_none(token)
    if inschrijving is None:
        return _token_onbekend(request)
    sessie = inschrijving.sessie
    geannuleerd = inschrijving.status == Inschrijving.Status.GEANNULEERD
    # After cancelling: sign up again while the session is open (with the same address), or
    # say that they did so already.
    kan_opnieuw = geannuleerd and not sessie.reden_gesloten()
    opnieuw_ingeschreven = (
        kan_opnieuw and sessie.inschrijvingen.actief().filter(email=inschrijving.email).exists()
    )
    response = render(
        request,
        "workshops/inschrijving.html",
        {
            "inschrijving": inschrijving,
            "sessie": sessie,
            "workshop": sessie.workshop,
            "plaats_op_wachtlijst": _plaats_op_wachtlijst(inschrijving),
            "kan_annuleren": _kan_annuleren(inschrijving),
            "voorbij": sessie.eindigt_op <= timezone.now(),
            "kan_opnieuw": kan_opnieuw and not opnieuw_ingeschreven,
            "opnieuw_ingeschreven": opnieuw_ingeschreven,
            # The online link: only on the page of a confirmed place of a session that goes on.
            "online_link_tonen": inschrijving.status == Inschrijving.Status.BEVESTIGD
            and not sessie.geannuleerd_op,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@persoonlijk
def inschrijving_annuleren(request: HttpRequest, token: str) -> HttpResponse:
    """Cancel a registration or leave the waiting list, after confirming on this page."""
    if request.method == "POST" and (te_veel := beperken(request, "inschrijving")):
        return te_veel
    inschrijving = _inschrijving_of_none(token)
    if inschrijving is None:
        return _token_onbekend(request)
    wachtlijst = inschrijving.status == Inschrijving.Status.WACHTLIJST
    if request.method == "POST":
        if inschrijving.status == Inschrijving.Status.GEANNULEERD:
            return redirect("inschrijving", token=token)  # cancelled twice: nothing changes
        if _kan_annuleren(inschrijving):
            services.inschrijving_annuleren(inschrijving=inschrijving, bevestigen=True)
            if wachtlijst:
                tekst = _("Je staat niet meer op de wachtlijst. We stuurden een bevestiging.")
            else:
                tekst = _(
                    "Je inschrijving is geannuleerd. Bedankt om het te laten weten: we stuurden "
                    "een bevestiging."
                )
            messages.success(request, tekst)
            return redirect("inschrijving", token=token)
    response = render(
        request,
        "workshops/inschrijving_annuleren.html",
        {
            "inschrijving": inschrijving,
            "sessie": inschrijving.sessie,
            "workshop": inschrijving.sessie.workshop,
            "wachtlijst": wachtlijst,
            "plaats_op_wachtlijst": _plaats_op_wachtlijst(inschrijving),
            "kan_annuleren": _kan_annuleren(inschrijving),
        },
        # A POST that cannot cancel (the session is over or was cancelled) is refused.
        status=400 if request.method == "POST" else 200,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
@persoonlijk
def inschrijving_ics(request: HttpRequest, token: str) -> HttpResponse:
    inschrijving = _inschrijving_of_none(token)
    if inschrijving is None:
        return _token_onbekend(request)
    # The online link only for a confirmed place (the waiting list gets it when they move up).
    bevestigd = inschrijving.status == Inschrijving.Status.BEVESTIGD
    response = HttpResponse(
        sessies_als_ics([inschrijving.sessie], met_online_link=bevestigd),
        content_type=ical.CONTENT_TYPE,
    )
    response["Content-Disposition"] = 'attachment; filename="workshop.ics"'
    return response


@require_GET
def agenda_ics(request: HttpRequest) -> HttpResponse:
    sessies = Sessie.objects.voor_agenda()
    return HttpResponse(sessies_als_ics(sessies), content_type=ical.CONTENT_TYPE)


@require_http_methods(["GET", "POST"])
@persoonlijk
def evaluatie(request: HttpRequest, token: str) -> HttpResponse:
    inschrijving = _inschrijving_of_none(token)
    if inschrijving is None or inschrijving.status != Inschrijving.Status.BEVESTIGD:
        return _token_onbekend(request)
    sessie = inschrijving.sessie
    nu = timezone.now()
    if sessie.eindigt_op > nu:
        reden = _("De evaluatie opent na afloop van de sessie.")
    elif (nu - sessie.eindigt_op).days > EVALUATIE_TERMIJN_DAGEN:
        return _token_onbekend(request, verlopen=True)
    elif inschrijving.aanwezig is not True:
        reden = _(
            "Alleen wie op de sessie aanwezig was, kan ze evalueren. Was je er wel? Antwoord "
            "dan op je bevestigingsmail, dan passen we het aan."
        )
    elif hasattr(inschrijving, "evaluatie"):
        reden = _("Je vulde de evaluatie al in. Bedankt!")
    else:
        reden = ""
    form = None
    if not reden:
        form = EvaluatieForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.evaluatie_indienen(inschrijving=inschrijving, **form.cleaned_data)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("Bedankt voor je evaluatie!"))
                return redirect("evaluatie", token=token)
    response = render(
        request,
        "workshops/evaluatie.html",
        {"inschrijving": inschrijving, "sessie": sessie, "form": form, "reden": reden},
        status=400 if form is not None and form.errors else 200,
    )
    response["X-Robots-Tag"] = "noindex"
    return response
