"""Personas for inspiratiemateriaal: `bezoeker` and `medewerker` (tests/conftest.py), and two
staff accounts with only the permissions of this app: a `materiaalbeheerder`, who may also
publish and archive, and a `materiaalredacteur`, who may only add and change."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from .factories import publieken_laden

RECHTEN = ["add_materiaal", "change_materiaal", "view_materiaal"]


def _staf(django_user_model, naam: str, rechten: list[str]):
    user = django_user_model.objects.create_user(
        naam, f"{naam}@example.org", "geheim-wachtwoord-42", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="inspiratiemateriaal", codename__in=rechten
        )
    )
    return django_user_model.objects.get(pk=user.pk)  # no stale permission cache


@pytest.fixture
def publieken(db):
    return publieken_laden()


@pytest.fixture
def materiaalbeheerder(django_user_model, publieken):
    return _staf(django_user_model, "materiaalbeheerder", [*RECHTEN, "publiceren"])


@pytest.fixture
def materiaalredacteur(django_user_model, publieken):
    return _staf(django_user_model, "materiaalredacteur", RECHTEN)


@pytest.fixture
def beheerder_client(materiaalbeheerder):
    """Logged in with force_login: the second factor is off in tests (tests/conftest.py)."""
    client = Client()
    client.force_login(materiaalbeheerder)
    return client


@pytest.fixture
def redacteur_client(materiaalredacteur):
    client = Client()
    client.force_login(materiaalredacteur)
    return client
