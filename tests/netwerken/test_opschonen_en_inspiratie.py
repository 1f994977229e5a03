"""Retention of personal data, and turning an "inspireer elkaar" post into a draft inspiratie."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inspiraties.models import Inspiratie
from netwerken import services
from netwerken.models import Bericht, Casus, Deelnemer, Interesse

from .factories import maak_deelnemer, maak_netwerk


def test_opschonen(db, capsys):
    oud = maak_netwerk(begint_op=date(2020, 1, 1), eindigt_op=date(2021, 1, 1))
    lopend = maak_netwerk()
    oud_lid = maak_deelnemer(oud)
    maak_deelnemer(lopend)
    services.casus_indienen(deelnemer=oud_lid, titel="T", context="C", vraag="V")
    vers = Interesse.objects.create(
        bestuur="B", contactpersoon="C", email="c@example.org", vorm="netwerk", bericht="x"
    )
    verouderd = Interesse.objects.create(
        bestuur="B", contactpersoon="C", email="c@example.org", vorm="netwerk", bericht="x"
    )
    Interesse.objects.filter(pk=verouderd.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=800)
    )

    call_command("bewaartermijnen", "--dry-run")
    assert "netwerken (zou wijzigen): interesses 1, deelnemers 1," in capsys.readouterr().out
    assert Interesse.objects.count() == 2

    call_command("bewaartermijnen")
    assert list(Interesse.objects.all()) == [vers]
    assert list(Deelnemer.objects.values_list("netwerk", flat=True)) == [lopend.pk]
    assert not Casus.objects.exists()
    call_command("bewaartermijnen")  # idempotent
    assert "netwerken (gewijzigd): interesses 0, deelnemers 0," in capsys.readouterr().out


def test_bericht_met_toestemming_wordt_concept_inspiratie(deelnemer_client, deelnemer, medewerker):
    url = reverse("netwerken:inspireer-elkaar", args=[deelnemer.netwerk.slug])
    deelnemer_client.post(
        url,
        {
            "soort": "tip",
            "tekst": "Soep op zondag\nIedere zondag soep voor de buurt.",
            "link": "",
            "inspiratie_toestemming": "on",
        },
    )
    bericht = Bericht.objects.get()
    assert bericht.toestemming_op is not None
    assert "BAZ mag dit bericht" in bericht.toestemming_tekst

    inspiratie = services.bericht_naar_inspiratie(bericht=bericht, door=medewerker)
    assert inspiratie.status == Inspiratie.Status.CONCEPT
    assert inspiratie.titel == "Soep op zondag"
    assert inspiratie.initiatiefnemer == deelnemer.organisatie
    # Twice gives the same draft.
    assert services.bericht_naar_inspiratie(bericht=bericht, door=medewerker) == inspiratie


def test_zonder_toestemming_geen_inspiratie(deelnemer, medewerker):
    bericht = services.bericht_plaatsen(deelnemer=deelnemer, soort="tip", tekst="Privé tip")
    with pytest.raises(ValidationError, match="geen toestemming"):
        services.bericht_naar_inspiratie(bericht=bericht, door=medewerker)
    assert not Inspiratie.objects.exists()


def test_omzetten_via_beheer(medewerker_client, deelnemer):
    bericht = services.bericht_plaatsen(
        deelnemer=deelnemer, soort="tip", tekst="Buurtsoep", inspiratie_toestemming=True
    )
    medewerker_client.post(
        reverse("admin:netwerken_bericht_changelist"),
        {"action": "naar_inspiratie", "_selected_action": [bericht.pk]},
    )
    bericht.refresh_from_db()
    assert bericht.inspiratie.titel == "Buurtsoep"
