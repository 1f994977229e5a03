"""The catalogue index (inspiraties/index.py) gives exactly what SQL gives: the same facet
counts, the same pages in the same order, the same related stories; only what is public, and a
new index for every catalogue version."""

import random
import threading
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.utils import timezone
from pyroaring import BitMap
from taggit.models import Tag

from baz.models import Provincie
from inspiraties import index as catalogusindex
from inspiraties.models import Doelgroep, Inspiratie, Werkmodel
from inspiraties.services import inspiratie_status_zetten
from tests.factories import maak_inspiratie

THEMAS = ("eenzaamheid", "mantelzorg", "armoede", "buurt", "jongeren", "ouderen", "sport")
DOELGROEPEN = ("jongeren", "ouderen", "gezinnen")


@pytest.fixture(autouse=True)
def _leeg():
    catalogusindex.vergeten()
    cache.clear()
    yield
    catalogusindex.vergeten()


@pytest.fixture
def verzameling(werkmodellen):
    """60 inspiraties with random links; some drafts, archived and scheduled ones."""
    kans = random.Random(2021)
    slugs = list(werkmodellen)
    statussen = ["gepubliceerd"] * 8 + ["concept", "gearchiveerd"]
    for nummer in range(60):
        status = kans.choice(statussen)
        velden = {}
        if status == "gepubliceerd" and nummer % 13 == 0:
            velden["gepubliceerd_op"] = timezone.now() + timedelta(days=3)  # scheduled
        maak_inspiratie(
            titel=kans.choice(["Buurt", "Café", "Zorg", "Anders", "Samen"]) + f" {nummer:02d}",
            werkmodellen=tuple(kans.sample(slugs, kans.randint(0, 3))),
            themas=tuple(kans.sample(THEMAS, kans.randint(0, 3))),
            doelgroepen=tuple(kans.sample(DOELGROEPEN, kans.randint(0, 2))),
            provincie=kans.choice(Provincie.values),
            status=status,
            dagen_geleden=kans.randint(1, 400),
            **velden,
        )
    return kans


def _sql_tellingen(filters: dict[str, list]) -> tuple[dict[str, dict], int]:
    """Reference: the facet counts and total, computed in SQL the straightforward way."""

    def gefilterd(behalve=None):
        qs = Inspiratie.objects.gepubliceerd()
        for naam, waarden in filters.items():
            if naam == behalve or not waarden:
                continue
            veld = {
                "werkmodel": "werkmodellen__in",
                "doelgroep": "doelgroepen__in",
                "thema": "themas__in",
                "provincie": "provincie__in",
            }[naam]
            qs = qs.filter(pk__in=Inspiratie.objects.filter(**{veld: waarden}).values("pk"))
        return qs

    tellingen = {}
    for naam, relatie in (
        ("werkmodel", "werkmodellen"),
        ("doelgroep", "doelgroepen"),
        ("thema", "themas"),
    ):
        rijen = (
            gefilterd(naam)
            .filter(**{f"{relatie}__isnull": False})
            .values_list(f"{relatie}__pk")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        tellingen[naam] = dict(rijen)
    tellingen["provincie"] = dict(
        gefilterd("provincie").values_list("provincie").annotate(n=Count("pk")).order_by()
    )
    return tellingen, gefilterd().count()


def _index_tellingen(index, filters: dict[str, list]) -> tuple[dict[str, dict], int]:
    def binnen(behalve=None):
        resultaat = index.alle
        for naam, waarden in filters.items():
            if naam != behalve and waarden:
                resultaat &= index.een_van(naam, waarden)
        return resultaat

    tellingen = {
        naam: index.tellingen(naam, binnen(naam))
        for naam in ("werkmodel", "doelgroep", "thema", "provincie")
    }
    return tellingen, len(binnen())


@pytest.mark.django_db
def test_de_tellingen_zijn_die_van_sql_voor_elke_combinatie(verzameling):
    kans = verzameling
    index = catalogusindex.huidige()
    werkmodel_ids = list(Werkmodel.objects.values_list("pk", flat=True))
    doelgroep_ids = list(Doelgroep.objects.values_list("pk", flat=True))
    thema_ids = list(Tag.objects.values_list("pk", flat=True))
    for _ in range(40):
        filters = {
            "werkmodel": kans.sample(werkmodel_ids, kans.randint(0, 2)),
            "doelgroep": kans.sample(doelgroep_ids, kans.randint(0, 1)),
            "thema": kans.sample(thema_ids, kans.randint(0, 2)),
            "provincie": kans.sample(Provincie.values, kans.randint(0, 2)),
        }
        assert _index_tellingen(index, filters) == _sql_tellingen(filters), filters


@pytest.mark.django_db
def test_alleen_wat_gepubliceerd_is_staat_erin(verzameling):
    index = catalogusindex.huidige()
    publiek = set(Inspiratie.objects.gepubliceerd().values_list("pk", flat=True))
    assert set(index.ids) == publiek
    verborgen = Inspiratie.objects.exclude(pk__in=publiek).values_list("pk", flat=True)
    assert verborgen, "the data set has drafts, archived and scheduled ones"
    assert not index.posities(verborgen)


@pytest.mark.django_db
def test_paginas_in_dezelfde_volgorde_als_sql(verzameling):
    index = catalogusindex.huidige()
    buddy = Werkmodel.objects.get(slug="buddywerking")
    resultaat = index.een_van("werkmodel", [buddy.pk])
    qs = Inspiratie.objects.gepubliceerd().filter(werkmodellen=buddy)
    nieuwste = list(qs.order_by("-gepubliceerd_op", "-pk").values_list("pk", flat=True))
    titel = list(qs.order_by("titel", "pk").values_list("pk", flat=True))
    assert len(resultaat) == len(nieuwste) > 5
    for begin in (0, 3, len(nieuwste) - 2):
        assert (
            index.pagina_ids(resultaat, begin, begin + 4, op_titel=False)
            == (nieuwste[begin : begin + 4])
        )
        assert (
            index.pagina_ids(resultaat, begin, begin + 4, op_titel=True)
            == (titel[begin : begin + 4])
        )


@pytest.mark.django_db
@pytest.mark.parametrize("stap", [1, 2, 7])  # all (walks the titles), half, sparse (renumbers)
def test_paginas_op_titel_voor_grote_en_kleine_resultaten(verzameling, stap):
    index = catalogusindex.huidige()
    resultaat = BitMap(range(0, len(index.ids), stap))
    ids = [index.ids[p] for p in resultaat]
    titel = list(
        Inspiratie.objects.filter(pk__in=ids).order_by("titel", "pk").values_list("pk", flat=True)
    )
    for begin, einde in ((0, 4), (3, 9), (len(ids) - 3, len(ids) + 5)):
        assert index.pagina_ids(resultaat, begin, einde, op_titel=True) == titel[begin:einde]


def _sql_verwant(inspiratie: Inspiratie, aantal: int) -> list[tuple[int, object]]:
    """Reference: (overlap, -date) of the best related ones, by a GROUP BY. (An empty IN
    list would empty the whole query: a story without werkmodellen then had no related ones.)"""
    werkmodel_ids = list(inspiratie.werkmodellen.values_list("pk", flat=True)) or [0]
    thema_ids = list(inspiratie.themas.values_list("pk", flat=True)) or [0]
    return list(
        Inspiratie.objects.gepubliceerd()
        .exclude(pk=inspiratie.pk)
        .annotate(
            overlap=Count("werkmodellen", filter=Q(werkmodellen__in=werkmodel_ids), distinct=True)
            + Count("themas", filter=Q(themas__in=thema_ids), distinct=True)
        )
        .filter(overlap__gt=0)
        .order_by("-overlap", "-gepubliceerd_op", "-pk")
        .values_list("pk", "overlap")[:aantal]
    )


@pytest.mark.django_db
def test_verwante_inspiraties_zijn_die_met_de_meeste_overlap(verzameling):
    index = catalogusindex.huidige()
    for inspiratie in Inspiratie.objects.all():
        verwacht = [pk for pk, _ in _sql_verwant(inspiratie, 3)]
        gekregen = index.verwant(
            pk=inspiratie.pk,
            werkmodellen=inspiratie.werkmodellen.values_list("pk", flat=True),
            themas=inspiratie.themas.values_list("pk", flat=True),
            aantal=3,
        )
        assert gekregen == verwacht, inspiratie


@pytest.mark.django_db
def test_een_nieuwe_versie_geeft_een_nieuwe_index(verzameling):
    eerste = catalogusindex.huidige()
    inspiratie = Inspiratie.objects.gepubliceerd().first()
    inspiratie_status_zetten(inspiratie=inspiratie, status="gearchiveerd")
    tweede = catalogusindex.huidige()
    assert tweede.versie != eerste.versie
    assert inspiratie.pk in eerste.positie and inspiratie.pk not in tweede.positie
    # A draft saved changes no version: the same index, nothing rebuilt.
    concept = Inspiratie.objects.filter(status="concept").first()
    concept.titel = "Nieuwe titel"
    concept.save()
    assert catalogusindex.huidige() is tweede


@pytest.mark.django_db
def test_een_tweede_worker_neemt_de_gedeelde_index(verzameling, django_assert_max_num_queries):
    gebouwd = catalogusindex.huidige()
    catalogusindex.vergeten()  # another worker: nothing of its own yet
    with django_assert_max_num_queries(1):  # the version only; the index comes from the cache
        geladen = catalogusindex.huidige()
    assert geladen is not gebouwd
    assert list(geladen.ids) == list(gebouwd.ids)
    assert geladen.facetten == gebouwd.facetten


@pytest.mark.django_db
def test_zonder_cache_bouwt_elke_worker_zelf(verzameling, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    from django.core.cache import caches

    caches._settings = None
    try:
        eerste = catalogusindex.huidige()
        catalogusindex.vergeten()
        tweede = catalogusindex.huidige()
        assert list(eerste.ids) == list(tweede.ids) and eerste.facetten == tweede.facetten
    finally:
        caches._settings = None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_buiten_een_transactie_leest_de_index_in_een_momentopname(werkmodellen):
    """As in production (autocommit): its own REPEATABLE READ transaction."""
    maak_inspiratie(titel="Een", werkmodellen=("buddywerking",))
    index = catalogusindex.huidige()
    assert len(index.ids) == 1
    assert index.tellingen("werkmodel", index.alle) == {werkmodellen["buddywerking"].pk: 1}


@pytest.mark.django_db
def test_een_gemeente_zonder_inspiraties_in_de_url_is_geen_onbekende(bezoeker, gemeenten):
    """/gemeenten/geel/ links to the catalogue filtered on Geel, also while Geel has none."""
    pagina = bezoeker.get("/inspiraties/?gemeente=geel").content.decode()
    assert "Er bestaat geen gemeente" not in pagina
    assert "0 inspiraties" in pagina
    assert "Er bestaat geen gemeente “nergens”" in bezoeker.get(
        "/inspiraties/?gemeente=nergens"
    ).content.decode().replace("&quot;", "“")


@pytest.fixture
def grote_catalogus(monkeypatch):
    """Behave as a catalogue of 100,000 does: a new version is built beside the requests.
    `.vrijgeven()` lets the background build run: until then it waits at its start, so the
    requests in between see the previous version however fast the machine is."""
    monkeypatch.setattr(catalogusindex, "ACHTERGROND_VANAF", 1)
    poort = threading.Event()
    echt = catalogusindex.bouwen

    def bouwen_na_de_poort():
        if threading.current_thread().name == "catalogusindex":
            poort.wait(timeout=30)
        return echt()

    monkeypatch.setattr(catalogusindex, "bouwen", bouwen_na_de_poort)
    poort.vrijgeven = poort.set
    yield poort
    poort.set()
    catalogusindex.wachten_op_achtergrond()


@pytest.mark.django_db(transaction=True)  # the build runs in a thread: it reads committed rows
def test_een_grote_catalogus_bouwt_de_nieuwe_versie_naast_de_verzoeken(
    werkmodellen, grote_catalogus
):
    blijft = maak_inspiratie(titel="Blijft", dagen_geleden=2)
    gaat = maak_inspiratie(titel="Gaat", dagen_geleden=1)
    vorige = catalogusindex.huidige()  # a worker's first index: built in the request
    assert set(vorige.positie) == {blijft.pk, gaat.pk}

    inspiratie_status_zetten(inspiratie=gaat, status="gearchiveerd")
    # The request does not wait: it answers with the previous version, whole, and says so.
    assert catalogusindex.huidige() is vorige
    assert catalogusindex.getoonde_versie() == vorige.versie
    grote_catalogus.vrijgeven()
    catalogusindex.wachten_op_achtergrond(timeout=30)
    nieuw = catalogusindex.huidige()
    assert nieuw is not vorige and nieuw.versie != vorige.versie
    assert set(nieuw.positie) == {blijft.pk}
    assert catalogusindex.getoonde_versie() == nieuw.versie


@pytest.mark.django_db(transaction=True)
def test_een_pagina_van_de_vorige_versie_blijft_niet_als_de_nieuwe_bewaard(
    bezoeker, werkmodellen, grote_catalogus
):
    maak_inspiratie(titel="Blijft", dagen_geleden=2)
    gaat = maak_inspiratie(titel="Gaat", dagen_geleden=1)
    assert "Gaat" in bezoeker.get("/inspiraties/").content.decode()

    inspiratie_status_zetten(inspiratie=gaat, status="gearchiveerd")
    # While this worker builds the new version, the page of the previous one (a second or two
    # at 100,000); cached under that version, so once the build is done the new one shows.
    tijdens = bezoeker.get("/inspiraties/")
    assert tijdens["X-Paginacache"] == "hit"
    grote_catalogus.vrijgeven()
    catalogusindex.wachten_op_achtergrond(timeout=30)
    daarna = bezoeker.get("/inspiraties/")
    assert tijdens.status_code == daarna.status_code == 200
    assert "Gaat" in tijdens.content.decode()
    assert "Gaat" not in daarna.content.decode() and "Blijft" in daarna.content.decode()
    assert "Gaat" not in bezoeker.get("/inspiraties/").content.decode()


@pytest.fixture
def bouwen_faalt(werkmodellen, grote_catalogus):
    """A worker holds the index of one story; a second is published, and the database fails
    every build of the new version: a table the index reads is away (really renamed). Yields
    the previous index and a function that puts the table back (also done at the end)."""
    grote_catalogus.vrijgeven()
    maak_inspiratie(titel="Een")
    vorige = catalogusindex.huidige()
    maak_inspiratie(titel="Twee")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE inspiraties_inspiratie_werkmodellen RENAME TO weg")
    terug_gezet = []

    def terug():
        if not terug_gezet:
            catalogusindex.wachten_op_achtergrond(timeout=30)
            with connection.cursor() as cursor:
                cursor.execute("ALTER TABLE weg RENAME TO inspiraties_inspiratie_werkmodellen")
            terug_gezet.append(True)

    yield vorige, terug
    terug()


@pytest.mark.django_db(transaction=True)
def test_een_mislukte_bouw_op_de_achtergrond_wordt_later_opnieuw_geprobeerd(
    bouwen_faalt, caplog, monkeypatch
):
    vorige, terug = bouwen_faalt
    # The requests keep the previous index and the failure is logged...
    assert catalogusindex.huidige() is vorige
    catalogusindex.wachten_op_achtergrond(timeout=30)
    assert "bouwen op de achtergrond mislukt" in caplog.text
    # ...and for OPNIEUW_NA seconds no request starts another build.
    caplog.clear()
    assert catalogusindex.huidige() is vorige
    catalogusindex.wachten_op_achtergrond(timeout=30)
    assert "mislukt" not in caplog.text
    terug()
    monkeypatch.setattr(catalogusindex, "OPNIEUW_NA", 0)
    assert catalogusindex.huidige() is vorige  # starts the next attempt, which succeeds
    catalogusindex.wachten_op_achtergrond(timeout=30)
    assert len(catalogusindex.huidige().ids) == 2


@pytest.mark.django_db(transaction=True)
def test_wie_te_lang_achterloopt_bouwt_in_het_verzoek_en_de_fout_is_zichtbaar(
    bouwen_faalt, monkeypatch
):
    vorige, terug = bouwen_faalt
    assert catalogusindex.huidige() is vorige
    catalogusindex.wachten_op_achtergrond(timeout=30)
    # Past MAX_ACHTER seconds behind, the request builds itself: the fault is an error, not
    # an old catalogue for as long as it lasts.
    monkeypatch.setattr(catalogusindex, "MAX_ACHTER", 0)
    with pytest.raises(DatabaseError):
        catalogusindex.huidige()
    terug()
    assert len(catalogusindex.huidige().ids) == 2
