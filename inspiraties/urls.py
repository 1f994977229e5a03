from django.urls import path

from . import views

urlpatterns = [
    path("inspiraties/", views.lijst, name="inspiraties"),
    path("inspiraties/feed/", views.NieuweInspiratiesFeed(), name="inspiraties-feed"),
    path("inspiraties/<slug:slug>/", views.detail, name="inspiratie"),
    path("werkmodellen/", views.werkmodellen, name="werkmodellen"),
    path("werkmodellen/<slug:slug>/", views.werkmodel, name="werkmodel"),
]
