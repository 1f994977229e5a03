"""Staff mail the people of a session from the admin: write, check who gets it and a preview,
send; one mail each through the outbox with their own links, in the audit trail; bad input 400."""

import pytest
from django.urls import reverse

from baz.models import Auditregel, Mail
from workshops import services
from workshops.models import Inschrijving

pytestmark = pytest.mark.django_db


@pytest.fixture
def mensen(sessie):
    """Two confirmed, one waiting, one cancelled (the session has two places)."""
    rijen = {}
    for naam, status in [
        ("An", "bevestigd"),
        ("Bram", "bevestigd"),
        ("Chloe", "wachtlijst"),
        ("Dries", "geannuleerd"),
    ]:
        rijen[naam] = Inschrijving.objects.create(
            sessie=sessie, naam=naam, email=f"{naam.lower()}@example.org", status=status
        )
    return rijen


def _url(sessie) -> str:
    return reverse("admin:workshops_sessie_mailen", args=[sessie.pk])


def _gemaild():
    return Mail.objects.filter(soort="workshops.sessie_gemaild")


def test_schrijven_nakijken_versturen(medewerker_client, medewerker, sessie, mensen):
    formulier = medewerker_client.get(_url(sessie))
    assert formulier.status_code == 200
    inhoud = formulier.content.decode()
    assert "Aan wie" in inhoud and "Nakijken voor het versturen" in inhoud

    gegevens = {
        "ontvangers": "beide",
        "onderwerp": "Andere ingang",
        "tekst": "De hoofdingang is dicht: kom binnen langs de tuin.",
        "versturen": "nee",
    }
    nakijken = medewerker_client.post(_url(sessie), gegevens)
    assert nakijken.status_code == 200
    inhoud = nakijken.content.decode()
    assert "deze mail gaat naar 3 personen" in inhoud
    assert "Beste An," in inhoud and "kom binnen langs de tuin" in inhoud
    assert "Verstuur naar 3 personen" in inhoud
    assert "Dries" not in inhoud  # cancelled: not among the receivers
    assert not _gemaild().exists()  # nothing sent yet

    verstuurd = medewerker_client.post(_url(sessie), {**gegevens, "versturen": "ja"})
    assert verstuurd.status_code == 302
    assert verstuurd["Location"] == reverse("admin:workshops_sessie_change", args=[sessie.pk])
    mails = {m.ontvanger: m for m in _gemaild()}
    assert set(mails) == {"an@example.org", "bram@example.org", "chloe@example.org"}
    for naam in ["An", "Bram", "Chloe"]:
        mail = mails[f"{naam.lower()}@example.org"]
        inschrijving = mensen[naam]
        assert mail.onderwerp == "Andere ingang"
        assert f"Beste {naam}," in mail.tekst
        assert reverse("inschrijving-annuleren", args=[inschrijving.token]) in mail.tekst
        assert inschrijving.get_absolute_url() in mail.tekst
        assert mail.sleutel == f"workshops.inschrijving:{inschrijving.pk}"
    assert "Van de wachtlijst gaan" in mails["chloe@example.org"].tekst
    regel = Auditregel.objects.get(actie="workshops.sessie_gemaild")
    assert regel.door == medewerker
    assert "Andere ingang" in regel.omschrijving and "3" in regel.omschrijving

    # A double click on "send": nobody gets it twice.
    medewerker_client.post(_url(sessie), {**gegevens, "versturen": "ja"})
    assert _gemaild().count() == 3


def test_enkel_de_wachtlijst(medewerker, sessie, mensen):
    aantal = services.sessie_mailen(
        sessie=sessie,
        ontvangers="wachtlijst",
        onderwerp="Nog hoop",
        tekst="Er komt een plaats vrij.",
        door=medewerker,
    )
    assert aantal == 1
    assert list(_gemaild().values_list("ontvanger", flat=True)) == ["chloe@example.org"]


@pytest.mark.parametrize(
    ("gegevens", "fout"),
    [
        ({"ontvangers": "beide", "onderwerp": "", "tekst": "Iets"}, "Vul een onderwerp in."),
        ({"ontvangers": "beide", "onderwerp": "Iets", "tekst": ""}, "Schrijf een bericht."),
        (
            {"ontvangers": "iedereen", "onderwerp": "Iets", "tekst": "Iets"},
            "Kies wie de mail krijgt.",
        ),
        ({"ontvangers": "beide", "onderwerp": "x" * 151, "tekst": "Iets"}, "korter dan 150 tekens"),
    ],
)
def test_foute_invoer_geeft_400_en_houdt_wat_getypt_is(
    medewerker_client, sessie, mensen, gegevens, fout
):
    response = medewerker_client.post(_url(sessie), {**gegevens, "versturen": "ja"})
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert fout in inhoud
    assert "Fout:" in inhoud  # the title says so
    if gegevens["tekst"]:
        assert gegevens["tekst"] in inhoud
    assert not _gemaild().exists()
    assert not Auditregel.objects.filter(actie="workshops.sessie_gemaild").exists()


def test_niemand_in_de_groep(medewerker_client, sessie):
    response = medewerker_client.post(
        _url(sessie),
        {"ontvangers": "bevestigd", "onderwerp": "Hallo", "tekst": "Hallo", "versturen": "ja"},
    )
    assert response.status_code == 400
    assert "er is niemand om te mailen" in response.content.decode()


def test_enkel_voor_medewerkers(client, redacteur, sessie, mensen):
    assert client.get(_url(sessie)).status_code == 302  # to the login
    client.force_login(redacteur)  # staff without the right to change sessions
    assert client.get(_url(sessie)).status_code == 403
    assert (
        client.post(
            _url(sessie), {"ontvangers": "beide", "onderwerp": "x", "tekst": "y", "versturen": "ja"}
        ).status_code
        == 403
    )
    assert not _gemaild().exists()
