from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .afbeeldingen import varianten_maken
from .forms import InspiratieAdminForm
from .models import Doelgroep, Inspiratie, Werkmodel
from .versie import catalogus_gewijzigd


@admin.register(Werkmodel)
class WerkmodelAdmin(admin.ModelAdmin):
    """The six werkmodellen are reference data: their texts can be edited, nothing more."""

    list_display = ["naam", "slug", "korte_beschrijving"]
    readonly_fields = ["slug"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Doelgroep)
class DoelgroepAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
    search_fields = ["naam"]


@admin.register(Inspiratie)
class InspiratieAdmin(admin.ModelAdmin):
    form = InspiratieAdminForm
    list_display = [
        "titel",
        "status",
        "werkmodellen_lijst",
        "provincie",
        "uitgelicht",
        "gepubliceerd_op",
    ]
    list_filter = ["status", "werkmodellen", "provincie", "uitgelicht", "reikwijdte", "doelgroepen"]
    list_select_related = ["gemeente"]
    search_fields = ["titel", "samenvatting", "initiatiefnemer", "gemeente__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["gemeente"]
    date_hierarchy = "gepubliceerd_op"
    actions = ["publiceren", "ter_review_zetten", "archiveren", "uitlichten"]
    readonly_fields = ["aangemaakt_op", "gewijzigd_op", "aangemaakt_door"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "samenvatting", "verhaal"]}),
        (_("Indeling"), {"fields": ["werkmodellen", "themas", "doelgroepen"]}),
        (_("Plaats"), {"fields": ["reikwijdte", "provincie", "gemeente"]}),
        (_("Initiatief"), {"fields": ["initiatiefnemer", "website"]}),
        (_("Afbeelding"), {"fields": ["afbeelding", "afbeelding_alt", "afbeelding_credit"]}),
        (
            _("Publicatie"),
            {"fields": ["status", "gepubliceerd_op", "uitgelicht", "demotekst"]},
        ),
        (_("Geschiedenis"), {"fields": ["aangemaakt_op", "gewijzigd_op", "aangemaakt_door"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("werkmodellen")

    @admin.display(description=_("werkmodellen"))
    def werkmodellen_lijst(self, obj: Inspiratie) -> str:
        return ", ".join(werkmodel.naam for werkmodel in obj.werkmodellen.all())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.aangemaakt_door = request.user
        super().save_model(request, obj, form, change)
        if "afbeelding" in form.changed_data and obj.afbeelding:
            varianten_maken(naam=obj.afbeelding.name, storage=obj.afbeelding.storage)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.zoekindex_bijwerken(pks=[form.instance.pk])

    def _status_zetten(self, request, queryset, status, boodschap) -> None:
        aantal = 0
        for inspiratie in queryset:
            services.inspiratie_status_zetten(inspiratie=inspiratie, status=status)
            self.log_change(request, inspiratie, [{"changed": {"fields": ["status"]}}])
            aantal += 1
        self.message_user(request, boodschap(aantal) % {"n": aantal}, messages.SUCCESS)

    @admin.action(description=_("Geselecteerde inspiraties publiceren"), permissions=["change"])
    def publiceren(self, request, queryset):
        self._status_zetten(
            request,
            queryset,
            Inspiratie.Status.GEPUBLICEERD,
            lambda n: ngettext(
                "%(n)d inspiratie gepubliceerd.", "%(n)d inspiraties gepubliceerd.", n
            ),
        )

    @admin.action(
        description=_("Geselecteerde inspiraties ter review zetten"), permissions=["change"]
    )
    def ter_review_zetten(self, request, queryset):
        self._status_zetten(
            request,
            queryset,
            Inspiratie.Status.REVIEW,
            lambda n: ngettext("%(n)d inspiratie ter review.", "%(n)d inspiraties ter review.", n),
        )

    @admin.action(description=_("Geselecteerde inspiraties archiveren"), permissions=["change"])
    def archiveren(self, request, queryset):
        self._status_zetten(
            request,
            queryset,
            Inspiratie.Status.GEARCHIVEERD,
            lambda n: ngettext(
                "%(n)d inspiratie gearchiveerd.", "%(n)d inspiraties gearchiveerd.", n
            ),
        )

    @admin.action(description=_("Geselecteerde inspiraties uitlichten"), permissions=["change"])
    def uitlichten(self, request, queryset):
        aantal = queryset.update(uitgelicht=True)
        catalogus_gewijzigd()  # queryset.update sends no signals
        self.message_user(
            request,
            ngettext("%(n)d inspiratie uitgelicht.", "%(n)d inspiraties uitgelicht.", aantal)
            % {"n": aantal},
            messages.SUCCESS,
        )
