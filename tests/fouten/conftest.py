"""Fixtures of the fault tests: each test that starts processes gets a database of its own."""

import pytest

from tests.fouten.processen import eigen_database


@pytest.fixture
def database(request):
    """A database of this test's own (PostgreSQL, migrated), for the processes it starts."""
    with eigen_database(request.node.name) as naam:
        yield naam
