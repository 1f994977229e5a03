"""The demo data: /in-cijfers/2021/ lists the report's own 24 inspiraties in their months, the
later years show demo figures, and a second `manage.py demo` adds nothing."""

import re

import pytest
from django.core.management import call_command

from inspiraties.models import Inspiratie
from netwerken.models import Aanwezigheid, Bijeenkomst, CoachingSessie, Interesse
from netwerken.models import Evaluatie as NetwerkEvaluatie
from workshops.models import Aanvraag, AanvraagStatuswijziging, Inschrijving, Sessie
from workshops.models import Evaluatie as WorkshopEvaluatie

# The annual report 2021, "Een overzicht" (seed), as the site spells the titles.
JAARVERSLAG_2021 = {
    "Januari": ["Paraat in mijn straat", "Eigen Kracht Centrale"],
    "Februari": ["Doorgeefvaas", "Magenta"],
    "Maart": ["Homestart-Domo", "Chateau superette"],
    "April": ["Grondig Anders", "Klaverpost"],
    "Mei": ["Buurtpunt Nijlen", "Kom voor de soep"],
    "Juni": ["Babbelbus", "(H)echt Arendonk"],
    "Juli": ["Lus vzw", "ArmenTeKort"],
    "Augustus": ["Circuit Sortie", "De drie mama&#x27;s"],
    "September": ["Sint-Pieters Deelt", "Ensemble"],
    "Oktober": ["ZoJong", "De achthoek"],
    "November": ["De volle aflaat", "Trivelo"],
    "December": ["Enchante", "Cabane Banane"],
}
MODELLEN = [
    Inspiratie, Aanvraag, AanvraagStatuswijziging, Sessie, Inschrijving, WorkshopEvaluatie,
    Bijeenkomst, Aanwezigheid, NetwerkEvaluatie, CoachingSessie, Interesse,
]  # fmt: skip


@pytest.fixture
def demo(gemeenten, werkmodellen):
    call_command("demo", "--zonder-accounts")


def _maanden(html: str) -> dict[str, list[str]]:
    lijst = re.search(r'<dl class="jc-maanden">(.*?)</dl>', html, re.S).group(1)
    return {
        maand: re.findall(r'<li><a href="/inspiraties/[^"]+/">([^<]+)</a></li>', titels)
        for maand, titels in re.findall(r"<dt>(\w+)</dt>\s*<dd>(.*?)</dd>", lijst, re.S)
    }


def test_2021_toont_precies_de_24_inspiraties_van_het_jaarverslag(demo, bezoeker):
    html = bezoeker.get("/in-cijfers/2021/").content.decode()
    assert _maanden(html) == JAARVERSLAG_2021
    assert sum(len(t) for t in JAARVERSLAG_2021.values()) == 24
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Totaal 24" in tekst
    # The workshops the report names: D'eFFeKt, Lasso, Geel, Brasschaat, Wetteren were given.
    assert "Sessies gegeven 5" in tekst


def test_latere_jaren_hebben_demo_cijfers(demo, bezoeker):
    for jaar in range(2022, 2026):
        tekst = re.sub(r"<[^>]+>", " ", bezoeker.get(f"/in-cijfers/{jaar}/").content.decode())
        tekst = re.sub(r"\s+", " ", tekst)
        sessies = int(re.search(r"Sessies gegeven (\d+)", tekst).group(1))
        bijeenkomsten = int(re.search(r"Bijeenkomsten gehouden (\d+)", tekst).group(1))
        assert sessies > 5 and bijeenkomsten == 5, jaar
        assert re.search(r"Deelnemers \d{2,} ", tekst)


def test_een_tweede_demo_voegt_niets_toe(demo):
    voor = {m.__name__: m.objects.count() for m in MODELLEN}
    call_command("demo", "--zonder-accounts")
    assert {m.__name__: m.objects.count() for m in MODELLEN} == voor
