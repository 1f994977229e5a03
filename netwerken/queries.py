"""Reads for netwerken: queryset methods, so views and templates never build queries themselves."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from baz.toegang import als_medewerker


class NetwerkQuerySet(models.QuerySet):
    def publiek(self) -> NetwerkQuerySet:
        """What /netwerken/ shows to everyone: name, region, period (never member data)."""
        return self.filter(zichtbaar=True)

    def voor_lid(self, user) -> NetwerkQuerySet:
        """The networks whose members-only space this user may enter (staff: all)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if als_medewerker(user):
            return self.all()
        return self.filter(deelnemers__user=user).distinct()


class BijeenkomstQuerySet(models.QuerySet):
    def komend(self) -> BijeenkomstQuerySet:
        return self.filter(eindigt_op__gte=timezone.now()).order_by("begint_op")

    def voorbij(self) -> BijeenkomstQuerySet:
        return self.filter(eindigt_op__lt=timezone.now()).order_by("-begint_op")


class VerslagQuerySet(models.QuerySet):
    def gepubliceerd(self) -> VerslagQuerySet:
        return self.filter(status="gepubliceerd")


class CasusQuerySet(models.QuerySet):
    def open(self) -> CasusQuerySet:
        return self.filter(status="open")

    def voor_lijst(self) -> CasusQuerySet:
        return self.select_related("netwerk", "deelnemer__user", "bijeenkomst__netwerk")
