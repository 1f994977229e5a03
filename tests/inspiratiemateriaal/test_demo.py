"""The demo's inspiratiemateriaal (inspiratiemateriaal/demo.py): real, valid files, all marked
as demo, and running it twice changes nothing."""

import pytest

from inspiratiemateriaal import demo, services
from inspiratiemateriaal.bestanden import ondertitels_lezen, pdf_lezen, video_lezen
from inspiratiemateriaal.models import Materiaal

pytestmark = pytest.mark.django_db


def test_demomateriaal_laden_is_herhaalbaar_en_geldig(werkmodellen, publieken, bezoeker):
    assert demo.materiaal_laden() == 4
    assert demo.materiaal_laden() == 0
    materiaal = list(Materiaal.objects.order_by("slug"))
    assert len(materiaal) == 4
    assert sorted(m.soort for m in materiaal) == ["publicatie", "screencast", "screencast", "tool"]
    for item in materiaal:
        assert item.demo, item.slug
        assert item.status == Materiaal.Status.GEPUBLICEERD
        assert services.ontbreekt(item) == [], item.slug
        with item.bestand.open("rb") as bestand:
            if item.soort == Materiaal.Soort.SCREENCAST:
                feiten = video_lezen(bestand)
                assert (feiten.type, feiten.duur) == (item.bestand_type, item.duur)
                assert (feiten.breedte, feiten.hoogte) == (item.breedte, item.hoogte)
                cues = ondertitels_lezen(item.ondertitels)
                assert cues[-1].einde <= item.duur  # the captions fit the video
            else:
                assert pdf_lezen(bestand) == item.paginas
                assert item.bestand_type == "application/pdf"
        assert item.bestand_grootte == item.bestand.size
        antwoord = bezoeker.get(item.get_absolute_url())
        assert antwoord.status_code == 200
        assert "Demomateriaal" in antwoord.content.decode()
    assert Materiaal.objects.get(slug="acht-verhalen-over-deelnemen").paginas == 9


def test_demo_overschrijft_niets_wat_medewerkers_veranderden(werkmodellen, publieken):
    demo.materiaal_laden()
    Materiaal.objects.filter(slug="zelfreflectie-iedereen-welkom").update(titel="Eigen titel")
    assert demo.materiaal_laden() == 0
    assert Materiaal.objects.get(slug="zelfreflectie-iedereen-welkom").titel == "Eigen titel"
