"""A lost mail can be sent again: a verslag (to everyone, or to who has not had it) and an
invitation (with a fresh link). Every staff action here leaves an audit row."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from baz.models import Auditregel, Mail
from netwerken import services
from netwerken.models import Deelnemer

from .factories import maak_deelnemer, maak_verslag

SMTP_DICHT = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1},
    }
}


@pytest.fixture
def verslag(voorbij, deelnemer, collega):
    services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[deelnemer])
    return maak_verslag(voorbij)


def test_opnieuw_aan_wie_het_niet_kreeg(
    verslag, netwerk, medewerker, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = SMTP_DICHT  # the relay is down while the verslag goes out
    with django_capture_on_commit_callbacks(execute=True):
        services.verslag_publiceren(verslag=verslag, door=medewerker)
    assert Mail.objects.filter(status="wachtend", soort="netwerken.verslag").count() == 2
    # The relay comes back; one mail goes, the other is still waiting for its next attempt.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    Mail.objects.filter(ontvanger="an@example.org").update(volgende_poging_op=timezone.now())
    from baz.mail import nalopen

    assert nalopen() == {"verzonden": 1}
    nieuw = maak_deelnemer(netwerk, username="lies")  # joined after the publication

    with django_capture_on_commit_callbacks(execute=True):
        aantal = services.verslag_opnieuw_versturen(
            verslag=verslag, alleen_wie_het_niet_kreeg=True, door=medewerker
        )
    # Only lies: an has it, and jef's mail is still on its way (a second one would reach him
    # twice under two Message-IDs once the relay is back).
    assert aantal == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.org", "lies@example.org"]
    assert nieuw.user.email in {m.to[0] for m in mail.outbox}
    jef = Mail.objects.get(ontvanger="jef@example.org")
    assert jef.status == "wachtend"

    # jef's mail fails for good; "to who has not had it" gives that same mail a new series of
    # attempts (same Message-ID) instead of making another.
    Mail.objects.filter(pk=jef.pk).update(status="mislukt", pogingen=8)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.verslag_opnieuw_versturen(
                verslag=verslag, alleen_wie_het_niet_kreeg=True, door=medewerker
            )
            == 0
        )
    jef.refresh_from_db()
    assert jef.status == "verzonden"
    assert [m.extra_headers["Message-ID"] for m in mail.outbox if m.to == ["jef@example.org"]] == [
        jef.message_id
    ]

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.verslag_opnieuw_versturen(
                verslag=verslag, alleen_wie_het_niet_kreeg=False, door=medewerker
            )
            == 3
        )
    acties = list(Auditregel.objects.order_by("pk").values_list("actie", "door_naam"))
    assert acties == [
        ("netwerken.verslag_gepubliceerd", "medewerker"),
        ("netwerken.verslag_opnieuw", "medewerker"),
        ("netwerken.verslag_opnieuw", "medewerker"),
        ("netwerken.verslag_opnieuw", "medewerker"),
    ]


def test_opnieuw_versturen_van_een_ongepubliceerd_verslag_kan_niet(verslag):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="nog niet gepubliceerd"):
        services.verslag_opnieuw_versturen(verslag=verslag, alleen_wie_het_niet_kreeg=True)


def test_beheer_actie_verslag_opnieuw(
    medewerker_client, verslag, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.verslag_publiceren(verslag=verslag)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = medewerker_client.post(
            reverse("admin:netwerken_verslag_changelist"),
            {"action": "opnieuw_wie_het_niet_kreeg", "_selected_action": [verslag.pk]},
            follow=True,
        )
    assert "0 mails in de wachtrij" in antwoord.text  # everyone had it
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = medewerker_client.post(
            reverse("admin:netwerken_verslag_changelist"),
            {"action": "opnieuw_iedereen", "_selected_action": [verslag.pk]},
            follow=True,
        )
    assert "2 mails in de wachtrij" in antwoord.text
    assert len(mail.outbox) == 2


def test_uitnodiging_opnieuw_met_een_verse_link(
    medewerker_client, netwerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deelnemer = services.deelnemer_uitnodigen(
            netwerk=netwerk,
            email="nina@gemeente.be",
            voornaam="Nina",
            achternaam="Nieuw",
            organisatie="Gemeente Y",
        )
    [eerste] = mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = medewerker_client.post(
            reverse("admin:netwerken_deelnemer_changelist"),
            {"action": "uitnodiging_opnieuw", "_selected_action": [deelnemer.pk]},
            follow=True,
        )
    assert "De uitnodiging is opnieuw verstuurd naar 1 deelnemer." in antwoord.text
    tweede = mail.outbox[1]
    assert tweede.to == ["nina@gemeente.be"]
    link = re.search(r"http://\S+/account/wachtwoord/instellen/\S+/", tweede.body).group(0)
    pad = link.split("127.0.0.1:8000", 1)[-1]
    assert medewerker_client.get(pad, follow=True).status_code == 200
    assert Mail.objects.filter(sleutel=f"netwerken.deelnemer:{deelnemer.pk}").count() == 2
    assert eerste.extra_headers["Message-ID"] != tweede.extra_headers["Message-ID"]
    assert Auditregel.objects.filter(actie="netwerken.uitnodiging_opnieuw").count() == 1


def test_deelnemer_verwijderen_in_het_beheer_laat_een_auditregel(
    medewerker_client, deelnemer, medewerker
):
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_deelnemer_delete", args=[deelnemer.pk]), {"post": "yes"}
    )
    assert antwoord.status_code == 302
    assert not Deelnemer.objects.filter(pk=deelnemer.pk).exists()
    regel = Auditregel.objects.get(actie="netwerken.deelnemer_verwijderd")
    assert regel.door == medewerker and regel.object_id == str(deelnemer.pk)
    assert "Verwijderd uit" in regel.omschrijving
    lijst = medewerker_client.get(reverse("admin:baz_auditregel_changelist"))
    assert lijst.status_code == 200 and "Deelnemer verwijderd" in lijst.text
