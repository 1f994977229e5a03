"""Reads of inspiraties: queryset methods that views and selectors compose."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import F, Q, Value
from django.utils import timezone

from baz.tekst import normaliseer
from baz.toegang import als_medewerker

# PostgreSQL text search configuration made by migration 0002: Dutch stemming with unaccent.
ZOEKCONFIG = "baz_nl"
MAX_ZOEKLENGTE = 200


class InspiratieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd", gepubliceerd_op__lte=timezone.now())

    def zichtbaar_voor(self, user):
        """Staff may preview every status on the site; everyone else sees what is published."""
        if als_medewerker(user):
            return self.all()
        return self.gepubliceerd()

    def voor_kaarten(self):
        """Everything a card in a list shows, in a fixed number of queries."""
        return self.select_related("gemeente").prefetch_related("werkmodellen")

    def gezocht(self, zoekterm: str):
        """Only the inspiraties that match `zoekterm`, unranked: the one search condition that
        the result list (`zoek`), its total and the facet counts all filter on."""
        zoekterm = zoekterm[:MAX_ZOEKLENGTE].strip()
        if not zoekterm:
            return self.all()
        if connection.vendor == "postgresql":
            return self.filter(zoekvector=_zoekquery(zoekterm))
        # Other databases: every word occurs in the normalised (accent-free) text.
        bevat = Q()
        for woord in re.findall(r"\w+", normaliseer(zoekterm)):
            bevat &= Q(zoektekst__contains=woord)
        return self.filter(bevat)

    def zoek(self, zoekterm: str):
        """Full-text search; annotates `relevantie`. Accent-insensitive on every database."""
        zoekterm = zoekterm[:MAX_ZOEKLENGTE].strip()
        if not zoekterm or connection.vendor != "postgresql":
            return self.gezocht(zoekterm).annotate(relevantie=Value(0.0))
        return self.gezocht(zoekterm).annotate(
            relevantie=SearchRank(F("zoekvector"), _zoekquery(zoekterm))
        )


def _zoekquery(zoekterm: str) -> SearchQuery:
    """PostgreSQL: ranked full-text search with Dutch stemming ("vrijwilligers" finds
    "vrijwilliger"), unaccent ("cafe" finds "café") and web-search syntax ("...", -woord, or)."""
    return SearchQuery(zoekterm, config=ZOEKCONFIG, search_type="websearch")
