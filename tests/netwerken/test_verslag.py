"""Publishing a verslag: every member gets a mail, present and absent members a different one."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from baz.models import Mail
from netwerken import services
from netwerken.models import Verslag

from .factories import maak_deelnemer, maak_verslag


@pytest.fixture
def afwezige(netwerk):
    return maak_deelnemer(netwerk, username="fatima", first_name="Fatima", last_name="El Amrani")


@pytest.fixture
def verslag(voorbij, deelnemer, collega, afwezige):
    services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[deelnemer, collega])
    return maak_verslag(voorbij, tekst="We bespraken de **casus** van An.")


def test_publiceren_mailt_aanwezigen_en_afwezigen(django_capture_on_commit_callbacks, verslag):
    with django_capture_on_commit_callbacks(execute=True):
        services.verslag_publiceren(verslag=verslag)

    verslag.refresh_from_db()
    assert verslag.status == Verslag.Status.GEPUBLICEERD
    assert verslag.gepubliceerd_op is not None
    per_adres = {bericht.to[0]: bericht for bericht in mail.outbox}
    assert set(per_adres) == {"an@example.org", "jef@example.org", "fatima@example.org"}
    aanwezig = per_adres["an@example.org"]
    afwezig = per_adres["fatima@example.org"]
    assert aanwezig.subject == "Verslag: Kennismaking"
    assert "Bedankt om erbij te zijn" in aanwezig.body
    assert afwezig.subject == "Je was er niet bij: het verslag van Kennismaking"
    assert "Je was er niet bij" in afwezig.body
    assert "dit heb je gemist" in afwezig.body
    assert "casus" in afwezig.body
    url = "/netwerken/kempen/bijeenkomsten/%d/" % verslag.bijeenkomst.pk
    assert all(url in bericht.body for bericht in mail.outbox)


def test_geen_mail_voor_de_commit(django_capture_on_commit_callbacks, verslag):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.verslag_publiceren(verslag=verslag)
    assert mail.outbox == []
    # Stored in the outbox with the publication, handed to the worker after the commit.
    assert Mail.objects.filter(soort="netwerken.verslag", status="wachtend").count() == 3
    assert len(callbacks) == 3


def test_tweemaal_publiceren_mailt_eenmaal(django_capture_on_commit_callbacks, verslag):
    with django_capture_on_commit_callbacks(execute=True):
        services.verslag_publiceren(verslag=verslag)
        services.verslag_publiceren(verslag=verslag)
    assert len(mail.outbox) == 3


def test_leeg_verslag_niet_publiceren(voorbij):
    verslag = maak_verslag(voorbij, tekst="   ")
    with pytest.raises(ValidationError):
        services.verslag_publiceren(verslag=verslag)


def test_concept_blijft_verborgen_voor_deelnemers(deelnemer_client, verslag):
    url = reverse("netwerken:bijeenkomst", args=["kempen", verslag.bijeenkomst.pk])
    antwoord = deelnemer_client.get(url)
    assert "casus</strong> van An" not in antwoord.content.decode()
    assert "Het verslag volgt" in antwoord.content.decode()


def test_gepubliceerd_verslag_leesbaar_als_veilige_html(deelnemer_client, verslag):
    verslag.tekst += "\n\n<script>alert(1)</script>"
    verslag.save()
    services.verslag_publiceren(verslag=verslag)
    url = reverse("netwerken:bijeenkomst", args=["kempen", verslag.bijeenkomst.pk])
    html = deelnemer_client.get(url).content.decode()
    assert "<strong>casus</strong> van An" in html
    assert "<script>alert" not in html


def test_publiceren_via_beheer(medewerker_client, django_capture_on_commit_callbacks, verslag):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = medewerker_client.post(
            reverse("admin:netwerken_verslag_changelist"),
            {"action": "publiceren", "_selected_action": [verslag.pk]},
        )
    assert antwoord.status_code == 302
    verslag.refresh_from_db()
    assert verslag.is_gepubliceerd
    assert len(mail.outbox) == 3


def test_aanwezigheid_registreren_via_beheer(medewerker_client, voorbij, deelnemer, collega):
    url = reverse("admin:netwerken_bijeenkomst_change", args=[voorbij.pk])
    gegevens = {
        "netwerk": voorbij.netwerk.pk,
        "thema": voorbij.thema,
        "begint_op_0": voorbij.begint_op.astimezone().strftime("%d/%m/%Y"),
        "begint_op_1": "13:30",
        "eindigt_op_0": voorbij.begint_op.astimezone().strftime("%d/%m/%Y"),
        "eindigt_op_1": "16:30",
        "plaats": "Stadhuis",
        "online_link": "",
        "agenda": "",
        "aanwezig": [collega.pk],
        "verslag-TOTAL_FORMS": "0",
        "verslag-INITIAL_FORMS": "0",
        "verslag-MIN_NUM_FORMS": "0",
        "verslag-MAX_NUM_FORMS": "1",
    }
    antwoord = medewerker_client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    assert list(voorbij.aanwezigen.all()) == [collega]
