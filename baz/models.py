"""Shared by every app: the municipalities of Flanders and Brussels, and the erasures on request."""

import uuid

from django.db import models
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
