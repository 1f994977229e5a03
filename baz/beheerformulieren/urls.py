"""/beheer/formulieren/: included by baz/urls.py before the admin, each view inside
admin.site.admin_view so that every check of the admin site applies."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "beheerformulieren"
urlpatterns = [
    path("voorbeeld/", admin.site.admin_view(views.voorbeeld), name="voorbeeld"),
    path("themas/", admin.site.admin_view(views.themas), name="themas"),
]
