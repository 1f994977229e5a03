"""Fault test with the real parts: gunicorn under production settings with the database
unreachable answers /healthz with 503 (JSON), so a load balancer takes the server out."""

import json

from tests.fouten.processen import (
    Client,
    gunicorn_starten,
    omgeving,
    processen,
    vrije_poort,
    wachten_tot,
)


def test_zonder_database_geeft_healthz_503(tmp_path):
    gesloten = vrije_poort()  # bound and released: nobody listens there
    env = omgeving(
        f"postgres://postgres@127.0.0.1:{gesloten}/bestaat_niet",
        smtp_poort=vrije_poort(),
        DATABASE_CONN_MAX_AGE="0",
    )
    with processen(tmp_path) as starten:
        server = gunicorn_starten(starten, env, workers=1)

        def gezond():
            try:
                return Client(server.adres).get("/healthz")
            except OSError:
                return None

        antwoord = wachten_tot(gezond, max_s=30)
        assert antwoord is not None, server.proces.uitvoer()
        assert antwoord.status == 503
        assert json.loads(antwoord.tekst) == {"status": "fout", "database": "onbereikbaar"}
        # The pages say the site waits for its data (503 with Retry-After), not that it broke.
        client = Client(server.adres)
        assert client.get("/account/login/").status == 200  # needs no data to show the form
        for pad in ["/", "/inspiraties/", "/workshops/", "/netwerken/"]:
            pagina = client.get(pad)
            assert pagina.status == 503, (pad, pagina.status)
            assert pagina.headers["retry-after"] == "60"
            assert "<h1>Even niet beschikbaar</h1>" in pagina.tekst
            assert 'lang="nl"' in pagina.tekst
