from django.urls import include, path

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
    path(_netwerk + "casussen/<int:pk>/reageren/", views.casus_reageren, name="casus-reageren"),
    path(_netwerk + "inspireer-elkaar/", views.inspireer_elkaar, name="inspireer-elkaar"),
    path(_netwerk + "inspireer-elkaar/<int:pk>/reageren/", views.reageren, name="reageren"),
    path(_netwerk + "jaarevaluatie/", views.jaarevaluatie, name="jaarevaluatie"),
    path("", include("netwerken.urls_aanwezigheid")),  # attendance and attestations (issue 14)
]
