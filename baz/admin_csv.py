"""The one CSV export of the admin: "Exporteren als CSV" on every list, and its writer.

`csv_exporteren` is a site-wide admin action (BazAdminSite registers it), so every list in
/beheer/ offers it: it writes the selected rows with the list's columns (`list_display`), or with
the columns a ModelAdmin declares in `csv_velden` (same syntax: field names, `fk__veld`, admin
methods, model methods). Custom exports (a session's participants, a network's overview) call
`csv_antwoord` with their own rows, so every CSV the platform writes is made in one place:

- UTF-8 with a BOM: Excel (Windows and Mac) then reads "é" as "é", not as "Ã©".
- Semicolon as separator: Excel in a Flemish (nl-BE) or French (fr-BE) locale uses the comma as
  decimal sign and expects ";" between fields; with "," it puts every row in one column.
  LibreOffice and Python read it either way. No "sep=;" line: Excel then ignores the BOM.
  Decimals are written with a comma, dates as 2027-03-28 19:30 (local time, Europe/Brussels),
  which Excel recognises in every locale.
- Formula guard: a text cell that starts with =, +, -, @, tab or CR gets a leading apostrophe,
  so a name like "=HYPERLINK(...)" typed in a public form stays text in a spreadsheet.
- Permissions: the action needs the view permission on the model; it exports only the rows
  the list shows this user (the admin's own queryset) and that `has_view_permission` allows.
- Personal-link tokens (and other secrets) are never a column, whatever a list declares.
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from html import unescape

from django.contrib import admin
from django.contrib.admin.utils import (
    NotRelationField,
    get_fields_from_path,
    label_for_field,
    lookup_field,
)
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeData
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

BOM = "\ufeff"
SCHEIDINGSTEKEN = ";"
FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
# Never a column of an export: personal links (token, toegangscode), passwords, keys.
GEHEIM = frozenset({"token", "toegangscode", "password", "key", "secret", "persoonlijke_link"})


def veilig(waarde: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return f"'{waarde}" if waarde.startswith(FORMULE_BEGIN) else waarde


def cel(waarde) -> str | int:
    """One value as a CSV cell: text (guarded), an integer, or a formatted date or number."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, datetime):
        if timezone.is_aware(waarde):
            waarde = timezone.localtime(waarde)
        return waarde.strftime("%Y-%m-%d %H:%M")
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, float | Decimal):
        return str(waarde).replace(".", ",")
    if isinstance(waarde, list | tuple | set | frozenset):
        return veilig(", ".join(str(cel(w)) for w in waarde))
    if isinstance(waarde, SafeData):
        waarde = unescape(strip_tags(waarde))
    return veilig(str(waarde))


def csv_antwoord(
    bestandsnaam: str, kolommen: Sequence[str], rijen: Iterable[Sequence]
) -> HttpResponse:
    """A CSV download: BOM, semicolons, a header row, every cell through `cel`."""
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    antwoord.write(BOM)
    schrijver = csv.writer(antwoord, delimiter=SCHEIDINGSTEKEN)
    schrijver.writerow([cel(str(k)) for k in kolommen])
    for rij in rijen:
        schrijver.writerow([cel(w) for w in rij])
    return antwoord


def _laatste_naam(kolom) -> str:
    return kolom.split(LOOKUP_SEP)[-1] if isinstance(kolom, str) else getattr(kolom, "__name__", "")


def kolommen_voor(model_admin: admin.ModelAdmin, request: HttpRequest) -> list:
    kolommen = getattr(model_admin, "csv_velden", None) or model_admin.get_list_display(request)
    return [k for k in kolommen if k != "action_checkbox" and _laatste_naam(k) not in GEHEIM]


def _waarde(obj: models.Model, kolom, model_admin: admin.ModelAdmin):
    if isinstance(kolom, str) and LOOKUP_SEP in kolom and not hasattr(model_admin, kolom):
        *pad, kolom = kolom.split(LOOKUP_SEP)
        for deel in pad:
            obj = getattr(obj, deel, None)
            if obj is None:
                return None
        model_admin = None
    veld, _attr, waarde = lookup_field(kolom, obj, model_admin)
    if veld is not None and veld.flatchoices:
        return dict(veld.flatchoices).get(waarde, waarde)
    return waarde


def _met_relaties(queryset: models.QuerySet, model_admin: admin.ModelAdmin, kolommen: list):
    """Follow foreign keys in one query, as the change list does."""
    if model_admin.list_select_related is True:
        return queryset.select_related()
    if model_admin.list_select_related:
        return queryset.select_related(*model_admin.list_select_related)
    paden = []
    for kolom in kolommen:
        if not isinstance(kolom, str):
            continue
        model, pad = queryset.model, []
        for deel in kolom.split(LOOKUP_SEP):
            try:
                veld = model._meta.get_field(deel)
            except FieldDoesNotExist:  # a method or property: stop following
                break
            if not (veld.many_to_one or veld.one_to_one) or not veld.concrete:
                break
            pad.append(deel)
            model = veld.related_model
        if pad:
            paden.append(LOOKUP_SEP.join(pad))
    return queryset.select_related(*paden) if paden else queryset


def _kop(kolom, model_admin: admin.ModelAdmin) -> str:
    """The column's header: its label in the list (a field's verbose name, in Dutch)."""
    if isinstance(kolom, str) and LOOKUP_SEP in kolom and not hasattr(model_admin, kolom):
        try:
            return capfirst(str(get_fields_from_path(model_admin.model, kolom)[-1].verbose_name))
        except (FieldDoesNotExist, NotRelationField, AttributeError):
            pass
    return capfirst(str(label_for_field(kolom, model_admin.model, model_admin)))


def rijen_en_kolommen(model_admin: admin.ModelAdmin, request: HttpRequest, queryset):
    kolommen = kolommen_voor(model_admin, request)
    koppen = [_kop(k, model_admin) for k in kolommen]
    rijen = (
        [_waarde(obj, k, model_admin) for k in kolommen]
        for obj in _met_relaties(queryset, model_admin, kolommen)
        if model_admin.has_view_permission(request, obj)
    )
    return koppen, rijen


@admin.action(description=_("Exporteren als CSV"), permissions=["view"])
def csv_exporteren(model_admin: admin.ModelAdmin, request: HttpRequest, queryset):
    koppen, rijen = rijen_en_kolommen(model_admin, request, queryset)
    naam = slugify(str(model_admin.model._meta.verbose_name_plural)) or "export"
    return csv_antwoord(f"{naam}-{timezone.localdate():%Y%m%d}.csv", koppen, rijen)
