"""The staff start page's block "Bijeenkomsten zonder gepubliceerd verslag" lists today's work:
the meetings of the last three months (netwerken.beheer.VERSLAG_TERMIJN) without a published
verslag. A meeting of years ago without one, as the multi-year demo data has many, is not."""

import re

from django.urls import reverse
from django.utils import timezone

from jaarcijfers.demo import DEMO_NETWERK, jaarcijfers_laden
from netwerken.beheer import VERSLAG_TERMIJN
from netwerken.models import Bijeenkomst

from .factories import maak_bijeenkomst, maak_verslag


def _blok(client) -> str:
    html = client.get("/beheer/").content.decode()
    treffer = re.search(
        r'<section class="baz-blok[^"]*" id="blok-netwerken-verslagen-te-schrijven".*?</section>',
        html,
        re.S,
    )
    assert treffer, "geen blok"
    return treffer.group(0)


def _regels(blok: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", r).split())
        for r in re.findall(r"<li>(.*?)</li>", blok, re.S)
    ]


def test_alleen_de_bijeenkomsten_van_de_voorbije_maanden(medewerker_client, netwerk):
    maak_bijeenkomst(netwerk, dagen=-800, thema="Van twee jaar terug")
    maak_bijeenkomst(netwerk, dagen=-95, thema="Net te oud")
    recent = maak_bijeenkomst(netwerk, dagen=-80, thema="Van vorige maand")
    concept = maak_verslag(maak_bijeenkomst(netwerk, dagen=-10, thema="Met een concept"))

    blok = _blok(medewerker_client)

    regels = _regels(blok)
    assert [r.split(",")[0] for r in regels] == [
        "Lerend netwerk Kempen: Van vorige maand",
        "Lerend netwerk Kempen: Met een concept",
    ]
    assert "twee jaar" not in blok and "Net te oud" not in blok
    assert reverse("admin:netwerken_bijeenkomst_change", args=[recent.pk]) in blok
    assert reverse("admin:netwerken_verslag_change", args=[concept.pk]) in blok
    # The admin's list still holds them all.
    lijst = medewerker_client.get(reverse("admin:netwerken_bijeenkomst_changelist"))
    assert "Van twee jaar terug" in lijst.content.decode()


def test_alleen_oude_zonder_verslag_dan_is_het_blok_leeg(medewerker_client, netwerk):
    maak_bijeenkomst(netwerk, dagen=-400, thema="Lang geleden")
    blok = _blok(medewerker_client)
    assert "Lang geleden" not in blok
    assert "Van elke bijeenkomst van de voorbije drie maanden is het verslag gepubliceerd." in blok


def test_de_demojaren_vullen_het_blok_niet(medewerker_client, db):
    jaarcijfers_laden()
    demo = Bijeenkomst.objects.filter(netwerk__slug=DEMO_NETWERK)
    grens = timezone.now() - VERSLAG_TERMIJN
    assert demo.filter(eindigt_op__lt=grens).count() >= 15  # 2022 up to this year, no verslag
    blok = _blok(medewerker_client)
    recent = demo.filter(eindigt_op__gte=grens, eindigt_op__lt=timezone.now())
    assert len(_regels(blok)) == recent.count()
    for jaar in range(2022, timezone.localdate().year):
        assert f"/{jaar}" not in blok, jaar
