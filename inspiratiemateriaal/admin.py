from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from baz import audit

from . import services
from .forms import MateriaalAdminForm
from .models import Materiaal, Publiek


@admin.register(Publiek)
class PubliekAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Materiaal)
class MateriaalAdmin(admin.ModelAdmin):
    form = MateriaalAdminForm
    list_display = ["titel", "soort", "status", "gepubliceerd_op", "demo"]
    list_filter = ["soort", "status", "werkmodellen", "publieken", "demo"]
    search_fields = ["titel", "korte_beschrijving"]
    prepopulated_fields = {"slug": ["titel"]}
    readonly_fields = [
        "status",
        "gepubliceerd_op",
        "bestand_feiten",
        "aangemaakt_op",
        "gewijzigd_op",
    ]
    actions = ["publiceren", "archiveren"]
    fieldsets = [
        (None, {"fields": ["soort", "titel", "slug", "korte_beschrijving", "demo"]}),
        (_("Indeling"), {"fields": ["werkmodellen", "publieken"]}),
        (
            _("Bestand of link"),
            {
                "fields": ["bestand", "bestand_feiten", "link"],
                "description": _(
                    "Formaat, grootte, pagina's en duur lezen we uit het bestand zelf."
                ),
            },
        ),
        (
            _("Screencast: ondertitels en transcript"),
            {"fields": ["ondertitelbestand", "ondertitels", "transcript"]},
        ),
        (_("Publicatie: samenvatting"), {"fields": ["samenvatting"]}),
        (
            _("Status en datums"),
            {"fields": ["status", "gepubliceerd_op", "aangemaakt_op", "gewijzigd_op"]},
        ),
    ]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if self._alleen_lezen(request, obj):
            # Online or archived: what the Eindredactie put online stays as it is; the
            # Redactie prepares concepts (as for inspiraties).
            velden += [v for v in self.form._meta.fields if v not in velden]
        return velden

    def _alleen_lezen(self, request: HttpRequest, obj) -> bool:
        return (
            obj is not None
            and obj.status != Materiaal.Status.CONCEPT
            and not self.has_publiceren_permission(request)
        )

    def get_fieldsets(self, request: HttpRequest, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._alleen_lezen(request, obj):
            return fieldsets
        # Nothing to upload on a form that only shows.
        return [
            (naam, {**opties, "fields": [v for v in opties["fields"] if v != "ondertitelbestand"]})
            for naam, opties in fieldsets
        ]

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        # Never the workflow's fields: a publication or archiving committed while this form
        # was open (or its upload being read) is not undone by this save.
        vorig_bestand = form.initial.get("bestand")
        velden = [
            veld.name
            for veld in obj._meta.concrete_fields
            if not veld.primary_key
            and veld.name not in {"status", "gepubliceerd_op", "aangemaakt_op"}
        ]
        obj.save(update_fields=velden)
        if vorig_bestand and "bestand" in form.changed_data and vorig_bestand != obj.bestand.name:
            # The replaced file goes once the new one is committed (not before: a rollback
            # keeps the old row, which still points at it).
            opslag, naam = obj.bestand.storage, str(vorig_bestand)
            transaction.on_commit(lambda: opslag.delete(naam))

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).defer("ondertitels", "transcript", "samenvatting")

    @admin.display(description=_("wat het bestand is"))
    def bestand_feiten(self, obj: Materiaal) -> str:
        if not obj.bestand:
            return "–"
        if not getattr(obj.bestand, "_committed", True):
            # Chosen in a form that came back with an error: not stored, so not claimed.
            return _("Nog niet bewaard: kies het bestand opnieuw en bewaar.")
        delen = [obj.bestand_type or "?"]
        if obj.bestand_grootte:
            delen.append(filesizeformat(obj.bestand_grootte))
        if obj.paginas:
            delen.append(
                ngettext("%(n)d pagina", "%(n)d pagina's", obj.paginas) % {"n": obj.paginas}
            )
        if obj.breedte and obj.hoogte:
            delen.append(f"{obj.breedte} × {obj.hoogte}")
        if obj.duur:
            delen.append(obj.duur_tekst)
        return ", ".join(delen)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/stap/",
                self.admin_site.admin_view(require_POST(self.stap_view)),
                name="inspiratiemateriaal_materiaal_stap",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        materiaal = self.get_object(request, unquote(object_id))
        if materiaal is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow": {
                    "url": reverse("admin:inspiratiemateriaal_materiaal_stap", args=[materiaal.pk]),
                    "overgangen": services.mogelijke_overgangen(
                        materiaal=materiaal, door=request.user
                    ),
                    "ontbreekt": services.ontbreekt(materiaal),
                    "geschiedenis": [
                        {
                            "op": regel.op,
                            "door": regel.door_naam,
                            "actie": audit.actie_naam(regel.actie),
                        }
                        for regel in audit.voor(materiaal)[:20]
                    ],
                },
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def stap_view(self, request: HttpRequest, object_id: str):
        materiaal = self.get_object(request, unquote(object_id))
        if materiaal is None:
            raise Http404
        naam = request.POST.get("overgang", "")
        try:
            materiaal = services.overgang_uitvoeren(
                materiaal=materiaal, naam=naam, door=request.user
            )
        except PermissionDenied:
            raise
        except ValidationError as fout:
            self.message_user(request, " ".join(fout.messages), messages.ERROR)
        else:
            self.log_change(request, materiaal, [{"changed": {"fields": ["status"]}}])
            self.message_user(
                request,
                _("“%(titel)s” is nu: %(status)s.")
                % {"titel": materiaal.titel, "status": materiaal.get_status_display().lower()},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(
            reverse("admin:inspiratiemateriaal_materiaal_change", args=[materiaal.pk])
        )

    def has_publiceren_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(services.RECHT_PUBLICEREN)

    def _stap_voor_selectie(self, request, queryset, naam: str) -> None:
        aantal, geweigerd = 0, []
        for materiaal in queryset:
            try:
                services.overgang_uitvoeren(materiaal=materiaal, naam=naam, door=request.user)
            except ValidationError as fout:
                geweigerd.append(f"“{materiaal.titel}”: {' '.join(fout.messages)}")
                continue
            self.log_change(request, materiaal, [{"changed": {"fields": ["status"]}}])
            aantal += 1
        if aantal:
            self.message_user(
                request,
                ngettext("%(n)d item gewijzigd.", "%(n)d items gewijzigd.", aantal) % {"n": aantal},
                messages.SUCCESS,
            )
        if geweigerd:
            self.message_user(
                request,
                ngettext(
                    "%(n)d item niet gewijzigd: %(lijst)s",
                    "%(n)d items niet gewijzigd: %(lijst)s",
                    len(geweigerd),
                )
                % {"n": len(geweigerd), "lijst": "; ".join(geweigerd[:10])},
                messages.WARNING,
            )

    @admin.action(description=_("Geselecteerd materiaal publiceren"), permissions=["publiceren"])
    def publiceren(self, request, queryset):
        self._stap_voor_selectie(request, queryset, "publiceren")

    @admin.action(description=_("Geselecteerd materiaal archiveren"), permissions=["publiceren"])
    def archiveren(self, request, queryset):
        self._stap_voor_selectie(request, queryset, "archiveren")
