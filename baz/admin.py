from django.contrib import admin

from .models import Gemeente

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
