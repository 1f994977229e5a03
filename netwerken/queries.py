"""Reads for netwerken: queryset methods, so views and templates never build queries themselves."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from baz.toegang import tweestaps_in_orde

# The two permissions of netwerken (Netwerk.Meta.permissions); superusers hold both.
ALLE_NETWERKEN_BEKIJKEN = "netwerken.alle_netwerken_bekijken"
BEGELEIDEN = "netwerken.begeleiden"


def mogen_begeleiden() -> models.QuerySet:
    """The accounts that may facilitate a network or coachingtraject: active staff who are
    superusers or hold `netwerken.begeleiden` (the group "Begeleiders" has it), by name.
    One query, so that it also serves as a subquery."""
    app_label, codename = BEGELEIDEN.split(".")
    recht = Q(codename=codename, content_type__app_label=app_label)
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Exists(Permission.objects.filter(recht, group__user=OuterRef("pk")))
            | Exists(Permission.objects.filter(recht, user=OuterRef("pk")))
        )
        .order_by("first_name", "last_name", "username")
    )


class NetwerkQuerySet(models.QuerySet):
    def publiek(self) -> NetwerkQuerySet:
        """What /netwerken/ shows to everyone: name, region, period (never member data)."""
        return self.filter(zichtbaar=True)

    def van(self, user) -> NetwerkQuerySet:
        """The networks this user takes part in or facilitates (a begeleider only while they
        may facilitate): the ones called "Mijn netwerken". No staff-wide view here."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        from .models import Deelnemer

        eigen = Exists(Deelnemer.objects.filter(netwerk=OuterRef("pk"), user=user))
        if user.is_staff:
            begeleiding = self.model.begeleiders.through.objects.filter(
                netwerk=OuterRef("pk"), user__in=mogen_begeleiden().filter(pk=user.pk)
            )
            eigen |= Exists(begeleiding)
        return self.filter(eigen)

    def zichtbaar_voor(self, user) -> NetwerkQuerySet:
        """The networks whose members-only space this user may enter: the rule, in one place.

        Its members, its begeleiders, and staff with `netwerken.alle_netwerken_bekijken`
        (superusers have it); staff only once they passed their second factor. Being staff
        is not enough (an editor of the Redactie group is staff and sees no network)."""
        if not user.is_authenticated or not user.is_active or not tweestaps_in_orde(user):
            return self.none()
        if user.is_staff and user.has_perm(ALLE_NETWERKEN_BEKIJKEN):  # medewerker_met_recht
            return self.all()
        return self.van(user)


class BijeenkomstQuerySet(models.QuerySet):
    def komend(self) -> BijeenkomstQuerySet:
        return self.filter(eindigt_op__gte=timezone.now()).order_by("begint_op")

    def voorbij(self) -> BijeenkomstQuerySet:
        return self.filter(eindigt_op__lt=timezone.now()).order_by("-begint_op")

    def te_herinneren(self, nu: datetime, dagen: int) -> BijeenkomstQuerySet:
        """Meetings that may be due for their reminder: not started, starting within `dagen`
        days (plus a day, for the summer-time hour; Bijeenkomst.herinneren_op decides the
        exact moment)."""
        return self.filter(begint_op__gt=nu, begint_op__lte=nu + timedelta(days=dagen + 1))


class AanwezigheidQuerySet(models.QuerySet):
    def aanwezig(self) -> AanwezigheidQuerySet:
        return self.filter(status="aanwezig")

    def niet_aanwezig(self) -> AanwezigheidQuerySet:
        """Marked absent or excused."""
        return self.exclude(status="aanwezig")


class VerslagQuerySet(models.QuerySet):
    def gepubliceerd(self) -> VerslagQuerySet:
        return self.filter(status="gepubliceerd")


class CasusQuerySet(models.QuerySet):
    def open(self) -> CasusQuerySet:
        return self.filter(status="open")

    def voor_lijst(self) -> CasusQuerySet:
        return self.select_related("netwerk", "deelnemer__user", "bijeenkomst__netwerk")


def mag_ledenruimte_zien(user, netwerk) -> bool:
    """May `user` enter the members-only space of `netwerk`? (Netwerk.objects.zichtbaar_voor)"""
    return type(netwerk).objects.zichtbaar_voor(user).filter(pk=netwerk.pk).exists()
