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

    def zoek(self, zoekterm: str):
        """Full-text search; annotates `relevantie`. Accent-insensitive on every database."""
        zoekterm = zoekterm[:MAX_ZOEKLENGTE].strip()
        if not zoekterm:
            return self.annotate(relevantie=Value(0.0))
        if connection.vendor == "postgresql":
            # Ranked full-text search: Dutch stemming ("vrijwilligers" finds "vrijwilliger"),
            # unaccent ("cafe" finds "café"), web-search syntax ("...", -woord, or).
            query = SearchQuery(zoekterm, config=ZOEKCONFIG, search_type="websearch")
            return self.filter(zoekvector=query).annotate(
                relevantie=SearchRank(F("zoekvector"), query)
            )
        # Other databases: every word occurs in the normalised (accent-free) text.
        bevat = Q()
        for woord in re.findall(r"\w+", normaliseer(zoekterm)):
            bevat &= Q(zoektekst__contains=woord)
        return self.filter(bevat).annotate(relevantie=Value(0.0))
