"""Run one function in several threads that start at the same moment, as several servers or
workers would: for the tests that prove a lock holds (PostgreSQL; on SQLite the writes queue)."""

import threading

from django.db import connection


def tegelijk(functie, aantal: int = 4, *, wachttijd: float = 60) -> list:
    """The results of `functie()` run `aantal` times at once, each thread with its own database
    connection (closed afterwards); the first error of any thread is raised here."""
    start = threading.Barrier(aantal)
    uitkomsten, fouten = [], []

    def draaien():
        try:
            start.wait()
            uitkomsten.append(functie())
        except BaseException as fout:  # raised below, in the test's own thread
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=draaien) for _ in range(aantal)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=wachttijd)
    if fouten:
        raise fouten[0]
    return uitkomsten
