import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from baz.models import Gemeente, Provincie
from baz.velden import EenRegelTekst, geen_regeleinden

from .queries import InspiratieQuerySet

AFBEELDING_BREEDTES = (480, 960)


class Werkmodel(models.Model):
    """One of BAZ's six network-strengthening models: fixed reference data (a data migration)."""

    slug = models.SlugField(_("slug"), unique=True, editable=False)
    naam = EenRegelTekst(_("naam"), max_length=100)
    korte_beschrijving = EenRegelTekst(_("korte beschrijving"), max_length=250)
    beschrijving = models.TextField(_("beschrijving"), help_text=_("Markdown."))
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0, editable=False)

    class Meta:
        ordering = ["volgorde"]
        verbose_name = _("werkmodel")
        verbose_name_plural = _("werkmodellen")

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("werkmodel", args=[self.slug])


class Doelgroep(models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    naam = EenRegelTekst(_("naam"), max_length=100)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        return self.naam


class Inspiratie(models.Model):
    class Status(models.TextChoices):
        GETIPT = "getipt", _("Getipt (nog niet opgepakt)")
        AFGEWEZEN = "afgewezen", _("Tip afgewezen")
        CONCEPT = "concept", _("Concept")
        REVIEW = "review", _("Ter review")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        GEARCHIVEERD = "gearchiveerd", _("Gearchiveerd")

    class Reikwijdte(models.TextChoices):
        LOKAAL = "lokaal", _("Lokaal")
        REGIONAAL = "regionaal", _("Regionaal")
        VLAANDEREN = "vlaanderen", _("Heel Vlaanderen")
        ONLINE = "online", _("Online")

    titel = EenRegelTekst(_("titel"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    samenvatting = EenRegelTekst(
        _("samenvatting"), max_length=300, help_text=_("Een korte teaser, hoogstens 300 tekens.")
    )
    verhaal = models.TextField(
        _("verhaal"),
        help_text=_("Markdown: **vet**, *cursief*, lijstjes, koppen (##) en links. Geen HTML."),
    )
    werkmodellen = models.ManyToManyField(
        Werkmodel, related_name="inspiraties", verbose_name=_("werkmodellen")
    )
    themas = TaggableManager(
        _("thema's"), blank=True, help_text=_("Vrije thema's, gescheiden door komma's.")
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep, blank=True, related_name="inspiraties", verbose_name=_("doelgroepen")
    )
    provincie = models.CharField(
        _("provincie"),
        max_length=20,
        choices=Provincie.choices,
        blank=True,
        help_text=_("Leeg voor een regio-brede of online inspiratie."),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspiraties",
        verbose_name=_("gemeente"),
    )
    reikwijdte = models.CharField(
        _("reikwijdte"), max_length=20, choices=Reikwijdte.choices, default=Reikwijdte.LOKAAL
    )
    initiatiefnemer = EenRegelTekst(_("initiatiefnemer"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[geen_regeleinden])

    # "Doe mee": how a reader joins or gets help, and how to reach the initiative. The e-mail
    # address and phone number show only when the initiative agreed (contact_tonen).
    meedoen = models.TextField(
        _("zo doe je mee"),
        blank=True,
        max_length=1000,
        help_text=_("Kort: hoe sluit een lezer aan of krijgt die hulp? Markdown."),
    )
    contact_email = models.EmailField(
        _("e-mailadres van het initiatief"), blank=True, validators=[geen_regeleinden]
    )
    contact_telefoon = EenRegelTekst(_("telefoon van het initiatief"), max_length=40, blank=True)
    contact_tonen = models.BooleanField(
        _("contactgegevens tonen"),
        default=False,
        help_text=_(
            "Alleen aanvinken als het initiatief ermee instemde dat we dit e-mailadres en "
            "telefoonnummer op de site tonen."
        ),
    )
    nagekeken_op = models.DateField(
        _("laatst nagekeken op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de redactie dit verhaal laatst naliep (klopt het nog?)."),
    )
    # Structured story fields, shown as sections when filled (Markdown).
    doel = models.TextField(_("doel"), blank=True, help_text=_("Wat wil het initiatief bereiken?"))
    aanpak = models.TextField(_("aanpak"), blank=True, help_text=_("Hoe pakken ze het aan?"))
    wat_werkt = models.TextField(_("wat werkt"), blank=True)
    wat_nodig = models.TextField(
        _("wat heb je nodig"), blank=True, help_text=_("Wat heb je nodig om dit zelf te doen?")
    )

    afbeelding = models.ImageField(
        _("afbeelding"),
        upload_to="inspiraties/",
        blank=True,
        width_field="afbeelding_breedte",
        height_field="afbeelding_hoogte",
    )
    afbeelding_breedte = models.PositiveIntegerField(null=True, blank=True, editable=False)
    afbeelding_hoogte = models.PositiveIntegerField(null=True, blank=True, editable=False)
    afbeelding_alt = EenRegelTekst(
        _("alternatieve tekst"),
        max_length=250,
        blank=True,
        help_text=_("Beschrijf wat er op de afbeelding staat, voor wie ze niet kan zien."),
    )
    afbeelding_credit = EenRegelTekst(_("fotocredit"), max_length=150, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    uitgelicht = models.BooleanField(
        _("uitgelicht"), default=False, help_text=_("Inspiratie van de maand op de homepage.")
    )
    demotekst = models.BooleanField(
        _("demotekst"), default=False, help_text=_("Voorbeeldtekst zonder echte beschrijving.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The author of the last submission for review: mailed when it is published or sent back.
    # A staff account; erasure anonymises the account itself (netwerken/persoonsgegevens.py).
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("ingediend door"),
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True, editable=False)

    # Search: a normalised plain text (lowercase, no accents) of everything searchable, and on
    # PostgreSQL its tsvector ('baz_nl' configuration: Dutch stemming plus unaccent).
    zoektekst = models.TextField(editable=False, default="")
    zoekvector = SearchVectorField(null=True, editable=False)
    # The title alone (PostgreSQL): "best passend" puts the stories whose title matches first
    # (inspiraties/catalogus.py), found in this small column's index without reading the text.
    titelvector = SearchVectorField(null=True, editable=False)

    objects = InspiratieQuerySet.as_manager()

    class Meta:
        ordering = ["-gepubliceerd_op", "-pk"]
        verbose_name = _("inspiratie")
        verbose_name_plural = _("inspiraties")
        permissions = [
            ("publiceren", _("Mag inspiraties publiceren, terugsturen en archiveren")),
        ]
        indexes = [
            models.Index(
                fields=["status", "-gepubliceerd_op", "-id"], name="inspiratie_status_datum"
            ),
            models.Index(fields=["provincie"], name="inspiratie_provincie"),
            models.Index(fields=["titel"], name="inspiratie_titel"),
            # The home page's featured story (baz/views.py HomeInspiraties.uitgelicht): a few
            # rows, read newest first, instead of a scan of every published inspiratie.
            models.Index(
                fields=["-gepubliceerd_op", "-id"],
                condition=models.Q(uitgelicht=True, status="gepubliceerd"),
                name="inspiratie_uitgelicht",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("inspiratie", args=[self.slug])

    @property
    def is_publiek(self) -> bool:
        return (
            self.status == self.Status.GEPUBLICEERD
            and self.gepubliceerd_op is not None
            and self.gepubliceerd_op <= timezone.now()
        )

    def afbeelding_varianten(self) -> list[tuple[str, int]]:
        """(url, width) of every stored size of the image, smallest first, for srcset."""
        if not self.afbeelding or not self.afbeelding_breedte:
            return []
        basis = self.afbeelding.name.rsplit(".", 1)[0]
        storage = self.afbeelding.storage
        varianten = [
            (storage.url(f"{basis}-w{breedte}.webp"), breedte)
            for breedte in AFBEELDING_BREEDTES
            if breedte < self.afbeelding_breedte
        ]
        return [*varianten, (self.afbeelding.url, self.afbeelding_breedte)]


class Tip(models.Model):
    """Where a getipt inspiratie came from: who tipped it through /inspiraties/tip/, their
    choices and the proof of their consent (when, which version of the texts).

    The tipper's name and address are kept for the follow-up (a mail when it is published or
    declined) and anonymised after the retention period (inspiraties/persoonsgegevens.py).
    """

    class NaamTonen(models.TextChoices):
        VOLLEDIG = "volledig", _("Met mijn volledige naam")
        VOORNAAM = "voornaam", _("Alleen met mijn voornaam")
        NIET = "niet", _("Niet")

    inspiratie = models.OneToOneField(
        Inspiratie, on_delete=models.CASCADE, related_name="tip", verbose_name=_("inspiratie")
    )
    naam = EenRegelTekst(_("naam van wie tipte"), max_length=150)
    email = models.EmailField(_("e-mail van wie tipte"), validators=[geen_regeleinden])
    betrokken = models.BooleanField(_("maakt zelf deel uit van het initiatief"), default=False)
    naam_tonen = models.CharField(
        _("naam tonen"), max_length=10, choices=NaamTonen.choices, default=NaamTonen.NIET
    )
    contact_initiatief = EenRegelTekst(
        _("contact van het initiatief (zoals getipt)"), max_length=300, blank=True
    )
    contact_toestemming = models.BooleanField(_("BAZ mag contact opnemen"), default=False)
    foto_toestemming = models.BooleanField(
        _("toestemming van de fotograaf en van wie op de foto staat"), default=False
    )
    toestemming_op = models.DateTimeField(_("toestemming gegeven op"))
    toestemming_versie = EenRegelTekst(_("versie van de toestemmingstekst"), max_length=20)
    reden = models.TextField(_("reden van afwijzing"), blank=True)
    # The form's double-submit key (bound to the browser): a double click stores one tip.
    indiening_sleutel = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("getipt op"), auto_now_add=True)
    beslist_op = models.DateTimeField(_("opgepakt of afgewezen op"), null=True, blank=True)
    publicatie_gemeld_op = models.DateTimeField(_("publicatie gemeld op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self) -> str:
        return _("Tip voor “%(titel)s”") % {"titel": self.inspiratie.titel}

    @property
    def getoonde_naam(self) -> str:
        """The tipper's name as they chose it may appear ('' for not at all)."""
        if self.geanonimiseerd_op or self.naam_tonen == self.NaamTonen.NIET:
            return ""
        if self.naam_tonen == self.NaamTonen.VOORNAAM:
            return self.naam.split()[0] if self.naam.split() else ""
        return self.naam


class CatalogusVersie(models.Model):
    """One row whose number goes up with every change that public pages of inspiraties show.

    Page and facet caches put the number in their keys, so a change is visible at once on every
    server, whatever the cache backend. `volgende_publicatie` is the next scheduled publication:
    when it passes, the number goes up too.
    """

    nummer = models.BigIntegerField(default=0)
    # A fresh random token with every change: cache keys stay unique even if a database
    # restore sets the number back.
    token = models.UUIDField(default=uuid.uuid4)
    volgende_publicatie = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("catalogusversie")
        verbose_name_plural = _("catalogusversies")

    def __str__(self) -> str:
        return str(self.nummer)
