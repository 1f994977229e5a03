from django.core.management import call_command

from netwerken.demo import DEMO_DEELNEMERS, deelnemers_laden, netwerken_laden
from netwerken.models import Casus, Coachingtraject, Deelnemer, Evaluatie, Netwerk, Verslag


def test_demo_idempotent(gemeenten, django_user_model):
    assert netwerken_laden() == 2
    assert netwerken_laden() == 0
    for account in DEMO_DEELNEMERS:
        velden = {k: v for k, v in account.items() if k not in {"username", "uitleg"}}
        django_user_model.objects.create_user(account["username"], password="x" * 12, **velden)
    deelnemers_laden()
    deelnemers_laden()
    netwerk = Netwerk.objects.get(slug="geel-arrondissement-turnhout")
    assert Deelnemer.objects.filter(netwerk=netwerk).count() == 3
    assert netwerk.bijeenkomsten.komend().count() == 3
    assert netwerk.bijeenkomsten.voorbij().count() == 3
    assert Verslag.objects.gepubliceerd().count() == 1
    assert Casus.objects.count() == 1
    assert Evaluatie.objects.count() == 2
    traject = Coachingtraject.objects.get()
    assert traject.gemeente.naam == "Geel"
    assert traject.sessies.count() == 3
    assert traject.zelfevaluaties.count() == 8


def test_demo_commando_print_deelnemers(gemeenten, werkmodellen, settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    uit = capsys.readouterr().out
    assert "deelnemer " in uit
    assert Deelnemer.objects.filter(user__username="deelnemer").exists()
