"""Shared by every app: municipalities, erasures on request, the mail outbox, counters for rate
limits and the audit trail of staff actions."""

import uuid
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Provincie(models.TextChoices):
    ANTWERPEN = "antwerpen", _("Antwerpen")
    LIMBURG = "limburg", _("Limburg")
    OOST_VLAANDEREN = "oost-vlaanderen", _("Oost-Vlaanderen")
    VLAAMS_BRABANT = "vlaams-brabant", _("Vlaams-Brabant")
    WEST_VLAANDEREN = "west-vlaanderen", _("West-Vlaanderen")
    BRUSSEL = "brussel", _("Brussels Hoofdstedelijk Gewest")


class Gemeente(models.Model):
    """A municipality from Statbel's REFNIS list (after the 2025 mergers)."""

    nis_code = models.CharField(_("NIS-code"), max_length=5, primary_key=True)
    naam = models.CharField(_("naam"), max_length=100)
    naam_fr = models.CharField(_("Franse naam"), max_length=100, blank=True)
    provincie = models.CharField(_("provincie"), max_length=20, choices=Provincie.choices)
    postcodes = models.CharField(_("postcodes"), max_length=200, blank=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        indexes = [models.Index(fields=["naam"])]

    def __str__(self) -> str:
        return self.naam


class Wissing(models.Model):
    """One erasure of a person's data on request (baz/persoonsgegevens/services.py).

    The same record is a line in the erasure log file (WISLOG_PAD), outside the database, so that
    it survives restoring an older backup; this row is what the admin lists. Neither holds the
    address: only a salted SHA-256 of it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    op = models.DateTimeField(_("gewist op"))
    door = models.CharField(_("door"), max_length=150)
    zout = models.CharField(_("zout"), max_length=64)
    email_sha256 = models.CharField(_("SHA-256 van het e-mailadres"), max_length=64)
    aantallen = models.JSONField(_("aantallen"), default=dict)

    class Meta:
        ordering = ["-op"]
        verbose_name = _("wissing")
        verbose_name_plural = _("wissingen")
        default_permissions = ("view",)
        permissions = [
            ("persoonsgegevens_beheren", _("Persoonsgegevens opzoeken, exporteren en wissen"))
        ]

    def __str__(self) -> str:
        return _("Wissing %(id)s") % {"id": str(self.pk)[:8]}


def nieuwe_message_id() -> str:
    """A Message-ID in the site's domain, made once when a mail is stored."""
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "burgersaanzet.be")


class Mail(models.Model):
    """The outbox: every mail the platform sends is stored here first, in the transaction of
    the data that causes it, and sent by the worker afterwards (baz/mail.py).

    No request talks to SMTP. The worker claims a mail in a short transaction of its own
    (`bezig`, with the time it did), sends it outside any row lock and then marks it sent; a
    mail whose worker died is claimed again once its claim is older than MAIL_CLAIM_SECONDEN.
    Every mail keeps one Message-ID, so a resend after a crash is the same message.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Wordt verstuurd")
        VERZONDEN = "verzonden", _("Verzonden")
        MISLUKT = "mislukt", _("Mislukt")

    soort = models.CharField(_("soort"), max_length=80, blank=True)
    sleutel = models.CharField(
        _("sleutel"),
        max_length=120,
        blank=True,
        db_index=True,
        help_text=_("Groepeert de mails van één gebeurtenis, bv. een verslag."),
    )
    ontvanger = models.EmailField(_("ontvanger"))
    onderwerp = models.CharField(_("onderwerp"), max_length=250)
    tekst = models.TextField(_("tekst"))
    bijlage_naam = models.CharField(_("bijlage"), max_length=100, blank=True)
    bijlage_type = models.CharField(_("type van de bijlage"), max_length=100, blank=True)
    bijlage_inhoud = models.TextField(_("inhoud van de bijlage"), blank=True)
    message_id = models.CharField(
        _("Message-ID"), max_length=200, unique=True, default=nieuwe_message_id, editable=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    volgende_poging_op = models.DateTimeField(_("volgende poging op"), default=timezone.now)
    geclaimd_op = models.DateTimeField(_("opgenomen door de worker op"), null=True, blank=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op", "-pk"]
        verbose_name = _("uitgaande mail")
        verbose_name_plural = _("uitgaande mails")
        indexes = [
            models.Index(fields=["status", "volgende_poging_op"]),
            models.Index(fields=["aangemaakt_op"]),
        ]

    def __str__(self) -> str:
        return f"{self.onderwerp} → {self.ontvanger}"


class Teller(models.Model):
    """A counter in the database for rate limits, the login cool-off and one-time stamps.

    In the database on purpose: shared by every worker and server, never evicted by page views
    the way a cache entry is, and still there when Redis is not (baz/ratelimiet.py).
    """

    sleutel = models.CharField(_("sleutel"), max_length=120, unique=True)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    verloopt_op = models.DateTimeField(_("verloopt op"), db_index=True)

    class Meta:
        verbose_name = _("teller")
        verbose_name_plural = _("tellers")
        default_permissions = ()

    def __str__(self) -> str:
        return self.sleutel


class Auditregel(models.Model):
    """One staff action that changed someone's situation: who, what, when (baz/audit.py)."""

    op = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    door_naam = models.CharField(_("door (naam)"), max_length=150, blank=True)
    actie = models.CharField(_("actie"), max_length=80, db_index=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("soort object"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)

    class Meta:
        ordering = ["-op", "-pk"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("audittrail")
        default_permissions = ("view",)
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.op:%Y-%m-%d %H:%M} · {self.door_naam} · {self.actie}"


class Planning(models.Model):
    """When a periodic job (baz/periodiek.py) runs next, and how its last run went. One row per
    job: the UPDATE that moves `volgende_op` is what lets one server, not all, take a run."""

    code = models.CharField(_("taak"), max_length=80, primary_key=True)
    volgende_op = models.DateTimeField(_("volgende keer op"))
    gestart_op = models.DateTimeField(_("laatst gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("laatst klaar op"), null=True, blank=True)
    uitkomst = models.IntegerField(_("laatste uitkomst"), null=True, blank=True)
    fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("geplande taak")
        verbose_name_plural = _("geplande taken")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return self.code
