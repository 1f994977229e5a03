"""Attendance at a meeting (issue 14): list, PDF and check-in for staff; a member's yearly
attestation. Included from netwerken/urls.py (so in the namespace "netwerken")."""

from django.urls import path

from . import aanwezigheid

_bijeenkomst = "netwerken/<slug:slug>/bijeenkomsten/<int:pk>/"

urlpatterns = [
    path(
        _bijeenkomst + "aanwezigheid/",
        aanwezigheid.lijst,
        name="bijeenkomst-aanwezigheidslijst",
    ),
    path(
        _bijeenkomst + "aanwezigheid.pdf",
        aanwezigheid.lijst_pdf,
        name="bijeenkomst-aanwezigheidslijst-pdf",
    ),
    path(_bijeenkomst + "inchecken/", aanwezigheid.inchecken, name="bijeenkomst-inchecken"),
    path(
        _bijeenkomst + "inchecken/<int:deelnemer_pk>/",
        aanwezigheid.markeren,
        name="bijeenkomst-inchecken-markeren",
    ),
    path("netwerken/<slug:slug>/attesten/", aanwezigheid.attesten, name="attesten"),
    path("netwerken/<slug:slug>/attesten/<int:jaar>.pdf", aanwezigheid.attest, name="attest"),
]
