"""The catalogue index: the published inspiraties as bitmaps, one per filter option, per
catalogue version.

At 100,000 inspiraties, counting the facets in SQL costs a pass over every link table per
request (0.4-1 s cold), and the related inspiraties of a story a GROUP BY over the whole table.
Here they are set operations on compressed bitmaps (pyroaring) held by each worker: all facet
counts and the total of any filter combination in well under a millisecond, the page of results
by position, the related stories by overlap.

- Positions, not ids: the published inspiraties are numbered 0..n-1 newest first (the
  catalogue's default order), so the first elements of a result bitmap are its newest
  results, and a page is a slice. A second numbering gives the order by title.
- One index per catalogue version (inspiraties/versie.py): the version changes when, and only
  when, something public changes, so the index is exact for the version it carries, and a
  publication or an archiving is seen by every server at its next request (at 100,000
  inspiraties: once that server's build of it is done, see below).
- Built once, not by every worker (single flight): the first worker that needs a version takes
  a short lock in the cache, builds it (about a second at 100,000), and shares it through the
  cache; the others wait for it briefly and deserialize it, or build it themselves when the
  cache is away (without Redis each worker builds its own: the result is the same).
- Never in a visitor's way once a worker has an index: a large catalogue's new version is
  built in a thread beside the requests, which meanwhile answer with the previous version
  (whole and consistent; pages are cached under the version they show). So a publication at
  100,000 inspiraties shows a second or two later, and no request waits for the build.
- Consistent: the version token and the rows are read in one snapshot (REPEATABLE READ on
  PostgreSQL), so an index never mixes two versions.

Only what visitors see is indexed; staff previewing drafts get the SQL path (catalogus.py).
"""

from __future__ import annotations

import json
import logging
import pickle
import threading
import time
from array import array
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from pyroaring import BitMap
from taggit.models import TaggedItem

from .models import Inspiratie
from .versie import catalogus_versie

logger = logging.getLogger(__name__)

BEWAARTIJD = 3600  # seconds an index stays in the shared cache (a new version replaces it)
BOUWSLOT = 30  # seconds a builder holds the lock; past it another may build
WACHTEN = 5.0  # seconds a worker waits for another's build before building itself
SLEUTEL = "catalogusindex:v2:"
OPNIEUW_NA = 10.0  # seconds after a failed background build before the next one starts
MAX_ACHTER = 60.0  # seconds a worker answers with a previous version at most; then it builds
ACHTERGROND_VANAF = 5000  # published inspiraties from which a new version is built beside requests


@dataclass
class Index:
    """The published inspiraties of one catalogue version as bitmaps of positions."""

    versie: str
    ids: array  # position (newest first) -> inspiratie id
    titelpositie: array  # position -> position in the order by title
    op_titel: array  # position in the order by title -> position
    facetten: dict[str, dict[object, BitMap]]  # facet -> option key -> positions
    positie: dict[int, int] = field(default_factory=dict, repr=False)  # id -> position
    # What pages derive from this version alone (the filters' options and labels), computed
    # once per worker: catalogus.py keeps it here, so it is never older than the index.
    afgeleid: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        if not self.positie:
            self.positie = {pk: nr for nr, pk in enumerate(self.ids)}

    @property
    def alle(self) -> BitMap:
        return BitMap(range(len(self.ids)))

    def posities(self, ids) -> BitMap:
        """The positions of these inspiratie ids (ids that are not published are left out)."""
        positie = self.positie
        return BitMap(positie[pk] for pk in ids if pk in positie)

    def optie(self, facet: str, sleutel) -> BitMap:
        return self.facetten[facet].get(sleutel) or BitMap()

    def een_van(self, facet: str, sleutels) -> BitMap:
        """The inspiraties with at least one of these options (OR within a filter)."""
        return BitMap.union(BitMap(), *(self.optie(facet, s) for s in sleutels))

    def tellingen(self, facet: str, binnen: BitMap) -> dict:
        """{option key: how many of `binnen` have it}, options with none left out."""
        uit = {}
        for sleutel, bitmap in self.facetten[facet].items():
            if aantal := binnen.intersection_cardinality(bitmap):
                uit[sleutel] = aantal
        return uit

    def pagina_ids(self, resultaat: BitMap, begin: int, einde: int, *, op_titel: bool) -> list:
        """The inspiratie ids of results begin..einde, newest first or by title."""
        if op_titel:
            if einde * len(self.ids) < len(resultaat) ** 2:
                # A large result: walking the titles in order finds its first `einde` sooner
                # (about einde / density steps) than renumbering all of it.
                gevonden: list[int] = []
                for positie in self.op_titel:
                    if positie in resultaat:
                        gevonden.append(positie)
                        if len(gevonden) == einde:
                            break
                return [self.ids[p] for p in gevonden[begin:]]
            titel = BitMap(self.titelpositie[p] for p in resultaat)
            return [self.ids[self.op_titel[t]] for t in titel[begin:einde]]
        return [self.ids[p] for p in resultaat[begin:einde]]

    def verwant(self, *, pk: int, werkmodellen, themas, aantal: int) -> list[int]:
        """Ids of the published inspiraties sharing the most werkmodellen and themes with
        inspiratie `pk` (the most shared first, then the newest), never `pk` itself."""
        bitmaps = [self.optie("werkmodel", w) for w in werkmodellen]
        bitmaps += [self.optie("thema", t) for t in themas]
        bitmaps = [b for b in bitmaps if b]
        if not bitmaps:
            return []
        # Per position, how many of the bitmaps hold it: a binary counter of bitmaps
        # (bit-sliced addition), then the positions with each count, highest count first.
        bits: list[BitMap] = []
        for bitmap in bitmaps:
            draag = bitmap
            for i, bit in enumerate(bits):
                bits[i], draag = bit ^ draag, bit & draag
                if not draag:
                    break
            else:
                if draag:
                    bits.append(draag)
        eigen = self.positie.get(pk)
        alle = BitMap.union(*bitmaps)
        if eigen is not None:
            alle.discard(eigen)
        gekozen: list[int] = []
        for telling in range(len(bitmaps), 0, -1):
            if telling >> len(bits):  # more than any position reaches
                continue
            precies = alle.copy()
            for i, bit in enumerate(bits):
                precies = precies & bit if telling >> i & 1 else precies - bit
                if not precies:
                    break
            for positie in precies:
                gekozen.append(self.ids[positie])
                if len(gekozen) == aantal:
                    return gekozen
        return gekozen

    def bewaren(self) -> bytes:
        facetten = {
            facet: {sleutel: b.serialize() for sleutel, b in opties.items()}
            for facet, opties in self.facetten.items()
        }
        return pickle.dumps(
            (self.versie, self.ids, self.titelpositie, self.op_titel, facetten),
            protocol=pickle.HIGHEST_PROTOCOL,
        )

    @classmethod
    def laden(cls, data: bytes) -> Index:
        versie, ids, titelpositie, op_titel, facetten = pickle.loads(data)
        return cls(
            versie=versie,
            ids=ids,
            titelpositie=titelpositie,
            op_titel=op_titel,
            facetten={
                facet: {sleutel: BitMap.deserialize(b) for sleutel, b in opties.items()}
                for facet, opties in facetten.items()
            },
        )


# Per database, the aggregate that gathers the positions of one option as a JSON array (one
# value per option instead of one row per link: Python then parses a few arrays in C).
JSON_LIJST = {"postgresql": "json_agg", "sqlite": "json_group_array"}


def _per_optie(sql: str, params) -> dict[object, BitMap]:
    """{option key: positions} from SQL that selects (key, JSON array of positions)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rijen = cursor.fetchall()
    return {
        sleutel: BitMap(lijst if isinstance(lijst, list) else json.loads(lijst))
        for sleutel, lijst in rijen
        if sleutel is not None
    }


def bouwen() -> Index:
    """Read the published inspiraties of the current version, in one snapshot.

    The database numbers the published rows (newest first) and gathers, per option, the
    positions that have it; Python only turns those arrays into bitmaps. At 100,000 that is
    about 0.4 s of the database's time and little of the worker's, which keeps answering
    requests meanwhile (see huidige).
    """
    # A transaction of its own gets one snapshot (REPEATABLE READ); inside a caller's
    # transaction (a test, a command) the rows are read in that one.
    eigen_transactie = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and eigen_transactie:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        versie = catalogus_versie()  # in this snapshot: the version of the rows read below
        genummerd = Inspiratie.objects.gepubliceerd().annotate(
            nr=Window(RowNumber(), order_by=[F("gepubliceerd_op").desc(), F("pk").desc()]) - 1
        )
        ids = array("q", genummerd.order_by("nr").values_list("pk", flat=True))
        op_titel = array("q", genummerd.order_by("titel", "pk").values_list("nr", flat=True))
        titelpositie = array("q", bytes(8 * len(op_titel)))
        for plaats, nr in enumerate(op_titel):
            titelpositie[nr] = plaats

        tabel, tabel_params = (
            genummerd.order_by()
            .values("pk", "nr", "provincie", "gemeente_id")
            .query.sql_with_params()
        )
        json_lijst = JSON_LIJST.get(connection.vendor, "json_group_array")
        p = f"WITH p AS ({tabel}) "

        def koppelingen(through, eigenaar: str, optie: str, extra: str = "", params=()):
            return _per_optie(
                p + f'SELECT t."{optie}", {json_lijst}(p.nr) FROM "{through}" t '
                f'JOIN p ON p.pk = t."{eigenaar}" {extra} GROUP BY t."{optie}"',
                (*tabel_params, *params),
            )

        def kolom(naam: str):
            return _per_optie(
                p + f"SELECT p.{naam}, {json_lijst}(p.nr) FROM p GROUP BY p.{naam}",
                tabel_params,
            )

        facetten = {
            "werkmodel": koppelingen(
                Inspiratie.werkmodellen.through._meta.db_table, "inspiratie_id", "werkmodel_id"
            ),
            "doelgroep": koppelingen(
                Inspiratie.doelgroepen.through._meta.db_table, "inspiratie_id", "doelgroep_id"
            ),
            "thema": koppelingen(
                TaggedItem._meta.db_table,
                "object_id",
                "tag_id",
                'WHERE t."content_type_id" = %s',
                (ContentType.objects.get_for_model(Inspiratie).pk,),
            ),
            "provincie": kolom("provincie"),
            "gemeente": kolom("gemeente_id"),
        }
    return Index(
        versie=versie,
        ids=ids,
        titelpositie=titelpositie,
        op_titel=op_titel,
        facetten=facetten,
    )


# This worker's index: one, the newest it has (requests still busy with the one before keep
# their own reference to it), so a worker holds two only while it builds the next.
_eigen: dict[str, Index] = {}
_slot = threading.Lock()
# While this worker answers with a previous version: since when, and its last failed build.
_achter: dict[str, float] = {}


def _onthouden(index: Index) -> Index:
    with _slot:
        if index.versie not in _eigen:
            _eigen.clear()
            _eigen[index.versie] = index
            _achter.clear()
        return _eigen[index.versie]


def _laatste() -> Index | None:
    """The newest index this worker holds, whatever its version."""
    with _slot:
        return next(reversed(_eigen.values()), None)


def huidige(versie: str | None = None) -> Index:
    """The index to answer with: the current version's when this worker has it or can fetch
    or build it now; while a large catalogue's new version is being built, the previous one.

    A large catalogue (ACHTERGROND_VANAF published inspiraties or more) is built beside the
    requests, in a thread of this worker: the requests meanwhile answer with the previous
    version, which is whole and consistent (pages are cached under the version they show,
    see getoonde_versie), and a publication shows once the build is done, a second or two
    later. A small catalogue, or a worker without an index yet, builds in the request.
    """
    versie = versie or catalogus_versie()
    if (index := _eigen.get(versie)) is not None:
        return index
    vorige = _laatste()
    if vorige is not None and vorige.versie == versie:  # stored meanwhile
        return vorige
    if (
        vorige is not None
        and len(vorige.ids) >= ACHTERGROND_VANAF
        and not connection.in_atomic_block  # a caller's transaction: its rows, in its thread
    ):
        nu = time.monotonic()
        achter_sinds = _achter.setdefault("sinds", nu)
        if nu - achter_sinds < MAX_ACHTER:
            if nu - _achter.get("mislukt", float("-inf")) >= OPNIEUW_NA:
                _op_de_achtergrond(versie)
            return vorige
        # Behind for too long (the builds keep failing): build here, so that a lasting fault
        # shows as an error and in the health check instead of an old catalogue.
    return _ophalen(versie)


def getoonde_versie() -> str:
    """The catalogue version this worker shows now: what pages built from the index are
    cached under, so that a page of the previous version is never kept as the current one."""
    return huidige().versie


def _ophalen(versie: str) -> Index:
    """The index of `versie`: the shared one, or built here (once across workers while the
    cache works)."""
    sleutel = SLEUTEL + versie
    einde = time.monotonic() + WACHTEN
    while True:
        if (data := cache.get(sleutel)) is not None:
            return _onthouden(Index.laden(data))
        if cache.add(sleutel + ":bouw", 1, BOUWSLOT) or time.monotonic() >= einde:
            break
        time.sleep(0.05)
    begin = time.monotonic()
    try:
        index = bouwen()
        logger.info(
            "Catalogusindex %s gebouwd: %s inspiraties in %.0f ms",
            index.versie[:8],
            len(index.ids),
            (time.monotonic() - begin) * 1000,
        )
        if index.versie == versie:
            cache.set(sleutel, index.bewaren(), BEWAARTIJD)
    finally:
        cache.delete(sleutel + ":bouw")  # built or failed: the others need not wait
    return _onthouden(index)


_bouwer: threading.Thread | None = None  # this worker's background build, if one runs


def _op_de_achtergrond(versie: str) -> None:
    """Start building `versie` in a thread, unless this worker is building one already (a
    newer version waits for it and is built next)."""
    global _bouwer
    with _slot:
        if _bouwer is not None and _bouwer.is_alive():
            return
        _bouwer = threading.Thread(
            target=_achtergrondbouw, args=(versie,), name="catalogusindex", daemon=True
        )
        _bouwer.start()


def _achtergrondbouw(versie: str) -> None:
    try:
        _ophalen(versie)
    except Exception:  # the requests keep the previous version; one tries again later
        _achter["mislukt"] = time.monotonic()
        logger.exception("Catalogusindex %s: bouwen op de achtergrond mislukt", versie[:8])
    finally:
        connection.close()  # this thread's own connection


def wachten_op_achtergrond(timeout: float | None = None) -> None:
    """Wait for this worker's background build, if one runs (tests, commands)."""
    if (bouwer := _bouwer) is not None:
        bouwer.join(timeout)


def vergeten() -> None:
    """Drop this worker's indexes (tests)."""
    wachten_op_achtergrond()
    with _slot:
        _eigen.clear()
        _achter.clear()
