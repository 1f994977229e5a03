"""Reads of inspiraties: queryset methods that views and selectors compose."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import F, Value
from django.utils import timezone

from baz.tekst import normaliseer

# PostgreSQL text search configuration made by migration 0002: Dutch stemming with unaccent.
ZOEKCONFIG = "baz_nl"
MAX_ZOEKLENGTE = 200


class InspiratieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd", gepubliceerd_op__lte=timezone.now())

    def zichtbaar_voor(self, user):
        """Staff may preview every status on the site; everyone else sees what is published."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.gepubliceerd()

    def voor_kaarten(self):
        """Everything a card in a list shows, in a fixed number of queries."""
        return self.select_related("gemeente").prefetch_related("werkmodellen")

    def zoek(self, zoekterm: str):
        """Full-text search; annotates `relevantie`. Accent-insensitive on every database."""
        zoekterm = zoekterm[:MAX_ZOEKLENGTE].strip()
        if not zoekterm:
            return self.annotate(relevantie=Value(0.0))
        if connection.vendor == "postgresql":
            query = SearchQuery(zoekterm, config=ZOEKCONFIG, search_type="websearch")
            return self.filter(zoekvector=query).annotate(
                relevantie=SearchRank(F("zoekvector"), query)
            )
        # Other databases: every word must occur in the normalised text (no stemming).
        resultaat = self
        for woord in normaliseer(zoekterm).split():
            resultaat = resultaat.filter(zoektekst__contains=woord)
        return resultaat.annotate(relevantie=Value(0.0))
