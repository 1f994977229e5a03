from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, Wissing
from .persoonsgegevens.services import aantallen_tekst

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
