"""/beheer/persoonsgegevens/: included by baz/urls.py before the admin, each view inside
admin.site.admin_view so that every check of the admin site applies."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "persoonsgegevens"
urlpatterns = [
    path("", admin.site.admin_view(views.opzoeken), name="opzoeken"),
    path("exporteren/", admin.site.admin_view(views.exporteren), name="exporteren"),
    path("wissen/", admin.site.admin_view(views.wissen), name="wissen"),
]
