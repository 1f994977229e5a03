"""Workshops: the offer, requests from organisations, open sessions with sign-up and evaluation.

Times are stored in UTC (USE_TZ) and shown in Europe/Brussels. Writes go through services.py;
reads through the queryset methods in queries.py.
"""

import secrets
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from baz.ical import Afspraak, kalender
from baz.models import Gemeente
from baz.velden import EenRegelTekst, geen_regeleinden
from inspiraties.models import Werkmodel

from .queries import (
    AanvraagQuerySet,
    InschrijvingQuerySet,
    SessieQuerySet,
    WorkshopQuerySet,
)


def nieuw_token() -> str:
    """An unguessable token for a personal link (192 bits)."""
    return secrets.token_urlsafe(24)


def antwoordtermijn() -> str:
    """The answer time BAZ promises for a request, as the site says it ("twee weken")."""
    dagen = settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN
    weken = {7: _("een week"), 14: _("twee weken"), 21: _("drie weken"), 28: _("vier weken")}
    if dagen in weken:
        return str(weken[dagen])
    return ngettext("%(n)d dag", "%(n)d dagen", dagen) % {"n": dagen}


class Formaat(models.TextChoices):
    ONLINE = "online", _("Online")
    LIVE = "live", _("Live")
    BEIDE = "beide", _("Online of live")


class Doelpubliek(models.Model):
    """Who a workshop is for: verenigingen, eerstelijn, lokale besturen, burgers."""

    slug = models.SlugField(_("slug"), unique=True)
    naam = EenRegelTekst(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("doelpubliek")
        verbose_name_plural = _("doelpublieken")

    def __str__(self) -> str:
        return self.naam


class Workshop(models.Model):
    titel = EenRegelTekst(_("titel"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    samenvatting = EenRegelTekst(_("samenvatting"), max_length=300)
    beschrijving = models.TextField(_("beschrijving"), help_text=_("Markdown."))
    leerdoelen = models.TextField(
        _("wat deelnemers leren"), blank=True, help_text=_("Eén leerdoel per regel.")
    )
    doelpublieken = models.ManyToManyField(
        Doelpubliek, related_name="workshops", verbose_name=_("doelpublieken")
    )
    werkmodellen = models.ManyToManyField(
        Werkmodel, blank=True, related_name="workshops", verbose_name=_("werkmodellen")
    )
    formaat = models.CharField(
        _("formaat"), max_length=10, choices=Formaat.choices, default=Formaat.BEIDE
    )
    duur_minuten = models.PositiveSmallIntegerField(
        _("duur (minuten)"), validators=[MinValueValidator(15), MaxValueValidator(24 * 60)]
    )
    groepsgrootte_min = models.PositiveSmallIntegerField(_("kleinste groep"), default=1)
    groepsgrootte_max = models.PositiveSmallIntegerField(_("grootste groep"), default=20)
    prijs = models.DecimalField(
        _("prijs (euro)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg: gratis."),
    )
    meebrengen = models.TextField(
        _("wat meebrengen"),
        blank=True,
        help_text=_(
            "Staat in de herinnering aan de deelnemers, bv. een laptop of iets om te schrijven. "
            "Een sessie kan het anders zeggen."
        ),
    )
    gepubliceerd = models.BooleanField(_("gepubliceerd"), default=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    opmerking = models.TextField(
        _("interne opmerking"), blank=True, help_text=_("Niet publiek zichtbaar.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["volgorde", "titel"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(groepsgrootte_min__lte=models.F("groepsgrootte_max")),
                name="workshop_groepsgrootte_geldig",
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("workshop", args=[self.slug])

    @property
    def leerdoelen_lijst(self) -> list[str]:
        return [regel.strip() for regel in self.leerdoelen.splitlines() if regel.strip()]

    @property
    def is_gratis(self) -> bool:
        return not self.prijs

    @property
    def duur_tekst(self) -> str:
        uren, minuten = divmod(self.duur_minuten, 60)
        if not uren:
            return _("%(m)d minuten") % {"m": minuten}
        if not minuten:
            return _("%(u)d uur") % {"u": uren}
        return _("%(u)d uur %(m)d minuten") % {"u": uren, "m": minuten}


class Aanvraag(models.Model):
    """A request from an association or organisation to give a workshop for its group."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("Nieuw")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        INGEPLAND = "ingepland", _("Ingepland")
        GEGEVEN = "gegeven", _("Gegeven")
        GEEVALUEERD = "geevalueerd", _("Geëvalueerd")
        UITGESTELD = "uitgesteld", _("Uitgesteld")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    # Statuses that need a reason (kept in the status history and mailed to the requester).
    MET_REDEN = {Status.UITGESTELD, Status.GEANNULEERD}
    # Statuses after which the requester can no longer change the request.
    AFGESLOTEN = {Status.GEGEVEN, Status.GEEVALUEERD, Status.GEANNULEERD}

    class Soort(models.TextChoices):
        TONEEL = "toneel", _("Toneelvereniging")
        JEUGD = "jeugd", _("Jeugdvereniging")
        SPORT = "sport", _("Sportvereniging")
        NATUUR = "natuur", _("Natuurvereniging")
        CULTUUR = "cultuur", _("Culturele vereniging")
        WELZIJN = "welzijn", _("Welzijnsorganisatie")
        EERSTELIJN = "eerstelijn", _("Eerstelijnsorganisatie")
        LOKAAL_BESTUUR = "lokaal_bestuur", _("Lokaal bestuur")
        ANDERE = "andere", _("Andere")

    class Bron(models.TextChoices):
        PARTNER = "partner", _("Via een partnerorganisatie van BAZ")
        WEBSITE = "website", _("Via de website of sociale media")
        MOND = "mond", _("Via via, mond-tot-mondreclame")
        GEMEENTE = "gemeente", _("Via de gemeente")
        EERDER = "eerder", _("Ik nam al eerder deel")
        ANDERE = "andere", _("Anders")

    workshop = models.ForeignKey(
        Workshop, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("workshop")
    )
    organisatie = EenRegelTekst(_("organisatie"), max_length=200)
    soort = models.CharField(_("soort organisatie"), max_length=20, choices=Soort.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        related_name="workshopaanvragen",
        verbose_name=_("gemeente"),
    )
    contactpersoon = EenRegelTekst(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"), validators=[geen_regeleinden])
    telefoon = EenRegelTekst(_("telefoon"), max_length=20, blank=True)
    formaat = models.CharField(_("gewenst formaat"), max_length=10, choices=Formaat.choices)
    voorkeur_1 = models.DateField(_("voorkeursperiode 1"), null=True)
    voorkeur_2 = models.DateField(_("voorkeursperiode 2"), null=True)
    voorkeur_3 = models.DateField(_("voorkeursperiode 3"), null=True, blank=True)
    aantal_deelnemers = models.PositiveSmallIntegerField(_("verwacht aantal deelnemers"))
    leervraag = models.TextField(_("wat willen jullie leren?"))
    drempels = models.TextField(_("welke drempels ervaren jullie?"), blank=True)
    bron = EenRegelTekst(_("hoe leerden jullie BAZ kennen?"), max_length=20, blank=True)
    nieuwsbrief = models.BooleanField(_("nieuwsbrief gewenst"), default=False)
    nieuwsbrief_toestemming_op = models.DateTimeField(
        _("toestemming nieuwsbrief op"), null=True, blank=True
    )
    nieuwsbrief_toestemming_tekst = EenRegelTekst(
        _("versie toestemmingstekst"), max_length=50, blank=True
    )
    nieuwsbrief_ingetrokken_op = models.DateTimeField(
        _("toestemming nieuwsbrief ingetrokken op"), null=True, blank=True
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"is_staff": True},
        related_name="begeleide_aanvragen",
        verbose_name=_("begeleider"),
    )
    gepland_op = models.DateTimeField(_("geplande datum en uur"), null=True, blank=True)
    geplande_plaats = EenRegelTekst(_("geplande plaats"), max_length=250, blank=True)
    interne_notities = models.TextField(_("interne notities"), blank=True)

    token = models.CharField(max_length=64, unique=True, default=nieuw_token, editable=False)
    indiening_sleutel = models.UUIDField(null=True, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("ontvangen op"), default=timezone.now, editable=False)
    laatste_activiteit_op = models.DateTimeField(
        _("laatste activiteit"), default=timezone.now, editable=False
    )
    geanonimiseerd_op = models.DateTimeField(
        _("geanonimiseerd op"), null=True, blank=True, editable=False
    )

    objects = AanvraagQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        indexes = [models.Index(fields=["status", "-aangemaakt_op"])]

    def __str__(self) -> str:
        return f"{self.organisatie} · {self.workshop}"

    def get_absolute_url(self) -> str:
        return reverse("aanvraag-opvolgen", args=[self.token])

    @property
    def voorkeuren(self) -> list:
        return [d for d in (self.voorkeur_1, self.voorkeur_2, self.voorkeur_3) if d]

    @property
    def is_afgesloten(self) -> bool:
        return self.status in self.AFGESLOTEN

    @property
    def antwoord_uiterlijk(self):
        """The date by which BAZ promised an answer (settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN)."""
        termijn = timedelta(days=settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN)
        return timezone.localdate(self.aangemaakt_op + termijn)


class AanvraagBericht(models.Model):
    """What the requester adds through their personal link: information, other dates, or the
    cancellation of their request. Staff see it on the request; staff are mailed."""

    class Soort(models.TextChoices):
        AANVULLING = "aanvulling", _("Aanvulling")
        DATUMVOORSTEL = "datumvoorstel", _("Andere data voorgesteld")
        ANNULERING = "annulering", _("Geannuleerd door de aanvrager")

    aanvraag = models.ForeignKey(
        Aanvraag, on_delete=models.CASCADE, related_name="berichten", verbose_name=_("aanvraag")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    tekst = models.TextField(_("bericht"), blank=True)
    voorkeur_1 = models.DateField(_("voorgestelde datum 1"), null=True, blank=True)
    voorkeur_2 = models.DateField(_("voorgestelde datum 2"), null=True, blank=True)
    voorkeur_3 = models.DateField(_("voorgestelde datum 3"), null=True, blank=True)
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("bericht van de aanvrager")
        verbose_name_plural = _("berichten van de aanvrager")

    def __str__(self) -> str:
        return self.get_soort_display()

    @property
    def voorkeuren(self) -> list:
        return [d for d in (self.voorkeur_1, self.voorkeur_2, self.voorkeur_3) if d]


class AanvraagStatuswijziging(models.Model):
    """The audit trail of a request: every status change with who, when and why."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="wijzigingen")
    van = models.CharField(_("van"), max_length=20, choices=Aanvraag.Status.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=Aanvraag.Status.choices)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    door_aanvrager = models.BooleanField(_("door de aanvrager"), default=False)
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        ordering = ["op", "pk"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")

    def __str__(self) -> str:
        return f"{self.get_van_display() or '—'} → {self.get_naar_display()}"


class Locatie(models.Model):
    """A venue where sessions take place: its address, accessibility and how to get there.
    Public: the session page shows it with a route link to a map site (no embed)."""

    naam = EenRegelTekst(_("naam"), max_length=150, help_text=_("Bv. Ontmoetingscentrum De Linde."))
    straat = EenRegelTekst(_("straat en nummer"), max_length=200)
    postcode = EenRegelTekst(
        _("postcode"),
        max_length=4,
        validators=[RegexValidator(r"^[1-9][0-9]{3}$", _("Een Belgische postcode: vier cijfers."))],
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="locaties", verbose_name=_("gemeente")
    )
    toegankelijkheid = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_(
            "Wat iemand met een beperking vooraf wil weten: drempels, lift, aangepast toilet, "
            "ringleiding, parkeerplaatsen voor mensen met een handicap. Publiek zichtbaar."
        ),
    )
    route = models.TextField(
        _("route en parkeren"),
        blank=True,
        help_text=_("Bv. de dichtste halte of waar je de fiets kwijt kan. Publiek zichtbaar."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")

    def __str__(self) -> str:
        return f"{self.naam}, {self.gemeente}" if self.gemeente_id else self.naam

    @property
    def adres(self) -> str:
        """On one line: "Kerkstraat 1, 2440 Geel"."""
        return f"{self.straat}, {self.postcode} {self.gemeente.naam}"

    @property
    def route_url(self) -> str:
        """A plain link to the address on OpenStreetMap (no embed, no tracking)."""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.adres})


class Sessie(models.Model):
    """One date on which a workshop is given: open for sign-up, or closed for one group."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.PROTECT, related_name="sessies", verbose_name=_("workshop")
    )
    aanvraag = models.ForeignKey(
        Aanvraag,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessies",
        verbose_name=_("aanvraag"),
    )
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"))
    locatie = models.ForeignKey(
        Locatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessies",
        verbose_name=_("locatie"),
        help_text=_("Waar de sessie doorgaat: de sessiepagina toont het adres en de route."),
    )
    plaats = EenRegelTekst(
        _("plaats (vrije tekst)"),
        max_length=250,
        blank=True,
        help_text=_("Enkel als er geen locatie gekozen is, bv. bij de vereniging zelf."),
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        validators=[geen_regeleinden],
        help_text=_(
            "Nooit publiek: enkel wie bevestigd ingeschreven is, krijgt hem (mail, herinnering, "
            "persoonlijke pagina)."
        ),
    )
    meebrengen = models.TextField(
        _("wat meebrengen"),
        blank=True,
        help_text=_("Leeg: wat bij de workshop staat. Staat in de herinnering."),
    )
    capaciteit = models.PositiveSmallIntegerField(
        _("aantal plaatsen"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    inschrijven_tot = models.DateTimeField(
        _("inschrijven tot"), null=True, blank=True, help_text=_("Leeg: tot de start.")
    )
    openbaar = models.BooleanField(
        _("openbaar"),
        default=True,
        help_text=_("Uit: een gesloten sessie, enkel voor de aanvragende groep (via de link)."),
    )
    inschrijving_open = models.BooleanField(_("inschrijving open"), default=True)
    toegangscode = models.CharField(max_length=64, default=nieuw_token, editable=False)
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    annuleringsreden = models.TextField(_("reden van annulering"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # SEQUENCE of its calendar event (RFC 5545): one up with every change of time or place
    # (services.sessie_wijzigen), so the .ics of the change mail replaces the old event.
    volgnummer = models.PositiveIntegerField(_("volgnummer"), default=0, editable=False)

    objects = SessieQuerySet.as_manager()

    class Meta:
        ordering = ["begint_op"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        constraints = [
            models.CheckConstraint(
                condition=Q(eindigt_op__gt=models.F("begint_op")), name="sessie_einde_na_begin"
            ),
            # "Maak de sessie" once per request: one session that is not cancelled.
            models.UniqueConstraint(
                fields=["aanvraag"],
                condition=Q(aanvraag__isnull=False, geannuleerd_op__isnull=True),
                name="sessie_een_per_aanvraag",
            ),
        ]

    def __str__(self) -> str:
        lokaal = timezone.localtime(self.begint_op)
        return f"{self.workshop} · {lokaal:%d/%m/%Y %H:%M}"

    def get_absolute_url(self) -> str:
        url = reverse("sessie", args=[self.workshop.slug, self.pk])
        return url if self.openbaar else f"{url}?toegang={self.toegangscode}"

    @property
    def is_online(self) -> bool:
        return not self.locatie_id and not self.plaats

    @property
    def plaats_tekst(self) -> str:
        """Where, on one line, as anyone may read it (never the online link)."""
        if self.locatie_id:
            return f"{self.locatie.naam}, {self.locatie.adres}"
        return self.plaats or str(_("Online"))

    @property
    def wat_meebrengen(self) -> str:
        return (self.meebrengen or self.workshop.meebrengen).strip()

    def als_afspraak(self, *, met_online_link: bool = False) -> Afspraak:
        """This session as a calendar event (baz/ical.py). The online link only goes into the
        registrant's own copy (`met_online_link`), never into the public agenda feed."""
        beschrijving = self.workshop.samenvatting
        if self.locatie_id and self.locatie.toegankelijkheid:
            beschrijving += "\n\n" + _("Toegankelijkheid: %(tekst)s") % {
                "tekst": self.locatie.toegankelijkheid
            }
        if met_online_link and self.online_link:
            beschrijving += f"\n\nOnline: {self.online_link}"
        if self.is_online:
            plaats = self.online_link if met_online_link and self.online_link else ""
        else:
            plaats = self.plaats_tekst
        return Afspraak(
            sleutel=f"sessie-{self.pk}",
            titel=self.workshop.titel,
            begint_op=self.begint_op,
            eindigt_op=self.eindigt_op,
            pad=self.get_absolute_url(),
            plaats=plaats,
            beschrijving=beschrijving,
            geannuleerd=bool(self.geannuleerd_op),
            volgnummer=self.volgnummer,
        )

    def herinneren_op(self, dagen: int | None = None) -> datetime:
        """When the reminder goes out: HERINNERING_DAGEN days before, at the same time of day
        on the Brussels clock (calendar days, so also right across a summer-time change)."""
        dagen = settings.HERINNERING_DAGEN if dagen is None else dagen
        lokaal = timezone.localtime(self.begint_op)
        dag = lokaal.date() - timedelta(days=dagen)
        return datetime.combine(dag, lokaal.time(), tzinfo=lokaal.tzinfo)

    @property
    def vrije_plaatsen(self) -> int:
        """Needs `met_aantallen()` (or counts the confirmed registrations)."""
        bezet = getattr(self, "aantal_bevestigd", None)
        if bezet is None:
            bezet = self.inschrijvingen.bevestigd().count()
        return max(self.capaciteit - bezet, 0)

    @property
    def is_vol(self) -> bool:
        return self.vrije_plaatsen == 0

    def reden_gesloten(self, nu=None) -> str:
        """Why sign-up is not possible now, or '' when it is."""
        nu = nu or timezone.now()
        if self.geannuleerd_op:
            return _("Deze sessie is geannuleerd.")
        if self.begint_op <= nu:
            return _("Deze sessie is voorbij.")
        if not self.inschrijving_open:
            return _("De inschrijvingen voor deze sessie zijn gesloten.")
        if self.inschrijven_tot and self.inschrijven_tot <= nu:
            return _("De inschrijvingstermijn voor deze sessie is verstreken.")
        return ""


def sessies_als_ics(sessies, *, met_online_link: bool = False) -> bytes:
    """Sessions as an .ics file: the public agenda feed (never with the online link), or one
    session for a confirmed registrant (mail, personal page: `met_online_link`)."""
    return kalender(
        (sessie.als_afspraak(met_online_link=met_online_link) for sessie in sessies),
        naam="BurgersAanZet workshops",
        product="Workshops",
    )


class Inschrijving(models.Model):
    class Status(models.TextChoices):
        BEVESTIGD = "bevestigd", _("Bevestigd")
        WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
        GEANNULEERD = "geannuleerd", _("Geannuleerd")

    sessie = models.ForeignKey(
        Sessie, on_delete=models.CASCADE, related_name="inschrijvingen", verbose_name=_("sessie")
    )
    naam = EenRegelTekst(_("naam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), validators=[geen_regeleinden])
    organisatie = EenRegelTekst(_("organisatie"), max_length=200, blank=True)
    toegankelijkheid = models.TextField(_("toegankelijkheid en noden"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    aanwezig = models.BooleanField(_("aanwezig"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=nieuw_token, editable=False)
    indiening_sleutel = models.UUIDField(null=True, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("ingeschreven op"), default=timezone.now)
    doorgeschoven_op = models.DateTimeField(_("van de wachtlijst op"), null=True, blank=True)
    geannuleerd_op = models.DateTimeField(_("geannuleerd op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnering gestuurd op"), null=True, blank=True)
    evaluatie_gevraagd_op = models.DateTimeField(_("evaluatie gevraagd op"), null=True, blank=True)
    evaluatie_herinnerd_op = models.DateTimeField(
        _("herinnering evaluatie gestuurd op"), null=True, blank=True
    )
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = InschrijvingQuerySet.as_manager()

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            # One e-mail address signs up for a session once (cancelled ones aside).
            models.UniqueConstraint(
                fields=["sessie", "email"],
                condition=~Q(status="geannuleerd"),
                name="inschrijving_eenmaal_per_sessie",
            )
        ]
        indexes = [models.Index(fields=["sessie", "status", "aangemaakt_op"])]

    def __str__(self) -> str:
        return f"{self.naam} · {self.sessie}"

    def get_absolute_url(self) -> str:
        return reverse("inschrijving", args=[self.token])


class Evaluatie(models.Model):
    inschrijving = models.OneToOneField(
        Inschrijving, on_delete=models.CASCADE, related_name="evaluatie"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    wat_goed = models.TextField(_("wat was goed?"), blank=True)
    wat_beter = models.TextField(_("wat kan beter?"), blank=True)
    ingevuld_op = models.DateTimeField(_("ingevuld op"), default=timezone.now)

    class Meta:
        ordering = ["-ingevuld_op"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")

    def __str__(self) -> str:
        return f"{self.score}/5 · {self.inschrijving.sessie}"
