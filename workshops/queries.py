"""Reads: queryset methods for workshops, sessions, requests and registrations."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

# Personal data is kept this long (declared in persoonsgegevens.py, shown on the privacy page).
AANVRAAG_BEWAARTERMIJN = timedelta(days=730)  # 24 months after the last activity
INSCHRIJVING_BEWAARTERMIJN = timedelta(days=365)  # 12 months after the session


class SessieQuerySet(models.QuerySet):
    def komend(self, nu: datetime | None = None):
        return self.filter(begint_op__gt=nu or timezone.now(), geannuleerd_op__isnull=True)

    def openbaar(self):
        return self.filter(openbaar=True, workshop__gepubliceerd=True)

    def met_aantallen(self):
        """Annotate `aantal_bevestigd` and `aantal_wachtlijst` (one query, no N+1)."""
        return self.annotate(
            aantal_bevestigd=Count("inschrijvingen", filter=Q(inschrijvingen__status="bevestigd")),
            aantal_wachtlijst=Count(
                "inschrijvingen", filter=Q(inschrijvingen__status="wachtlijst")
            ),
        )

    def open_voor_inschrijving(self, nu: datetime | None = None):
        nu = nu or timezone.now()
        return (
            self.komend(nu)
            .filter(inschrijving_open=True)
            .filter(Q(inschrijven_tot__isnull=True) | Q(inschrijven_tot__gt=nu))
        )

    def voor_agenda(self):
        return self.openbaar().komend().select_related("workshop")


class WorkshopQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd=True)

    def voor_overzicht(self):
        """Everything the list and detail pages show, in a fixed number of queries."""
        from .models import Sessie

        return self.prefetch_related(
            "doelpublieken",
            "werkmodellen",
            Prefetch(
                "sessies",
                queryset=Sessie.objects.openbaar().komend().met_aantallen().order_by("begint_op"),
                to_attr="komende_sessies",
            ),
        )


class AanvraagQuerySet(models.QuerySet):
    def te_anonimiseren(self, nu: datetime | None = None):
        grens = (nu or timezone.now()) - AANVRAAG_BEWAARTERMIJN
        return self.filter(laatste_activiteit_op__lt=grens, geanonimiseerd_op__isnull=True)


class InschrijvingQuerySet(models.QuerySet):
    def actief(self):
        return self.exclude(status="geannuleerd")

    def bevestigd(self):
        return self.filter(status="bevestigd")

    def wachtlijst(self):
        return self.filter(status="wachtlijst").order_by("aangemaakt_op", "pk")

    def te_anonimiseren(self, nu: datetime | None = None):
        grens = (nu or timezone.now()) - INSCHRIJVING_BEWAARTERMIJN
        return self.filter(sessie__eindigt_op__lt=grens, geanonimiseerd_op__isnull=True)

    def te_evalueren(self, nu: datetime | None = None):
        """Confirmed participants of sessions that ended, not asked yet."""
        return self.filter(
            status="bevestigd",
            sessie__eindigt_op__lt=nu or timezone.now(),
            sessie__geannuleerd_op__isnull=True,
            evaluatie_gevraagd_op__isnull=True,
        ).exclude(aanwezig=False)
