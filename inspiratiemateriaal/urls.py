from django.urls import path

from . import views

app_name = "inspiratiemateriaal"

urlpatterns = [
    path("inspiratiemateriaal/", views.lijst, name="lijst"),
    path("inspiratiemateriaal/<slug:slug>/", views.detail, name="detail"),
    path("inspiratiemateriaal/<slug:slug>/ondertitels.vtt", views.ondertitels, name="ondertitels"),
]
