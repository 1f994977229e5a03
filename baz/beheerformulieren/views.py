"""The two endpoints of the admin's form pieces, at /beheer/formulieren/.

baz/beheerformulieren/urls.py wraps both in `admin.site.admin_view`: staff only, past their
second factor (BazAdminSite.has_permission), CSRF-protected, never cached. Anyone else is sent
to the admin login, as on every admin page. Bad input gets a 400 with a Dutch message in JSON
(`{"fout": ...}`), which the scripts show.
"""

from django.apps import apps
from django.db.models.functions import Lower
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from taggit.models import TagBase

from ..tekst import markdown_naar_html

MAX_VOORBEELD_BYTES = 100 * 1024
MAX_SUGGESTIES = 10
STANDAARD_TAGMODEL = "taggit.tag"
MAX_ZOEKTERM = 100  # taggit's names are at most 100 characters


def _fout(boodschap: str) -> JsonResponse:
    return JsonResponse({"fout": boodschap}, status=400)


@require_POST
def voorbeeld(request: HttpRequest) -> JsonResponse:
    """POST tekst=<Markdown>: {"html": ...} as the public page renders it."""
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    te_lang = _("De tekst is te lang voor een voorbeeld (hoogstens 100 kB).")
    if lengte > MAX_VOORBEELD_BYTES:
        return _fout(te_lang)
    tekst = request.POST.get("tekst")
    if tekst is None:
        return _fout(_("Er is geen tekst meegestuurd."))
    if len(tekst.encode()) > MAX_VOORBEELD_BYTES:
        return _fout(te_lang)
    return JsonResponse({"html": markdown_naar_html(tekst)})


@require_GET
def themas(request: HttpRequest) -> JsonResponse:
    """GET ?q=<begin>[&model=<app_label.model>]: {"themas": [...]}, at most ten names of the
    tag model's tags (taggit's Tag by default) that start with it, in any case, alphabetical."""
    try:
        model = apps.get_model(request.GET.get("model") or STANDAARD_TAGMODEL)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, TagBase):
        return _fout(_("Dit is geen soort thema's."))
    begin = request.GET.get("q", "").strip()
    if not begin:
        return _fout(_("Geef het begin van een thema (q)."))
    if len(begin) > MAX_ZOEKTERM:
        return _fout(_("Een thema is hoogstens 100 tekens lang."))
    namen = (
        model.objects.filter(name__istartswith=begin)
        .order_by(Lower("name"), "name")
        .values_list("name", flat=True)[:MAX_SUGGESTIES]
    )
    return JsonResponse({"themas": list(namen)})
