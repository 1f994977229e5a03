"""The service functions: sign-up rules, the request pipeline, mails that fail, privacy."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from baz.models import Mail
from baz.persoonsgegevens import services as persoonsgegevens
from workshops import services
from workshops.models import Aanvraag, Evaluatie, Inschrijving

from .conftest import maak_sessie

pytestmark = pytest.mark.django_db


def inschrijven(sessie, email, **extra):
    return services.inschrijving_maken(
        sessie=sessie, naam=email.split("@")[0], email=email, **extra
    )


def maak_aanvraag(workshop, gemeenten, **velden) -> Aanvraag:
    gegevens = {
        "organisatie": "KSA Geel",
        "soort": "jeugd",
        "gemeente": gemeenten["Geel"],
        "contactpersoon": "Tom",
        "email": "tom@ksa.be",
        "formaat": "live",
        "voorkeur_1": timezone.localdate() + timedelta(days=20),
        "voorkeur_2": timezone.localdate() + timedelta(days=40),
        "aantal_deelnemers": 12,
        "leervraag": "Drempels verlagen",
        **velden,
    }
    return services.aanvraag_indienen(workshop=workshop, **gegevens)[0]


def test_plaatsen_dan_wachtlijst_in_volgorde(sessie):
    a, b, c, d = (inschrijven(sessie, f"{x}@example.org") for x in "abcd")
    assert [i.status for i in (a, b, c, d)] == ["bevestigd"] * 2 + ["wachtlijst"] * 2
    assert services.inschrijving_annuleren(inschrijving=b) == c
    assert services.inschrijving_annuleren(inschrijving=b) is None  # idempotent
    c.refresh_from_db()
    assert c.status == "bevestigd" and c.doorgeschoven_op
    # Leaving the waiting list frees no place: nobody moves up.
    assert services.inschrijving_annuleren(inschrijving=d) is None


def test_capaciteit_verhogen_schuift_de_wachtlijst_door(sessie, django_capture_on_commit_callbacks):
    for x in "abcde":
        inschrijven(sessie, f"{x}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.sessie_capaciteit_wijzigen(sessie=sessie, capaciteit=4)
    assert sessie.inschrijvingen.bevestigd().count() == 4
    assert [m.to for m in mail.outbox] == [["c@example.org"], ["d@example.org"]]


def test_sessie_annuleren_verwittigt_iedereen(sessie, django_capture_on_commit_callbacks):
    for x in "abc":
        inschrijven(sessie, f"{x}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        aantal = services.sessie_annuleren(sessie=sessie, reden="De lesgever is ziek.")
    assert aantal == 3
    assert len(mail.outbox) == 3
    assert all("De lesgever is ziek." in m.body for m in mail.outbox)
    with pytest.raises(services.InschrijvingNietMogelijk, match="geannuleerd"):
        inschrijven(sessie, "later@example.org")


def test_na_de_deadline_kan_niemand_nog_inschrijven(workshop):
    sessie = maak_sessie(workshop, inschrijven_tot=timezone.now() + timedelta(days=1))
    with pytest.raises(services.InschrijvingNietMogelijk, match="termijn"):
        inschrijven(sessie, "a@example.org", nu=timezone.now() + timedelta(days=2))


def test_statuswijziging_houdt_wie_en_wanneer_bij(workshop, gemeenten, medewerker):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    services.aanvraag_status_wijzigen(aanvraag=aanvraag, status="in_behandeling", door=medewerker)
    with pytest.raises(services.OvergangNietToegestaan, match="reden"):
        services.aanvraag_status_wijzigen(aanvraag=aanvraag, status="uitgesteld", door=medewerker)
    services.aanvraag_status_wijzigen(
        aanvraag=aanvraag, status="uitgesteld", door=medewerker, reden="Corona"
    )
    wijzigingen = list(aanvraag.wijzigingen.values_list("van", "naar", "reden", "door"))
    assert wijzigingen == [
        ("", "nieuw", "", None),
        ("nieuw", "in_behandeling", "", medewerker.pk),
        ("in_behandeling", "uitgesteld", "Corona", medewerker.pk),
    ]


def test_sessie_maken_uit_ingeplande_aanvraag(workshop, gemeenten, medewerker):
    aanvraag = maak_aanvraag(workshop, gemeenten)
    with pytest.raises(services.OvergangNietToegestaan, match="eerst in"):
        services.sessie_maken_voor_aanvraag(aanvraag=aanvraag)
    services.aanvraag_status_wijzigen(aanvraag=aanvraag, status="in_behandeling", door=medewerker)
    services.aanvraag_status_wijzigen(
        aanvraag=aanvraag,
        status="ingepland",
        door=medewerker,
        gepland_op=timezone.now() + timedelta(days=30),
        geplande_plaats="Jeugdlokaal KSA, Geel",
    )
    sessie = services.sessie_maken_voor_aanvraag(aanvraag=aanvraag, door=medewerker)
    assert sessie.openbaar is False
    assert sessie.plaats == "Jeugdlokaal KSA, Geel"
    assert sessie.eindigt_op - sessie.begint_op == timedelta(minutes=150)


def test_mislukte_mail_blijft_zichtbaar_en_wordt_opnieuw_verstuurd(
    sessie, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        inschrijving = inschrijven(sessie, "a@example.org")
    assert Inschrijving.objects.filter(pk=inschrijving.pk).exists()  # nothing lost
    fout = Mail.objects.get()
    assert fout.status == "wachtend" and fout.pogingen == 1 and fout.laatste_fout
    assert fout.volgende_poging_op > timezone.now()

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    Mail.objects.update(volgende_poging_op=timezone.now())  # its next attempt is due
    call_command("mails_versturen", stdout=StringIO())
    fout.refresh_from_db()
    assert fout.status == "verzonden" and fout.pogingen == 2
    assert mail.outbox[-1].to == ["a@example.org"]


def test_evaluatie_een_keer_per_deelnemer(workshop, django_capture_on_commit_callbacks):
    sessie = maak_sessie(workshop, dagen=-2)
    aanwezig = Inschrijving.objects.create(
        sessie=sessie, naam="A", email="a@example.org", status="bevestigd", aanwezig=True
    )
    Inschrijving.objects.create(
        sessie=sessie, naam="B", email="b@example.org", status="bevestigd", aanwezig=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.evaluaties_vragen() == 1
    assert services.evaluaties_vragen() == 0
    (bericht,) = mail.outbox
    assert f"/workshops/evaluatie/{aanwezig.token}/" in bericht.body
    services.evaluatie_indienen(inschrijving=aanwezig, score=4, wat_goed="Verhalen")
    _, nieuw = services.evaluatie_indienen(inschrijving=aanwezig, score=1)
    assert nieuw is False
    assert Evaluatie.objects.get().score == 4


def test_opschonen_anonimiseert_na_de_bewaartermijn(workshop, gemeenten):
    oud = maak_aanvraag(workshop, gemeenten)
    Aanvraag.objects.filter(pk=oud.pk).update(
        laatste_activiteit_op=timezone.now() - timedelta(days=800),
        geplande_plaats="Bij de contactpersoon thuis, Kerkstraat 1",
        interne_notities="Belt liefst 's avonds",
    )
    recent = maak_aanvraag(workshop, gemeenten, email="nieuw@example.org")
    oude_sessie = maak_sessie(workshop, dagen=-400)
    Inschrijving.objects.create(
        sessie=oude_sessie, naam="Oud", email="oud@example.org", status="bevestigd"
    )
    nieuwe = inschrijven(
        maak_sessie(workshop, dagen=-10),
        "recent@example.org",
        nu=timezone.now() - timedelta(days=20),
    )

    uit = StringIO()
    call_command("bewaartermijnen", "--dry-run", stdout=uit)
    assert "workshops (zou wijzigen): aanvragen 1, inschrijvingen 1." in uit.getvalue()
    assert Aanvraag.objects.get(pk=oud.pk).geanonimiseerd_op is None

    call_command("bewaartermijnen", stdout=StringIO())
    oud.refresh_from_db()
    assert oud.email == "anoniem@invalid.example" and oud.contactpersoon == "(geanonimiseerd)"
    assert oud.geplande_plaats == "" and oud.interne_notities == ""
    assert Inschrijving.objects.get(sessie=oude_sessie).naam == "(geanonimiseerd)"
    recent.refresh_from_db()
    nieuwe.refresh_from_db()
    assert recent.geanonimiseerd_op is None and nieuwe.geanonimiseerd_op is None

    uit = StringIO()
    call_command("bewaartermijnen", stdout=uit)  # idempotent
    assert "workshops (gewijzigd): aanvragen 0, inschrijvingen 0." in uit.getvalue()


def test_persoon_wissen_op_verzoek(sessie, workshop, gemeenten):
    maak_aanvraag(workshop, gemeenten, email="wis@example.org")
    inschrijving = inschrijven(sessie, "wis@example.org")
    wachtend = inschrijven(sessie, "b@example.org")
    derde = inschrijven(sessie, "c@example.org")
    assert derde.status == "wachtlijst" and wachtend.status == "bevestigd"
    gewist = persoonsgegevens.persoon_wissen("WIS@example.org", door="medewerker")
    assert gewist["workshops"] == {
        "aanvragen": 1,
        "inschrijvingen": 1,
        "evaluaties": 0,
        "vermeldingen": 0,
    }
    # The request's receipt and the sign-up's; the staff notification names the address.
    assert gewist["mails"] == {"aan de persoon": 2, "over de persoon": 1}
    inschrijving.refresh_from_db()
    derde.refresh_from_db()
    assert inschrijving.status == "geannuleerd" and inschrijving.naam == "(geanonimiseerd)"
    assert derde.status == "bevestigd"  # the freed place went to the waiting list
    assert not Aanvraag.objects.filter(email="wis@example.org").exists()


def test_persoonsgegevens_exporteren_en_wissen_met_het_commando(sessie, workshop, gemeenten):

    maak_aanvraag(workshop, gemeenten, email="lien@example.org")
    inschrijven(sessie, "lien@example.org")
    uit = StringIO()
    call_command("persoon", "Lien@example.org", stdout=uit)
    gegevens = json.loads(uit.getvalue())["workshops"]
    assert len(gegevens["aanvragen"]) == 1 and len(gegevens["inschrijvingen"]) == 1
    assert "token" not in gegevens["inschrijvingen"][0]
    call_command("persoon", "lien@example.org", "--wissen", stdout=StringIO())
    uit = StringIO()
    call_command("persoon", "lien@example.org", stdout=uit)
    gegevens = json.loads(uit.getvalue())["workshops"]
    assert gegevens["aanvragen"] == [] and gegevens["inschrijvingen"] == []
