"""The page and facet caches never show stale content: every change bumps the version."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inspiraties.models import Inspiratie
from inspiraties.services import inspiratie_publiceren, inspiratie_status_zetten
from tests.factories import maak_inspiratie


def titels(client, url="/inspiraties/") -> list[str]:
    antwoord = client.get(url)
    return (
        [i.titel for i in antwoord.context["catalogus"].pagina.object_list]
        if antwoord.context
        else []
    )


def html(client, url="/inspiraties/") -> str:
    return client.get(url).content.decode()


@pytest.fixture
def opgewarmd(bezoeker, werkmodellen):
    maak_inspiratie(titel="Al lang online", dagen_geleden=10)
    assert "Al lang online" in html(bezoeker)
    assert bezoeker.get("/inspiraties/")["X-Paginacache"] == "hit"
    return bezoeker


def test_een_gepubliceerde_inspiratie_verschijnt_meteen(opgewarmd):
    nieuw = maak_inspiratie(titel="Net gepubliceerd", status="concept")
    assert "Net gepubliceerd" not in html(opgewarmd)
    inspiratie_publiceren(inspiratie=nieuw)
    pagina = html(opgewarmd)
    assert "Net gepubliceerd" in pagina
    assert "2 inspiraties" in pagina  # the cached facet total moved along
    assert opgewarmd.get(nieuw.get_absolute_url()).status_code == 200


def test_een_offline_gehaalde_inspiratie_verdwijnt_meteen_overal(opgewarmd):
    inspiratie = Inspiratie.objects.get(titel="Al lang online")
    assert opgewarmd.get(inspiratie.get_absolute_url()).status_code == 200
    inspiratie_status_zetten(inspiratie=inspiratie, status="gearchiveerd")
    assert "Al lang online" not in html(opgewarmd)
    assert opgewarmd.get(inspiratie.get_absolute_url()).status_code == 404
    assert "0 inspiraties" in html(opgewarmd, "/inspiraties/?werkmodel=buddywerking")


def test_een_geplande_publicatie_verschijnt_zodra_het_tijd_is(opgewarmd, monkeypatch):
    straks = timezone.now() + timedelta(minutes=5)
    maak_inspiratie(titel="Gepland", gepubliceerd_op=straks)
    assert "Gepland" not in html(opgewarmd)
    monkeypatch.setattr(timezone, "now", lambda: straks + timedelta(seconds=1))
    assert "Gepland" in html(opgewarmd)


def test_een_bewerking_in_het_beheer_is_meteen_zichtbaar(opgewarmd, medewerker, client):
    inspiratie = Inspiratie.objects.get(titel="Al lang online")
    beheer = client.__class__()
    beheer.force_login(medewerker)
    beheer.post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "uitlichten", "_selected_action": [inspiratie.pk]},
    )
    inspiratie.titel = "Nieuwe titel"
    inspiratie.save()
    assert "Nieuwe titel" in html(opgewarmd)
    assert "Nieuwe titel" in html(opgewarmd, inspiratie.get_absolute_url())


def test_medewerkers_krijgen_nooit_een_bewaarde_pagina(medewerker_client, werkmodellen):
    maak_inspiratie(titel="Iets")
    medewerker_client.get("/inspiraties/")
    assert not medewerker_client.get("/inspiraties/").has_header("X-Paginacache")


def test_de_homepage_toont_een_nieuwe_publicatie_meteen(bezoeker, werkmodellen):
    maak_inspiratie(titel="Eerste verhaal", dagen_geleden=3)
    assert "Eerste verhaal" in html(bezoeker, "/")
    nieuw = maak_inspiratie(titel="Vers van de pers", status="concept")
    assert "Vers van de pers" not in html(bezoeker, "/")
    inspiratie_publiceren(inspiratie=nieuw)
    assert "Vers van de pers" in html(bezoeker, "/")
