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
