"""Reads: queryset methods for workshops, sessions, requests and registrations."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

# Personal data is kept this long (declared in persoonsgegevens.py, shown on the privacy page).
AANVRAAG_BEWAARTERMIJN = timedelta(days=730)  # 24 months after the last activity
INSCHRIJVING_BEWAARTERMIJN = timedelta(days=365)  # 12 months after the session
# The evaluation is open this long after the session; one reminder a week after the request.
EVALUATIE_TERMIJN_DAGEN = 60
EVALUATIE_TERMIJN = timedelta(days=EVALUATIE_TERMIJN_DAGEN)
EVALUATIE_HERINNEREN_NA = timedelta(days=7)


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

    def te_herinneren(self, nu: datetime, dagen: int):
        """Sessions that may be due for their reminder: not cancelled, not started, starting
        within `dagen` days (plus a day, for the summer-time hour; Sessie.herinneren_op
        decides the exact moment)."""
        return self.komend(nu).filter(begint_op__lte=nu + timedelta(days=dagen + 1))

    def met_respons(self):
        """Annotate `aantal_gevraagd` and `aantal_geevalueerd`: the response rate. Only the
        evaluations of who was asked (and so was present) count: never above 100%."""
        gevraagd = Q(
            inschrijvingen__evaluatie_gevraagd_op__isnull=False,
            inschrijvingen__aanwezig=True,
        )
        return self.annotate(
            aantal_gevraagd=Count("inschrijvingen", filter=gevraagd, distinct=True),
            aantal_geevalueerd=Count("inschrijvingen__evaluatie", filter=gevraagd, distinct=True),
        )

    def voor_agenda(self):
        return self.openbaar().komend().select_related("workshop", "locatie__gemeente")


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
                queryset=Sessie.objects.openbaar()
                .komend()
                .met_aantallen()
                .select_related("locatie__gemeente")
                .order_by("begint_op"),
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
        """Participants marked present at a session that ended (while its evaluation is
        open), not asked yet. Who was not marked present is never asked."""
        nu = nu or timezone.now()
        return self.filter(
            status="bevestigd",
            aanwezig=True,
            sessie__eindigt_op__lt=nu,
            sessie__eindigt_op__gt=nu - EVALUATIE_TERMIJN,
            sessie__geannuleerd_op__isnull=True,
            evaluatie_gevraagd_op__isnull=True,
        )

    def evaluatie_te_herinneren(self, nu: datetime | None = None):
        """Asked at least EVALUATIE_HERINNEREN_NA ago, not answered, not reminded yet, and the
        evaluation still open for long enough to answer."""
        nu = nu or timezone.now()
        return self.filter(
            status="bevestigd",
            aanwezig=True,
            evaluatie_gevraagd_op__lte=nu - EVALUATIE_HERINNEREN_NA,
            evaluatie_herinnerd_op__isnull=True,
            evaluatie__isnull=True,
            sessie__eindigt_op__gt=nu - EVALUATIE_TERMIJN + timedelta(days=2),
            sessie__geannuleerd_op__isnull=True,
            geanonimiseerd_op__isnull=True,
        )

    def te_herinneren(self):
        """Confirmed participants without a reminder yet (the session's moment is checked by
        the job: Sessie.herinneren_op)."""
        return self.filter(
            status="bevestigd", herinnerd_op__isnull=True, geanonimiseerd_op__isnull=True
        )
