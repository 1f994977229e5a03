"""Every account page under /account/ (names without a namespace: `login`, `logout`, ...)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from baz import tweestaps
from baz.privaat import persoonlijk

from . import views

urlpatterns = [
    path(
        "login/",
        views.Aanmelden.as_view(),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestaps/", tweestaps.controle, name="tweestaps"),
    path("tweestaps/instellen/", tweestaps.instellen, name="tweestaps-instellen"),
    # Password reset, and the one-time link of an invitation (Django's token machinery).
    path("wachtwoord/vergeten/", views.WachtwoordVergeten.as_view(), name="wachtwoord-vergeten"),
    path(
        "wachtwoord/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="account/wachtwoord_verstuurd.html"),
        name="wachtwoord-verstuurd",
    ),
    path(
        "wachtwoord/instellen/<uidb64>/<token>/",
        persoonlijk(views.WachtwoordInstellen.as_view()),
        name="wachtwoord-instellen",
    ),
    path(
        "wachtwoord/ingesteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="account/wachtwoord_ingesteld.html"
        ),
        name="wachtwoord-ingesteld",
    ),
]
