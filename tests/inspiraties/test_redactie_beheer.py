"""The workflow in /beheer/: the status is no drop-down; the change form shows the steps this
person may take as buttons (POST only, CSRF, each through the service), and so do the list
actions. A Redactie account sees no publish button, and a forged publish is refused."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client

from baz.models import Auditregel, Mail
from inspiraties import services
from inspiraties.models import Inspiratie
from tests.factories import maak_inspiratie
from tests.inspiraties.test_admin import formulier

pytestmark = pytest.mark.django_db


@pytest.fixture
def eindredacteur(django_user_model):
    user = django_user_model.objects.create_user(
        "eindredacteur", "eindredacteur@example.org", "geheim-wachtwoord-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Eindredactie"))
    return user


@pytest.fixture
def als(redacteur, eindredacteur, medewerker):
    """A logged-in client per role (the second factor is off in tests: conftest.py)."""

    def inloggen(rol: str) -> Client:
        client = Client()
        user = {"redactie": redacteur, "eindredactie": eindredacteur, "superuser": medewerker}
        client.force_login(user[rol])
        return client

    return inloggen


@pytest.fixture
def concept(werkmodellen, redacteur):
    return maak_inspiratie(titel="Soep op zondag", status="concept", aangemaakt_door=redacteur)


@pytest.fixture
def ter_review(concept, redacteur):
    services.inspiratie_indienen(inspiratie=concept, door=redacteur)
    return concept


def wijzigen(inspiratie) -> str:
    return f"/beheer/inspiraties/inspiratie/{inspiratie.pk}/change/"


def stap(inspiratie) -> str:
    return f"/beheer/inspiraties/inspiratie/{inspiratie.pk}/redactie/"


KNOPPEN = {
    "indienen": "Indienen ter review",
    "publiceren": ">Publiceren<",
    "terugsturen": "Terugsturen naar de redactie",
    "archiveren": "Archiveren (offline halen)",
}


def knoppen(html: str) -> set[str]:
    return {naam for naam, tekst in KNOPPEN.items() if tekst in html}


@pytest.mark.parametrize(
    ("rol", "status", "verwacht"),
    [
        ("redactie", "concept", {"indienen"}),
        ("redactie", "review", set()),
        ("redactie", "gepubliceerd", set()),
        ("eindredactie", "concept", {"indienen", "publiceren"}),
        ("eindredactie", "review", {"publiceren", "terugsturen"}),
        ("eindredactie", "gepubliceerd", {"archiveren"}),
        ("superuser", "review", {"publiceren", "terugsturen"}),
    ],
)
def test_de_knoppen_per_rol(als, werkmodellen, rol, status, verwacht):
    inspiratie = maak_inspiratie(status=status)
    antwoord = als(rol).get(wijzigen(inspiratie))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert knoppen(html) == verwacht
    assert 'id="redactie-status"' in html
    # No free drop-down for the status any more.
    assert 'name="status"' not in html


def test_de_redactie_ziet_dat_het_wacht_op_de_eindredactie(als, ter_review):
    html = als("redactie").get(wijzigen(ter_review)).content.decode()
    assert "wacht op de eindredactie" in html
    assert "ingediend door redacteur" in html


def test_indienen_via_de_knop(als, concept, eindredacteur):
    antwoord = als("redactie").post(stap(concept), {"overgang": "indienen"}, follow=True)
    assert antwoord.redirect_chain[-1][0] == wijzigen(concept)
    assert "is ingediend ter review" in antwoord.content.decode()
    concept.refresh_from_db()
    assert concept.status == Inspiratie.Status.REVIEW
    assert Mail.objects.filter(soort="inspiraties.ter_review").get().ontvanger == (
        "eindredacteur@example.org"
    )
    assert LogEntry.objects.filter(object_id=str(concept.pk)).exists()


def test_een_vervalste_publicatie_door_de_redactie_wordt_geweigerd(als, ter_review, werkmodellen):
    redactie = als("redactie")
    antwoord = redactie.post(stap(ter_review), {"overgang": "publiceren"})
    assert antwoord.status_code == 403
    antwoord = redactie.post(stap(ter_review), {"overgang": "terugsturen", "opmerking": "Weg"})
    assert antwoord.status_code == 403
    # And through the list action, which the Redactie is not even offered.
    lijst = redactie.get("/beheer/inspiraties/inspiratie/").content.decode()
    assert 'value="publiceren"' not in lijst
    assert 'value="ter_review_zetten"' in lijst
    redactie.post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "publiceren", "_selected_action": [ter_review.pk], "index": 0},
    )
    # And by posting the status in the change form.
    redactie.post(wijzigen(ter_review), formulier(werkmodellen, status="gepubliceerd"))
    ter_review.refresh_from_db()
    assert ter_review.status == Inspiratie.Status.REVIEW
    assert ter_review.gepubliceerd_op is None
    assert list(Auditregel.objects.values_list("actie", flat=True)) == ["inspiraties.ingediend"]
    assert not Mail.objects.filter(soort="inspiraties.gepubliceerd").exists()


def test_de_eindredactie_publiceert_via_de_knop(als, ter_review):
    antwoord = als("eindredactie").post(stap(ter_review), {"overgang": "publiceren"}, follow=True)
    html = antwoord.content.decode()
    assert "“Soep op zondag” is gepubliceerd." in html
    assert "Geschiedenis van de status" in html
    assert "Inspiratie gepubliceerd" in html  # the audit action, in the history
    ter_review.refresh_from_db()
    assert ter_review.is_publiek
    assert Mail.objects.get(soort="inspiraties.gepubliceerd").ontvanger == "redacteur@example.org"


def test_terugsturen_zonder_opmerking_zegt_waarom_en_verandert_niets(als, ter_review):
    eindredactie = als("eindredactie")
    html = eindredactie.get(wijzigen(ter_review)).content.decode()
    assert 'name="opmerking"' in html and "required" in html
    antwoord = eindredactie.post(stap(ter_review), {"overgang": "terugsturen"}, follow=True)
    assert "wat de redactie nog moet aanpassen" in antwoord.content.decode()
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.REVIEW

    antwoord = eindredactie.post(
        stap(ter_review),
        {"overgang": "terugsturen", "opmerking": "Een foto erbij, graag."},
        follow=True,
    )
    html = antwoord.content.decode()
    assert "is teruggestuurd naar de redactie" in html
    assert "Een foto erbij, graag." in html  # in the status history
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.CONCEPT
    assert "Een foto erbij, graag." in Mail.objects.get(soort="inspiraties.teruggestuurd").tekst


def test_een_stap_uit_een_verouderd_scherm_geeft_een_melding(als, werkmodellen):
    gepubliceerd = maak_inspiratie(titel="Al online")
    antwoord = als("eindredactie").post(stap(gepubliceerd), {"overgang": "publiceren"}, follow=True)
    assert antwoord.status_code == 200
    assert "Deze inspiratie is al gepubliceerd." in antwoord.content.decode()


def test_alleen_post_en_alleen_voor_medewerkers(als, concept, client, django_user_model):
    assert als("redactie").get(stap(concept)).status_code == 405
    antwoord = client.post(stap(concept), {"overgang": "indienen"})
    assert antwoord.status_code == 302 and "/beheer/login/" in antwoord["Location"]
    lid = django_user_model.objects.create_user("lid", "lid@example.org", "x-wachtwoord-123")
    client.force_login(lid)
    antwoord = client.post(stap(concept), {"overgang": "indienen"})
    assert antwoord.status_code == 302 and "/beheer/login/" in antwoord["Location"]
    assert als("redactie").post("/beheer/inspiraties/inspiratie/999999/redactie/").status_code == (
        404
    )
    assert Inspiratie.objects.get(pk=concept.pk).status == Inspiratie.Status.CONCEPT


def test_zonder_csrf_token_geweigerd(eindredacteur, ter_review):
    client = Client(enforce_csrf_checks=True)
    client.force_login(eindredacteur)
    assert client.post(stap(ter_review), {"overgang": "publiceren"}).status_code == 403
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.REVIEW


def test_lijstactie_publiceren_meldt_wat_niet_kon(als, ter_review, werkmodellen):
    al_online = maak_inspiratie(titel="Al online")
    antwoord = als("eindredactie").post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "publiceren", "_selected_action": [ter_review.pk, al_online.pk], "index": 0},
        follow=True,
    )
    html = antwoord.content.decode()
    assert "1 inspiratie gepubliceerd." in html
    assert "1 inspiratie niet gewijzigd: “Al online”: Deze inspiratie is al gepubliceerd." in html
    assert Inspiratie.objects.get(pk=ter_review.pk).is_publiek


def test_lijstactie_indienen_door_de_redactie(als, concept, werkmodellen):
    ander = maak_inspiratie(titel="Nog een concept", status="concept")
    antwoord = als("redactie").post(
        "/beheer/inspiraties/inspiratie/",
        {"action": "ter_review_zetten", "_selected_action": [concept.pk, ander.pk], "index": 0},
        follow=True,
    )
    assert "2 inspiraties ingediend ter review." in antwoord.content.decode()
    assert set(Inspiratie.objects.values_list("status", flat=True)) == {"review"}


def test_een_nieuwe_inspiratie_is_altijd_een_concept(als, werkmodellen):
    antwoord = als("eindredactie").post(
        "/beheer/inspiraties/inspiratie/add/", formulier(werkmodellen, status="gepubliceerd")
    )
    assert antwoord.status_code == 302
    assert Inspiratie.objects.get().status == Inspiratie.Status.CONCEPT


def test_publicatiedatum_en_uitlichten_zijn_voor_de_eindredactie(als, concept, werkmodellen):
    redactie = als("redactie")
    html = redactie.get(wijzigen(concept)).content.decode()
    assert 'name="gepubliceerd_op_0"' not in html and 'name="uitgelicht"' not in html
    redactie.post(
        wijzigen(concept),
        formulier(
            werkmodellen, uitgelicht="on", gepubliceerd_op_0="01/01/2026", gepubliceerd_op_1="10:00"
        ),
    )
    concept.refresh_from_db()
    assert not concept.uitgelicht and concept.gepubliceerd_op is None
    assert concept.titel == "Buurtpunt Nijlen"  # the text itself the Redactie may change
    html = als("eindredactie").get(wijzigen(concept)).content.decode()
    assert 'name="gepubliceerd_op_0"' in html and 'name="uitgelicht"' in html


def test_zonder_tweede_factor_geen_stap(settings, eindredacteur, ter_review):
    """With the second factor on (as in production), a password alone takes no step."""
    settings.BEHEER_TWEESTAPS = True
    client = Client()
    client.force_login(eindredacteur)
    antwoord = client.post(stap(ter_review), {"overgang": "publiceren"})
    assert antwoord.status_code == 302
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.REVIEW


def test_redactie_wijzigt_een_gepubliceerd_verhaal_niet_zonder_review(als, werkmodellen, concept):
    """What the Eindredactie put online stays as it is: for the Redactie every field of a
    submitted or published inspiratie is read-only; a forged change is ignored."""
    services.inspiratie_publiceren(inspiratie=concept)
    redactie = als("redactie")
    pagina = redactie.get(wijzigen(concept)).content.decode()
    assert 'name="verhaal"' not in pagina and 'name="titel"' not in pagina
    redactie.post(
        wijzigen(concept), formulier(werkmodellen, titel="Gekaapt", verhaal="Ongezien verhaal")
    )
    concept.refresh_from_db()
    assert concept.titel != "Gekaapt" and "Ongezien" not in concept.verhaal
    # The Eindredactie can still correct it.
    assert 'name="verhaal"' in als("eindredactie").get(wijzigen(concept)).content.decode()


def test_een_geplande_publicatie_zegt_wanneer_ze_online_komt(als, ter_review):
    from django.utils import timezone

    later = timezone.now() + timezone.timedelta(days=3)
    Inspiratie.objects.filter(pk=ter_review.pk).update(gepubliceerd_op=later)
    antwoord = als("eindredactie").post(stap(ter_review), {"overgang": "publiceren"}, follow=True)
    html = antwoord.content.decode()
    assert "is goedgekeurd en komt online op" in html
    assert "is gepubliceerd." not in html
