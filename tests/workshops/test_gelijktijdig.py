"""No overbooking: 50 people sign up at the same moment for 10 places (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from baz.models import Mail
from workshops import services
from workshops.models import Inschrijving

from .conftest import maak_sessie, maak_workshop

AANTAL = 50
PLAATSEN = 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_vijftig_gelijktijdige_inschrijvingen_voor_tien_plaatsen():
    sessie = maak_sessie(maak_workshop(slug="druk"), capaciteit=PLAATSEN)
    start = threading.Barrier(AANTAL)
    fouten: list[BaseException] = []

    def inschrijven(nummer: int) -> None:
        try:
            start.wait()
            services.inschrijving_maken(
                sessie=sessie, naam=f"Deelnemer {nummer}", email=f"d{nummer}@example.org"
            )
        except BaseException as fout:  # reported below; a thread must not swallow it
            fouten.append(fout)
        finally:
            connection.close()  # each thread has its own connection

    draden = [threading.Thread(target=inschrijven, args=(n,)) for n in range(AANTAL)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)

    assert fouten == []
    statussen = list(Inschrijving.objects.filter(sessie=sessie).values_list("status", flat=True))
    assert len(statussen) == AANTAL  # none lost
    assert statussen.count("bevestigd") == PLAATSEN  # no overbooking
    assert statussen.count("wachtlijst") == AANTAL - PLAATSEN
    # The waiting list keeps the order of arrival: its first moves up on a cancellation.
    eerste_wachtend = Inschrijving.objects.filter(sessie=sessie).wachtlijst().first()
    bevestigd = Inschrijving.objects.filter(sessie=sessie).bevestigd().first()
    assert services.inschrijving_annuleren(inschrijving=bevestigd) == eerste_wachtend
    # Every registration got its mail after its commit: 50 + 1 for the one who moved up.
    assert Mail.objects.filter(status="verzonden").count() == AANTAL + 1
