from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "netwerken"

_netwerk = "netwerken/<slug:slug>/"

urlpatterns = [
    path("netwerken/", views.overzicht, name="overzicht"),
    path(_netwerk, views.netwerk, name="netwerk"),
    path(_netwerk + "profiel/", views.profiel, name="profiel"),
    path(_netwerk + "bijeenkomsten/<int:pk>/", views.bijeenkomst, name="bijeenkomst"),
    path(_netwerk + "bijeenkomsten/<int:pk>/agenda.ics", views.bijeenkomst_ics, name="ics"),
    path(_netwerk + "bijeenkomsten/<int:pk>/evalueren/", views.evalueren, name="evalueren"),
    path(_netwerk + "casussen/nieuw/", views.casus_bewerken, name="casus-nieuw"),
    path(_netwerk + "casussen/<int:pk>/", views.casus, name="casus"),
    path(_netwerk + "casussen/<int:pk>/bewerken/", views.casus_bewerken, name="casus-bewerken"),
    path(_netwerk + "inspireer-elkaar/", views.inspireer_elkaar, name="inspireer-elkaar"),
    path(_netwerk + "inspireer-elkaar/<int:pk>/reageren/", views.reageren, name="reageren"),
    path(_netwerk + "jaarevaluatie/", views.jaarevaluatie, name="jaarevaluatie"),
    # Password reset and the one-time link of an invitation (Django's token machinery).
    path(
        "account/wachtwoord/vergeten/",
        views.WachtwoordVergeten.as_view(),
        name="wachtwoord-vergeten",
    ),
    path(
        "account/wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="netwerken/account/wachtwoord_verstuurd.html"
        ),
        name="wachtwoord-verstuurd",
    ),
    path(
        "account/wachtwoord/instellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="netwerken/account/wachtwoord_instellen.html",
            success_url=reverse_lazy("netwerken:wachtwoord-ingesteld"),
        ),
        name="wachtwoord-instellen",
    ),
    path(
        "account/wachtwoord/ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="netwerken/account/wachtwoord_ingesteld.html"
        ),
        name="wachtwoord-ingesteld",
    ),
]
