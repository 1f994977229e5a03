"""Attendance at a session (issue 14): list, PDF and check-in for staff, the attestation behind
the participant's personal link. Included from workshops/urls.py."""

from django.urls import path

from . import aanwezigheid

_sessie = "workshops/sessies/<int:pk>/"

urlpatterns = [
    path(_sessie + "aanwezigheid/", aanwezigheid.lijst, name="sessie-aanwezigheidslijst"),
    path(
        _sessie + "aanwezigheid.pdf",
        aanwezigheid.lijst_pdf,
        name="sessie-aanwezigheidslijst-pdf",
    ),
    path(_sessie + "inchecken/", aanwezigheid.inchecken, name="sessie-inchecken"),
    path(
        _sessie + "inchecken/<int:inschrijving_pk>/",
        aanwezigheid.markeren,
        name="sessie-inchecken-markeren",
    ),
    path(
        "workshops/inschrijving/<str:token>/attest.pdf",
        aanwezigheid.attest,
        name="inschrijving-attest",
    ),
]
