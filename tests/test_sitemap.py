"""Search engines find every published story: /sitemap.xml is an index of one paginated
section per kind (statisch, werkmodellen, inspiraties, gemeenten, workshops,
inspiratiemateriaal), at any number of stories. Each app registers its sections in its own
sitemaps.py (baz/sitemaps.py discovers them)."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.utils import timezone

from inspiraties.models import Inspiratie
from inspiraties.sitemaps import InspiratieSitemap

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
VERHAAL = re.compile(r"/inspiraties/[\w-]+/")  # a story's page, not the catalogue's
SECTIES = [
    "statisch",
    "werkmodellen",
    "inspiraties",
    "gemeenten",
    "workshops",
    "inspiratiemateriaal",
]


def lezen(client, pad: str) -> ET.Element:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200, pad
    assert antwoord["Content-Type"].startswith("application/xml")
    return ET.fromstring(antwoord.content)  # well-formed XML, or this raises


def pad(url: str) -> str:
    delen = urlsplit(url)
    return delen.path + (f"?{delen.query}" if delen.query else "")


def adressen(xml: ET.Element) -> list[str]:
    """The <loc> of every entry, as a path with its query string."""
    return [pad(loc.text) for loc in xml.iter(f"{NS}loc")]


def verhalen_in_de_sitemap(client) -> list[str]:
    """Every inspiratie path listed, over every page of every section the index names."""
    gevonden = []
    for sectie in adressen(lezen(client, "/sitemap.xml")):
        gevonden += [p for p in adressen(lezen(client, sectie)) if VERHAAL.fullmatch(p)]
    return gevonden


def gepubliceerd(aantal: int, **velden) -> list[Inspiratie]:
    nu = timezone.now()
    velden = {"status": Inspiratie.Status.GEPUBLICEERD, "gepubliceerd_op": nu, **velden}
    begin = Inspiratie.objects.count()
    return Inspiratie.objects.bulk_create(
        Inspiratie(
            titel=f"Verhaal {begin + i}",
            slug=f"verhaal-{begin + i}",
            samenvatting="Kort.",
            verhaal="Lang.",
            **velden,
        )
        for i in range(1, aantal + 1)
    )


@pytest.fixture
def kleine_paginas(monkeypatch):
    """Ten stories a page, so that a handful of rows spans several pages."""
    monkeypatch.setattr(InspiratieSitemap, "limit", 10)


def test_robots_wijst_naar_de_index_met_elke_sectie(bezoeker, werkmodellen):
    robots = bezoeker.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml\n" in robots
    index = lezen(bezoeker, "/sitemap.xml")
    assert index.tag == f"{NS}sitemapindex"
    assert adressen(index) == [f"/sitemap-{sectie}.xml" for sectie in SECTIES]
    assert "/werkmodellen/community-building/" in adressen(
        lezen(bezoeker, "/sitemap-werkmodellen.xml")
    )
    assert "/over-baz/" in adressen(lezen(bezoeker, "/sitemap-statisch.xml"))


def test_elk_gepubliceerd_verhaal_staat_er_precies_eenmaal_in(
    bezoeker, werkmodellen, kleine_paginas
):
    verhalen = gepubliceerd(25)
    gepubliceerd(1, status=Inspiratie.Status.CONCEPT)
    gepubliceerd(1, status=Inspiratie.Status.REVIEW)
    gepubliceerd(1, status=Inspiratie.Status.GEARCHIVEERD)
    gepubliceerd(1, gepubliceerd_op=timezone.now() + timedelta(days=1))  # not yet online

    index = adressen(lezen(bezoeker, "/sitemap.xml"))
    assert index == [
        "/sitemap-statisch.xml",
        "/sitemap-werkmodellen.xml",
        "/sitemap-inspiraties.xml",
        "/sitemap-inspiraties.xml?p=2",
        "/sitemap-inspiraties.xml?p=3",
        "/sitemap-gemeenten.xml",
        "/sitemap-workshops.xml",
        "/sitemap-inspiratiemateriaal.xml",
    ]
    gevonden = verhalen_in_de_sitemap(bezoeker)
    assert len(gevonden) == len(set(gevonden)) == 25
    assert sorted(gevonden) == sorted(v.get_absolute_url() for v in verhalen)
    # One small section without a second page does not take the others down with it.
    assert bezoeker.get("/sitemap-inspiraties.xml?p=4").status_code == 404
    assert bezoeker.get("/sitemap-statisch.xml?p=2").status_code == 404
    assert bezoeker.get("/sitemap-inspiraties.xml?p=twee").status_code == 404
    assert bezoeker.get("/sitemap-nieuws.xml").status_code == 404


def test_elk_verhaal_draagt_zijn_laatste_wijziging(bezoeker, werkmodellen, kleine_paginas):
    gepubliceerd(12)
    laatste = Inspiratie.objects.order_by("-gewijzigd_op").first().gewijzigd_op
    index = lezen(bezoeker, "/sitemap.xml")
    per_sectie = {
        pad(item.findtext(f"{NS}loc")): item.findtext(f"{NS}lastmod")
        for item in index.iter(f"{NS}sitemap")
    }
    lokaal = timezone.localtime(laatste)
    assert per_sectie["/sitemap-inspiraties.xml"].startswith(lokaal.date().isoformat())
    assert per_sectie["/sitemap-inspiraties.xml?p=2"] == per_sectie["/sitemap-inspiraties.xml"]
    pagina = lezen(bezoeker, "/sitemap-inspiraties.xml?p=2")
    assert [u.findtext(f"{NS}lastmod") for u in pagina.iter(f"{NS}url")] == [
        lokaal.date().isoformat()
    ] * 2


@pytest.mark.parametrize("aantal", [3, 30])
def test_de_index_en_een_pagina_in_een_vast_aantal_queries(
    bezoeker, werkmodellen, kleine_paginas, django_assert_num_queries, aantal
):
    gepubliceerd(aantal)
    # The index: the number of pages of werkmodellen, inspiraties, workshops and
    # inspiratiemateriaal, the one query of gemeenten_met_iets(), and the latest change of
    # inspiraties and of inspiratiemateriaal as one aggregate each (Django's default reads every
    # row for it).
    with django_assert_num_queries(7):
        assert bezoeker.get("/sitemap.xml").status_code == 200
    # A page: its count and its rows. No query per story, and no model instances: a row is
    # (slug, last change) as plain values.
    with django_assert_num_queries(2):
        antwoord = bezoeker.get("/sitemap-inspiraties.xml")
    assert antwoord.status_code == 200
    rijen = [url["item"] for url in antwoord.context["urlset"]]
    assert len(rijen) == min(aantal, 10)
    assert all(type(rij) is tuple and len(rij) == 2 for rij in rijen)


def test_gemeenten_en_inspiratiemateriaal_staan_erin(bezoeker, werkmodellen, gemeenten):
    from inspiratiemateriaal.models import Materiaal
    from tests.factories import maak_inspiratie
    from tests.inspiratiemateriaal.factories import maak_materiaal, publieken_laden
    from tests.workshops.conftest import maak_workshop
    from workshops.models import Aanvraag

    maak_inspiratie(titel="Buren in Geel", gemeente=gemeenten["Geel"], provincie="antwerpen")
    maak_inspiratie(titel="Concept", gemeente=gemeenten["Mechelen"], status="concept")
    Aanvraag.objects.create(
        workshop=maak_workshop(),
        organisatie="Chiro Arendonk",
        soort="jeugd",
        gemeente=gemeenten["Arendonk"],
        contactpersoon="Tom",
        email="tom@example.org",
        formaat="live",
        voorkeur_1=timezone.localdate(),
        voorkeur_2=timezone.localdate(),
        aantal_deelnemers=10,
        leervraag="Drempels",
        status="gegeven",
    )
    # Only a municipality whose page has something: a published story or a workshop given there.
    assert adressen(lezen(bezoeker, "/sitemap-gemeenten.xml")) == [
        "/gemeenten/arendonk/",
        "/gemeenten/geel/",
    ]

    publieken_laden()
    online = [
        maak_materiaal(slug="screencast-online"),
        maak_materiaal(soort="publicatie", slug="bundel-online"),
        maak_materiaal(soort="tool", slug="tool-online"),
    ]
    maak_materiaal(slug="nog-concept", status="concept")
    maak_materiaal(slug="gearchiveerd", status="gearchiveerd")
    sectie = lezen(bezoeker, "/sitemap-inspiratiemateriaal.xml")
    assert adressen(sectie) == [m.get_absolute_url() for m in online]
    laatste = Materiaal.objects.gepubliceerd().order_by("-gewijzigd_op").first().gewijzigd_op
    index = lezen(bezoeker, "/sitemap.xml")
    per_sectie = {
        pad(item.findtext(f"{NS}loc")): item.findtext(f"{NS}lastmod")
        for item in index.iter(f"{NS}sitemap")
    }
    assert per_sectie["/sitemap-inspiratiemateriaal.xml"].startswith(
        timezone.localtime(laatste).date().isoformat()
    )
    # The list page itself is among the static pages.
    assert "/inspiratiemateriaal/" in adressen(lezen(bezoeker, "/sitemap-statisch.xml"))
    assert "/gemeenten/" in adressen(lezen(bezoeker, "/sitemap-statisch.xml"))


def veel_gepubliceerd(aantal: int) -> None:
    """`aantal` published inspiraties in one INSERT … SELECT over a recursive counter, the same
    SQL on SQLite and PostgreSQL: under a second, where bulk_create of 50,001 rows took 16 s on
    SQLite on the development machine. The columns and values are the model's own."""
    voorbeeld = Inspiratie(
        titel="Verhaal",
        samenvatting="Kort.",
        verhaal="Lang.",
        status=Inspiratie.Status.GEPUBLICEERD,
        gepubliceerd_op=timezone.now() - timedelta(hours=1),
    )
    kolommen, waarden = [], []
    for veld in Inspiratie._meta.concrete_fields:
        if veld.primary_key or veld.name == "slug":
            continue
        waarde = veld.get_db_prep_save(veld.pre_save(voorbeeld, add=True), connection)
        if waarde is not None:  # a NULL column is left to its default
            kolommen.append(connection.ops.quote_name(veld.column))
            waarden.append(waarde)
    tabel = connection.ops.quote_name(Inspiratie._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE teller(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM teller WHERE i < %s)"
            f" INSERT INTO {tabel} (slug, {', '.join(kolommen)})"
            f" SELECT 'verhaal-' || CAST(i AS TEXT), {', '.join(['%s'] * len(waarden))}"
            " FROM teller",
            [aantal, *waarden],
        )


def test_meer_dan_50_000_verhalen_staan_er_allemaal_in(bezoeker, werkmodellen):
    """At the real page size, past the protocol's 50,000 per file: every page the index names
    answers, and together they list each of the 50,001 stories once."""
    veel_gepubliceerd(50_001)
    assert Inspiratie.objects.gepubliceerd().count() == 50_001
    paginas = [p for p in adressen(lezen(bezoeker, "/sitemap.xml")) if "inspiraties" in p]
    aantal_paginas = -(-50_001 // InspiratieSitemap.limit)
    assert aantal_paginas > 1
    assert paginas == [
        "/sitemap-inspiraties.xml",
        *(f"/sitemap-inspiraties.xml?p={p}" for p in range(2, aantal_paginas + 1)),
    ]
    gevonden = verhalen_in_de_sitemap(bezoeker)
    assert len(gevonden) == len(set(gevonden)) == 50_001
    assert gevonden[0] == "/inspiraties/verhaal-1/"
    assert gevonden[-1] == "/inspiraties/verhaal-50001/"
