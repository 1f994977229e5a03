"""Lerende netwerken and coachingtrajecten for local governments (issue 4).

Reads live in netwerken/queries.py (queryset methods), writes in netwerken/services.py.
All date-times are stored in UTC (USE_TZ) and shown in Europe/Brussels.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baz.ical import Afspraak
from baz.models import Gemeente
from baz.velden import EenRegelTekst, geen_regeleinden

from .queries import (
    AanwezigheidQuerySet,
    BijeenkomstQuerySet,
    CasusQuerySet,
    NetwerkQuerySet,
    VerslagQuerySet,
)

STANDAARD_MAX_DEELNEMERS = 15
SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
TOESTEMMING_INSPIRATIE = _(
    "BAZ mag dit bericht, met de naam van mijn organisatie, gebruiken als inspiratie op de "
    "website (een medewerker werkt het eerst uit; je kunt dit altijd intrekken)."
)


class Netwerk(models.Model):
    """A lerend netwerk: a group of at most about fifteen participants meeting 5-6 times a year."""

    naam = EenRegelTekst(_("naam"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    regio = EenRegelTekst(_("regio"), max_length=150)
    doel = models.TextField(_("doel"), help_text=_("Markdown."))
    begeleiders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="begeleide_netwerken",
        limit_choices_to={"is_staff": True},
        verbose_name=_("begeleiders"),
        help_text=_("BAZ-medewerkers die het netwerk faciliteren."),
    )
    begint_op = models.DateField(_("begindatum"))
    eindigt_op = models.DateField(_("einddatum"), null=True, blank=True)
    max_deelnemers = models.PositiveSmallIntegerField(
        _("maximum aantal deelnemers"),
        default=STANDAARD_MAX_DEELNEMERS,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    zichtbaar = models.BooleanField(
        _("zichtbaar op /netwerken/"),
        default=True,
        help_text=_("Toont naam, regio en periode publiek; nooit gegevens van deelnemers."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = NetwerkQuerySet.as_manager()

    class Meta:
        ordering = ["-begint_op", "naam"]
        verbose_name = _("lerend netwerk")
        verbose_name_plural = _("lerende netwerken")
        # Who may enter which members-only space: NetwerkQuerySet.zichtbaar_voor (queries.py).
        permissions = [
            ("alle_netwerken_bekijken", _("Mag de ledenruimte van elk netwerk bekijken")),
            ("begeleiden", _("Mag netwerken en coachingtrajecten begeleiden")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eindigt_op__isnull=True)
                | models.Q(eindigt_op__gte=models.F("begint_op")),
                name="netwerk_einde_na_begin",
                violation_error_message=_("De einddatum ligt voor de begindatum."),
            )
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("netwerken:netwerk", args=[self.slug])


class Digest(models.TextChoices):
    WEKELIJKS = "wekelijks", _("Wekelijks (op maandag)")
    DAGELIJKS = "dagelijks", _("Dagelijks")
    UIT = "uit", _("Nooit")


class Deelnemer(models.Model):
    """A member of one network, with the profile the other members see."""

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="deelnemers", verbose_name=_("netwerk")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="deelnames",
        verbose_name=_("account"),
    )
    organisatie = EenRegelTekst(_("organisatie"), max_length=150)
    rol = EenRegelTekst(_("rol"), max_length=150, blank=True)
    telefoon = EenRegelTekst(_("telefoon"), max_length=30, blank=True)
    toon_email = models.BooleanField(
        _("andere deelnemers mogen mijn e-mailadres zien"), default=False
    )
    toon_telefoon = models.BooleanField(
        _("andere deelnemers mogen mijn telefoonnummer zien"), default=False
    )
    digest = models.CharField(
        _("overzicht van wat nieuw is in het netwerk"),
        max_length=10,
        choices=Digest.choices,
        default=Digest.WEKELIJKS,
        help_text=_(
            "Een mail met de nieuwe casussen, berichten en reacties van de andere deelnemers, "
            "alleen als er iets nieuw is."
        ),
    )
    # Up to which moment the digest covered this member's network (periodiek.py).
    digest_verstuurd_tot = models.DateTimeField(
        _("overzicht verstuurd tot"), null=True, blank=True, editable=False
    )
    aangemaakt_op = models.DateTimeField(_("lid sinds"), auto_now_add=True)

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "user"],
                name="deelnemer_eenmaal_per_netwerk",
                violation_error_message=_("Deze persoon is al deelnemer van dit netwerk."),
            )
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return self.user.get_full_name() or self.user.username


class Bijeenkomst(models.Model):
    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="bijeenkomsten", verbose_name=_("netwerk")
    )
    thema = EenRegelTekst(_("thema"), max_length=200)
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"))
    plaats = EenRegelTekst(
        _("plaats"), max_length=250, blank=True, help_text=_("Adres, of leeg als online.")
    )
    online_link = models.URLField(
        _("link voor online deelname"), blank=True, validators=[geen_regeleinden]
    )
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown."))
    # SEQUENCE of its calendar event (RFC 5545): one up with every change of time, place or
    # link (services.bijeenkomst_wijzigen), so the .ics of the change mail replaces the old one.
    volgnummer = models.PositiveIntegerField(_("volgnummer"), default=0, editable=False)

    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        ordering = ["begint_op"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eindigt_op__gt=models.F("begint_op")),
                name="bijeenkomst_einde_na_begin",
                violation_error_message=_("Een bijeenkomst eindigt na haar begin."),
            )
        ]

    def __str__(self) -> str:
        return self.thema

    def get_absolute_url(self) -> str:
        return reverse("netwerken:bijeenkomst", args=[self.netwerk.slug, self.pk])

    @property
    def aanwezigen(self) -> models.QuerySet:
        """The members marked present (Aanwezigheid with status aanwezig)."""
        return Deelnemer.objects.filter(
            aanwezigheden__bijeenkomst=self, aanwezigheden__status=Aanwezigheid.Status.AANWEZIG
        )

    def herinneren_op(self, dagen: int | None = None) -> datetime:
        """When the reminder goes out: HERINNERING_DAGEN days before, at the same time of day
        on the Brussels clock (calendar days, so also right across a summer-time change)."""
        if dagen is None:
            dagen = getattr(settings, "HERINNERING_DAGEN", 2)
        lokaal = timezone.localtime(self.begint_op)
        dag = lokaal.date() - timedelta(days=dagen)
        return datetime.combine(dag, lokaal.time(), tzinfo=lokaal.tzinfo)

    def als_afspraak(self) -> Afspraak:
        """This meeting as a calendar event (baz/ical.py)."""
        beschrijving = self.agenda
        if self.online_link:
            beschrijving += f"\n\nOnline: {self.online_link}"
        return Afspraak(
            sleutel=f"bijeenkomst-{self.pk}",
            titel=f"{self.netwerk.naam}: {self.thema}",
            begint_op=self.begint_op,
            eindigt_op=self.eindigt_op,
            pad=self.get_absolute_url(),
            plaats=self.plaats or self.online_link,
            beschrijving=beschrijving,
            volgnummer=self.volgnummer,
        )


class Aanwezigheid(models.Model):
    """Whether a member was at a meeting: present, absent or excused.

    At most one row per member per meeting; no row means nothing was recorded (counts as
    absent for the verslag mail). Write through services.aanwezigheid_zetten."""

    class Status(models.TextChoices):
        AANWEZIG = "aanwezig", _("Aanwezig")
        AFWEZIG = "afwezig", _("Afwezig")
        VERONTSCHULDIGD = "verontschuldigd", _("Verontschuldigd")

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
        verbose_name=_("bijeenkomst"),
    )
    deelnemer = models.ForeignKey(
        Deelnemer,
        on_delete=models.CASCADE,
        related_name="aanwezigheden",
        verbose_name=_("deelnemer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AANWEZIG
    )
    gewijzigd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)

    objects = AanwezigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "deelnemer"], name="aanwezigheid_eenmaal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer} – {self.bijeenkomst}: {self.get_status_display()}"


class Herinnering(models.Model):
    """The reminder of a meeting was put in the outbox for this member: at most once
    (the unique constraint holds also when two servers run the job at the same moment)."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="herinneringen",
        verbose_name=_("bijeenkomst"),
    )
    deelnemer = models.ForeignKey(
        Deelnemer,
        on_delete=models.CASCADE,
        related_name="herinneringen",
        verbose_name=_("deelnemer"),
    )
    verstuurd_op = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    # The start it reminded of: a meeting moved after its reminder is reminded again.
    voor_begint_op = models.DateTimeField(_("herinnerd voor het begin op"), null=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "deelnemer"], name="herinnering_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer} – {self.bijeenkomst}"


class Verslag(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")

    bijeenkomst = models.OneToOneField(
        Bijeenkomst, on_delete=models.CASCADE, related_name="verslag", verbose_name=_("bijeenkomst")
    )
    tekst = models.TextField(_("tekst"), help_text=_("Markdown."))
    huiswerk = models.TextField(_("huiswerk"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, editable=False)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = VerslagQuerySet.as_manager()

    class Meta:
        verbose_name = _("verslag")
        verbose_name_plural = _("verslagen")

    def __str__(self) -> str:
        return _("Verslag van %(bijeenkomst)s") % {"bijeenkomst": self.bijeenkomst}

    @property
    def is_gepubliceerd(self) -> bool:
        return self.status == self.Status.GEPUBLICEERD


class Casus(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        BESPROKEN = "besproken", _("Besproken")

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="casussen", verbose_name=_("netwerk")
    )
    deelnemer = models.ForeignKey(
        Deelnemer,
        on_delete=models.CASCADE,
        related_name="casussen",
        verbose_name=_("ingediend door"),
    )
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="casussen",
        verbose_name=_("bijeenkomst"),
    )
    titel = EenRegelTekst(_("titel"), max_length=150)
    context = models.TextField(_("context"))
    vraag = models.TextField(_("vraag aan het netwerk"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    aangemaakt_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = CasusQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("netwerken:casus", args=[self.netwerk.slug, self.pk])


class CasusReactie(models.Model):
    """A member's reply to a case of their network."""

    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, related_name="reacties", verbose_name=_("casus")
    )
    deelnemer = models.ForeignKey(
        Deelnemer,
        on_delete=models.CASCADE,
        related_name="casusreacties",
        verbose_name=_("auteur"),
    )
    tekst = models.TextField(_("reactie"), max_length=4000)
    aangemaakt_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("reactie op een casus")
        verbose_name_plural = _("reacties op casussen")

    def __str__(self) -> str:
        return self.tekst[:60]


class Evaluatie(models.Model):
    """A member's short evaluation of one meeting: once per member per meeting."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.CASCADE,
        related_name="evaluaties",
        verbose_name=_("bijeenkomst"),
    )
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="evaluaties", verbose_name=_("deelnemer")
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)
    nuttig = models.TextField(_("wat was nuttig"), blank=True)
    suggesties = models.TextField(_("suggesties"), blank=True)
    aangemaakt_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "deelnemer"],
                name="evaluatie_eenmaal_per_deelnemer",
                violation_error_message=_("Je hebt deze bijeenkomst al geëvalueerd."),
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="evaluatie_score_1_tot_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer} – {self.bijeenkomst}: {self.score}"


class Jaarevaluatie(models.Model):
    """The year-end evaluation of the whole network: once per member per year."""

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="jaarevaluaties", verbose_name=_("netwerk")
    )
    deelnemer = models.ForeignKey(
        Deelnemer,
        on_delete=models.CASCADE,
        related_name="jaarevaluaties",
        verbose_name=_("deelnemer"),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    score = models.PositiveSmallIntegerField(_("algemene score"), validators=SCORE_VALIDATORS)
    geleerd = models.TextField(_("wat heb je geleerd"), blank=True)
    behouden = models.TextField(_("wat moeten we behouden"), blank=True)
    veranderen = models.TextField(_("wat moet anders"), blank=True)
    aangemaakt_op = models.DateTimeField(_("ingediend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("jaarevaluatie")
        verbose_name_plural = _("jaarevaluaties")
        constraints = [
            models.UniqueConstraint(
                fields=["deelnemer", "jaar"],
                name="jaarevaluatie_eenmaal_per_jaar",
                violation_error_message=_("Je hebt dit jaar al geëvalueerd."),
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="jaarevaluatie_score_1_tot_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deelnemer} – {self.jaar}"


class Interesse(models.Model):
    """A municipality or partnership tells staff it is interested (public form)."""

    class Vorm(models.TextChoices):
        NETWERK = "netwerk", _("Een lerend netwerk")
        COACHING = "coaching", _("Een coachingtraject")
        ONZEKER = "onzeker", _("Weet ik nog niet")

    bestuur = EenRegelTekst(_("bestuur of samenwerkingsverband"), max_length=150)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("gemeente"),
    )
    contactpersoon = EenRegelTekst(_("contactpersoon"), max_length=150)
    email = models.EmailField(_("e-mailadres"), validators=[geen_regeleinden])
    telefoon = EenRegelTekst(_("telefoon"), max_length=30, blank=True)
    vorm = models.CharField(_("interesse in"), max_length=20, choices=Vorm.choices)
    bericht = models.TextField(_("wat wil je bereiken?"), max_length=3000)
    behandeld = models.BooleanField(_("behandeld"), default=False)
    aangemaakt_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("interesse")
        verbose_name_plural = _("interesses")

    def __str__(self) -> str:
        return f"{self.bestuur} ({self.contactpersoon})"


# ---------------------------------------------------------------------------
# Coachingtraject for one municipality
# ---------------------------------------------------------------------------


class Coachingtraject(models.Model):
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="coachingtrajecten"
    )
    naam = EenRegelTekst(_("naam"), max_length=150)
    doel = models.TextField(_("doel van het traject"), blank=True)
    begeleiders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="begeleide_trajecten",
        limit_choices_to={"is_staff": True},
        verbose_name=_("begeleiders"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("coachingtraject")
        verbose_name_plural = _("coachingtrajecten")

    def __str__(self) -> str:
        return self.naam


class CoachingSessie(models.Model):
    class Soort(models.IntegerChoices):
        ANALYSE = 1, _("Analyse")
        VORMING = 2, _("Vorming en coaching")
        CONCLUSIES = 3, _("Conclusies en afspraken")

    traject = models.ForeignKey(Coachingtraject, on_delete=models.CASCADE, related_name="sessies")
    soort = models.PositiveSmallIntegerField(_("sessie"), choices=Soort.choices)
    datum = models.DateTimeField(_("datum"), null=True, blank=True)
    deelnemers = models.TextField(_("deelnemers"), blank=True, help_text=_("Wie was erbij?"))
    notities = models.TextField(_("notities"), blank=True)

    class Meta:
        ordering = ["soort"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        constraints = [
            models.UniqueConstraint(fields=["traject", "soort"], name="coachingsessie_eenmaal")
        ]

    def __str__(self) -> str:
        return self.get_soort_display()


class AnalysePunt(models.Model):
    """One question of the analysis checklist (from the annual report), with its answer."""

    traject = models.ForeignKey(
        Coachingtraject, on_delete=models.CASCADE, related_name="analysepunten"
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    vraag = EenRegelTekst(_("vraag"), max_length=300)
    antwoord = models.TextField(_("antwoord"), blank=True)

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("analysepunt")
        verbose_name_plural = _("analysechecklist")

    def __str__(self) -> str:
        return self.vraag


class Overheidsrol(models.TextChoices):
    RECHTMATIG = "rechtmatige-overheid", _("Rechtmatige overheid")
    PRESTEREND = "presterende-overheid", _("Presterende overheid")
    NETWERKEND = "netwerkende-overheid", _("Netwerkende overheid")
    RESPONSIEF = "responsieve-participerende-overheid", _("Responsieve, participerende overheid")


class Zelfevaluatie(models.Model):
    """How strongly the municipality sees itself in one of the four roles, at start or end."""

    class Moment(models.TextChoices):
        START = "start", _("Bij de start")
        EINDE = "einde", _("Op het einde")

    traject = models.ForeignKey(
        Coachingtraject, on_delete=models.CASCADE, related_name="zelfevaluaties"
    )
    rol = models.CharField(_("rol"), max_length=40, choices=Overheidsrol.choices)
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    score = models.PositiveSmallIntegerField(
        _("score (1-5)"), validators=SCORE_VALIDATORS, help_text=_("1 = helemaal niet, 5 = sterk.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["rol", "moment"]
        verbose_name = _("zelfevaluatie")
        verbose_name_plural = _("zelfevaluaties (vier rollen van de overheid)")
        constraints = [
            models.UniqueConstraint(
                fields=["traject", "rol", "moment"], name="zelfevaluatie_eenmaal"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="zelfevaluatie_score_1_tot_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} ({self.get_moment_display()})"


# ---------------------------------------------------------------------------
# "Inspireer elkaar": short posts with replies, for the members of one network
# ---------------------------------------------------------------------------


class Bericht(models.Model):
    class Soort(models.TextChoices):
        TIP = "tip", _("Tip")
        VRAAG = "vraag", _("Vraag")
        LINK = "link", _("Link")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="berichten")
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="berichten", verbose_name=_("auteur")
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.TIP)
    tekst = models.TextField(_("bericht"), max_length=2000)
    link = models.URLField(_("link"), blank=True, validators=[geen_regeleinden])
    inspiratie_toestemming = models.BooleanField(TOESTEMMING_INSPIRATIE, default=False)
    # Proof of consent: when it was given and the exact text the author saw.
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"), null=True, editable=False)
    toestemming_tekst = models.CharField(
        _("tekst van de toestemming"), max_length=300, blank=True, editable=False
    )
    inspiratie = models.ForeignKey(
        "inspiraties.Inspiratie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("concept-inspiratie"),
    )
    aangemaakt_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("bericht (inspireer elkaar)")
        verbose_name_plural = _("berichten (inspireer elkaar)")

    def __str__(self) -> str:
        return self.tekst[:60]


class Reactie(models.Model):
    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="reacties")
    deelnemer = models.ForeignKey(
        Deelnemer, on_delete=models.CASCADE, related_name="reacties", verbose_name=_("auteur")
    )
    tekst = models.TextField(_("reactie"), max_length=2000)
    aangemaakt_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        ordering = ["aangemaakt_op"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self) -> str:
        return self.tekst[:60]
