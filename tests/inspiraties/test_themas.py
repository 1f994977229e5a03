"""Themes are case-insensitive: "soep, Soep, SOEP" is one theme, and the data migration merges
the duplicates that were made before (inspiraties/migrations/0011_themas_zonder_hoofdletters)."""

import importlib

import pytest
from django.apps import apps
from taggit.models import Tag, TaggedItem

from inspiraties.models import CatalogusVersie, Inspiratie
from tests.factories import maak_inspiratie
from tests.inspiraties.test_admin import formulier

pytestmark = pytest.mark.django_db

migratie = importlib.import_module("inspiraties.migrations.0011_themas_zonder_hoofdletters")


def themas(inspiratie) -> list[str]:
    return sorted(inspiratie.themas.names())


def test_drie_schrijfwijzen_worden_een_thema(werkmodellen):
    inspiratie = maak_inspiratie(themas=("soep", "Soep", "SOEP"))
    assert themas(inspiratie) == ["soep"]
    ander = maak_inspiratie(themas=("SOEP", "buurt"))
    assert themas(ander) == ["buurt", "soep"]
    assert list(Tag.objects.order_by("name").values_list("slug", flat=True)) == ["buurt", "soep"]


def test_ook_via_het_beheer(medewerker_client, werkmodellen):
    antwoord = medewerker_client.post(
        "/beheer/inspiraties/inspiratie/add/", formulier(werkmodellen, themas="soep, Soep, SOEP")
    )
    assert antwoord.status_code == 302
    # One theme (taggit sorts what is typed, so the first spelling it meets names it).
    [thema] = themas(Inspiratie.objects.get())
    assert thema.lower() == "soep"
    assert Tag.objects.count() == 1


def _dubbels(werkmodellen):
    """What the site made before the setting: three tags for one word."""
    soep = Tag.objects.create(name="soep")
    hoofdletter = Tag.objects.create(name="Soep")
    kapitalen = Tag.objects.create(name="SOEP")
    buurt = Tag.objects.create(name="buurt")
    assert [soep.slug, hoofdletter.slug, kapitalen.slug] == ["soep", "soep_1", "soep_2"]
    beide = maak_inspiratie(titel="Beide")
    beide.themas.add(soep, hoofdletter, buurt)
    een = maak_inspiratie(titel="Een")
    een.themas.add(hoofdletter)
    twee = maak_inspiratie(titel="Twee")
    twee.themas.add(hoofdletter)
    drie = maak_inspiratie(titel="Drie")
    drie.themas.add(kapitalen)
    return {"beide": beide, "een": een, "twee": twee, "drie": drie, "buurt": buurt}


def test_de_migratie_voegt_de_dubbels_samen(werkmodellen):
    gegevens = _dubbels(werkmodellen)
    versie = CatalogusVersie.objects.get().nummer

    assert migratie.samenvoegen(apps, None) == 2

    # The most used spelling stays ("Soep", 3 items), with the oldest, plain slug.
    [soep] = Tag.objects.filter(name__iexact="soep")
    assert (soep.name, soep.slug) == ("Soep", "soep")
    for naam in ("beide", "een", "twee", "drie"):
        assert themas(gegevens[naam]) == (["Soep", "buurt"] if naam == "beide" else ["Soep"])
    # The item that had two spellings has one row for the theme, not two.
    assert TaggedItem.objects.filter(tag=soep).count() == 4
    assert TaggedItem.objects.filter(object_id=gegevens["beide"].pk).count() == 2
    assert Tag.objects.get(pk=gegevens["buurt"].pk).slug == "buurt"  # untouched
    assert CatalogusVersie.objects.get().nummer > versie  # cached pages show the merge
    # A second run finds nothing left to merge.
    assert migratie.samenvoegen(apps, None) == 0
    assert Tag.objects.count() == 2


def test_bij_gelijk_gebruik_blijft_de_oudste(werkmodellen):
    oud = Tag.objects.create(name="Mantelzorg")
    nieuw = Tag.objects.create(name="mantelzorg")
    maak_inspiratie().themas.add(oud)
    maak_inspiratie().themas.add(nieuw)
    migratie.samenvoegen(apps, None)
    [overblijver] = Tag.objects.all()
    assert (overblijver.pk, overblijver.name, overblijver.slug) == (
        oud.pk,
        "Mantelzorg",
        "mantelzorg",
    )
    assert TaggedItem.objects.filter(tag=overblijver).count() == 2


def test_de_catalogus_toont_na_de_migratie_een_thema(bezoeker, werkmodellen):
    _dubbels(werkmodellen)
    migratie.samenvoegen(apps, None)
    antwoord = bezoeker.get("/inspiraties/?thema=soep")
    assert antwoord.status_code == 200
    assert "4 inspiraties" in antwoord.content.decode()
