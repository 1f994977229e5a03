"""The editorial workflow, enforced by role: the Redactie writes and submits for review, the
Eindredactie publishes or sends back with a comment, every step is logged and mailed.

Personas: `redacteur` (group Redactie), `eindredacteur` (group Eindredactie), `medewerker`
(superuser), `lid` (an account without staff rights) and an anonymous visitor.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from baz.models import Auditregel, Mail
from inspiraties import services
from inspiraties.models import Inspiratie
from tests.factories import maak_inspiratie

pytestmark = pytest.mark.django_db

SITE = "https://baz.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.STAFF_NOTIFICATION_EMAIL = "info@baz.example.org"


@pytest.fixture
def eindredacteur(django_user_model):
    user = django_user_model.objects.create_user(
        "eindredacteur",
        "eindredacteur@example.org",
        "geheim-wachtwoord-42",
        is_staff=True,
        first_name="Els",
        last_name="Eindredacteur",
    )
    user.groups.add(Group.objects.get(name="Eindredactie"))
    return user


@pytest.fixture
def lid(django_user_model):
    return django_user_model.objects.create_user("lid", "lid@example.org", "x-wachtwoord-123")


@pytest.fixture
def concept(werkmodellen, redacteur):
    return maak_inspiratie(titel="Soep op zondag", status="concept", aangemaakt_door=redacteur)


@pytest.fixture
def ter_review(concept, redacteur, eindredacteur):
    services.inspiratie_indienen(inspiratie=concept, door=redacteur)
    Mail.objects.all().delete()
    return concept


def mails(soort: str) -> list[str]:
    return sorted(Mail.objects.filter(soort=soort).values_list("ontvanger", flat=True))


def acties(inspiratie) -> list[str]:
    return list(
        Auditregel.objects.filter(object_id=str(inspiratie.pk))
        .order_by("pk")
        .values_list("actie", flat=True)
    )


# --- the groups ---------------------------------------------------------------------------------


def test_alleen_de_eindredactie_mag_publiceren(redacteur, eindredacteur, medewerker):
    assert eindredacteur.has_perm("inspiraties.publiceren")
    assert eindredacteur.has_perm("inspiraties.change_inspiratie")
    assert not redacteur.has_perm("inspiraties.publiceren")
    assert medewerker.has_perm("inspiraties.publiceren")  # a superuser has every permission
    recht = Permission.objects.get(content_type__app_label="inspiraties", codename="publiceren")
    assert list(recht.group_set.values_list("name", flat=True)) == ["Eindredactie"]


# --- submitting -------------------------------------------------------------------------------


def test_de_redactie_dient_in_en_de_eindredactie_krijgt_een_mail(
    concept, redacteur, eindredacteur, medewerker
):
    services.inspiratie_indienen(inspiratie=concept, door=redacteur)

    concept.refresh_from_db()
    assert concept.status == Inspiratie.Status.REVIEW
    assert concept.ingediend_door == redacteur
    assert concept.ingediend_op is not None
    # The reviewers, not the author and not a superuser who is no reviewer.
    assert mails("inspiraties.ter_review") == ["eindredacteur@example.org"]
    mail = Mail.objects.get(soort="inspiraties.ter_review")
    assert "Soep op zondag" in mail.onderwerp
    assert f"{SITE}/beheer/inspiraties/inspiratie/{concept.pk}/change/" in mail.tekst
    assert mail.sleutel == f"inspiraties.inspiratie:{concept.pk}"
    [regel] = Auditregel.objects.filter(actie="inspiraties.ingediend")
    assert regel.door == redacteur
    assert regel.object_id == str(concept.pk)
    assert "Concept" in regel.omschrijving and "Ter review" in regel.omschrijving


def test_beoordelaars_ook_met_een_recht_rechtstreeks_maar_niet_inactief_of_zonder_adres(
    concept, redacteur, eindredacteur, django_user_model
):
    recht = Permission.objects.get(content_type__app_label="inspiraties", codename="publiceren")
    direct = django_user_model.objects.create_user(
        "direct", "direct@example.org", "x-wachtwoord-123", is_staff=True
    )
    direct.user_permissions.add(recht)
    weg = django_user_model.objects.create_user(
        "weg", "weg@example.org", "x-wachtwoord-123", is_staff=True, is_active=False
    )
    weg.groups.add(Group.objects.get(name="Eindredactie"))
    zonder = django_user_model.objects.create_user("zonder", "", "x-wachtwoord-123", is_staff=True)
    zonder.groups.add(Group.objects.get(name="Eindredactie"))

    services.inspiratie_indienen(inspiratie=concept, door=redacteur)
    assert mails("inspiraties.ter_review") == ["direct@example.org", "eindredacteur@example.org"]


def test_zonder_eindredactie_gaat_de_melding_naar_het_algemene_adres(concept, redacteur):
    services.inspiratie_indienen(inspiratie=concept, door=redacteur)
    assert mails("inspiraties.ter_review") == ["info@baz.example.org"]


@pytest.mark.parametrize("wie", ["anoniem", "lid"])
def test_wie_geen_inspiraties_mag_bewerken_kan_niet_indienen(concept, lid, wie):
    door = AnonymousUser() if wie == "anoniem" else lid
    with pytest.raises(PermissionDenied, match="Je mag geen inspiraties bewerken"):
        services.inspiratie_indienen(inspiratie=concept, door=door)
    concept.refresh_from_db()
    assert concept.status == Inspiratie.Status.CONCEPT
    assert concept.ingediend_door is None
    assert not Auditregel.objects.exists()
    assert not Mail.objects.exists()


# --- publishing, sending back, archiving --------------------------------------------------------


@pytest.mark.parametrize(
    ("stap", "opmerking"), [("publiceren", ""), ("terugsturen", "Voeg een foto toe.")]
)
def test_de_redactie_kan_niet_publiceren_of_terugsturen(ter_review, redacteur, stap, opmerking):
    with pytest.raises(PermissionDenied, match="doet de eindredactie"):
        services.overgang_uitvoeren(
            inspiratie=ter_review, naam=stap, door=redacteur, opmerking=opmerking
        )
    ter_review.refresh_from_db()
    assert ter_review.status == Inspiratie.Status.REVIEW
    assert ter_review.gepubliceerd_op is None
    assert acties(ter_review) == ["inspiraties.ingediend"]
    assert not Mail.objects.exists()


def test_de_redactie_kan_niet_archiveren(werkmodellen, redacteur):
    inspiratie = maak_inspiratie(titel="Online")
    with pytest.raises(PermissionDenied):
        services.inspiratie_archiveren(inspiratie=inspiratie, door=redacteur)
    inspiratie.refresh_from_db()
    assert inspiratie.is_publiek


def test_de_eindredactie_publiceert_en_de_auteur_krijgt_de_link(
    ter_review, redacteur, eindredacteur
):
    services.inspiratie_publiceren(inspiratie=ter_review, door=eindredacteur)

    ter_review.refresh_from_db()
    assert ter_review.status == Inspiratie.Status.GEPUBLICEERD
    assert ter_review.is_publiek
    assert acties(ter_review) == ["inspiraties.ingediend", "inspiraties.gepubliceerd"]
    assert Auditregel.objects.get(actie="inspiraties.gepubliceerd").door == eindredacteur
    assert mails("inspiraties.gepubliceerd") == ["redacteur@example.org"]
    mail = Mail.objects.get(soort="inspiraties.gepubliceerd")
    assert f"{SITE}/inspiraties/{ter_review.slug}/" in mail.tekst
    assert "Els Eindredacteur" in mail.tekst


def test_een_geplande_publicatie_zegt_vanaf_wanneer(ter_review, eindredacteur):
    later = timezone.now() + timezone.timedelta(days=3)
    Inspiratie.objects.filter(pk=ter_review.pk).update(gepubliceerd_op=later)
    services.inspiratie_publiceren(inspiratie=ter_review, door=eindredacteur)
    ter_review.refresh_from_db()
    assert ter_review.gepubliceerd_op == later
    assert not ter_review.is_publiek
    assert "staat online vanaf" in Mail.objects.get(soort="inspiraties.gepubliceerd").tekst


def test_terugsturen_vraagt_een_opmerking_die_de_auteur_krijgt(
    ter_review, redacteur, eindredacteur
):
    with pytest.raises(ValidationError, match="wat de redactie nog moet aanpassen"):
        services.inspiratie_terugsturen(inspiratie=ter_review, door=eindredacteur, opmerking=" ")
    ter_review.refresh_from_db()
    assert ter_review.status == Inspiratie.Status.REVIEW
    assert acties(ter_review) == ["inspiraties.ingediend"]

    services.inspiratie_terugsturen(
        inspiratie=ter_review, door=eindredacteur, opmerking="Noem de gemeente in de titel."
    )
    ter_review.refresh_from_db()
    assert ter_review.status == Inspiratie.Status.CONCEPT
    assert ter_review.ingediend_door == redacteur  # remembered: who wrote what came back
    regel = Auditregel.objects.get(actie="inspiraties.teruggestuurd")
    assert "Noem de gemeente in de titel." in regel.omschrijving
    assert mails("inspiraties.teruggestuurd") == ["redacteur@example.org"]
    mail = Mail.objects.get(soort="inspiraties.teruggestuurd")
    assert "Noem de gemeente in de titel." in mail.tekst
    assert f"{SITE}/beheer/inspiraties/inspiratie/{ter_review.pk}/change/" in mail.tekst
    # The Redactie adapts it and submits again.
    services.inspiratie_indienen(inspiratie=ter_review, door=redacteur)
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.REVIEW


def test_een_superuser_mag_alles_en_mailt_zichzelf_niet(concept, medewerker):
    services.inspiratie_indienen(inspiratie=concept, door=medewerker)
    services.inspiratie_terugsturen(inspiratie=concept, door=medewerker, opmerking="Nog niet.")
    services.inspiratie_indienen(inspiratie=concept, door=medewerker)
    services.inspiratie_publiceren(inspiratie=concept, door=medewerker)
    services.inspiratie_archiveren(inspiratie=concept, door=medewerker)
    assert Inspiratie.objects.get(pk=concept.pk).status == Inspiratie.Status.GEARCHIVEERD
    assert acties(concept) == [
        "inspiraties.ingediend",
        "inspiraties.teruggestuurd",
        "inspiraties.ingediend",
        "inspiraties.gepubliceerd",
        "inspiraties.gearchiveerd",
    ]
    # The author of the submissions is the one sending back and publishing: no mail to self.
    assert not Mail.objects.exclude(soort="inspiraties.ter_review").exists()


def test_archiveren_en_terugzetten_houdt_de_eerste_publicatiedatum(
    werkmodellen, redacteur, eindredacteur
):
    inspiratie = maak_inspiratie(titel="Al lang online", dagen_geleden=30)
    eerste = inspiratie.gepubliceerd_op
    services.inspiratie_archiveren(inspiratie=inspiratie, door=eindredacteur)
    assert not Inspiratie.objects.get(pk=inspiratie.pk).is_publiek
    services.inspiratie_publiceren(inspiratie=inspiratie, door=eindredacteur)
    assert Inspiratie.objects.get(pk=inspiratie.pk).gepubliceerd_op == eerste
    # Archived again, the Redactie may take it back as a concept, to revise and resubmit.
    services.inspiratie_archiveren(inspiratie=inspiratie, door=eindredacteur)
    services.overgang_uitvoeren(inspiratie=inspiratie, naam="heropenen", door=redacteur)
    assert Inspiratie.objects.get(pk=inspiratie.pk).status == Inspiratie.Status.CONCEPT


@pytest.mark.parametrize(
    ("status", "stap", "fout"),
    [
        ("review", "indienen", "Alleen een concept"),
        ("gepubliceerd", "publiceren", "al gepubliceerd"),
        ("concept", "terugsturen", "Alleen een inspiratie ter review"),
        ("gepubliceerd", "terugsturen", "Alleen een inspiratie ter review"),
        ("concept", "archiveren", "Alleen een gepubliceerde"),
        ("gepubliceerd", "heropenen", "Alleen een gearchiveerde"),
        ("concept", "verwijderen", "Onbekende stap"),
    ],
)
def test_een_stap_vanuit_de_verkeerde_status_verandert_niets(
    werkmodellen, medewerker, status, stap, fout
):
    inspiratie = maak_inspiratie(status=status)
    with pytest.raises(ValidationError, match=fout):
        services.overgang_uitvoeren(
            inspiratie=inspiratie, naam=stap, door=medewerker, opmerking="Iets"
        )
    assert Inspiratie.objects.get(pk=inspiratie.pk).status == status
    assert not Auditregel.objects.exists()
    assert not Mail.objects.exists()


def test_de_status_in_de_database_telt_niet_een_verouderde_kopie(ter_review, eindredacteur):
    """Two reviewers at once: the second finds the row already published (locked read)."""
    verouderd = Inspiratie.objects.get(pk=ter_review.pk)
    services.inspiratie_publiceren(inspiratie=ter_review, door=eindredacteur)
    assert verouderd.status == Inspiratie.Status.REVIEW
    with pytest.raises(ValidationError, match="Alleen een inspiratie ter review"):
        services.inspiratie_terugsturen(inspiratie=verouderd, door=eindredacteur, opmerking="Nee.")
    assert Inspiratie.objects.get(pk=ter_review.pk).status == Inspiratie.Status.GEPUBLICEERD
    assert not Mail.objects.filter(soort="inspiraties.teruggestuurd").exists()


def test_het_systeem_volgt_dezelfde_stappen_zonder_rechtencontrole(werkmodellen):
    inspiratie = maak_inspiratie(status="concept")
    services.inspiratie_status_zetten(inspiratie=inspiratie, status="gepubliceerd")
    assert inspiratie.is_publiek
    regel = Auditregel.objects.get(actie="inspiraties.gepubliceerd")
    assert regel.door is None and regel.door_naam == "systeem"
    with pytest.raises(ValidationError, match="kan niet"):
        services.inspiratie_status_zetten(inspiratie=inspiratie, status="review")


def test_de_export_van_persoonsgegevens_noemt_wat_iemand_indiende(ter_review, redacteur):
    from baz.persoonsgegevens.services import persoon_exporteren

    export = persoon_exporteren("Redacteur@example.org")
    rijen = export["inspiraties"]["aangemaakt of ingediend door de persoon"]
    assert [rij["slug"] for rij in rijen] == [ter_review.slug]
    assert (
        persoon_exporteren("niemand@example.org")["inspiraties"][
            "aangemaakt of ingediend door de persoon"
        ]
        == []
    )
