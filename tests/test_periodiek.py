"""The scheduler of periodic jobs (baz/periodiek.py): one server per run, failures recorded,
the others still run."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import connection

from baz import periodiek
from baz.models import Planning

NU = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)


@pytest.fixture
def proeftaken():
    bewaard = dict(periodiek._taken)
    periodiek._taken.clear()
    gedaan: list[tuple[str, datetime]] = []

    @periodiek.periodiek("proef.een", elke=timedelta(minutes=15), naam="Proef een")
    def een(*, nu):
        gedaan.append(("een", nu))
        return 3

    @periodiek.periodiek("proef.stuk", elke=timedelta(hours=1), naam="Proef stuk")
    def stuk(*, nu):
        raise RuntimeError("kapot")

    yield gedaan
    periodiek._taken.clear()
    periodiek._taken.update(bewaard)


@pytest.mark.django_db
def test_een_taak_loopt_pas_weer_als_haar_tijd_gekomen_is(proeftaken):
    assert periodiek.uitvoeren(nu=NU) == {"proef.een": 3, "proef.stuk": None}
    assert periodiek.uitvoeren(nu=NU + timedelta(minutes=14)) == {}
    assert periodiek.uitvoeren(nu=NU + timedelta(minutes=15)) == {"proef.een": 3}
    assert [moment for _, moment in proeftaken] == [NU, NU + timedelta(minutes=15)]
    planning = Planning.objects.get(code="proef.een")
    assert planning.volgende_op == NU + timedelta(minutes=30)
    assert planning.uitkomst == 3 and planning.fout == ""


@pytest.mark.django_db
def test_een_mislukte_taak_wordt_bewaard_en_houdt_de_andere_niet_tegen(proeftaken):
    uitkomsten = periodiek.uitvoeren(nu=NU)
    assert uitkomsten["proef.een"] == 3
    stuk = Planning.objects.get(code="proef.stuk")
    assert "RuntimeError: kapot" in stuk.fout and stuk.uitkomst is None
    # It runs again at its next time, not at every round in between.
    assert periodiek.uitvoeren(nu=NU + timedelta(minutes=30)) == {"proef.een": 3}
    assert "proef.stuk" in periodiek.uitvoeren(nu=NU + timedelta(hours=1))


@pytest.mark.django_db
def test_alle_voert_alles_nu_uit(proeftaken, capsys):
    periodiek.uitvoeren(nu=NU)
    assert periodiek.uitvoeren(nu=NU, alle=True) == {"proef.een": 3, "proef.stuk": None}
    call_command("periodiek", "--alle")
    uit = capsys.readouterr().out
    assert "proef.een: 3" in uit and "proef.stuk: mislukt" in uit


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_servers_tegelijk_nemen_een_run_maar_een_keer(proeftaken):
    resultaten = []
    start = threading.Barrier(2)

    def server():
        start.wait()
        try:
            resultaten.append(periodiek.uitvoeren(nu=NU))
        finally:
            connection.close()

    draden = [threading.Thread(target=server) for _ in range(2)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert len(proeftaken) == 1
    assert sorted(len(r) for r in resultaten) == [0, 2]


def test_een_code_twee_keer_registreren_voor_iets_anders_mag_niet(proeftaken):
    with pytest.raises(ValueError, match="al geregistreerd"):

        @periodiek.periodiek("proef.een", elke=timedelta(minutes=5), naam="Iets anders")
        def iets_anders(*, nu):
            return 0

    with pytest.raises(ValueError, match="positief"):
        periodiek.periodiek("proef.nul", elke=timedelta(0), naam="Nul")
