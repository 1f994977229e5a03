"""Staff work on networks and coachingtrajecten in /beheer/; every write goes through services.

A network's data (members, meetings, cases, evaluations, posts) shows in /beheer/ under the same
rule as its members-only space: staff with `netwerken.alle_netwerken_bekijken` (superusers) see
every network, a begeleider the networks they facilitate (`PerNetwerk`).
"""

from __future__ import annotations

from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from baz.admin_csv import csv_antwoord
from baz.toegang import medewerker_met_recht

from . import rapport, services
from .forms import UitnodigingForm
from .models import (
    Aanwezigheid,
    AnalysePunt,
    Bericht,
    Bijeenkomst,
    Casus,
    CasusReactie,
    CoachingSessie,
    Coachingtraject,
    Deelnemer,
    Evaluatie,
    Interesse,
    Jaarevaluatie,
    Netwerk,
    Overheidsrol,
    Reactie,
    Verslag,
    Zelfevaluatie,
)
from .queries import ALLE_NETWERKEN_BEKIJKEN, mogen_begeleiden


def _naam(user) -> str:
    return user.get_full_name() or user.username


class _BegeleiderKeuzes(ModelChoiceIterator):
    """Choices by full name; the e-mail address only where two people share a name."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        mensen = list(self.queryset)
        namen = Counter(_naam(user) for user in mensen)
        for user in mensen:
            label = _naam(user)
            if namen[label] > 1:
                label = f"{label} ({user.email or user.username})"
            yield (ModelChoiceIteratorValue(self.field.prepare_value(user), user), label)


class BegeleidersVeld(forms.ModelMultipleChoiceField):
    """The begeleiders of a network or coachingtraject: active staff who may facilitate."""

    iterator = _BegeleiderKeuzes

    def label_from_instance(self, user) -> str:
        return _naam(user)


class BegeleidersKeuze:
    """For the admins with a `begeleiders` field: offer only who may facilitate, by name."""

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "begeleiders":
            kwargs["queryset"] = mogen_begeleiden()
            kwargs["form_class"] = BegeleidersVeld
            kwargs["help_text"] = _(
                "Actieve medewerkers die mogen begeleiden (groep “Begeleiders”), op naam. "
                "Staat iemand er niet bij, vraag dan een beheerder om die persoon aan de groep "
                "toe te voegen."
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        veld = form.base_fields.get("begeleiders")
        if veld is not None and obj is not None and obj.pk:
            # Who guides it today stays on offer, also after leaving the group: saving the
            # network for another reason must not silently remove them.
            veld.queryset = mogen_begeleiden() | obj.begeleiders.model.objects.filter(
                pk__in=obj.begeleiders.values("pk")
            )
        return form


class PerNetwerk:
    """Shows the rows of the networks the staff member may see (see the module docstring);
    `netwerk_pad` is the lookup from the model to its network."""

    netwerk_pad = "netwerk"

    @staticmethod
    def zichtbare_netwerken(request: HttpRequest) -> QuerySet:
        if medewerker_met_recht(request.user, ALLE_NETWERKEN_BEKIJKEN):
            return Netwerk.objects.all()
        return Netwerk.objects.van(request.user)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rijen = super().get_queryset(request)
        if medewerker_met_recht(request.user, ALLE_NETWERKEN_BEKIJKEN):
            return rijen
        eigen = Netwerk.objects.van(request.user).values("pk")
        pad = f"{self.netwerk_pad}__in" if self.netwerk_pad else "pk__in"
        return rijen.filter(**{pad: eigen})

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if db_field.name == "netwerk":
            kwargs["queryset"] = self.zichtbare_netwerken(request)
        elif db_field.name in {"bijeenkomst", "deelnemer"} and not medewerker_met_recht(
            request.user, ALLE_NETWERKEN_BEKIJKEN
        ):
            # A meeting or member to choose: only of the networks this person may see.
            kwargs["queryset"] = db_field.related_model.objects.filter(
                netwerk__in=self.zichtbare_netwerken(request)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DeelnemerInline(admin.TabularInline):
    """Members are added only through the invitation (which enforces the member limit)."""

    model = Deelnemer
    extra = 0
    fields = ["user", "organisatie", "rol", "toon_email", "toon_telefoon", "digest"]
    readonly_fields = ["user", "toon_email", "toon_telefoon", "digest"]
    # Removing goes through Deelnemers (one at a time or as an action), which writes the audit row.
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class NetwerkAdminForm(forms.ModelForm):
    class Meta:
        model = Netwerk
        fields = [
            "naam",
            "slug",
            "regio",
            "doel",
            "begeleiders",
            "begint_op",
            "eindigt_op",
            "max_deelnemers",
            "zichtbaar",
        ]

    def clean_max_deelnemers(self):
        maximum = self.cleaned_data["max_deelnemers"]
        if self.instance.pk:
            aantal = self.instance.deelnemers.count()
            if maximum < aantal:
                raise ValidationError(
                    _("Dit netwerk telt al %(aantal)s deelnemers; verwijder er eerst enkele.")
                    % {"aantal": aantal}
                )
        return maximum


@admin.register(Netwerk)
class NetwerkAdmin(PerNetwerk, BegeleidersKeuze, admin.ModelAdmin):
    netwerk_pad = ""
    form = NetwerkAdminForm
    list_display = ["naam", "regio", "begint_op", "eindigt_op", "aantal_deelnemers", "zichtbaar"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["begeleiders"]
    inlines = [DeelnemerInline]
    change_form_template = "netwerken/admin/netwerk_change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(_aantal=Count("deelnemers"))

    @admin.display(description=_("deelnemers"), ordering="_aantal")
    def aantal_deelnemers(self, obj: Netwerk) -> str:
        return f"{obj._aantal} / {obj.max_deelnemers}"

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/uitnodigen/",
                self.admin_site.admin_view(self.uitnodigen),
                name="netwerken_netwerk_uitnodigen",
            ),
            path(
                "<int:pk>/overzicht/",
                self.admin_site.admin_view(self.overzicht),
                name="netwerken_netwerk_overzicht",
            ),
            path(
                "<int:pk>/overzicht.csv",
                self.admin_site.admin_view(self.overzicht_csv),
                name="netwerken_netwerk_csv",
            ),
        ]
        return eigen + super().get_urls()

    def _netwerk(self, request: HttpRequest, pk: int) -> Netwerk:
        netwerk = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, netwerk):
            raise admin.sites.PermissionDenied
        return netwerk

    def uitnodigen(self, request: HttpRequest, pk: int) -> HttpResponse:
        netwerk = self._netwerk(request, pk)
        if not self.has_change_permission(request, netwerk):
            raise admin.sites.PermissionDenied
        form = UitnodigingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                deelnemer = services.deelnemer_uitnodigen(
                    netwerk=netwerk, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                for bericht in fout.messages:
                    form.add_error(None, bericht)
            else:
                self.message_user(
                    request,
                    _("%(naam)s is uitgenodigd; de uitnodiging met een link is verstuurd.")
                    % {"naam": deelnemer.naam},
                    messages.SUCCESS,
                )
                return redirect("admin:netwerken_netwerk_change", netwerk.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": netwerk,
            "netwerk": netwerk,
            "form": form,
            "title": _("Deelnemer uitnodigen voor %(netwerk)s") % {"netwerk": netwerk},
            "aantal": netwerk.deelnemers.count(),
        }
        return TemplateResponse(request, "netwerken/admin/uitnodigen.html", context)

    def overzicht(self, request: HttpRequest, pk: int) -> HttpResponse:
        netwerk = self._netwerk(request, pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": netwerk,
            "netwerk": netwerk,
            "title": _("Overzicht van %(netwerk)s") % {"netwerk": netwerk},
            **rapport.netwerk_overzicht(netwerk),
        }
        return TemplateResponse(request, "netwerken/admin/overzicht.html", context)

    def overzicht_csv(self, request: HttpRequest, pk: int) -> HttpResponse:
        netwerk = self._netwerk(request, pk)
        kolommen, rijen = rapport.netwerk_csv(netwerk)
        return csv_antwoord(f"{netwerk.slug}-overzicht.csv", kolommen, rijen)


@admin.register(Deelnemer)
class DeelnemerAdmin(PerNetwerk, admin.ModelAdmin):
    list_display = ["naam", "netwerk", "organisatie", "rol"]
    list_filter = ["netwerk"]
    list_select_related = ["user", "netwerk"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "organisatie"]
    readonly_fields = ["netwerk", "user"]
    actions = ["uitnodiging_opnieuw"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # through "Deelnemer uitnodigen" on the network, which checks the limit

    def delete_model(self, request: HttpRequest, obj: Deelnemer) -> None:
        services.deelnemer_verwijderen(deelnemer=obj, door=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for deelnemer in queryset.select_related("netwerk", "user"):
            services.deelnemer_verwijderen(deelnemer=deelnemer, door=request.user)

    @admin.action(description=_("Uitnodiging opnieuw versturen"), permissions=["change"])
    def uitnodiging_opnieuw(self, request: HttpRequest, queryset: QuerySet) -> None:
        verstuurd = 0
        for deelnemer in queryset.select_related("netwerk", "user"):
            try:
                services.uitnodiging_opnieuw_versturen(deelnemer=deelnemer, door=request.user)
            except ValidationError as fout:
                self.message_user(
                    request, f"{deelnemer}: {' '.join(fout.messages)}", messages.WARNING
                )
            else:
                verstuurd += 1
        if verstuurd:
            self.message_user(
                request,
                ngettext(
                    "De uitnodiging is opnieuw verstuurd naar %(n)d deelnemer.",
                    "De uitnodiging is opnieuw verstuurd naar %(n)d deelnemers.",
                    verstuurd,
                )
                % {"n": verstuurd},
                messages.SUCCESS,
            )


class BijeenkomstAdminForm(forms.ModelForm):
    aanwezig = forms.ModelMultipleChoiceField(
        queryset=Deelnemer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Aanwezig"),
        show_hidden_initial=True,
        help_text=_(
            "Alleen wat je hier wijzigt, wordt bewaard: wie intussen incheckte, blijft "
            "ingecheckt. Wie je uitvinkt, staat daarna als afwezig. Wie niet aangevinkt is, "
            "krijgt bij het verslag de mail voor afwezigen."
        ),
    )
    verontschuldigd = forms.ModelMultipleChoiceField(
        queryset=Deelnemer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Verontschuldigd"),
        show_hidden_initial=True,
        help_text=_(
            "Wie zich vooraf afmeldde. Wie je uit beide lijsten haalt, staat daarna als "
            "afwezig; wie nog niet aangeduid was, blijft niet aangeduid."
        ),
    )

    class Meta:
        model = Bijeenkomst
        fields = ["netwerk", "thema", "begint_op", "eindigt_op", "plaats", "online_link", "agenda"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            leden = self.instance.netwerk.deelnemers.select_related("user")
            statussen = dict(self.instance.aanwezigheden.values_list("deelnemer_id", "status"))
            for veld, status in (
                ("aanwezig", Aanwezigheid.Status.AANWEZIG),
                ("verontschuldigd", Aanwezigheid.Status.VERONTSCHULDIGD),
            ):
                self.fields[veld].queryset = leden
                self.fields[veld].initial = [pk for pk, s in statussen.items() if s == status]
        else:
            self.fields["aanwezig"].help_text = _(
                "Bewaar de bijeenkomst eerst; daarna kun je de aanwezigheid registreren."
            )
            self.fields["verontschuldigd"].help_text = ""

    def clean(self):
        cleaned = super().clean()
        beide = set(cleaned.get("aanwezig") or ()) & set(cleaned.get("verontschuldigd") or ())
        if beide:
            self.add_error(
                "verontschuldigd",
                _("Iemand kan niet tegelijk aanwezig en verontschuldigd zijn: %(namen)s.")
                % {"namen": ", ".join(d.naam for d in beide)},
            )
        return cleaned

    def _bij_openen(self, naam: str) -> set[int]:
        """The members ticked in `naam` when the form was opened (its hidden initial copy),
        so that marks made on the check-in page in the meantime are not undone."""
        veld = self.fields[naam]
        if not self.is_bound:
            return {int(pk) for pk in self.get_initial_for_field(veld, naam) or ()}
        ruw = veld.hidden_widget().value_from_datadict(
            self.data, self.files, self.add_initial_prefix(naam)
        )
        return {int(pk) for pk in ruw or () if str(pk).isdigit()}

    def aanwezigheid_wijzigingen(self) -> dict[int, str]:
        """What staff changed in the attendance lists, against the form as it was opened:
        {member pk: new status}. A member taken out of both lists becomes absent."""
        if not {"aanwezig", "verontschuldigd"} & set(self.changed_data):
            return {}
        S = Aanwezigheid.Status
        voor = dict.fromkeys(self._bij_openen("aanwezig"), S.AANWEZIG)
        voor |= dict.fromkeys(self._bij_openen("verontschuldigd"), S.VERONTSCHULDIGD)
        na = {d.pk: S.AANWEZIG for d in self.cleaned_data.get("aanwezig") or ()}
        na |= {d.pk: S.VERONTSCHULDIGD for d in self.cleaned_data.get("verontschuldigd") or ()}
        return {
            pk: na.get(pk, S.AFWEZIG)
            for pk in voor.keys() | na.keys()
            if voor.get(pk) != na.get(pk)
        }


class VerslagInline(admin.StackedInline):
    model = Verslag
    fields = ["tekst", "huiswerk", "status", "gepubliceerd_op"]
    readonly_fields = ["status", "gepubliceerd_op"]
    extra = 0
    max_num = 1


# The fields of a meeting that change when or where it is: saved through
# services.bijeenkomst_wijzigen, which mails every member what changed.
WANNEER_WAAR = ["begint_op", "eindigt_op", "plaats", "online_link"]


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(PerNetwerk, admin.ModelAdmin):
    form = BijeenkomstAdminForm
    list_display = ["thema", "netwerk", "begint_op", "verslag_status"]
    list_filter = ["netwerk"]
    list_select_related = ["netwerk", "verslag"]
    date_hierarchy = "begint_op"
    inlines = [VerslagInline]
    actions = ["verslag_publiceren"]

    @admin.display(description=_("verslag"))
    def verslag_status(self, obj: Bijeenkomst) -> str:
        try:
            return obj.verslag.get_status_display()
        except Verslag.DoesNotExist:
            return "–"

    def save_model(self, request, obj: Bijeenkomst, form, change):
        """Time, place and online link of an existing meeting through
        services.bijeenkomst_wijzigen (the members are mailed what changed); the rest as is."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        if not set(WANNEER_WAAR) & set(form.changed_data):
            # Only what the form changed: never the row as it was read (a change of time or
            # place committed meanwhile, with its volgnummer, stays).
            kolommen = {veld.name for veld in obj._meta.concrete_fields if not veld.primary_key}
            if velden := [v for v in form.changed_data if v in kolommen]:
                obj.save(update_fields=velden)
            return
        # Only the other fields here (not a save of the whole row with the old time, which
        # could undo a change committed meanwhile); the service locks and writes the rest.
        andere = [veld for veld in form.changed_data if veld in {"netwerk", "thema", "agenda"}]
        if andere:
            obj.save(update_fields=andere)
        nieuw = {veld: getattr(obj, veld) for veld in WANNEER_WAAR}
        uitkomst = services.bijeenkomst_wijzigen(bijeenkomst=obj, door=request.user, **nieuw)
        obj.refresh_from_db()
        if uitkomst.voorbij:
            self.message_user(
                request,
                _("De bijeenkomst is voorbij: de deelnemers krijgen geen mail van deze wijziging."),
                messages.INFO,
            )
        elif uitkomst:
            self.message_user(
                request,
                ngettext(
                    "%(n)d deelnemer krijgt een mail met wat er verandert.",
                    "%(n)d deelnemers krijgen een mail met wat er verandert.",
                    uitkomst.gemaild,
                )
                % {"n": uitkomst.gemaild},
                messages.SUCCESS,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            return
        wijzigingen = form.aanwezigheid_wijzigingen()
        deelnemers = form.instance.netwerk.deelnemers.select_related("user").in_bulk(wijzigingen)
        for pk, status in wijzigingen.items():
            if pk in deelnemers:  # a member who left the network in the meantime: nothing
                services.aanwezigheid_zetten(
                    bijeenkomst=form.instance,
                    deelnemer=deelnemers[pk],
                    status=status,
                    door=request.user,
                )

    @admin.action(
        description=_("Verslag publiceren en mailen naar de deelnemers"), permissions=["change"]
    )
    def verslag_publiceren(self, request: HttpRequest, queryset: QuerySet) -> None:
        _publiceren(self, request, Verslag.objects.filter(bijeenkomst__in=queryset))


def _publiceren(modeladmin, request: HttpRequest, verslagen) -> None:
    for verslag in verslagen:
        if verslag.is_gepubliceerd:
            continue
        try:
            services.verslag_publiceren(verslag=verslag, door=request.user)
        except ValidationError as fout:
            modeladmin.message_user(request, " ".join(fout.messages), messages.ERROR)
        else:
            modeladmin.message_user(
                request,
                _("Verslag van %(b)s gepubliceerd; de deelnemers krijgen een mail.")
                % {"b": verslag.bijeenkomst},
                messages.SUCCESS,
            )


@admin.register(Verslag)
class VerslagAdmin(PerNetwerk, admin.ModelAdmin):
    netwerk_pad = "bijeenkomst__netwerk"
    list_display = ["__str__", "status", "gepubliceerd_op"]
    list_filter = ["status", "bijeenkomst__netwerk"]
    list_select_related = ["bijeenkomst"]
    readonly_fields = ["status", "gepubliceerd_op"]
    actions = ["publiceren", "opnieuw_wie_het_niet_kreeg", "opnieuw_iedereen"]

    @admin.action(description=_("Publiceren en mailen naar de deelnemers"), permissions=["change"])
    def publiceren(self, request: HttpRequest, queryset: QuerySet) -> None:
        _publiceren(self, request, queryset)

    @admin.action(
        description=_("Opnieuw mailen aan wie het nog niet kreeg"), permissions=["change"]
    )
    def opnieuw_wie_het_niet_kreeg(self, request: HttpRequest, queryset: QuerySet) -> None:
        _opnieuw_mailen(self, request, queryset, alleen_wie_het_niet_kreeg=True)

    @admin.action(description=_("Opnieuw mailen aan alle deelnemers"), permissions=["change"])
    def opnieuw_iedereen(self, request: HttpRequest, queryset: QuerySet) -> None:
        _opnieuw_mailen(self, request, queryset, alleen_wie_het_niet_kreeg=False)


def _opnieuw_mailen(modeladmin, request, verslagen, *, alleen_wie_het_niet_kreeg: bool) -> None:
    for verslag in verslagen.select_related("bijeenkomst__netwerk"):
        try:
            aantal = services.verslag_opnieuw_versturen(
                verslag=verslag,
                alleen_wie_het_niet_kreeg=alleen_wie_het_niet_kreeg,
                door=request.user,
            )
        except ValidationError as fout:
            modeladmin.message_user(
                request, f"{verslag}: {' '.join(fout.messages)}", messages.WARNING
            )
        else:
            modeladmin.message_user(
                request,
                ngettext(
                    "Verslag van %(b)s: %(n)d mail in de wachtrij.",
                    "Verslag van %(b)s: %(n)d mails in de wachtrij.",
                    aantal,
                )
                % {"b": verslag.bijeenkomst, "n": aantal},
                messages.SUCCESS if aantal else messages.INFO,
            )


class CasusReactieInline(admin.TabularInline):
    """Staff may remove a reply (moderation); members write them."""

    model = CasusReactie
    extra = 0
    readonly_fields = ["deelnemer", "tekst", "aangemaakt_op"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Casus)
class CasusAdmin(PerNetwerk, admin.ModelAdmin):
    list_display = ["titel", "netwerk", "deelnemer", "bijeenkomst", "status", "aangemaakt_op"]
    list_filter = ["netwerk", "status"]
    list_select_related = ["netwerk", "deelnemer__user", "bijeenkomst"]
    list_editable = ["status"]
    readonly_fields = ["netwerk", "deelnemer"]
    inlines = [CasusReactieInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # members post their own cases


@admin.register(Evaluatie)
class EvaluatieAdmin(PerNetwerk, admin.ModelAdmin):
    netwerk_pad = "bijeenkomst__netwerk"
    list_display = ["bijeenkomst", "deelnemer", "score", "aangemaakt_op"]
    list_filter = ["bijeenkomst__netwerk"]
    list_select_related = ["bijeenkomst", "deelnemer__user"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Jaarevaluatie)
class JaarevaluatieAdmin(EvaluatieAdmin):
    netwerk_pad = "netwerk"
    list_display = ["netwerk", "deelnemer", "jaar", "score"]
    list_filter = ["netwerk", "jaar"]
    list_select_related = ["netwerk", "deelnemer__user"]


class ReactieInline(admin.TabularInline):
    model = Reactie
    extra = 0
    readonly_fields = ["deelnemer", "tekst", "aangemaakt_op"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Bericht)
class BerichtAdmin(PerNetwerk, admin.ModelAdmin):
    list_display = [
        "__str__",
        "netwerk",
        "deelnemer",
        "soort",
        "inspiratie_toestemming",
        "aangemaakt_op",
    ]
    list_filter = ["netwerk", "soort"]
    list_select_related = ["netwerk", "deelnemer__user"]
    readonly_fields = [
        "netwerk",
        "deelnemer",
        "inspiratie_toestemming",
        "toestemming_op",
        "toestemming_tekst",
        "inspiratie",
    ]
    inlines = [ReactieInline]
    actions = ["naar_inspiratie"]

    @admin.action(
        description=_("Omzetten naar concept-inspiratie (met toestemming van de auteur)"),
        permissions=["change"],
    )
    def naar_inspiratie(self, request: HttpRequest, queryset: QuerySet) -> None:
        for bericht in queryset:
            try:
                inspiratie = services.bericht_naar_inspiratie(bericht=bericht, door=request.user)
            except ValidationError as fout:
                self.message_user(request, f"{bericht}: {' '.join(fout.messages)}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Concept-inspiratie “%(titel)s” aangemaakt.") % {"titel": inspiratie.titel},
                    messages.SUCCESS,
                )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Interesse)
class InteresseAdmin(admin.ModelAdmin):
    list_display = ["bestuur", "contactpersoon", "vorm", "gemeente", "aangemaakt_op", "behandeld"]
    list_filter = ["vorm", "behandeld"]
    list_editable = ["behandeld"]
    search_fields = ["bestuur", "contactpersoon", "email"]
    autocomplete_fields = ["gemeente"]
    readonly_fields = ["aangemaakt_op"]


# ---------------------------------------------------------------------------
# Coachingtraject
# ---------------------------------------------------------------------------


class CoachingSessieInline(admin.StackedInline):
    model = CoachingSessie
    extra = 0
    fields = ["soort", "datum", "deelnemers", "notities"]
    readonly_fields = ["soort"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the three sessions are created with the trajectory


class AnalysePuntInline(admin.TabularInline):
    model = AnalysePunt
    extra = 0
    fields = ["volgorde", "vraag", "antwoord"]
    readonly_fields = ["volgorde", "vraag"]
    can_delete = False
    verbose_name_plural = _("Analysechecklist")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ZelfevaluatieInline(admin.TabularInline):
    model = Zelfevaluatie
    extra = 0
    fields = ["rol", "moment", "score", "toelichting"]


@admin.register(Coachingtraject)
class CoachingtrajectAdmin(BegeleidersKeuze, admin.ModelAdmin):
    list_display = ["naam", "gemeente", "aangemaakt_op"]
    autocomplete_fields = ["gemeente"]
    filter_horizontal = ["begeleiders"]
    readonly_fields = ["vier_rollen"]
    fields = ["naam", "gemeente", "doel", "begeleiders", "vier_rollen"]
    inlines = [CoachingSessieInline, AnalysePuntInline, ZelfevaluatieInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.coachingtraject_voorbereiden(traject=form.instance)

    @admin.display(description=_("De vier rollen van de overheid: start en einde naast elkaar"))
    def vier_rollen(self, obj: Coachingtraject) -> str:
        if obj.pk is None:
            return _("Bewaar het traject eerst.")
        scores = {(z.rol, z.moment): z.score for z in obj.zelfevaluaties.all()}
        rijen = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (
                    rol.label,
                    scores.get((rol.value, Zelfevaluatie.Moment.START), "–"),
                    scores.get((rol.value, Zelfevaluatie.Moment.EINDE), "–"),
                )
                for rol in Overheidsrol
            ),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("Rol"),
            _("Bij de start"),
            _("Op het einde"),
            rijen,
        )
