from django.urls import path

from . import gemeenten, tips, views

urlpatterns = [
    path("inspiraties/", views.lijst, name="inspiraties"),
    path("inspiraties/tip/", tips.tip, name="inspiratie-tip"),
    path("inspiraties/tip/bedankt/", tips.bedankt, name="inspiratie-tip-bedankt"),
    path("inspiraties/feed/", views.NieuweInspiratiesFeed(), name="inspiraties-feed"),
    path("inspiraties/<slug:slug>/", views.detail, name="inspiratie"),
    path("werkmodellen/", views.werkmodellen, name="werkmodellen"),
    path("werkmodellen/<slug:slug>/", views.werkmodel, name="werkmodel"),
    path("gemeenten/", gemeenten.lijst, name="gemeenten"),
    path("gemeenten/<slug:slug>/", gemeenten.detail, name="gemeente"),
]
