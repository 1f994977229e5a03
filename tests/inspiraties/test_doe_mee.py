""" "Doe mee" on every story, the structured story fields, the "nagekeken" date, and the staff
start page's blocks for tips and stories to check again. Personas: `bezoeker`, `medewerker`."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from inspiraties.models import Inspiratie
from tests.factories import maak_inspiratie

BRUSSEL = ZoneInfo("Europe/Brussels")


def test_doe_mee_toont_contact_alleen_met_toestemming(bezoeker, werkmodellen):
    zonder = maak_inspiratie(
        titel="Zonder akkoord",
        contact_email="info@zonder.example.org",
        contact_telefoon="014 12 34 56",
        website="https://zonder.example.org",
    )
    html = bezoeker.get(zonder.get_absolute_url()).content.decode()
    assert 'id="doe-mee-kop">Doe mee</h2>' in html
    assert "info@zonder.example.org" not in html and "014 12 34 56" not in html
    assert "zonder.example.org" in html  # the public website is always a route
    assert 'href="/inspiraties/tip/"' in html

    met = maak_inspiratie(
        titel="Met akkoord",
        meedoen="Kom gewoon **langs** op zondag.",
        contact_email="info@met.example.org",
        contact_telefoon="014 12 34 56",
        contact_tonen=True,
    )
    html = bezoeker.get(met.get_absolute_url()).content.decode()
    assert "<strong>langs</strong>" in html
    assert 'href="mailto:info@met.example.org"' in html and 'href="tel:014123456"' in html


def test_delen_van_het_verhaal_alleen_als_ingevuld(bezoeker, werkmodellen):
    inspiratie = maak_inspiratie(doel="Niemand alleen laten.", aanpak="", wat_werkt="Soep.")
    html = bezoeker.get(inspiratie.get_absolute_url()).content.decode()
    assert ">Het doel</h2>" in html and "Niemand alleen laten." in html
    assert ">Wat werkt</h2>" in html
    assert ">De aanpak</h2>" not in html and ">Wat heb je nodig?</h2>" not in html


def test_nagekeken_in_maand_en_jaar(bezoeker, werkmodellen):
    inspiratie = maak_inspiratie(nagekeken_op=date(2026, 3, 12))
    html = bezoeker.get(inspiratie.get_absolute_url()).content.decode()
    assert "nagekeken in maart 2026" in html
    assert 'datetime="2026-03-12"' in html


def test_de_startpagina_toont_tips_en_oude_verhalen(medewerker_client, werkmodellen, gemeenten):
    nu = timezone.now()
    maak_inspiratie(titel="Getipt verhaal", status=Inspiratie.Status.GETIPT)
    oud = maak_inspiratie(titel="Oud verhaal", dagen_geleden=800)
    maak_inspiratie(titel="Pas nagekeken", dagen_geleden=800, nagekeken_op=nu.date())
    maak_inspiratie(titel="Nieuw verhaal", dagen_geleden=10)
    maak_inspiratie(
        titel="Lang geleden nagekeken", dagen_geleden=900, nagekeken_op=date(2024, 5, 1)
    )
    maak_inspiratie(titel="Lokaal zonder plaats", reikwijdte="lokaal")
    html = medewerker_client.get("/beheer/").content.decode()
    assert "Tips van bezoekers" in html and "Getipt verhaal" in html
    blok = html[html.index("Verhalen om na te kijken") :]
    assert "Oud verhaal" in blok and "nooit nagekeken" in blok
    assert "Lang geleden nagekeken" in blok and "laatst nagekeken in mei 2024" in blok
    assert "Pas nagekeken" not in blok and "Nieuw verhaal" not in blok
    assert "lokale inspiraties zonder gemeente" in blok
    assert f"/beheer/inspiraties/inspiratie/{oud.pk}/change/" in blok


def test_admin_bewaart_doe_mee_en_vraagt_contact_om_te_tonen(medewerker_client, werkmodellen):
    inspiratie = maak_inspiratie(titel="Bewerkt", status=Inspiratie.Status.CONCEPT)
    url = f"/beheer/inspiraties/inspiratie/{inspiratie.pk}/change/"
    html = medewerker_client.get(url).content.decode()
    for veld in (
        "meedoen",
        "contact_email",
        "contact_tonen",
        "doel",
        "aanpak",
        "wat_werkt",
        "wat_nodig",
        "nagekeken_op",
    ):
        assert f'name="{veld}"' in html, veld
    assert "Doe mee" in html and "Het verhaal in stukken" in html


@pytest.mark.parametrize("slug", ["tip", "feed"])
def test_een_slug_die_een_pagina_is_kan_niet(werkmodellen, slug):
    from inspiraties.forms import InspiratieAdminForm

    form = InspiratieAdminForm(
        data={
            "titel": "Tip",
            "slug": slug,
            "samenvatting": "Kort.",
            "verhaal": "Lang.",
            "werkmodellen": [werkmodellen["buddywerking"].pk],
            "reikwijdte": "vlaanderen",
            "status": "concept",
        }
    )
    assert not form.is_valid()
    assert "al een pagina van de site" in str(form.errors["slug"])
