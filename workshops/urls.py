from django.urls import include, path

from . import views

urlpatterns = [
    path("workshops/", views.lijst, name="workshops"),
    path("workshops/agenda.ics", views.agenda_ics, name="workshops-agenda"),
    # Personal links (unguessable tokens).
    path("workshops/aanvraag/<str:token>/", views.aanvraag_opvolgen, name="aanvraag-opvolgen"),
    path(
        "workshops/aanvraag/<str:token>/verstuurd/",
        views.aanvraag_verstuurd,
        name="aanvraag-verstuurd",
    ),
    path(
        "workshops/aanvraag/<str:token>/nieuwsbrief/",
        views.aanvraag_nieuwsbrief,
        name="aanvraag-nieuwsbrief",
    ),
    path(
        "workshops/aanvraag/<str:token>/aanvullen/",
        views.aanvraag_aanvullen,
        name="aanvraag-aanvullen",
    ),
    path(
        "workshops/aanvraag/<str:token>/andere-data/",
        views.aanvraag_andere_data,
        name="aanvraag-andere-data",
    ),
    path(
        "workshops/aanvraag/<str:token>/annuleren/",
        views.aanvraag_annuleren,
        name="aanvraag-annuleren",
    ),
    path("workshops/inschrijving/<str:token>/", views.inschrijving, name="inschrijving"),
    path(
        "workshops/inschrijving/<str:token>/annuleren/",
        views.inschrijving_annuleren,
        name="inschrijving-annuleren",
    ),
    path(
        "workshops/inschrijving/<str:token>/workshop.ics",
        views.inschrijving_ics,
        name="inschrijving-ics",
    ),
    path("workshops/evaluatie/<str:token>/", views.evaluatie, name="evaluatie"),
    # The offer.
    path("workshops/<slug:slug>/", views.detail, name="workshop"),
    path("workshops/<slug:slug>/aanvragen/", views.aanvragen, name="workshop-aanvragen"),
    path("workshops/<slug:slug>/sessies/<int:pk>/", views.sessie, name="sessie"),
    path("", include("workshops.urls_aanwezigheid")),  # attendance and attestation (issue 14)
]
