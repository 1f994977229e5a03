"""Reminders before a network meeting (issue 14, part 2): HERINNERING_DAGEN days before, at the
same time on the Brussels clock (also across the summer-time change), to every member once,
however often or concurrently the job runs; with date, time, place or online link, agenda and
the .ics."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from icalendar import Calendar

from baz import periodiek
from baz.models import Mail
from netwerken import services
from netwerken.demo import DEMO_DEELNEMERS, deelnemers_laden, netwerken_laden
from netwerken.models import Bijeenkomst, Herinnering
from tests.tegelijk import tegelijk

from .factories import maak_deelnemer, maak_netwerk

BRUSSEL = ZoneInfo("Europe/Brussels")


def _bijeenkomst(netwerk, begint_op: datetime, **velden) -> Bijeenkomst:
    velden.setdefault("thema", "Armoede en eenzaamheid")
    velden.setdefault("plaats", "Stadhuis Geel, zaal 1")
    return Bijeenkomst.objects.create(
        netwerk=netwerk, begint_op=begint_op, eindigt_op=begint_op + timedelta(hours=3), **velden
    )


def _herinneringen():
    return Mail.objects.filter(soort="netwerken.herinnering")


@pytest.fixture(autouse=True)
def _twee_dagen(settings):
    settings.HERINNERING_DAGEN = 2


@pytest.mark.parametrize(
    ("begin", "moment_utc"),
    [
        # Monday after the spring change (29 March 2026): the meeting is in summer time, the
        # reminder moment (Saturday 14:00) still in winter time: 13:00 UTC, not 12:00.
        (datetime(2026, 3, 30, 14, 0, tzinfo=BRUSSEL), datetime(2026, 3, 28, 13, 0, tzinfo=UTC)),
        # Monday after the autumn change (25 October 2026): 10:00 on Saturday is still summer
        # time: 08:00 UTC, not 09:00.
        (datetime(2026, 10, 26, 10, 0, tzinfo=BRUSSEL), datetime(2026, 10, 24, 8, 0, tzinfo=UTC)),
        # An ordinary week.
        (datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL), datetime(2026, 6, 8, 17, 30, tzinfo=UTC)),
    ],
)
def test_op_het_juiste_moment_ook_over_de_zomertijd(netwerk, deelnemer, collega, begin, moment_utc):
    bijeenkomst = _bijeenkomst(netwerk, begin)
    assert bijeenkomst.herinneren_op() == moment_utc
    assert services.herinneringen_versturen(nu=moment_utc - timedelta(minutes=1)) == 0
    assert services.herinneringen_versturen(nu=moment_utc) == 2
    assert sorted(_herinneringen().values_list("ontvanger", flat=True)) == [
        "an@example.org",
        "jef@example.org",
    ]


def test_de_periode_is_een_instelling(settings, netwerk, deelnemer):
    settings.HERINNERING_DAGEN = 5
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    _bijeenkomst(netwerk, begin)
    assert services.herinneringen_versturen(nu=begin - timedelta(days=5, minutes=1)) == 0
    assert services.herinneringen_versturen(nu=begin - timedelta(days=5)) == 1


def test_eenmaal_ook_als_de_taak_tweemaal_loopt(netwerk, deelnemer, collega):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin)
    nu = bijeenkomst.herinneren_op()
    assert services.herinneringen_versturen(nu=nu) == 2
    assert services.herinneringen_versturen(nu=nu + timedelta(minutes=15)) == 0
    assert services.herinneringen_versturen(nu=begin - timedelta(minutes=1)) == 0
    # Through the scheduler and the cron command too.
    assert (
        periodiek.uitvoeren(nu=nu + timedelta(hours=1), alle=True)["netwerken.herinneringen"] == 0
    )
    call_command("periodiek", "--alle")
    assert _herinneringen().count() == 2
    assert Herinnering.objects.filter(bijeenkomst=bijeenkomst).count() == 2


def test_via_de_planner(netwerk, deelnemer):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin)
    uitkomsten = periodiek.uitvoeren(nu=bijeenkomst.herinneren_op(), alle=True)
    assert uitkomsten["netwerken.herinneringen"] == 1
    assert "netwerken.herinneringen" in {taak.code for taak in periodiek.taken()}


def test_inhoud_met_plaats_agenda_en_ics(netwerk, deelnemer):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin, agenda="1. Welkom\n2. Casus van Jef", online_link="")
    services.herinneringen_versturen(nu=bijeenkomst.herinneren_op())
    herinnering = _herinneringen().get()
    assert herinnering.onderwerp == "Herinnering: “Armoede en eenzaamheid” op woensdag 10 juni"
    tekst = herinnering.tekst
    assert "Hallo An Peeters" in tekst
    assert "woensdag 10 juni 2026, 19:30–22:30" in tekst
    assert "Waar: Stadhuis Geel, zaal 1" in tekst
    assert "2. Casus van Jef" in tekst
    assert "Online" not in tekst
    assert f"/netwerken/kempen/bijeenkomsten/{bijeenkomst.pk}/" in tekst
    assert herinnering.bijlage_naam == "bijeenkomst.ics"
    event = Calendar.from_ical(herinnering.bijlage_inhoud).walk("VEVENT")[0]
    assert event.decoded("dtstart") == begin
    assert str(event["location"]) == "Stadhuis Geel, zaal 1"
    assert herinnering.sleutel.startswith("netwerken.herinnering:")


def test_online_bijeenkomst_krijgt_de_link(netwerk, deelnemer):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(
        netwerk, begin, plaats="", online_link="https://meet.example.org/geheim-123"
    )
    services.herinneringen_versturen(nu=bijeenkomst.herinneren_op())
    herinnering = _herinneringen().get()
    assert "Online: https://meet.example.org/geheim-123" in herinnering.tekst
    assert "Waar:" not in herinnering.tekst
    assert "https://meet.example.org/geheim-123" in herinnering.bijlage_inhoud


def test_alleen_de_leden_van_het_netwerk_en_actieve_accounts(
    netwerk, deelnemer, collega, buitenstaander
):
    collega.user.is_active = False
    collega.user.save()
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin)
    _bijeenkomst(maak_netwerk(), begin + timedelta(days=30))  # another network, not due
    assert services.herinneringen_versturen(nu=bijeenkomst.herinneren_op()) == 1
    assert list(_herinneringen().values_list("ontvanger", flat=True)) == ["an@example.org"]


def test_een_nieuw_lid_krijgt_ze_bij_de_volgende_run_maar_niet_na_de_start(netwerk, deelnemer):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin)
    assert services.herinneringen_versturen(nu=bijeenkomst.herinneren_op()) == 1
    maak_deelnemer(netwerk, username="nieuw")
    assert services.herinneringen_versturen(nu=begin - timedelta(hours=1)) == 1
    maak_deelnemer(netwerk, username="te-laat")
    assert services.herinneringen_versturen(nu=begin + timedelta(minutes=1)) == 0
    assert _herinneringen().count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_runs_sturen_elk_lid_een_herinnering(settings):
    settings.HERINNERING_DAGEN = 2
    netwerk = maak_netwerk(slug="gelijktijdig", max_deelnemers=20)
    for nummer in range(12):
        maak_deelnemer(netwerk, username=f"lid{nummer}")
    bijeenkomst = _bijeenkomst(netwerk, datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL))
    nu = bijeenkomst.herinneren_op()
    uitkomsten = tegelijk(lambda: services.herinneringen_versturen(nu=nu))
    assert sum(uitkomsten) == 12
    assert _herinneringen().count() == 12
    assert len(set(_herinneringen().values_list("ontvanger", flat=True))) == 12


def test_verplaatst_na_de_herinnering_nog_eens_op_het_nieuwe_moment(netwerk, deelnemer):
    begin = datetime(2026, 6, 10, 19, 30, tzinfo=BRUSSEL)
    bijeenkomst = _bijeenkomst(netwerk, begin)
    assert services.herinneringen_versturen(nu=bijeenkomst.herinneren_op()) == 1
    nieuw = begin + timedelta(days=1)
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        begint_op=nieuw, eindigt_op=nieuw + timedelta(hours=3)
    )
    bijeenkomst.refresh_from_db()
    assert (
        services.herinneringen_versturen(nu=bijeenkomst.herinneren_op() - timedelta(hours=1)) == 0
    )
    assert services.herinneringen_versturen(nu=bijeenkomst.herinneren_op()) == 1
    assert services.herinneringen_versturen(nu=bijeenkomst.herinneren_op()) == 0
    tweede = _herinneringen().order_by("-pk").first()
    assert "verplaatst" in tweede.tekst and "donderdag 11 juni 2026, 19:30" in tweede.tekst
    assert "verplaatst" not in _herinneringen().order_by("pk").first().tekst
    assert Herinnering.objects.get().voor_begint_op == nieuw


def test_de_demo_heeft_een_herinnering_klaar(gemeenten, django_user_model):
    netwerken_laden()
    for account in DEMO_DEELNEMERS:
        velden = {k: v for k, v in account.items() if k not in {"username", "uitleg"}}
        django_user_model.objects.create_user(account["username"], password="x" * 12, **velden)
    deelnemers_laden()
    assert services.herinneringen_versturen() == 3
    assert services.herinneringen_versturen() == 0
