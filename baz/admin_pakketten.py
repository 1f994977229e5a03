"""The admins of installed packages, in Dutch (imported by baz/admin.py).

django-otp, django-tasks-db and django-taggit write some of their admin in English without
marking it for translation (fieldsets, column names, help texts, an action), so the project's
catalogue cannot reach it. Each package's ModelAdmin is replaced here by a subclass that says
it in Dutch; the names of the apps, models and fields come from baz/pakketten.py. baz comes
after these packages in INSTALLED_APPS, so their admin.py has registered when this runs.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult
from taggit.admin import TagAdmin
from taggit.models import Tag, TaggedItem

from . import audit

# --- django-otp: the authenticator apps of staff ---


class AppFormulier(forms.ModelForm):
    class Meta:
        model = TOTPDevice
        fields = ["user", "name", "confirmed", "key", "step", "t0", "digits"]
        fields += ["tolerance", "drift", "throttling_failure_timestamp", "throttling_failure_count"]
        help_texts = {
            "user": gettext_lazy("De gebruiker van wie deze app is."),
            "name": gettext_lazy("Een naam om deze app te herkennen."),
            "confirmed": gettext_lazy("Of deze app klaar is voor gebruik."),
            "created_at": gettext_lazy("Wanneer deze app werd aangemaakt."),
            "last_used_at": gettext_lazy("Wanneer deze app het laatst gebruikt werd."),
            "key": gettext_lazy("Een geheime sleutel in hexadecimale schrijfwijze, tot 40 bytes."),
            "step": gettext_lazy("Hoeveel seconden een tijdstap duurt."),
            "t0": gettext_lazy("De Unix-tijd waarop het tellen van tijdstappen begint."),
            "digits": gettext_lazy("Hoeveel cijfers een code heeft."),
            "tolerance": gettext_lazy(
                "Hoeveel tijdstappen een code in het verleden of de toekomst mag liggen."
            ),
            "drift": gettext_lazy("Hoeveel tijdstappen de klok van de app afwijkt van de onze."),
            "throttling_failure_timestamp": gettext_lazy(
                "Wanneer de laatste foute code kwam. Leeg als de laatste poging lukte."
            ),
            "throttling_failure_count": gettext_lazy("Hoeveel foute codes er na elkaar kwamen."),
        }


APP_FIELDSETS = {
    "Identity": gettext_lazy("App"),
    "Timestamps": gettext_lazy("Tijdstippen"),
    "Configuration": gettext_lazy("Instellingen"),
    "State": gettext_lazy("Toestand"),
    "Throttling": gettext_lazy("Foute pogingen"),
}


class AppAdmin(TOTPDeviceAdmin):
    """django-otp's admin (which hides the keys: OTP_ADMIN_HIDE_SENSITIVE_DATA), in Dutch."""

    form = AppFormulier
    search_help_text = gettext_lazy("Zoek op de gebruikersnaam of het e-mailadres.")

    def get_fieldsets(self, request, obj=None):
        return [
            (APP_FIELDSETS.get(naam, naam), opties)
            for naam, opties in super().get_fieldsets(request, obj)
        ]


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, AppAdmin)


# --- django-tasks-db: the results of the background tasks ---


class TaakresultaatAdmin(DBTaskResultAdmin):
    list_display = ("id", "taak", *DBTaskResultAdmin.list_display[2:])

    @admin.display(description=gettext_lazy("taak"), ordering="task_path")
    def taak(self, resultaat: DBTaskResult) -> str:
        return resultaat.task_name

    @admin.display(description=gettext_lazy("traceback"))
    def formatted_traceback(self, resultaat: DBTaskResult) -> str:
        return super().formatted_traceback(resultaat)

    @admin.display(description=gettext_lazy("uitvoeren na"))
    def display_run_after(self, resultaat: DBTaskResult):
        return super().display_run_after(resultaat)


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaakresultaatAdmin)


# --- django-taggit: merging themes ---

audit.acties_benoemen({"taggit.themas_samengevoegd": gettext_lazy("Thema's samengevoegd")})

GEKOZEN_THEMAS = "selected_tag_ids"  # the session key of taggit's action and page


class SamenvoegFormulier(forms.Form):
    new_tag_name = forms.CharField(
        label=gettext_lazy("Nieuwe naam"),
        max_length=100,
        help_text=gettext_lazy("Een nieuw thema of een dat al bestaat."),
    )


def themas_samenvoegen(*, themas: list[Tag], naam: str, door) -> Tag:
    """Give everything tagged with one of `themas` the theme `naam` instead (an existing theme,
    in any case, or a new one), and return it. An object that has the theme already keeps it
    once. The old themes stay, without objects (taggit's merge does the same)."""
    with transaction.atomic():
        doel = Tag.objects.select_for_update().filter(name__iexact=naam).first()
        if doel is None:
            doel = Tag.objects.create(name=naam)
        bronnen = [thema for thema in themas if thema.pk != doel.pk]
        for item in TaggedItem.objects.select_for_update().filter(tag__in=bronnen):
            dubbel = TaggedItem.objects.filter(
                tag=doel, content_type_id=item.content_type_id, object_id=item.object_id
            ).exists()
            if dubbel:
                item.delete()
            else:
                item.tag = doel
                item.save(update_fields=["tag"])
        audit.vastleggen(
            door=door,
            actie="taggit.themas_samengevoegd",
            object=doel,
            omschrijving=", ".join(thema.name for thema in bronnen),
        )
    return doel


class ThemaAdmin(TagAdmin):
    """taggit's admin with its "merge" action and page in Dutch. The merge itself is
    themas_samenvoegen: taggit's loses the objects of the theme it merges into when that is
    one of the chosen ones."""

    @admin.action(description=gettext_lazy("Gekozen thema's samenvoegen"), permissions=["change"])
    def render_tag_form(self, request, queryset):
        request.session[GEKOZEN_THEMAS] = ",".join(
            str(pk) for pk in queryset.values_list("pk", flat=True)
        )
        return redirect("admin:taggit_tag_merge_tags")

    def _gekozen(self, request) -> list[Tag]:
        pks = [pk for pk in request.session.get(GEKOZEN_THEMAS, "").split(",") if pk.isdigit()]
        return list(Tag.objects.filter(pk__in=pks).order_by("name"))

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        themas = self._gekozen(request)
        formulier = SamenvoegFormulier(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not themas:
                messages.warning(request, _("Kies eerst de thema's in de lijst."))
                return redirect("admin:taggit_tag_changelist")
            if formulier.is_valid():
                doel = themas_samenvoegen(
                    themas=themas, naam=formulier.cleaned_data["new_tag_name"], door=request.user
                )
                request.session.pop(GEKOZEN_THEMAS, None)
                messages.success(
                    request, _("De thema's zijn samengevoegd tot ‘%(naam)s’.") % {"naam": doel}
                )
                return redirect("admin:taggit_tag_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Thema's samenvoegen"),
            "opts": self.opts,
            "form": formulier,
            "themas": themas,
        }
        return TemplateResponse(
            request,
            "admin/taggit/merge_tags_form.html",
            context,
            status=400 if formulier.errors else 200,
        )


admin.site.unregister(Tag)
admin.site.register(Tag, ThemaAdmin)
