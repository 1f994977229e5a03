"""Only what visitors can see empties the public caches (the rule: inspiraties/versie.py).

A concept or a story ter review is written, submitted, sent back and relinked without a new
catalogue version, so every cached public page is still served from the cache; publishing,
archiving and any change to a published story (or to what published stories show) bump it.
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from inspiraties import services
from inspiraties.models import Doelgroep, Inspiratie
from inspiraties.versie import catalogus_versie
from tests.factories import maak_doelgroep, maak_inspiratie


@contextmanager
def blijft_staan():
    voor = catalogus_versie()
    yield
    assert catalogus_versie() == voor, "a change nobody can see emptied the public caches"


@contextmanager
def gaat_omhoog():
    voor = catalogus_versie()
    yield
    assert catalogus_versie() != voor, "a public change left the cached pages as they were"


def formulier(werkmodellen, /, **extra) -> dict:
    """The admin's change form, as staff fill it in."""
    return {
        "titel": "Buurtsoep in Nijlen",
        "slug": "buurtsoep-nijlen",
        "samenvatting": "Buren koken samen.",
        "verhaal": "Het **verhaal**.",
        "werkmodellen": [werkmodellen["community-building"].pk],
        "themas": "buurt, soep",
        "reikwijdte": "regionaal",  # a local one needs a gemeente (tested in test_gemeenten)
        "provincie": "",
        "afbeelding_alt": "",
        **extra,
    }


@pytest.fixture
def beheer(medewerker) -> Client:
    """Staff in their own browser, beside the anonymous visitor."""
    client = Client()
    client.force_login(medewerker)
    return client


# Cached under the catalogue version for minutes (the home page keeps its copy 5 s at most, for
# the sessions' free places: too short to tell apart from a new version in a slow test).
BEWAARD = ("/inspiraties/", "/inspiraties/?werkmodel=buddywerking", "/inspiraties/al-lang-online/")


@pytest.fixture
def opgewarmd(bezoeker, werkmodellen):
    """A published story, and the catalogue and the story's page in the page cache."""
    maak_inspiratie(titel="Al lang online", slug="al-lang-online", dagen_geleden=10)
    return opwarmen(bezoeker)


def opwarmen(bezoeker):
    for pad in BEWAARD:
        assert bezoeker.get(pad).status_code == 200
    assert uit_de_cache(bezoeker)
    return bezoeker


def uit_de_cache(bezoeker) -> bool:
    return all(bezoeker.get(pad).get("X-Paginacache") == "hit" for pad in BEWAARD)


def test_een_concept_schrijven_en_indienen_laat_elke_bewaarde_pagina_staan(
    opgewarmd, beheer, werkmodellen, medewerker
):
    with blijft_staan():
        nieuw = beheer.post("/beheer/inspiraties/inspiratie/add/", formulier(werkmodellen))
        assert nieuw.status_code == 302
        concept = Inspiratie.objects.get(slug="buurtsoep-nijlen")
        assert concept.status == "concept"
        assert "buurtsoep" in concept.zoektekst  # the admin save ran to its end

        bewerkt = beheer.post(
            f"/beheer/inspiraties/inspiratie/{concept.pk}/change/",
            formulier(
                werkmodellen,
                titel="Soep voor de hele buurt",
                themas="buurt, soep, koken",
                werkmodellen=[werkmodellen["buddywerking"].pk],
                uitgelicht="on",
            ),
        )
        assert bewerkt.status_code == 302
        concept.refresh_from_db()
        assert concept.titel == "Soep voor de hele buurt"

        services.inspiratie_indienen(inspiratie=concept, door=medewerker)
        assert concept.status == "review"
        concept.verhaal = "Bijgewerkt ter review."
        concept.save()
    assert uit_de_cache(opgewarmd)


def test_stappen_en_wijzigingen_buiten_het_publiek_laten_de_versie_staan(
    opgewarmd, beheer, medewerker, werkmodellen
):
    review = maak_inspiratie(titel="Ter review", status="review")
    gearchiveerd = maak_inspiratie(titel="Gearchiveerd", status="gearchiveerd")
    concept = maak_inspiratie(titel="Concept", status="concept")
    jongeren = maak_doelgroep()  # a new doelgroep is public: every filter lists it
    opwarmen(opgewarmd)
    with blijft_staan():
        services.inspiratie_terugsturen(inspiratie=review, door=medewerker, opmerking="Kort.")
        services.overgang_uitvoeren(inspiratie=gearchiveerd, naam="heropenen", door=medewerker)
        concept.themas.add("nieuw thema")
        concept.themas.remove("nieuw thema")
        concept.werkmodellen.set([werkmodellen["persoonlijk-netwerk"]])
        concept.doelgroepen.add(jongeren)
        services.zoekindex_bijwerken(pks=[concept.pk, review.pk])
        beheer.post(
            "/beheer/inspiraties/inspiratie/",
            {"action": "uitlichten", "_selected_action": [concept.pk]},
        )
        assert Inspiratie.objects.get(pk=concept.pk).uitgelicht
        verwijderd = beheer.post(
            f"/beheer/inspiraties/inspiratie/{concept.pk}/delete/", {"post": "yes"}
        )
        assert verwijderd.status_code == 302
        assert not Inspiratie.objects.filter(pk=concept.pk).exists()
    assert uit_de_cache(opgewarmd)


def test_publiceren_toont_het_verhaal_meteen(opgewarmd, medewerker):
    review = maak_inspiratie(titel="Vers gepubliceerd", status="review")
    with gaat_omhoog():
        services.inspiratie_publiceren(inspiratie=review, door=medewerker)
    assert not uit_de_cache(opgewarmd)
    assert "Vers gepubliceerd" in opgewarmd.get("/inspiraties/").content.decode()


def test_archiveren_haalt_het_verhaal_meteen_weg(opgewarmd, medewerker):
    online = Inspiratie.objects.get(titel="Al lang online")
    with gaat_omhoog():
        services.inspiratie_archiveren(inspiratie=online, door=medewerker)
    assert "Al lang online" not in opgewarmd.get("/inspiraties/").content.decode()


def test_een_gepubliceerd_verhaal_bewerken_in_het_beheer(opgewarmd, beheer, werkmodellen):
    online = Inspiratie.objects.get(titel="Al lang online")
    sinds = timezone.localtime(online.gepubliceerd_op)
    with gaat_omhoog():
        antwoord = beheer.post(
            f"/beheer/inspiraties/inspiratie/{online.pk}/change/",
            formulier(
                werkmodellen,
                titel="Een nieuwe titel",
                slug=online.slug,
                gepubliceerd_op_0=sinds.strftime("%d/%m/%Y"),
                gepubliceerd_op_1=sinds.strftime("%H:%M"),
            ),
        )
        assert antwoord.status_code == 302
    assert "Een nieuwe titel" in opgewarmd.get("/inspiraties/").content.decode()


@pytest.mark.parametrize(
    "wijziging",
    [
        pytest.param(lambda i: i.save(), id="opslaan"),
        pytest.param(lambda i: i.themas.add("nieuw thema"), id="thema-erbij"),
        pytest.param(lambda i: i.themas.clear(), id="themas-weg"),
        pytest.param(lambda i: i.werkmodellen.clear(), id="werkmodellen"),
        pytest.param(lambda i: i.doelgroepen.add(maak_doelgroep()), id="doelgroep"),
        pytest.param(lambda i: services.zoekindex_bijwerken(pks=[i.pk]), id="zoektekst"),
        pytest.param(lambda i: i.delete(), id="verwijderen"),
    ],
)
def test_elke_wijziging_aan_een_gepubliceerd_verhaal(werkmodellen, wijziging):
    online = maak_inspiratie(titel="Online", themas=("buurt",))
    with gaat_omhoog():
        wijziging(online)


def test_een_gepland_verhaal_telt_als_gepubliceerd(werkmodellen):
    gepland = maak_inspiratie(titel="Straks", gepubliceerd_op=timezone.now() + timedelta(hours=1))
    with gaat_omhoog():  # its publication time is what the version watches
        gepland.save()


def test_uitlichten_van_een_gepubliceerd_verhaal(opgewarmd, beheer):
    online = Inspiratie.objects.get(titel="Al lang online")
    with gaat_omhoog():
        beheer.post(
            "/beheer/inspiraties/inspiratie/",
            {"action": "uitlichten", "_selected_action": [online.pk]},
        )
    assert Inspiratie.objects.get(pk=online.pk).uitgelicht


def test_wat_gepubliceerde_verhalen_tonen(werkmodellen):
    maak_inspiratie(themas=("buurt",), doelgroepen=("jongeren",))
    with gaat_omhoog():
        werkmodellen["buddywerking"].korte_beschrijving = "Anders gezegd."
        werkmodellen["buddywerking"].save()
    with gaat_omhoog():
        Doelgroep.objects.filter(slug="jongeren").get().delete()
    with gaat_omhoog():  # the catalogue's filters list every doelgroep
        maak_doelgroep("ouderen", "Ouderen")
    with gaat_omhoog():
        thema = Tag.objects.get(name="buurt")
        thema.name = "Buurt en wijk"
        thema.save()
    with blijft_staan():  # a new theme is on nothing yet
        Tag.objects.create(name="nog nergens")
