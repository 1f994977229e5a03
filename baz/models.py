"""Reference data shared by every app: the provinces and municipalities of Flanders and Brussels."""

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
