"""/in-cijfers/ and /beheer/jaarverslag/: included by baz/urls.py before the admin; the staff
views run inside admin.site.admin_view, so every check of the admin site applies."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "jaarcijfers"
urlpatterns = [
    path("in-cijfers/", views.overzicht, name="overzicht"),
    path("in-cijfers/<int:jaar>/", views.jaar, name="jaar"),
    path("in-cijfers/<int:jaar>/pdf/", views.jaar_pdf, name="jaar-pdf"),
    path("in-cijfers/<int:jaar>/<slug:sleutel>.csv", views.jaar_csv, name="jaar-csv"),
    path(
        "beheer/jaarverslag/<int:jaar>/",
        admin.site.admin_view(views.jaarverslag),
        name="jaarverslag",
    ),
    path(
        "beheer/jaarverslag/<int:jaar>/pdf/",
        admin.site.admin_view(views.jaarverslag_pdf),
        name="jaarverslag-pdf",
    ),
    path(
        "beheer/jaarverslag/<int:jaar>/<slug:sleutel>.csv",
        admin.site.admin_view(views.jaarverslag_csv),
        name="jaarverslag-csv",
    ),
]
