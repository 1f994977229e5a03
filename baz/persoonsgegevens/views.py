"""The staff page "Persoonsgegevens opzoeken" (/beheer/persoonsgegevens/): what is held about
one address, its export and its erasure.

baz/urls.py wraps each view in admin.site.admin_view (staff login, the admin site's own checks,
no caching); these views add the permission. The address travels only in POST bodies, never in a
URL, so it stays out of access logs and browser history: that is why a lookup is a POST. Only the
confirmed erasure changes anything.
"""

import json
import logging
from functools import wraps

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import AdresForm, WissenForm
from .services import aantallen_tekst, persoon_exporteren, persoon_overzicht, persoon_wissen

logger = logging.getLogger(__name__)

RECHT = "baz.persoonsgegevens_beheren"
OPZOEKEN = "baz/persoonsgegevens/opzoeken.html"
BEVESTIGEN = "baz/persoonsgegevens/bevestigen.html"


def _met_recht(view):
    @wraps(view)
    def met_recht(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(RECHT):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return met_recht


def _pagina(request: HttpRequest, template: str, *, status: int = 200, **context):
    context = {
        **admin.site.each_context(request),
        "title": _("Persoonsgegevens opzoeken"),
        **context,
    }
    return TemplateResponse(request, template, context, status=status)


@_met_recht
def opzoeken(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _pagina(request, OPZOEKEN, form=AdresForm())
    form = AdresForm(request.POST)
    if not form.is_valid():
        return _pagina(request, OPZOEKEN, status=400, form=form)
    email = form.cleaned_data["email"]
    return _pagina(request, OPZOEKEN, form=form, email=email, overzicht=persoon_overzicht(email))


@require_POST
@_met_recht
def exporteren(request: HttpRequest) -> HttpResponse:
    form = AdresForm(request.POST)
    if not form.is_valid():
        return _pagina(request, OPZOEKEN, status=400, form=form)
    gegevens = persoon_exporteren(form.cleaned_data["email"])
    logger.info("Persoonsgegevens geëxporteerd door %s.", request.user.get_username())
    response = HttpResponse(
        json.dumps(gegevens, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    naam = f"persoonsgegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = content_disposition_header(True, naam)
    add_never_cache_headers(response)
    return response


@_met_recht
def wissen(request: HttpRequest) -> HttpResponse:
    """POST from the overview: the confirmation page. POST with the typed confirmation: erase."""
    if request.method != "POST":
        return redirect("persoonsgegevens:opzoeken")
    if "bevestiging" not in request.POST:
        adres = AdresForm(request.POST)
        if not adres.is_valid():
            return _pagina(request, OPZOEKEN, status=400, form=adres)
        email = adres.cleaned_data["email"]
        return _bevestigen(request, WissenForm(initial={"email": email}), email)
    form = WissenForm(request.POST)
    if not form.is_valid():
        if "email" in form.errors:
            return _pagina(request, OPZOEKEN, status=400, form=AdresForm(request.POST))
        return _bevestigen(request, form, form.cleaned_data["email"], status=400)
    email = form.cleaned_data["email"]
    try:
        aantallen = persoon_wissen(email, door=request.user.get_username())
    except ValidationError as fout:
        form.add_error(None, fout)
        return _bevestigen(request, form, email, status=409)
    messages.success(
        request, _("Gewist: %(aantallen)s.") % {"aantallen": aantallen_tekst(aantallen)}
    )
    return redirect("persoonsgegevens:opzoeken")


def _bevestigen(request: HttpRequest, form: WissenForm, email: str, *, status: int = 200):
    overzicht = persoon_overzicht(email)
    titel = _("Persoonsgegevens wissen")
    return _pagina(
        request, BEVESTIGEN, status=status, form=form, email=email, overzicht=overzicht, title=titel
    )
