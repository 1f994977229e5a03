from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from baz import audit
from baz.beheerformulieren import BewaardeBestandenAdmin

from . import services
from .afbeeldingen import varianten_maken
from .forms import InspiratieAdminForm
from .models import Doelgroep, Inspiratie, Tip, Werkmodel
from .versie import inspiratie_gewijzigd


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


class TipInline(admin.StackedInline):
    """Where a getipt inspiratie came from, and the proof of consent: read only."""

    model = Tip
    can_delete = False
    extra = 0
    verbose_name = _("tip van een bezoeker")
    verbose_name_plural = _("herkomst: tip van een bezoeker")
    fields = [
        "naam",
        "email",
        "betrokken",
        "naam_tonen",
        "contact_initiatief",
        "contact_toestemming",
        "foto_toestemming",
        "toestemming_op",
        "toestemming_versie",
        "aangemaakt_op",
        "beslist_op",
        "reden",
        "publicatie_gemeld_op",
        "geanonimiseerd_op",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        # Whoever may see the inspiratie sees where it came from (no separate permission).
        return request.user.has_perm("inspiraties.view_inspiratie")


@admin.register(Inspiratie)
class InspiratieAdmin(BewaardeBestandenAdmin, admin.ModelAdmin):
    form = InspiratieAdminForm
    list_display = [
        "titel",
        "status",
        "werkmodellen_lijst",
        "provincie",
        "uitgelicht",
        "gepubliceerd_op",
        "nagekeken_op",
    ]
    list_filter = ["status", "werkmodellen", "provincie", "uitgelicht", "reikwijdte", "doelgroepen"]
    list_select_related = ["gemeente"]
    search_fields = ["titel", "samenvatting", "initiatiefnemer", "gemeente__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["gemeente"]
    date_hierarchy = "gepubliceerd_op"
    actions = ["ter_review_zetten", "publiceren", "archiveren", "uitlichten"]
    # The status changes only through the workflow's buttons (services.OVERGANGEN).
    readonly_fields = [
        "status",
        "ingediend_door",
        "ingediend_op",
        "aangemaakt_op",
        "gewijzigd_op",
        "aangemaakt_door",
    ]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "samenvatting", "verhaal"]}),
        (_("Indeling"), {"fields": ["werkmodellen", "themas", "doelgroepen"]}),
        (_("Plaats"), {"fields": ["reikwijdte", "provincie", "gemeente"]}),
        (_("Initiatief"), {"fields": ["initiatiefnemer", "website"]}),
        (
            _("Doe mee"),
            {
                "fields": ["meedoen", "contact_email", "contact_telefoon", "contact_tonen"],
                "description": _(
                    "Hoe een lezer meedoet of hulp krijgt, en hoe je het initiatief bereikt. "
                    "E-mail en telefoon verschijnen alleen als het initiatief ermee instemde."
                ),
            },
        ),
        (
            _("Het verhaal in stukken"),
            {
                "fields": ["doel", "aanpak", "wat_werkt", "wat_nodig"],
                "description": _("Elk ingevuld veld wordt een eigen deel van het verhaal."),
            },
        ),
        (_("Afbeelding"), {"fields": ["afbeelding", "afbeelding_alt", "afbeelding_credit"]}),
        (
            _("Publicatie"),
            {"fields": ["status", "gepubliceerd_op", "uitgelicht", "demotekst", "nagekeken_op"]},
        ),
        (
            _("Geschiedenis"),
            {
                "fields": [
                    "aangemaakt_op",
                    "aangemaakt_door",
                    "gewijzigd_op",
                    "ingediend_op",
                    "ingediend_door",
                ]
            },
        ),
    ]

    def get_inlines(self, request, obj):
        # Only a tipped inspiratie shows where it came from; the others carry no formset.
        return (
            [TipInline] if obj is not None and Tip.objects.filter(inspiratie=obj).exists() else []
        )

    def has_publiceren_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(services.RECHT_PUBLICEREN)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if not self.has_publiceren_permission(request):
            # When it goes online and whether it is featured are the Eindredactie's decisions.
            velden += ["gepubliceerd_op", "uitgelicht"]
            if obj is not None and obj.status != Inspiratie.Status.CONCEPT:
                # Submitted, published or archived: what the Eindredactie reviewed or put
                # online is what stays; the Redactie edits again after "terugsturen" or
                # "heropenen" (a concept once more).
                velden += [v for v in self.form._meta.fields if v not in velden]
        return velden

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/redactie/",
                self.admin_site.admin_view(self.redactie_view),
                name="inspiraties_inspiratie_redactie",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        inspiratie = self.get_object(request, unquote(object_id))
        if inspiratie is not None:
            extra_context = {
                **(extra_context or {}),
                "redactie": self._redactie(request, inspiratie),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _redactie(self, request: HttpRequest, inspiratie: Inspiratie) -> dict:
        """The workflow panel of the change form: the steps this user may take, the history."""
        overgangen = []
        if self.has_change_permission(request, inspiratie):
            overgangen = services.mogelijke_overgangen(inspiratie=inspiratie, door=request.user)
        return {
            "url": reverse("admin:inspiraties_inspiratie_redactie", args=[inspiratie.pk]),
            "overgangen": overgangen,
            "opmerking_max": services.OPMERKING_MAX,
            "wacht_op_eindredactie": (
                inspiratie.status == Inspiratie.Status.REVIEW
                and not request.user.has_perm(services.RECHT_PUBLICEREN)
            ),
            "geschiedenis": [
                {
                    "op": regel.op,
                    "door": regel.door_naam,
                    "actie": audit.actie_naam(regel.actie),
                    "omschrijving": regel.omschrijving,
                }
                for regel in audit.voor(inspiratie).filter(actie__startswith="inspiraties.")[:20]
            ],
        }

    def redactie_view(self, request: HttpRequest, object_id: str):
        return require_POST(self._redactie_stap)(request, object_id)

    def _redactie_stap(self, request: HttpRequest, object_id: str):
        """One step of the workflow from a button of the change form, through the service."""
        inspiratie = self.get_object(request, unquote(object_id))
        if inspiratie is None:
            raise Http404
        if not self.has_change_permission(request, inspiratie):
            raise PermissionDenied
        naam = request.POST.get("overgang", "")
        try:
            inspiratie = services.overgang_uitvoeren(
                inspiratie=inspiratie,
                naam=naam,
                door=request.user,
                opmerking=request.POST.get("opmerking", ""),
            )
        except ValidationError as fout:
            self.message_user(request, " ".join(fout.messages), messages.ERROR)
        else:
            self.log_change(request, inspiratie, [{"changed": {"fields": ["status"]}}])
            gedaan = GEDAAN[naam] % {"titel": inspiratie.titel}
            if naam == "publiceren" and inspiratie.gepubliceerd_op > timezone.now():
                # Scheduled: say when it goes online, not that it is online.
                gedaan = _("“%(titel)s” is goedgekeurd en komt online op %(datum)s.") % {
                    "titel": inspiratie.titel,
                    "datum": date_format(
                        timezone.localtime(inspiratie.gepubliceerd_op), "j F Y, H:i"
                    ),
                }
            self.message_user(request, gedaan, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:inspiraties_inspiratie_change", args=[inspiratie.pk])
        )

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

    def _stap_voor_selectie(self, request, queryset, naam: str, gelukt) -> None:
        """A list action: the same step for every selected inspiratie, each through the
        service; what is refused is named with the reason, the rest goes on."""
        aantal, geweigerd = 0, []
        for inspiratie in queryset:
            try:
                services.overgang_uitvoeren(inspiratie=inspiratie, naam=naam, door=request.user)
            except (ValidationError, PermissionDenied) as fout:
                reden = " ".join(fout.messages) if isinstance(fout, ValidationError) else fout
                geweigerd.append(f"“{inspiratie.titel}”: {reden}")
                continue
            self.log_change(request, inspiratie, [{"changed": {"fields": ["status"]}}])
            aantal += 1
        if aantal:
            self.message_user(request, gelukt(aantal) % {"n": aantal}, messages.SUCCESS)
        if geweigerd:
            self.message_user(
                request,
                ngettext(
                    "%(n)d inspiratie niet gewijzigd: %(lijst)s",
                    "%(n)d inspiraties niet gewijzigd: %(lijst)s",
                    len(geweigerd),
                )
                % {"n": len(geweigerd), "lijst": "; ".join(geweigerd[:10])},
                messages.WARNING,
            )

    @admin.action(
        description=_("Geselecteerde inspiraties indienen ter review"), permissions=["change"]
    )
    def ter_review_zetten(self, request, queryset):
        self._stap_voor_selectie(
            request,
            queryset,
            "indienen",
            lambda n: ngettext(
                "%(n)d inspiratie ingediend ter review.",
                "%(n)d inspiraties ingediend ter review.",
                n,
            ),
        )

    @admin.action(description=_("Geselecteerde inspiraties publiceren"), permissions=["publiceren"])
    def publiceren(self, request, queryset):
        self._stap_voor_selectie(
            request,
            queryset,
            "publiceren",
            lambda n: ngettext(
                "%(n)d inspiratie gepubliceerd.", "%(n)d inspiraties gepubliceerd.", n
            ),
        )

    @admin.action(description=_("Geselecteerde inspiraties archiveren"), permissions=["publiceren"])
    def archiveren(self, request, queryset):
        self._stap_voor_selectie(
            request,
            queryset,
            "archiveren",
            lambda n: ngettext(
                "%(n)d inspiratie gearchiveerd.", "%(n)d inspiraties gearchiveerd.", n
            ),
        )

    @admin.action(description=_("Geselecteerde inspiraties uitlichten"), permissions=["publiceren"])
    def uitlichten(self, request, queryset):
        statussen = set(queryset.values_list("status", flat=True))
        aantal = queryset.update(uitgelicht=True)
        inspiratie_gewijzigd(*statussen)  # queryset.update sends no signals
        self.message_user(
            request,
            ngettext("%(n)d inspiratie uitgelicht.", "%(n)d inspiraties uitgelicht.", aantal)
            % {"n": aantal},
            messages.SUCCESS,
        )


# What the change form says after each step of the workflow.
GEDAAN = {
    "indienen": _("“%(titel)s” is ingediend ter review; de eindredactie krijgt een mail."),
    "publiceren": _("“%(titel)s” is gepubliceerd."),
    "terugsturen": _("“%(titel)s” is teruggestuurd naar de redactie, met je opmerking."),
    "archiveren": _("“%(titel)s” is gearchiveerd en staat niet meer online."),
    "heropenen": _("“%(titel)s” is weer een concept."),
    "oppakken": _("De tip “%(titel)s” is opgepakt: werk hem uit als concept."),
    "afwijzen": _("De tip “%(titel)s” is afgewezen; wie tipte, krijgt een mail met je reden."),
}
