from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import (
    admin_pakketten,  # noqa: F401  (the packages' admins, in Dutch)
    audit,
    mail,
    periodiek,
)
from .models import Auditregel, Gemeente, Mail, Planning, Wissing
from .persoonsgegevens.register import links_verbergen
from .persoonsgegevens.services import aantallen_tekst
from .velden import geen_regeleinden

admin.site.site_header = "BurgersAanZet – beheer"
admin.site.site_title = "BAZ-beheer"
admin.site.index_title = "Beheer"


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    """Read-only reference data from Statbel; used for autocomplete in other forms."""

    list_display = ["naam", "provincie", "postcodes", "nis_code"]
    list_filter = ["provincie"]
    search_fields = ["naam", "naam_fr", "postcodes"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Planning)
class PlanningAdmin(admin.ModelAdmin):
    """Read-only: when each periodic job (baz/periodiek.py) ran, how it went, when it runs next."""

    list_display = ["taak", "elke", "gestart_op", "klaar_op", "uitkomst", "gelukt", "volgende_op"]
    fields = ["taak", "elke", "volgende_op", "gestart_op", "klaar_op", "uitkomst", "fout"]
    readonly_fields = fields

    def _taak(self, planning: Planning):
        return next((taak for taak in periodiek.taken() if taak.code == planning.code), None)

    @admin.display(description=_("taak"), ordering="code")
    def taak(self, planning: Planning) -> str:
        taak = self._taak(planning)
        return f"{taak.naam} ({planning.code})" if taak else planning.code

    @admin.display(description=_("elke"))
    def elke(self, planning: Planning) -> str:
        taak = self._taak(planning)
        if not taak:
            return _("niet meer geregistreerd")
        minuten = int(taak.elke.total_seconds() // 60)
        return ngettext("%(n)s minuut", "%(n)s minuten", minuten) % {"n": minuten}

    @admin.display(description=_("gelukt"), boolean=True)
    def gelukt(self, planning: Planning) -> bool | None:
        return None if planning.klaar_op is None else not planning.fout

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Wissing)
class WissingAdmin(admin.ModelAdmin):
    """Read-only: erasures are made on /beheer/persoonsgegevens/ (or by `manage.py persoon`)."""

    list_display = ["op", "door", "aantallen_kort", "id"]
    date_hierarchy = "op"
    search_fields = ["door", "id"]
    fields = ["id", "op", "door", "aantallen", "zout", "email_sha256"]

    @admin.display(description=_("aantallen"))
    def aantallen_kort(self, wissing: Wissing) -> str:
        return aantallen_tekst(wissing.aantallen)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("baz.persoonsgegevens_beheren") or super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SoortFilter(admin.SimpleListFilter):
    title = _("soort")
    parameter_name = "soort"

    def lookups(self, request, model_admin):
        gebruikt = Mail.objects.values_list("soort", flat=True).distinct()
        return sorted(((code, mail.soort_naam(code)) for code in gebruikt), key=lambda r: r[1])

    def queryset(self, request, queryset):
        return queryset.filter(soort=self.value()) if self.value() else queryset


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent, what waits and why, and what failed for good."""

    list_display = ["onderwerp", "ontvanger", "soort_naam", "status", "pogingen", "aangemaakt_op"]
    list_filter = ["status", SoortFilter]
    search_fields = ["ontvanger", "onderwerp"]
    date_hierarchy = "aangemaakt_op"
    # The text without the keys of personal links (a password link in it would let whoever
    # reads the outbox into the member's account).
    fields = [
        "soort_naam",
        "ontvanger",
        "onderwerp",
        "tekst_zonder_links",
        "bijlage_naam",
        "status",
        "pogingen",
        "laatste_fout",
        "aangemaakt_op",
        "volgende_poging_op",
        "geclaimd_op",
        "verzonden_op",
        "message_id",
        "sleutel",
    ]
    readonly_fields = fields
    actions = ["opnieuw_proberen"]

    @admin.display(description=_("soort"), ordering="soort")
    def soort_naam(self, obj: Mail) -> str:
        return mail.soort_naam(obj.soort)

    @admin.display(description=_("tekst"))
    def tekst_zonder_links(self, obj: Mail) -> str:
        return links_verbergen(obj.tekst)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(
        description=_("Opnieuw proberen te versturen"), permissions=["view"]
    )  # no field changes
    def opnieuw_proberen(self, request, queryset):
        gekozen = queryset.count()  # before: the retry changes the rows a filter selected
        aantal = mail.opnieuw_proberen(mails=queryset)
        overgeslagen = gekozen - aantal
        messages.success(
            request,
            ngettext(
                "%(n)d mail staat opnieuw in de wachtrij.",
                "%(n)d mails staan opnieuw in de wachtrij.",
                aantal,
            )
            % {"n": aantal},
        )
        if overgeslagen:
            messages.info(
                request,
                ngettext(
                    "%(n)d mail was al verzonden of wordt nu verstuurd en bleef ongemoeid.",
                    "%(n)d mails waren al verzonden of worden nu verstuurd en bleven ongemoeid.",
                    overgeslagen,
                )
                % {"n": overgeslagen},
            )


class ActieFilter(admin.SimpleListFilter):
    title = _("actie")
    parameter_name = "actie"

    def lookups(self, request, model_admin):
        gebruikt = Auditregel.objects.values_list("actie", flat=True).distinct()
        return sorted(((code, audit.actie_naam(code)) for code in gebruikt), key=lambda r: r[1])

    def queryset(self, request, queryset):
        return queryset.filter(actie=self.value()) if self.value() else queryset


@admin.register(Auditregel)
class AuditregelAdmin(admin.ModelAdmin):
    """Who changed whose situation, and when: read-only, written by the services (baz/audit.py)."""

    list_display = ["op", "door_naam", "actie_naam", "object_repr", "omschrijving"]
    list_filter = [ActieFilter, ("content_type", admin.RelatedOnlyFieldListFilter)]
    fields = ["op", "door", "door_naam", "actie_naam", "content_type", "object_id", "object_repr"]
    fields += ["omschrijving"]
    readonly_fields = fields

    @admin.display(description=_("actie"), ordering="actie")
    def actie_naam(self, regel: Auditregel) -> str:
        return audit.actie_naam(regel.actie)

    search_fields = ["door_naam", "object_repr", "omschrijving"]
    date_hierarchy = "op"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


STANDAARDRECHTEN = {
    "add": _("toevoegen"),
    "change": _("wijzigen"),
    "delete": _("verwijderen"),
    "view": _("bekijken"),
}


def recht_naam(recht: Permission) -> str:
    """A permission as staff read it when they give one: "Inspiraties | inspiratie |
    toevoegen". Django stores the names of its standard permissions in English in the
    database ("Can add inspiratie"); the names an app gives its own are Dutch already."""
    actie, _scheiding, model = recht.codename.partition("_")
    if actie in STANDAARDRECHTEN and model == recht.content_type.model:
        return f"{recht.content_type} | {STANDAARDRECHTEN[actie]}"
    return f"{recht.content_type} | {recht.name}"


class RechtenInHetNederlands:
    """The permissions of a user or group listed with their Dutch names (recht_naam)."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        if veld is not None and db_field.related_model is Permission:
            veld.label_from_instance = recht_naam
        return veld


class GroepAdmin(RechtenInHetNederlands, GroupAdmin):
    pass


class GebruikerAdmin(RechtenInHetNederlands, UserAdmin):
    """Django's user admin, with the one-line rule on names, username and address (they end up
    in mails, CSV exports and the admin log)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        veld = super().formfield_for_dbfield(db_field, request, **kwargs)
        if (
            isinstance(db_field, (models.CharField, models.EmailField))
            and veld is not None
            and geen_regeleinden not in veld.validators
        ):
            veld.validators.append(geen_regeleinden)
        return veld


admin.site.unregister(User)
admin.site.register(User, GebruikerAdmin)
admin.site.unregister(Group)
admin.site.register(Group, GroepAdmin)
