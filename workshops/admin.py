"""The staff side in /beheer/: the offer, the request pipeline, sessions and the outbox."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg, Count, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from baz.admin_csv import csv_antwoord
from baz.beheerformulieren import EenRegelTekstvak, MarkdownMetVoorbeeld, TekstvakMetLimiet
from netwerken.queries import mogen_begeleiden

from . import services
from .forms import AanvraagAdminForm, SessieMailenForm, StapForm
from .models import (
    Aanvraag,
    AanvraagBericht,
    AanvraagStatuswijziging,
    Doelpubliek,
    Evaluatie,
    Inschrijving,
    Locatie,
    Sessie,
    Workshop,
)


@admin.register(Doelpubliek)
class DoelpubliekAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    prepopulated_fields = {"slug": ["naam"]}


class BegeleiderVeld(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.get_full_name() or user.get_username()


class WorkshopAdminForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "titel", "slug", "samenvatting", "beschrijving", "leerdoelen", "doelpublieken",
            "werkmodellen", "formaat", "duur_minuten", "groepsgrootte_min", "groepsgrootte_max",
            "prijs", "meebrengen", "gepubliceerd", "volgorde", "opmerking",
        ]  # fmt: skip
        field_classes = {"samenvatting": EenRegelTekstvak}
        widgets = {"samenvatting": TekstvakMetLimiet, "beschrijving": MarkdownMetVoorbeeld}


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    form = WorkshopAdminForm
    list_display = ["titel", "formaat", "duur_minuten", "gepubliceerd", "gemiddelde_score"]
    list_filter = ["gepubliceerd", "formaat", "doelpublieken", "werkmodellen"]
    search_fields = ["titel", "samenvatting"]
    prepopulated_fields = {"slug": ["titel"]}
    filter_horizontal = []
    fieldsets = [
        (None, {"fields": ["titel", "slug", "samenvatting", "beschrijving", "leerdoelen"]}),
        (_("Indeling"), {"fields": ["doelpublieken", "werkmodellen"]}),
        (
            _("Praktisch"),
            {
                "fields": [
                    "formaat",
                    "duur_minuten",
                    "groepsgrootte_min",
                    "groepsgrootte_max",
                    "prijs",
                    "meebrengen",
                ]
            },
        ),
        (_("Publicatie"), {"fields": ["gepubliceerd", "volgorde", "opmerking"]}),
        (_("Evaluaties"), {"fields": ["evaluaties_link"]}),
    ]
    readonly_fields = ["evaluaties_link"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                _score=Avg("sessies__inschrijvingen__evaluatie__score"),
                _evaluaties=Count("sessies__inschrijvingen__evaluatie"),
            )
        )

    @admin.display(description=_("evaluatie (gemiddeld)"), ordering="_score")
    def gemiddelde_score(self, obj: Workshop) -> str:
        if not obj._evaluaties:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:workshops_workshop_evaluaties", args=[obj.pk]),
            f"{obj._score:.1f}/5 ({obj._evaluaties})",
        )

    @admin.display(description=_("resultaten"))
    def evaluaties_link(self, obj: Workshop) -> str:
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:workshops_workshop_evaluaties", args=[obj.pk]),
            _("Evaluaties van deze workshop: score, respons en open antwoorden"),
        )

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/evaluaties/",
                self.admin_site.admin_view(self.evaluaties_view),
                name="workshops_workshop_evaluaties",
            )
        ]
        return eigen + super().get_urls()

    def evaluaties_view(self, request, pk: int):
        """The results of one workshop for staff: the average score, the response rate per
        session and every open answer (anonymous: no names). A fixed number of queries."""
        workshop = get_object_or_404(Workshop, pk=pk)
        if not self.has_view_permission(request, workshop):
            raise PermissionDenied
        sessies = list(
            workshop.sessies.filter(geannuleerd_op__isnull=True, eindigt_op__lt=timezone.now())
            .select_related("locatie__gemeente")
            .met_respons()
            .annotate(
                aantal_aanwezig=Count(
                    "inschrijvingen", filter=Q(inschrijvingen__aanwezig=True), distinct=True
                ),
                gemiddelde=Avg("inschrijvingen__evaluatie__score"),
            )
            .order_by("-begint_op")
        )
        evaluaties = Evaluatie.objects.filter(inschrijving__sessie__workshop=workshop)
        cijfers = evaluaties.aggregate(gem=Avg("score"), n=Count("pk"))
        verdeling = dict(
            evaluaties.values_list("score").annotate(n=Count("pk")).values_list("score", "n")
        )
        open_antwoorden = list(
            evaluaties.exclude(wat_goed="", wat_beter="")
            .select_related("inschrijving__sessie")
            .order_by("-ingevuld_op")
        )
        gevraagd = sum(s.aantal_gevraagd for s in sessies)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": workshop,
            "workshop": workshop,
            "title": _("Evaluaties: %(titel)s") % {"titel": workshop.titel},
            "sessies": sessies,
            "cijfers": cijfers,
            "verdeling": [(score, verdeling.get(score, 0)) for score in range(5, 0, -1)],
            "gevraagd": gevraagd,
            "respons": round(100 * cijfers["n"] / gevraagd) if gevraagd else None,
            "open_antwoorden": open_antwoorden,
        }
        return TemplateResponse(request, "admin/workshops/workshop/evaluaties.html", context)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        from django import forms

        kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class StatuswijzigingInline(admin.TabularInline):
    model = AanvraagStatuswijziging
    extra = 0
    can_delete = False
    fields = ["op", "van", "naar", "reden", "door"]
    readonly_fields = fields
    verbose_name_plural = _("geschiedenis van de status")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class BerichtInline(admin.TabularInline):
    model = AanvraagBericht
    extra = 0
    can_delete = False
    fields = ["op", "soort", "tekst", "voorkeur_1", "voorkeur_2", "voorkeur_3"]
    readonly_fields = fields
    verbose_name_plural = _("berichten van de aanvrager (via de persoonlijke link)")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ProvincieFilter(admin.SimpleListFilter):
    title = _("provincie")
    parameter_name = "provincie"

    def lookups(self, request, model_admin):
        from baz.models import Provincie

        return Provincie.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(gemeente__provincie=self.value())
        return queryset


@admin.register(Aanvraag)
class AanvraagAdmin(admin.ModelAdmin):
    form = AanvraagAdminForm
    list_display = [
        "organisatie",
        "workshop",
        "status",
        "soort",
        "gemeente",
        "begeleider",
        "gepland_op",
        "aangemaakt_op",
    ]
    list_filter = ["status", "soort", ProvincieFilter, "workshop", "begeleider"]
    list_select_related = ["workshop", "gemeente", "begeleider"]
    search_fields = ["organisatie", "contactpersoon", "email", "gemeente__naam"]
    date_hierarchy = "aangemaakt_op"
    autocomplete_fields = ["gemeente"]
    inlines = [StatuswijzigingInline, BerichtInline]
    change_form_template = "admin/workshops/aanvraag/change_form.html"
    actions = ["sessie_maken"]  # and "Exporteren als CSV" (every list, baz/admin_csv.py)
    csv_velden = [
        "id", "aangemaakt_op", "status", "workshop", "organisatie", "soort", "gemeente",
        "gemeente__provincie", "contactpersoon", "email", "telefoon", "aantal_deelnemers",
        "begeleider_naam", "gepland_op",
    ]  # fmt: skip
    readonly_fields = [
        "status",
        "gepland_op",
        "geplande_plaats",
        "aangemaakt_op",
        "laatste_activiteit_op",
        "nieuwsbrief",
        "nieuwsbrief_toestemming_op",
        "nieuwsbrief_toestemming_tekst",
        "nieuwsbrief_ingetrokken_op",
        "geanonimiseerd_op",
        "persoonlijke_link",
    ]
    fieldsets = [
        (
            _("Opvolging"),
            {
                "fields": [
                    "status",
                    "gepland_op",
                    "geplande_plaats",
                    "begeleider",
                    "interne_notities",
                ]
            },
        ),
        (
            _("Workshop"),
            {
                "fields": [
                    "workshop",
                    "formaat",
                    "voorkeur_1",
                    "voorkeur_2",
                    "voorkeur_3",
                    "aantal_deelnemers",
                ]
            },
        ),
        (_("Organisatie"), {"fields": ["organisatie", "soort", "gemeente", "bron"]}),
        (_("Contact"), {"fields": ["contactpersoon", "email", "telefoon"]}),
        (_("Vraag"), {"fields": ["leervraag", "drempels"]}),
        (
            _("Toestemming en bewaring"),
            {
                "fields": [
                    "nieuwsbrief",
                    "nieuwsbrief_toestemming_op",
                    "nieuwsbrief_toestemming_tekst",
                    "nieuwsbrief_ingetrokken_op",
                    "aangemaakt_op",
                    "laatste_activiteit_op",
                    "geanonimiseerd_op",
                    "persoonlijke_link",
                ]
            },
        ),
    ]

    @admin.display(description=_("persoonlijke link"))
    def persoonlijke_link(self, obj: Aanvraag) -> str:
        return obj.get_absolute_url() if obj.pk and not obj.geanonimiseerd_op else "—"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "begeleider":
            # Who may facilitate (the group "Begeleiders", as for the networks), by name.
            kwargs["queryset"] = mogen_begeleiden()
            kwargs["form_class"] = BegeleiderVeld
            kwargs["help_text"] = _(
                "Actieve medewerkers die mogen begeleiden (groep “Begeleiders”), op naam."
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        veld = form.base_fields.get("begeleider")
        if veld is not None and obj is not None and obj.begeleider_id:
            # Whoever guides this request stays on offer, also if they left the group: saving
            # a note must not silently remove them.
            veld.queryset = mogen_begeleiden() | type(obj.begeleider).objects.filter(
                pk=obj.begeleider_id
            )
        return form

    def save_model(self, request, obj: Aanvraag, form, change):
        # Status, date and place are read-only here: they change through the steps below.
        obj.laatste_activiteit_op = timezone.now()
        super().save_model(request, obj, form, change)
        if not change:
            AanvraagStatuswijziging.objects.create(
                aanvraag=obj, van="", naar=obj.status, door=request.user
            )

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/stap/<str:stap>/",
                self.admin_site.admin_view(self.stap_view),
                name="workshops_aanvraag_stap",
            )
        ]
        return eigen + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        aanvraag = self.get_object(request, object_id)
        stappen = []
        if aanvraag is not None and self.has_change_permission(request, aanvraag):
            stappen = [
                (stap, services.STAPPEN[stap]) for stap in services.toegestane_stappen(aanvraag)
            ]
            if aanvraag.status == Aanvraag.Status.INGEPLAND:
                stappen.insert(0, ("herplannen", _("Datum of plaats wijzigen")))
        extra_context = {
            **(extra_context or {}),
            "stappen": stappen,
            "sessie": aanvraag.sessies.filter(geannuleerd_op__isnull=True).first()
            if aanvraag
            else None,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def stap_view(self, request, pk: int, stap: str):
        """One step of the pipeline: a page with what it needs (reason, or date and place),
        what the requester will be told, and a button. Only the allowed steps exist."""
        aanvraag = get_object_or_404(Aanvraag.objects.select_related("workshop"), pk=pk)
        if not self.has_change_permission(request, aanvraag):
            raise PermissionDenied
        toegestaan = services.toegestane_stappen(aanvraag)
        if stap == "herplannen" and aanvraag.status == Aanvraag.Status.INGEPLAND:
            titel = _("Datum of plaats wijzigen")
        elif stap in toegestaan:
            titel = services.STAPPEN[stap]
        else:
            messages.error(
                request,
                _("Die stap kan niet (meer) voor deze aanvraag: ze staat op “%(status)s”.")
                % {"status": aanvraag.get_status_display()},
            )
            return redirect("admin:workshops_aanvraag_change", aanvraag.pk)
        initial = {}
        if stap in (Aanvraag.Status.INGEPLAND, "herplannen") and aanvraag.gepland_op:
            initial = {
                "gepland_op": timezone.localtime(aanvraag.gepland_op),
                "geplande_plaats": aanvraag.geplande_plaats,
            }
        form = StapForm(request.POST or None, stap=stap, initial=initial)
        status = 200
        if request.method == "POST":
            if form.is_valid():
                try:
                    if stap == "herplannen":
                        services.aanvraag_herplannen(
                            aanvraag=aanvraag,
                            gepland_op=form.cleaned_data["gepland_op"],
                            geplande_plaats=form.cleaned_data["geplande_plaats"],
                            door=request.user,
                        )
                    else:
                        services.aanvraag_status_wijzigen(
                            aanvraag=aanvraag,
                            status=stap,
                            door=request.user,
                            reden=form.cleaned_data.get("reden", ""),
                            gepland_op=form.cleaned_data.get("gepland_op"),
                            geplande_plaats=form.cleaned_data.get("geplande_plaats", ""),
                        )
                except services.OvergangNietToegestaan as fout:
                    form.add_error(None, fout)
                else:
                    messages.success(request, _("%(stap)s: gelukt.") % {"stap": titel})
                    return redirect("admin:workshops_aanvraag_change", aanvraag.pk)
            status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": aanvraag,
            "aanvraag": aanvraag,
            "title": titel,
            "stap": stap,
            "form": form,
            "krijgt_mail": stap in services.MAILT_AANVRAGER,
            "sessie": aanvraag.sessies.filter(
                geannuleerd_op__isnull=True, begint_op__gt=timezone.now()
            ).first(),
        }
        return TemplateResponse(
            request, "admin/workshops/aanvraag/stap.html", context, status=status
        )

    @admin.display(description=_("begeleider"))
    def begeleider_naam(self, obj: Aanvraag) -> str:
        return (
            (obj.begeleider.get_full_name() or obj.begeleider.get_username())
            if obj.begeleider
            else ""
        )

    @admin.action(
        description=_("Maak de sessie voor deze ingeplande aanvraag"), permissions=["change"]
    )
    def sessie_maken(self, request, queryset):
        for aanvraag in queryset.select_related("workshop"):
            try:
                sessie = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=request.user)
            except ValidationError as fout:
                messages.error(request, f"{aanvraag}: {' '.join(fout.messages)}")
            else:
                messages.success(request, _("Sessie gemaakt: %(sessie)s") % {"sessie": sessie})


class InschrijvingInline(admin.TabularInline):
    model = Inschrijving
    extra = 0
    fields = [
        "naam",
        "email",
        "organisatie",
        "toegankelijkheid",
        "status",
        "aangemaakt_op",
        "aanwezig",
    ]
    # Attendance is marked on the check-in page (the service checks and audits it), not here.
    readonly_fields = [
        "naam",
        "email",
        "organisatie",
        "toegankelijkheid",
        "status",
        "aangemaakt_op",
        "aanwezig",
    ]
    can_delete = False
    ordering = ["status", "aangemaakt_op"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "straat", "postcode", "gemeente", "aantal_sessies"]
    list_select_related = ["gemeente"]
    search_fields = ["naam", "straat", "gemeente__naam", "postcode"]
    autocomplete_fields = ["gemeente"]
    fields = ["naam", "straat", "postcode", "gemeente", "toegankelijkheid", "route", "routelink"]
    readonly_fields = ["routelink"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_sessies=Count("sessies"))

    @admin.display(description=_("sessies"), ordering="_sessies")
    def aantal_sessies(self, obj: Locatie) -> int:
        return obj._sessies

    @admin.display(description=_("route"))
    def routelink(self, obj: Locatie) -> str:
        if not obj.pk:
            return _("Verschijnt na het bewaren.")
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.route_url, obj.adres)


# The fields of a session that change when or where it is: saved through
# services.sessie_wijzigen, which mails everyone affected.
WANNEER_WAAR = ["begint_op", "eindigt_op", "locatie", "plaats", "online_link"]


@admin.register(Sessie)
class SessieAdmin(admin.ModelAdmin):
    list_display = [
        "workshop",
        "begint_op",
        "waar",
        "capaciteit",
        "bevestigd",
        "wachtlijst",
        "openbaar",
        "geannuleerd_op",
        "respons",
    ]
    list_filter = ["workshop", "openbaar", "inschrijving_open", "locatie"]
    list_select_related = ["workshop", "locatie__gemeente"]
    date_hierarchy = "begint_op"
    inlines = [InschrijvingInline]
    actions = ["annuleren", "deelnemers_exporteren"]
    autocomplete_fields = ["locatie"]
    change_form_template = "admin/workshops/sessie/change_form.html"
    readonly_fields = [
        "geannuleerd_op",
        "aanvraag",
        "publieke_link",
        "gemiddelde_score",
        "respons",
    ]
    fields = [
        "workshop",
        "aanvraag",
        "begint_op",
        "eindigt_op",
        "locatie",
        "plaats",
        "online_link",
        "meebrengen",
        "capaciteit",
        "inschrijven_tot",
        "openbaar",
        "inschrijving_open",
        "annuleringsreden",
        "geannuleerd_op",
        "publieke_link",
        "gemiddelde_score",
        "respons",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).met_aantallen().met_respons()

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.geannuleerd_op:
            # A cancelled session does not move, and its reason has been mailed: a form
            # loaded before the cancellation cannot blank it.
            velden += [*WANNEER_WAAR, "annuleringsreden"]
        return velden

    @admin.display(description=_("plaats"), ordering="locatie__naam")
    def waar(self, obj: Sessie) -> str:
        return obj.locatie.naam if obj.locatie_id else (obj.plaats or _("Online"))

    @admin.display(description=_("respons evaluatie"), ordering="aantal_geevalueerd")
    def respons(self, obj: Sessie) -> str:
        """Answered out of asked (only those present are asked)."""
        gevraagd = getattr(obj, "aantal_gevraagd", None)
        if gevraagd is None:  # pragma: no cover (the change view's object is annotated too)
            return "—"
        if not gevraagd:
            return "—"
        return _("%(n)d van %(m)d (%(pct)d%%)") % {
            "n": obj.aantal_geevalueerd,
            "m": gevraagd,
            "pct": round(100 * obj.aantal_geevalueerd / gevraagd),
        }

    @admin.display(description=_("bevestigd"), ordering="aantal_bevestigd")
    def bevestigd(self, obj: Sessie) -> int:
        return obj.aantal_bevestigd

    @admin.display(description=_("wachtlijst"), ordering="aantal_wachtlijst")
    def wachtlijst(self, obj: Sessie) -> int:
        return obj.aantal_wachtlijst

    @admin.display(description=_("link"))
    def publieke_link(self, obj: Sessie) -> str:
        return obj.get_absolute_url() if obj.pk else "—"

    @admin.display(description=_("evaluatie"))
    def gemiddelde_score(self, obj: Sessie) -> str:
        if not obj.pk:
            return "—"
        cijfers = Evaluatie.objects.filter(inschrijving__sessie=obj).aggregate(
            gem=Avg("score"), n=Count("pk")
        )
        return f"{cijfers['gem']:.1f}/5 ({cijfers['n']})" if cijfers["n"] else "—"

    def save_model(self, request, obj: Sessie, form, change):
        """Time and place through services.sessie_wijzigen (everyone affected is mailed what
        changed), the number of places through sessie_capaciteit_wijzigen; only the other fields
        the form changed are saved here."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        verplaatst = bool(set(WANNEER_WAAR) & set(form.changed_data))
        capaciteit = "capaciteit" in form.changed_data
        # Only the other fields the form changed (not a save of the whole row as it was read,
        # which could undo a change committed meanwhile, e.g. a cancellation); the services
        # lock the row and write time, place and places.
        andere = [v for v in form.changed_data if v not in {*WANNEER_WAAR, "capaciteit"}]
        if andere:
            obj.save(update_fields=andere)
        if verplaatst:
            nieuw = {veld: getattr(obj, veld) for veld in WANNEER_WAAR}
            try:
                wijzigingen = services.sessie_wijzigen(sessie=obj, door=request.user, **nieuw)
            except ValidationError as fout:  # e.g. cancelled meanwhile
                wijzigingen = []
                messages.error(
                    request,
                    _("Datum, uur en plaats zijn niet gewijzigd: %(reden)s")
                    % {"reden": " ".join(fout.messages)},
                )
            if wijzigingen:
                messages.info(
                    request,
                    _(
                        "Wie ingeschreven is of op de wachtlijst staat, krijgt een mail met wat "
                        "er verandert."
                    ),
                )
        if capaciteit:
            services.sessie_capaciteit_wijzigen(sessie=obj, capaciteit=obj.capaciteit)
        obj.refresh_from_db()

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/mailen/",
                self.admin_site.admin_view(self.mailen_view),
                name="workshops_sessie_mailen",
            )
        ]
        return eigen + super().get_urls()

    def mailen_view(self, request, pk: int):
        """Mail the people of a session: write, see who gets it and a preview, then send.
        Each step is a POST; bad input answers 400 with what was typed."""
        sessie = get_object_or_404(
            Sessie.objects.select_related("workshop", "locatie__gemeente"), pk=pk
        )
        if not self.has_change_permission(request, sessie):
            raise PermissionDenied
        form = SessieMailenForm(request.POST if request.method == "POST" else None)
        status, voorbeeld, ontvangers = 200, "", None
        if request.method == "POST":
            status = 400
            if form.is_valid():
                gegevens = form.cleaned_data
                ontvangers = list(services.sessie_ontvangers(sessie, gegevens["ontvangers"]))
                if not ontvangers:
                    form.add_error(
                        "ontvangers", _("Niemand in deze groep: er is niemand om te mailen.")
                    )
                elif request.POST.get("versturen") == "ja":
                    aantal = services.sessie_mailen(
                        sessie=sessie,
                        ontvangers=gegevens["ontvangers"],
                        onderwerp=gegevens["onderwerp"],
                        tekst=gegevens["tekst"],
                        door=request.user,
                    )
                    messages.success(
                        request,
                        ngettext(
                            "De mail gaat naar %(n)d persoon.",
                            "De mail gaat naar %(n)d personen.",
                            aantal,
                        )
                        % {"n": aantal},
                    )
                    return redirect("admin:workshops_sessie_change", sessie.pk)
                else:
                    status = 200
                    eerste = ontvangers[0]
                    eerste.sessie = sessie
                    voorbeeld = render_to_string(
                        "workshops/mail/sessie_bericht.txt",
                        {
                            "SITE_URL": settings.SITE_URL,
                            "inschrijving": eerste,
                            "sessie": sessie,
                            "bericht": gegevens["tekst"].strip(),
                        },
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": sessie,
            "sessie": sessie,
            "title": _("De mensen van deze sessie mailen"),
            "form": form,
            "voorbeeld": voorbeeld,
            "ontvangers": ontvangers if voorbeeld else None,
        }
        return TemplateResponse(
            request, "admin/workshops/sessie/mailen.html", context, status=status
        )

    @admin.action(description=_("Annuleer de sessie en verwittig iedereen"), permissions=["change"])
    def annuleren(self, request, queryset):
        totaal = 0
        for sessie in queryset:
            totaal += services.sessie_annuleren(
                sessie=sessie, reden=sessie.annuleringsreden or "", door=request.user
            )
        messages.success(
            request,
            ngettext("%(n)d persoon verwittigd.", "%(n)d personen verwittigd.", totaal)
            % {"n": totaal},
        )

    @admin.action(description=_("Exporteer de deelnemers als CSV"))
    def deelnemers_exporteren(self, request, queryset):
        inschrijvingen = (
            Inschrijving.objects.filter(sessie__in=queryset)
            .select_related("sessie__workshop")
            .order_by("sessie__begint_op", "status", "aangemaakt_op")
        )
        rijen = (
            [
                i.sessie.workshop.titel,
                i.sessie.begint_op,
                i.naam,
                i.email,
                i.organisatie,
                i.toegankelijkheid,
                i.get_status_display(),
                i.aangemaakt_op,
                i.aanwezig,
            ]
            for i in inschrijvingen
        )
        return csv_antwoord(
            "deelnemers.csv",
            [
                _("Workshop"),
                _("Sessie"),
                _("Naam"),
                _("E-mailadres"),
                _("Organisatie"),
                _("Noden"),
                _("Status"),
                _("Ingeschreven op"),
                _("Aanwezig"),
            ],
            rijen,
        )


@admin.register(Inschrijving)
class InschrijvingAdmin(admin.ModelAdmin):
    list_display = ["naam", "email", "sessie", "status", "aangemaakt_op", "aanwezig"]
    list_filter = ["status", "sessie__workshop", "aanwezig"]
    list_select_related = ["sessie__workshop"]
    search_fields = ["naam", "email", "organisatie"]
    # Attendance only through the check-in page of the session (aanwezigheid_zetten: checked
    # and audited); here it is read-only, with a link there.
    readonly_fields = [
        "sessie",
        "inchecken",
        "aanwezig",
        "status",
        "aangemaakt_op",
        "doorgeschoven_op",
        "geannuleerd_op",
        "herinnerd_op",
        "evaluatie_gevraagd_op",
        "evaluatie_herinnerd_op",
        "geanonimiseerd_op",
    ]
    actions = ["annuleren"]

    def has_add_permission(self, request) -> bool:
        return False  # people sign up themselves; staff use the public form too

    @admin.display(description=_("aanwezigheid aanduiden"))
    def inchecken(self, obj: Inschrijving) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("sessie-inchecken", args=[obj.sessie_id]),
            _("Op de inchecklijst van de sessie"),
        )

    @admin.action(description=_("Annuleer (de wachtlijst schuift door)"), permissions=["change"])
    def annuleren(self, request, queryset):
        for inschrijving in queryset:
            services.inschrijving_annuleren(inschrijving=inschrijving)
        messages.success(request, _("Inschrijvingen geannuleerd."))


@admin.register(Evaluatie)
class EvaluatieAdmin(admin.ModelAdmin):
    list_display = ["sessie", "score", "wat_goed", "wat_beter", "ingevuld_op"]
    list_filter = ["inschrijving__sessie__workshop", "score"]
    list_select_related = ["inschrijving__sessie__workshop"]
    readonly_fields = ["inschrijving", "score", "wat_goed", "wat_beter", "ingevuld_op"]

    @admin.display(description=_("sessie"))
    def sessie(self, obj: Evaluatie) -> Sessie:
        return obj.inschrijving.sessie

    def has_add_permission(self, request) -> bool:
        return False
