"""Inspiratiemateriaal: screencasts, publications and tools that BAZ offers to download or watch.

Files live in the default storage (MEDIA_ROOT or the S3 bucket), as the inspiraties' images do;
the captions are text in the database, served by the site itself (a <track> must come from the
page's own origin). What a file is (format, size, pages, duration, frame size) is read from the
file when staff upload it (inspiratiemateriaal/bestanden.py), never typed by hand.
"""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from baz.velden import EenRegelTekst, geen_regeleinden
from inspiraties.models import Werkmodel

EXTENSIES = {"video/mp4": "mp4", "video/webm": "webm", "application/pdf": "pdf"}


def _bestandsnaam(materiaal: "Materiaal", naam: str) -> str:
    # The extension comes from what the file was found to be (bestanden.py), never from the
    # uploaded name: a PDF-and-HTML polyglot named gids.html is stored as .pdf, and the web
    # server never serves it as a page of this site. A random part: a replaced file gets a new
    # address, so no cache serves the old one.
    extensie = EXTENSIES.get(materiaal.bestand_type, "bin")
    return f"inspiratiemateriaal/{materiaal.slug}-{uuid.uuid4().hex[:8]}.{extensie}"


class Publiek(models.Model):
    """For whom material is made: fixed reference data (a data migration)."""

    slug = models.SlugField(_("slug"), unique=True)
    naam = EenRegelTekst(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("publiek")
        verbose_name_plural = _("publieken")

    def __str__(self) -> str:
        return self.naam


class MateriaalQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status=Materiaal.Status.GEPUBLICEERD)

    def voor_lijst(self):
        """What a card shows: no transcript, captions or summary (they can be long)."""
        return (
            self.gepubliceerd()
            .defer("transcript", "ondertitels", "samenvatting")
            .prefetch_related("werkmodellen", "publieken")
            .alias(
                soort_volgorde=models.Case(
                    *(
                        models.When(soort=soort, then=models.Value(i))
                        for i, soort in enumerate(Materiaal.Soort.values)
                    ),
                    output_field=models.IntegerField(),
                )
            )
            .order_by("soort_volgorde", "-gepubliceerd_op", "-pk")
        )

    def zichtbaar_voor(self, gebruiker):
        """Published material for everyone; staff also preview concepts and archived items."""
        if getattr(gebruiker, "is_staff", False):
            return self.all()
        return self.gepubliceerd()


class Materiaal(models.Model):
    class Soort(models.TextChoices):
        SCREENCAST = "screencast", _("Screencast")
        PUBLICATIE = "publicatie", _("Publicatie")
        TOOL = "tool", _("Tool")

    # The list's headings, in the order the list shows the kinds.
    SOORT_MEERVOUD = {
        Soort.SCREENCAST: _("Screencasts"),
        Soort.PUBLICATIE: _("Publicaties"),
        Soort.TOOL: _("Tools"),
    }

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        GEARCHIVEERD = "gearchiveerd", _("Gearchiveerd")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = EenRegelTekst(_("titel"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    korte_beschrijving = EenRegelTekst(
        _("korte beschrijving"),
        max_length=300,
        help_text=_("Eén of twee zinnen: wat vind je erin, en waarvoor gebruik je het?"),
    )
    werkmodellen = models.ManyToManyField(
        Werkmodel, blank=True, related_name="materiaal", verbose_name=_("werkmodellen")
    )
    publieken = models.ManyToManyField(
        Publiek, blank=True, related_name="materiaal", verbose_name=_("voor wie")
    )

    bestand = models.FileField(
        _("bestand"),
        upload_to=_bestandsnaam,
        max_length=200,
        blank=True,
        help_text=_(
            "Screencast: een video in MP4 (H.264) of WebM (VP8, VP9 of AV1). Publicatie: een PDF. "
            "Tool: een PDF, of laat leeg en geef een link."
        ),
    )
    bestand_type = models.CharField(max_length=50, blank=True, editable=False)
    bestand_grootte = models.PositiveBigIntegerField(
        _("grootte (bytes)"), null=True, blank=True, editable=False
    )
    paginas = models.PositiveIntegerField(_("pagina's"), null=True, blank=True, editable=False)
    duur = models.PositiveIntegerField(_("duur (seconden)"), null=True, blank=True, editable=False)
    breedte = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hoogte = models.PositiveIntegerField(null=True, blank=True, editable=False)
    link = models.URLField(
        _("link"),
        blank=True,
        validators=[geen_regeleinden],
        help_text=_("Voor een tool die elders staat, in plaats van een bestand."),
    )

    ondertitels = models.TextField(
        _("ondertitels (WebVTT)"),
        blank=True,
        help_text=_("Verplicht voor een screencast: de tekst van het bestand ‘.vtt’."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "Verplicht voor een screencast: alles wat gezegd en getoond wordt, als tekst. "
            "Markdown. Laat je het leeg, dan nemen we de tekst van de ondertitels."
        ),
    )
    samenvatting = models.TextField(
        _("samenvatting"),
        blank=True,
        help_text=_(
            "Verplicht voor een publicatie: wat erin staat, als gewone tekst op de pagina voor "
            "wie de PDF niet kan of wil openen. Markdown, met tussenkoppen (##)."
        ),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, editable=False)
    demo = models.BooleanField(
        _("demomateriaal"), default=False, help_text=_("Voorbeeldmateriaal, geen echt materiaal.")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = MateriaalQuerySet.as_manager()

    class Meta:
        ordering = ["-gepubliceerd_op", "-pk"]
        verbose_name = _("inspiratiemateriaal")
        verbose_name_plural = _("inspiratiemateriaal")
        permissions = [("publiceren", _("Mag inspiratiemateriaal publiceren en archiveren"))]
        indexes = [models.Index(fields=["status", "soort"], name="materiaal_status_soort")]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("inspiratiemateriaal:detail", args=[self.slug])

    @property
    def is_video(self) -> bool:
        return self.bestand_type.startswith("video/")

    @property
    def is_pdf(self) -> bool:
        return self.bestand_type == "application/pdf"

    @property
    def soort_meervoud(self) -> str:
        return self.SOORT_MEERVOUD[self.soort]

    @property
    def formaat(self) -> str:
        """ "WebM", "MP4", "PDF": what a download link says it gives."""
        return {"video/webm": "WebM", "video/mp4": "MP4", "application/pdf": "PDF"}.get(
            self.bestand_type, ""
        )

    @property
    def duur_tekst(self) -> str:
        """ "2 min 05 s", "45 s", "1 u 02 min": how long the video plays."""
        if not self.duur:
            return ""
        uren, rest = divmod(self.duur, 3600)
        minuten, seconden = divmod(rest, 60)
        if uren:
            return gettext("%(u)d u %(m)02d min") % {"u": uren, "m": minuten}
        if minuten:
            return gettext("%(m)d min %(s)02d s") % {"m": minuten, "s": seconden}
        return gettext("%(s)d s") % {"s": seconden}
