"""Every figure of jaarcijfers/cijfers.py against the hand-made data set of conftest.py."""

import pytest

from jaarcijfers import cijfers
from tests.jaarcijfers.conftest import bxl

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("aantal", "getoond"), [(None, None), (0, 0), (1, "< 5"), (4, "< 5"), (5, 5), (120, 120)]
)
def test_kleine_groepen_worden_kleiner_dan_vijf(aantal, getoond):
    assert cijfers.publiek_aantal(aantal) == getoond


def test_een_gemiddelde_van_minder_dan_vijf_antwoorden_blijft_weg():
    assert cijfers.publiek_gemiddelde(4.3, 4) is None
    assert cijfers.publiek_gemiddelde(4.3, 5) == 4.3


def test_het_jaar_loopt_in_belgische_tijd():
    begin, einde = cijfers.jaargrenzen(2024)
    assert begin.isoformat() == "2024-01-01T00:00:00+01:00"
    assert einde.isoformat() == "2025-01-01T00:00:00+01:00"


def test_inspiraties_per_maand_in_belgische_tijd(gegevens):
    maanden = {m.maand: m for m in cijfers.inspiraties_per_maand(2024)}
    assert [t for t, _slug in maanden[1].titels] == ["Net in januari"]
    assert [t for t, _slug in maanden[3].titels] == ["Twee modellen"]  # not archived, not draft
    assert [t for t, _slug in maanden[12].titels] == ["Op oudejaarsavond"]
    assert sum(m.aantal for m in maanden.values()) == 3
    vorig = {m.maand: m for m in cijfers.inspiraties_per_maand(2023)}
    assert [t for t, _slug in vorig[12].titels] == ["Nog in 2023"]
    assert [t for m in cijfers.inspiraties_per_maand(2025) for t, _s in m.titels] == ["Al in 2025"]


def test_inspiraties_per_werkmodel_en_provincie(gegevens):
    per_model = {w.slug: n for w, n in cijfers.inspiraties_per_werkmodel(2024)}
    assert per_model == {
        "persoonlijke-competentieversterking": 0,
        "buddywerking": 2,
        "persoonlijk-netwerk": 0,
        "lotgenotennetwerk": 1,
        "vrijwillig-engagement": 0,
        "community-building": 1,
    }
    per_provincie = {slug: n for slug, _naam, n in cijfers.inspiraties_per_provincie(2024)}
    assert per_provincie["antwerpen"] == 1
    assert per_provincie["limburg"] == 1
    assert per_provincie[""] == 1
    assert sum(per_provincie.values()) == 3


def test_tips_ontvangen_en_gepubliceerd(gegevens):
    assert cijfers.tips(2024) == cijfers.Tips(ontvangen=2, gepubliceerd=1)
    assert cijfers.tips(2025) == cijfers.Tips(ontvangen=0, gepubliceerd=0)


def test_aanvragen_per_soort(gegevens):
    per_soort = {slug: n for slug, _naam, n in cijfers.aanvragen_per_soort(2024)}
    assert per_soort["toneel"] == 3
    assert per_soort["jeugd"] == 6
    assert per_soort["sport"] == 0  # 31 December 23:45 in Brussels
    assert {slug: n for slug, _naam, n in cijfers.aanvragen_per_soort(2023)}["sport"] == 1


def test_sessies_deelnemers_wachtlijst_en_evaluaties(gegevens):
    c = cijfers.workshops(2024)
    assert c.sessies == 2  # the cancelled one and the one of 1 January 00:30 do not count
    assert c.deelnemers == 7  # not the absent, the cancelled, the waiting list
    assert c.van_wachtlijst == 1
    assert c.evaluaties == 5
    assert c.gemiddelde == 4.2
    assert cijfers.workshops(2025).sessies == 1
    (rij,) = cijfers.per_workshop(2024)
    assert (rij.sessies, rij.deelnemers, rij.evaluaties, rij.gemiddelde) == (2, 7, 5, 4.2)


def test_lerende_netwerken(gegevens):
    c = cijfers.netwerken(2024)
    assert c.bijeenkomsten == 3
    assert c.met_aanwezigheid == 2
    assert c.aanwezigen == 10  # 4 + 6; absent and excused do not count
    assert c.gemiddelde_aanwezigheid == 5.0
    assert c.evaluaties == 3
    assert c.gemiddelde == 4.3
    assert c.casussen == 2
    (netwerk,) = c.netwerken
    assert (netwerk.naam, netwerk.bijeenkomsten, netwerk.casussen) == ("Netwerk Kempen", 3, 2)
    assert cijfers.netwerken(2025).bijeenkomsten == 1


def test_coaching_en_de_vier_rollen(gegevens):
    c = cijfers.coaching(2024)
    assert (c.sessies, c.trajecten) == (2, 1)
    rollen = {r.rol: (r.start, r.einde) for r in c.rollen}
    assert rollen == {
        "rechtmatige-overheid": (4.0, 3.0),  # Mol (2023) does not count
        "presterende-overheid": (4.0, 3.0),
        "netwerkende-overheid": (2.0, 3.0),
        "responsieve-participerende-overheid": (1.0, 3.0),
    }
    assert cijfers.coaching(2023).rollen[0].start == 1.0


def test_gemeenten_bereikt(gegevens):
    assert [g.naam for g in cijfers.gemeenten_bereikt(2024)] == ["Geel", "Turnhout"]
    assert [g.naam for g in cijfers.gemeenten_bereikt(2023)] == ["Mol"]


def test_gemeenten_bereikt_alleen_wat_baz_behandelde(gegevens, gemeenten):
    """Spam or a refused request through a public form reaches no municipality; a request
    that was planned (even if it was cancelled later) and a handled interest do."""
    from netwerken.models import Interesse

    from .conftest import aanvraag, bxl

    workshop = gegevens["workshop"]
    spam = Interesse.objects.create(
        bestuur="Gemeente Mol", gemeente=gemeenten["Mol"], contactpersoon="X",
        email="spam@example.org", vorm="netwerk", bericht="Koop nu!",
    )  # fmt: skip
    Interesse.objects.filter(pk=spam.pk).update(aangemaakt_op=bxl(2024, 6, 1, 10))
    for naam, stappen in (
        ("Mol", [(2, "geannuleerd", "Spam")]),
        ("Mol", []),  # never answered
        ("Balen", [(2, "ingepland", ""), (9, "geannuleerd", "Ziek")]),
    ):
        rij = aanvraag(workshop, "lokaal_bestuur", bxl(2024, 4, 1, 10), stappen=stappen)
        rij.gemeente = gemeenten[naam]
        rij.save(update_fields=["gemeente"])
    assert [g.naam for g in cijfers.gemeenten_bereikt(2024)] == ["Balen", "Geel", "Turnhout"]
    Interesse.objects.filter(pk=spam.pk).update(behandeld=True)
    assert [g.naam for g in cijfers.gemeenten_bereikt(2024)] == [
        "Balen", "Geel", "Mol", "Turnhout",
    ]  # fmt: skip
    assert "ingepland of gegeven" in str(cijfers.REGELS["gemeenten"])
    assert "behandelde" in str(cijfers.REGELS["gemeenten"])


def test_trechter_met_redenen(gegevens):
    t = cijfers.trechter(2024)
    assert (t.ontvangen, t.ingepland, t.gegeven, t.uitgesteld, t.geannuleerd) == (9, 1, 1, 1, 1)
    assert [(s, r) for s, r, _org, _op in t.redenen] == [
        ("Uitgesteld", "Zaal niet vrij"),
        ("Geannuleerd", "Ziekte van de workshopgever"),
    ]


def test_antwoordtijden_tegen_de_termijn(gegevens, settings):
    settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN = 14
    a = cijfers.antwoordtijden(2024, nu=bxl(2026, 1, 1))
    assert a.aanvragen == 9
    assert a.binnen_termijn == 7  # 3 days and six times 1 day
    assert a.te_laat == 1  # 20 days
    assert (a.zonder_antwoord, a.zonder_antwoord_te_laat) == (1, 1)
    assert a.mediaan_dagen == 1
    settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN = 21
    assert cijfers.antwoordtijden(2024).te_laat == 0


def test_open_antwoorden(gegevens):
    workshops = cijfers.open_antwoorden_workshops(2024)
    assert [(a.groep, a.score, a.teksten) for a in workshops] == [
        ("Iedereen welkom", 5, [("Wat was goed?", "Heel boeiend")])
    ] * 2
    netwerken = cijfers.open_antwoorden_netwerken(2024)
    assert len(netwerken) == 3
    assert netwerken[0].teksten == [("Suggesties", "Meer casussen")]


def test_jaren_met_gegevens(gegevens):
    jaren = cijfers.jaren_met_gegevens(nu=bxl(2026, 6, 1))
    assert jaren == [2023, 2024, 2025, 2026]
    assert cijfers.laatste_volledige_jaar(bxl(2026, 1, 1, 0, 30)) == 2025
