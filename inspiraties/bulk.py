"""Many realistic published inspiraties at once, for the benchmark (`manage.py demo --inspiraties N`).

Texts are assembled from the real demo texts and werkmodel descriptions, so that search has
varied Dutch to work on; werkmodellen, provinces, themes and audiences are spread like the demo
content. Bulk inserts in batches; the search text is computed on the way in.
"""

import multiprocessing
import random
import re
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from baz.demo.inhoud import INSPIRATIES, WERKMODELLEN
from baz.models import Gemeente
from baz.tekst import normaliseer

from .models import Doelgroep, Inspiratie, Werkmodel
from .versie import catalogus_gewijzigd

THEMAS = [
    "eenzaamheid", "mantelzorg", "armoede", "jongeren", "ouderen", "buurt", "ontmoeting",
    "rouw", "gezin", "vrijwilligerswerk", "welzijn", "mentaal welzijn", "wonen", "voedsel",
    "vervoer", "sport", "cultuur", "natuur", "taal", "digitale inclusie", "werk", "gezondheid",
]  # fmt: skip
VORMEN = [
    "Buurtsoep", "Babbelcafé", "Deelkast", "Wandelclub", "Praatgroep", "Klusdienst",
    "Repair Café", "Moestuin", "Fietsmaatjes", "Kookclub", "Huiswerkhulp", "Leesgroep",
    "Telefoonketen", "Burenhulp", "Ontmoetingsplek", "Boodschappendienst", "Zorgzame buurt",
    "Samen aan tafel", "Dorpsrestaurant", "Buddyproject", "Lotgenotengroep", "Mantelzorgcafé",
]  # fmt: skip
BATCH = 5000
PARALLEL_VANAF = 10_000
GIN_INDEX = (
    "CREATE INDEX IF NOT EXISTS inspiratie_zoekvector_gin "
    "ON inspiraties_inspiratie USING gin (zoekvector)"
)  # as in migration 0002


def _zinnen() -> list[str]:
    teksten = [rij["verhaal"] for rij in INSPIRATIES] + [
        w["beschrijving"] for w in WERKMODELLEN.values()
    ]
    zinnen = []
    for tekst in teksten:
        for zin in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", tekst)):
            if 40 <= len(zin) <= 300 and not zin.startswith(("*", "-")):
                zinnen.append(zin)
    return zinnen


def _schrijf_orm(rijen: list[Inspiratie], koppel: dict, type_id: int) -> None:
    Inspiratie.objects.bulk_create(rijen, batch_size=1000)
    Inspiratie.werkmodellen.through.objects.bulk_create(
        [
            Inspiratie.werkmodellen.through(inspiratie_id=r.pk, werkmodel_id=w)
            for r, w in koppel["werkmodellen"]
        ]
    )
    Inspiratie.doelgroepen.through.objects.bulk_create(
        [
            Inspiratie.doelgroepen.through(inspiratie_id=r.pk, doelgroep_id=d)
            for r, d in koppel["doelgroepen"]
        ]
    )
    TaggedItem.objects.bulk_create(
        [TaggedItem(content_type_id=type_id, object_id=r.pk, tag_id=t) for r, t in koppel["themas"]]
    )


def _kopieer_postgresql(rijen: list[Inspiratie], koppel: dict, type_id: int) -> None:
    """PostgreSQL COPY: an order of magnitude faster than INSERTs through the ORM."""
    velden = [f for f in Inspiratie._meta.concrete_fields if f.column != "zoekvector"]
    kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden)
    tabel = Inspiratie._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [tabel, len(rijen)],
        )
        for rij, (pk,) in zip(rijen, cursor.fetchall(), strict=True):
            rij.pk = pk
        with cursor.cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy:
            for rij in rijen:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(rij, True), connection) for f in velden]
                )
        for through, kolom in [
            (Inspiratie.werkmodellen.through, "werkmodel_id"),
            (Inspiratie.doelgroepen.through, "doelgroep_id"),
        ]:
            sleutel = "werkmodellen" if kolom == "werkmodel_id" else "doelgroepen"
            with cursor.cursor.copy(
                f"COPY {through._meta.db_table} (inspiratie_id, {kolom}) FROM STDIN"
            ) as copy:
                for rij, waarde in koppel[sleutel]:
                    copy.write_row([rij.pk, waarde])
        with cursor.cursor.copy(
            f"COPY {TaggedItem._meta.db_table} (object_id, content_type_id, tag_id) FROM STDIN"
        ) as copy:
            for rij, tag in koppel["themas"]:
                copy.write_row([rij.pk, type_id, tag])


def inspiraties_genereren(aantal: int, *, seed: int = 2021) -> int:
    """Add `aantal` published inspiraties; returns how many were made.

    On PostgreSQL a large load runs in two processes (one per core), each in its own
    transaction, and the search index is built once at the end instead of row by row.
    """
    for naam in THEMAS:
        Tag.objects.get_or_create(name=naam, defaults={"slug": slugify(naam)})
    begin = Inspiratie.objects.count()
    if connection.vendor != "postgresql" or aantal < PARALLEL_VANAF:
        return _deel_genereren(aantal, begin, seed)
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS inspiratie_zoekvector_gin")
    helft = aantal // 2
    connections.close_all()  # each process opens its own connection
    with multiprocessing.get_context("fork").Pool(2) as pool:
        gemaakt = sum(
            pool.starmap(
                _deel_genereren, [(helft, begin, seed), (aantal - helft, begin + helft, seed + 1)]
            )
        )
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        cursor.execute(GIN_INDEX)
        for model in (
            Inspiratie,
            Inspiratie.werkmodellen.through,
            Inspiratie.doelgroepen.through,
            TaggedItem,
        ):
            cursor.execute(f"ANALYZE {model._meta.db_table}")  # fresh statistics, good plans
    return gemaakt


@transaction.atomic
def _deel_genereren(aantal: int, begin: int, seed: int) -> int:
    kans = random.Random(seed)
    zinnen = _zinnen()
    plat = {zin: normaliseer(zin) for zin in zinnen}  # normalise each sentence once
    werkmodellen = list(Werkmodel.objects.all())
    doelgroepen = list(Doelgroep.objects.all())
    gemeenten = list(Gemeente.objects.all())
    themas = list(Tag.objects.filter(name__in=THEMAS))
    inspiratie_type = ContentType.objects.get_for_model(Inspiratie)
    nu = timezone.now()
    gemaakt = 0
    while gemaakt < aantal:
        n = min(BATCH, aantal - gemaakt)
        rijen, koppelingen = [], []
        for i in range(n):
            nummer = begin + gemaakt + i + 1
            gemeente = kans.choice(gemeenten) if kans.random() < 0.85 else None
            titel = f"{kans.choice(VORMEN)} {gemeente.naam if gemeente else 'online'} {nummer}"
            modellen = kans.sample(werkmodellen, kans.choice([1, 1, 2, 2, 3]))
            gekozen_themas = kans.sample(themas, kans.choice([1, 2, 3]))
            gekozen_doelgroepen = kans.sample(doelgroepen, kans.choice([1, 2]))
            samenvatting = kans.choice(zinnen)[:290]
            alineas = [kans.sample(zinnen, 3) for _ in range(kans.choice([2, 3]))]
            verhaal = "\n\n".join(" ".join(alinea) for alinea in alineas)
            zoektekst = " ".join(
                [
                    normaliseer(" ".join([titel, *(m.naam for m in modellen)])),
                    plat[samenvatting] if len(samenvatting) < 290 else normaliseer(samenvatting),
                    *(plat[zin] for alinea in alineas for zin in alinea),
                    *(t.name for t in gekozen_themas),
                    *(normaliseer(d.naam) for d in gekozen_doelgroepen),
                ]
            )
            rijen.append(
                Inspiratie(
                    titel=titel,
                    slug=f"{slugify(titel)}-{nummer}"[:160],
                    samenvatting=samenvatting,
                    verhaal=verhaal,
                    provincie=gemeente.provincie if gemeente else "",
                    gemeente=gemeente,
                    reikwijdte="lokaal" if gemeente else "online",
                    initiatiefnemer="",
                    status=Inspiratie.Status.GEPUBLICEERD,
                    gepubliceerd_op=nu - timedelta(minutes=kans.randint(60, 60 * 24 * 365 * 5)),
                    demotekst=True,
                    zoektekst=zoektekst,
                )
            )
            koppelingen.append((modellen, gekozen_themas, gekozen_doelgroepen))
        koppel = {
            "werkmodellen": [
                (r, m.pk) for r, (ms, _, _) in zip(rijen, koppelingen, strict=True) for m in ms
            ],
            "doelgroepen": [
                (r, d.pk) for r, (_, _, ds) in zip(rijen, koppelingen, strict=True) for d in ds
            ],
            "themas": [
                (r, t.pk) for r, (_, ts, _) in zip(rijen, koppelingen, strict=True) for t in ts
            ],
        }
        if connection.vendor == "postgresql":
            _kopieer_postgresql(rijen, koppel, inspiratie_type.pk)
        else:
            _schrijf_orm(rijen, koppel, inspiratie_type.pk)
        gemaakt += n
    catalogus_gewijzigd()  # COPY and bulk_create send no signals
    return gemaakt
