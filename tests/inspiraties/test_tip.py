"""/inspiraties/tip/: a bezoeker tips an initiative, checks it, sends it; staff take it up or
decline it; the tipper is mailed once at each step. A getipt tip is never public.

Personas: `bezoeker` (anonymous client), `eindredacteur` (group Eindredactie), `redacteur`.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from PIL import Image

from baz import audit
from baz.models import Mail
from inspiraties import services
from inspiraties.forms import TOESTEMMING_VERSIE
from inspiraties.models import Inspiratie, Tip
from tests.factories import maak_inspiratie

SITE = "https://baz.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.STAFF_NOTIFICATION_EMAIL = "info@baz.example.org"


@pytest.fixture
def eindredacteur(django_user_model):
    user = django_user_model.objects.create_user(
        "eindredacteur", "eindredacteur@example.org", "geheim-wachtwoord-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Eindredactie"))
    return user


def _formulier(client) -> dict:
    """The hidden protection fields of a freshly loaded form."""
    html = client.get(reverse("inspiratie-tip")).content.decode()
    return {
        naam: re.search(rf'name="{naam}" value="([^"]*)"', html).group(1)
        for naam in ("geladen", "sleutel")
    }


def _antwoorden(gemeenten, werkmodellen, **anders) -> dict:
    return {
        "titel": "Soepcafé De Pollepel",
        "wat": "Elke zondag koken buren samen soep en eten ze samen, voor wie alleen is.",
        "gemeente": gemeenten["Geel"].pk,
        "werkmodellen": [werkmodellen["community-building"].pk],
        "initiatief_website": "https://pollepel.example.org",
        "initiatief_contact": "",
        "naam": "Sofie Peeters",
        "email": "sofie@example.org",
        "betrokken": "nee",
        "naam_tonen": "voornaam",
        "contact_toestemming": "on",
        **anders,
    }


def _foto() -> io.BytesIO:
    bestand = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(bestand, format="JPEG")
    bestand.seek(0)
    bestand.name = "pollepel.jpg"
    return bestand


def _verborgen(html: str) -> dict:
    """The check page's hidden fields as POST data (lists for repeated names)."""
    data: dict = {}
    for naam, waarde in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        data.setdefault(naam, []).append(waarde.replace("&amp;", "&").replace("&#x27;", "'"))
    return data


def test_het_formulier_toont_gemeente_als_gewone_keuzelijst(bezoeker, gemeenten, werkmodellen):
    antwoord = bezoeker.get(reverse("inspiratie-tip"))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert '<select name="gemeente"' in html and 'data-keuzelijst="gemeente"' in html
    assert ">Geel</option>" in html
    assert "Buren die samen iets opbouwen" not in html  # plain words come from the form
    assert "Buurtbewoners bouwen samen iets op voor hun buurt." in html
    assert 'href="/privacy/"' in html


def test_fouten_geven_400_en_houden_wat_getypt_werd(bezoeker, gemeenten, werkmodellen):
    data = {
        **_formulier(bezoeker),
        **_antwoorden(gemeenten, werkmodellen, email="geen-adres", wat="kort", gemeente="99999"),
    }
    antwoord = bezoeker.post(reverse("inspiratie-tip"), data)
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Geef een geldig e-mailadres" in html
    assert "Vertel iets meer" in html
    assert "Kies een gemeente uit de lijst." in html
    assert 'value="Soepcafé De Pollepel"' in html
    assert not Inspiratie.objects.exists()


def test_foto_zonder_toestemming_of_beschrijving_wordt_geweigerd(bezoeker, gemeenten, werkmodellen):
    data = {**_formulier(bezoeker), **_antwoorden(gemeenten, werkmodellen), "foto": _foto()}
    antwoord = bezoeker.post(reverse("inspiratie-tip"), data)
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Zonder toestemming van de maker" in html
    assert "Beschrijf kort wat er op de foto staat." in html
    # The valid photo is kept for the next try, as a token, not as a file to upload again.
    assert 'name="foto_bewaard"' in html and "pollepel.jpg" in html


def test_geen_afbeelding_geeft_een_duidelijke_fout(bezoeker, gemeenten, werkmodellen):
    nep = io.BytesIO(b"geen afbeelding")
    nep.name = "nep.jpg"
    data = {**_formulier(bezoeker), **_antwoorden(gemeenten, werkmodellen), "foto": nep}
    antwoord = bezoeker.post(reverse("inspiratie-tip"), data)
    assert antwoord.status_code == 400
    assert "geen geldige afbeelding" in antwoord.content.decode()


def test_nakijken_versturen_en_toestemming_bewaard(bezoeker, gemeenten, werkmodellen):
    data = {
        **_formulier(bezoeker),
        **_antwoorden(gemeenten, werkmodellen),
        "foto": _foto(),
        "foto_alt": "Buren aan een lange tafel met soep",
        "foto_maker": "Jan Janssens",
        "foto_toestemming": "on",
    }
    nakijken = bezoeker.post(reverse("inspiratie-tip"), data)
    html = nakijken.content.decode()
    assert nakijken.status_code == 200
    assert "Kijk je tip na" in html and "Soepcafé De Pollepel" in html and "pollepel.jpg" in html
    assert not Inspiratie.objects.exists()  # nothing stored before "Versturen"

    verborgen = _verborgen(html)
    antwoord = bezoeker.post(reverse("inspiratie-tip"), {**verborgen, "stap": "versturen"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("inspiratie-tip-bedankt")
    bedankt = bezoeker.get(antwoord["Location"]).content.decode()
    assert "Wat gebeurt er nu?" in bedankt and "10 werkdagen" in bedankt

    tip = Tip.objects.select_related("inspiratie").get()
    inspiratie = tip.inspiratie
    assert inspiratie.status == Inspiratie.Status.GETIPT
    assert inspiratie.gemeente == gemeenten["Geel"] and inspiratie.provincie == "antwerpen"
    assert list(inspiratie.werkmodellen.values_list("slug", flat=True)) == ["community-building"]
    assert inspiratie.afbeelding.name.endswith(".webp")  # re-encoded, EXIF gone
    assert inspiratie.afbeelding_credit == "Jan Janssens"
    assert (tip.naam, tip.email, tip.naam_tonen) == (
        "Sofie Peeters",
        "sofie@example.org",
        "voornaam",
    )
    assert tip.contact_toestemming and tip.foto_toestemming and not tip.betrokken
    assert tip.toestemming_op is not None and tip.toestemming_versie == TOESTEMMING_VERSIE
    assert sorted(Mail.objects.values_list("soort", "ontvanger")) == [
        ("inspiraties.tip_melding", "info@baz.example.org"),
        ("inspiraties.tip_ontvangen", "sofie@example.org"),
    ]
    bevestiging = Mail.objects.get(soort="inspiraties.tip_ontvangen").tekst
    assert "binnen 10 werkdagen" in bevestiging and "nog niet op de website" in bevestiging
    assert [r.actie for r in audit.voor(inspiratie)] == ["inspiraties.getipt"]

    # A second click on "Versturen" (same browser, same key) stores nothing new.
    nog_eens = bezoeker.post(reverse("inspiratie-tip"), {**verborgen, "stap": "versturen"})
    assert nog_eens.status_code in (302, 400)
    assert Tip.objects.count() == 1 and Mail.objects.count() == 2


def test_aanpassen_toont_het_formulier_met_alles_ingevuld(bezoeker, gemeenten, werkmodellen):
    data = {**_formulier(bezoeker), **_antwoorden(gemeenten, werkmodellen)}
    html = bezoeker.post(reverse("inspiratie-tip"), data).content.decode()
    antwoord = bezoeker.post(reverse("inspiratie-tip"), {**_verborgen(html), "stap": "aanpassen"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'value="Soepcafé De Pollepel"' in html and 'value="sofie@example.org"' in html
    assert f'<option value="{gemeenten["Geel"].pk}" selected>Geel</option>' in html
    assert not Inspiratie.objects.exists()


def test_honingpot_slaat_niets_op(bezoeker, gemeenten, werkmodellen):
    data = {**_formulier(bezoeker), **_antwoorden(gemeenten, werkmodellen), "website": "spam"}
    antwoord = bezoeker.post(reverse("inspiratie-tip"), {**data, "stap": "versturen"})
    assert antwoord.status_code == 200
    assert not Inspiratie.objects.exists() and not Mail.objects.exists()


def test_ratelimiet_op_versturen(bezoeker, gemeenten, werkmodellen, settings):
    settings.RATELIMIETEN = {**settings.RATELIMIETEN, "tip": (1, 3600)}
    for verwacht in (400, 429):
        antwoord = bezoeker.post(reverse("inspiratie-tip"), {"stap": "versturen"})
        assert antwoord.status_code == verwacht


def _tip(gemeenten, werkmodellen) -> Tip:
    tip, _nieuw = services.tip_indienen(
        titel="Soepcafé De Pollepel",
        wat="Elke zondag koken buren samen soep en eten ze samen.",
        gemeente=gemeenten["Geel"],
        werkmodellen=[werkmodellen["community-building"]],
        naam="Sofie Peeters",
        email="sofie@example.org",
        betrokken=False,
        naam_tonen="volledig",
        toestemming_versie=TOESTEMMING_VERSIE,
    )
    Mail.objects.all().delete()
    return tip


def test_een_getipte_of_concept_tip_is_nooit_publiek(bezoeker, gemeenten, werkmodellen):
    maak_inspiratie(titel="Publiek verhaal", werkmodellen=("community-building",))
    tip = _tip(gemeenten, werkmodellen)
    inspiratie = tip.inspiratie
    for status in (Inspiratie.Status.GETIPT, Inspiratie.Status.CONCEPT):
        Inspiratie.objects.filter(pk=inspiratie.pk).update(status=status)
        assert bezoeker.get(inspiratie.get_absolute_url()).status_code == 404
        for url in (
            reverse("inspiraties"),
            reverse("inspiraties") + "?q=Pollepel",
            reverse("inspiraties-feed"),
            "/sitemap-inspiraties.xml",
            reverse("werkmodel", args=["community-building"]),
            reverse("home"),
        ):
            html = bezoeker.get(url).content.decode()
            assert inspiratie.slug not in html and "Elke zondag" not in html, url
        lijst = bezoeker.get(reverse("inspiraties")).content.decode()
        assert "1 inspiratie" in lijst
        werkmodellen_pagina = bezoeker.get(reverse("werkmodellen")).content.decode()
        assert "Pollepel" not in werkmodellen_pagina


def test_oppakken_en_publiceren_mailt_wie_tipte_een_keer(eindredacteur, gemeenten, werkmodellen):
    tip = _tip(gemeenten, werkmodellen)
    inspiratie = tip.inspiratie
    services.overgang_uitvoeren(inspiratie=inspiratie, naam="oppakken", door=eindredacteur)
    assert inspiratie.status == Inspiratie.Status.CONCEPT
    assert not Mail.objects.filter(ontvanger="sofie@example.org").exists()
    tip.refresh_from_db()
    assert tip.beslist_op is not None
    services.inspiratie_publiceren(inspiratie=inspiratie, door=eindredacteur)
    mail = Mail.objects.get(soort="inspiraties.tip_gepubliceerd")
    assert mail.ontvanger == "sofie@example.org"
    assert f"{SITE}/inspiraties/{inspiratie.slug}/" in mail.tekst
    # Archived and published again: the tipper is not mailed a second time.
    services.inspiratie_archiveren(inspiratie=inspiratie, door=eindredacteur)
    services.inspiratie_publiceren(inspiratie=inspiratie, door=eindredacteur)
    assert Mail.objects.filter(soort="inspiraties.tip_gepubliceerd").count() == 1


def test_afwijzen_vraagt_een_reden_en_mailt_die_vriendelijk(eindredacteur, gemeenten, werkmodellen):
    from django.core.exceptions import ValidationError

    tip = _tip(gemeenten, werkmodellen)
    with pytest.raises(ValidationError):
        services.overgang_uitvoeren(inspiratie=tip.inspiratie, naam="afwijzen", door=eindredacteur)
    services.overgang_uitvoeren(
        inspiratie=tip.inspiratie,
        naam="afwijzen",
        door=eindredacteur,
        opmerking="We tonen alleen initiatieven in Vlaanderen en Brussel.",
    )
    tip.refresh_from_db()
    assert tip.inspiratie.status == Inspiratie.Status.AFGEWEZEN
    assert tip.reden == "We tonen alleen initiatieven in Vlaanderen en Brussel."
    mail = Mail.objects.get(soort="inspiraties.tip_afgewezen")
    assert mail.ontvanger == "sofie@example.org"
    assert "Vlaanderen en Brussel" in mail.tekst and "Nogmaals bedankt" in mail.tekst
    # A declined one cannot be published, nor declined twice.
    with pytest.raises(ValidationError, match="afgewezen"):
        services.inspiratie_publiceren(inspiratie=tip.inspiratie, door=eindredacteur)
    with pytest.raises(ValidationError, match="afgewezen"):
        services.overgang_uitvoeren(
            inspiratie=tip.inspiratie, naam="afwijzen", door=eindredacteur, opmerking="x"
        )


def test_een_tip_publiceer_je_niet_zonder_hem_op_te_pakken(eindredacteur, gemeenten, werkmodellen):
    from django.core.exceptions import ValidationError

    tip = _tip(gemeenten, werkmodellen)
    with pytest.raises(ValidationError, match="pak hem eerst op"):
        services.inspiratie_publiceren(inspiratie=tip.inspiratie, door=eindredacteur)
    assert not Mail.objects.exists()


def test_de_redactie_mag_oppakken_maar_niet_afwijzen(redacteur, gemeenten, werkmodellen):
    from django.core.exceptions import PermissionDenied

    tip = _tip(gemeenten, werkmodellen)
    with pytest.raises(PermissionDenied):
        services.overgang_uitvoeren(
            inspiratie=tip.inspiratie, naam="afwijzen", door=redacteur, opmerking="nee"
        )
    services.overgang_uitvoeren(inspiratie=tip.inspiratie, naam="oppakken", door=redacteur)
    assert tip.inspiratie.status == Inspiratie.Status.CONCEPT
