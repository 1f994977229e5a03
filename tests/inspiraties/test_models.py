"""The publication workflow and the reads built on it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inspiraties.models import Inspiratie, Werkmodel
from inspiraties.services import inspiratie_publiceren, inspiratie_status_zetten
from tests.factories import maak_inspiratie


@pytest.fixture
def inhoud(werkmodellen):
    return {
        "gepubliceerd": maak_inspiratie(titel="Gepubliceerd"),
        "concept": maak_inspiratie(titel="Concept", status="concept"),
        "review": maak_inspiratie(titel="Review", status="review"),
        "gearchiveerd": maak_inspiratie(
            titel="Gearchiveerd", status="gearchiveerd", gepubliceerd_op=timezone.now()
        ),
        "toekomst": maak_inspiratie(
            titel="Later", gepubliceerd_op=timezone.now() + timedelta(days=3)
        ),
    }


def test_alleen_gepubliceerde_inspiraties_zijn_publiek(inhoud):
    assert list(Inspiratie.objects.gepubliceerd()) == [inhoud["gepubliceerd"]]


@pytest.mark.parametrize("soort", ["concept", "review", "gearchiveerd", "toekomst"])
def test_een_niet_gepubliceerde_inspiratie_geeft_een_404_aan_bezoekers(bezoeker, inhoud, soort):
    assert bezoeker.get(inhoud[soort].get_absolute_url()).status_code == 404


def test_een_concept_staat_nergens_publiek(bezoeker, inhoud):
    for url in ["/", "/inspiraties/", "/werkmodellen/buddywerking/", "/inspiraties/feed/"]:
        assert "Concept" not in bezoeker.get(url).content.decode().replace("concept", "")


def test_medewerkers_kunnen_een_concept_voorbekijken(medewerker_client, inhoud):
    antwoord = medewerker_client.get(inhoud["concept"].get_absolute_url())
    assert antwoord.status_code == 200
    assert "Voorbeeld voor medewerkers" in antwoord.content.decode()
    assert '<meta name="robots" content="noindex">' in antwoord.content.decode()


def test_publiceren_zet_de_datum_eenmaal(inhoud):
    concept = inhoud["concept"]
    inspiratie_publiceren(inspiratie=concept)
    eerste = concept.gepubliceerd_op
    assert concept.is_publiek and eerste is not None
    inspiratie_status_zetten(inspiratie=concept, status="gearchiveerd")
    inspiratie_publiceren(inspiratie=concept)
    assert concept.gepubliceerd_op == eerste


def test_zes_werkmodellen_uit_de_datamigratie(werkmodellen):
    assert list(Werkmodel.objects.values_list("slug", flat=True)) == [
        "persoonlijke-competentieversterking",
        "buddywerking",
        "persoonlijk-netwerk",
        "lotgenotennetwerk",
        "vrijwillig-engagement",
        "community-building",
    ]


def test_een_thema_tag_maakt_geen_werkmodel(werkmodellen):
    inspiratie = maak_inspiratie(themas=("Contextgerichte hulpverlening", "buddywerking"))
    assert Werkmodel.objects.count() == 6
    assert [w.slug for w in inspiratie.werkmodellen.all()] == ["buddywerking"]


def test_verhaal_wordt_veilig_weergegeven(bezoeker, werkmodellen):
    inspiratie = maak_inspiratie(
        verhaal="**Samen** sterk.\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(2))"
        '\n\n<img src=x onerror="alert(3)">'
    )
    html = bezoeker.get(inspiratie.get_absolute_url()).content.decode()
    assert "<strong>Samen</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html
    assert "onerror" not in html


def test_detailpagina_toont_de_feiten_en_opengraph(bezoeker, werkmodellen, gemeenten):
    inspiratie = maak_inspiratie(
        titel="Hecht Arendonk",
        werkmodellen=("community-building", "vrijwillig-engagement"),
        themas=("buurt",),
        doelgroepen=("buurtbewoners",),
        provincie="antwerpen",
        gemeente=gemeenten["Arendonk"],
        initiatiefnemer="Inwoners van Arendonk",
        website="https://example.org/hecht",
    )
    html = bezoeker.get(inspiratie.get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Hecht Arendonk">' in html
    assert '<a href="/gemeenten/arendonk/">Arendonk</a>, Antwerpen' in html
    assert 'href="/werkmodellen/community-building/"' in html
    assert 'href="/inspiraties/?thema=buurt"' in html
    assert "https://example.org/hecht" in html
    assert '<script src="https://' not in html  # share links load no third-party script


def test_verwante_inspiraties_delen_werkmodel_of_thema(bezoeker, werkmodellen):
    hoofd = maak_inspiratie(titel="Hoofd", werkmodellen=("buddywerking",), themas=("rouw",))
    maak_inspiratie(titel="Zelfde thema", werkmodellen=("community-building",), themas=("rouw",))
    maak_inspiratie(titel="Ander alles", werkmodellen=("lotgenotennetwerk",))
    verwant = [i.titel for i in bezoeker.get(hoofd.get_absolute_url()).context["verwant"]]
    assert verwant == ["Zelfde thema"]
