"""Reminders before a session: HERINNERING_DAGEN days before, at the same time on the Brussels
clock (also right across the summer-time change), once per confirmed participant whatever how
often or how concurrently the job runs; a session that moves mails everyone what changed and is
reminded at its new moment."""

import threading
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from icalendar import Calendar

from baz import periodiek
from baz.models import Auditregel, Mail
from tests.tegelijk import tegelijk
from workshops import services
from workshops.models import Inschrijving, Locatie, Sessie

from .conftest import maak_workshop

BRUSSEL = ZoneInfo("Europe/Brussels")


def _maandag_na_laatste_zondag(jaar: int, maand: int) -> date:
    """The Monday after the last Sunday of the month: the clocks changed the day before."""
    laatste = date(jaar, maand + 1, 1) - timedelta(days=1)
    zondag = laatste - timedelta(days=(laatste.weekday() + 1) % 7)
    return zondag + timedelta(days=1)


def _sessie(workshop, begint_op: datetime, **velden) -> Sessie:
    velden.setdefault("plaats", "Zaal De Linde, Geel")
    return Sessie.objects.create(
        workshop=workshop,
        begint_op=begint_op,
        eindigt_op=begint_op + timedelta(hours=2),
        capaciteit=10,
        **velden,
    )


def _deelnemer(sessie, naam: str, status="bevestigd", aangemaakt_op=None) -> Inschrijving:
    return Inschrijving.objects.create(
        sessie=sessie,
        naam=naam,
        email=f"{naam.lower()}@example.org",
        status=status,
        aangemaakt_op=aangemaakt_op or sessie.begint_op - timedelta(days=20),
    )


def ics_tekst(inhoud: str) -> str:
    """What a calendar shows of an .ics: its events' location and description, unfolded."""
    return "\n".join(
        f"{event.get('LOCATION', '')}\n{event.get('DESCRIPTION', '')}"
        for event in Calendar.from_ical(inhoud).events
    )


def _herinneringen():
    return Mail.objects.filter(soort="workshops.herinnering")


@pytest.fixture
def locatie(gemeenten):
    return Locatie.objects.create(
        naam="Ontmoetingscentrum De Schakel",
        straat="Kerkstraat 12",
        postcode="2440",
        gemeente=gemeenten["Geel"],
        toegankelijkheid="Ingang zonder drempel, lift naar de zaal.",
        route="Vijf minuten van het station.",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("maand", "wissel"),
    [(3, "winter → zomer"), (10, "zomer → winter")],
)
def test_herinnering_op_het_juiste_uur_over_de_zomertijdwissel(settings, workshop, maand, wissel):
    """A session at 10:00 on the Monday after the clock change: the reminder goes on Saturday
    at 10:00 Brussels time (not 48 hours before in UTC, which is an hour off)."""
    settings.HERINNERING_DAGEN = 2
    jaar = date.today().year + 1
    maandag = _maandag_na_laatste_zondag(jaar, maand)
    begint_op = datetime.combine(maandag, datetime.min.time().replace(hour=10), tzinfo=BRUSSEL)
    sessie = _sessie(workshop, begint_op)
    _deelnemer(sessie, "Lien")
    zaterdag_tien_uur = datetime.combine(
        maandag - timedelta(days=2), datetime.min.time().replace(hour=10), tzinfo=BRUSSEL
    )
    assert sessie.herinneren_op() == zaterdag_tien_uur
    # The naive "48 hours before" is on the wrong side of the hour: on Saturday at 09:00 or
    # 11:00 on the Brussels clock, not 10:00.
    naief = begint_op.astimezone(UTC) - timedelta(hours=48)
    assert naief.astimezone(BRUSSEL).hour == (9 if maand == 3 else 11), wissel

    assert services.herinneringen_versturen(nu=zaterdag_tien_uur - timedelta(minutes=1)) == 0
    assert services.herinneringen_versturen(nu=zaterdag_tien_uur) == 1
    assert services.herinneringen_versturen(nu=zaterdag_tien_uur + timedelta(hours=1)) == 0
    (herinnering,) = _herinneringen()
    assert herinnering.ontvanger == "lien@example.org"
    assert "zaterdag" not in herinnering.onderwerp  # the subject names the session's day
    assert "maandag" in herinnering.onderwerp and "10:00" in herinnering.onderwerp


@pytest.mark.django_db
def test_de_herinnering_zegt_alles_en_gaat_eenmaal_naar_wie_bevestigd_is(
    settings, workshop, locatie
):
    settings.HERINNERING_DAGEN = 2
    begint_op = datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL)
    sessie = _sessie(
        workshop,
        begint_op,
        plaats="",
        locatie=locatie,
        meebrengen="Een voorbeeld uit je eigen vereniging.",
    )
    lien = _deelnemer(sessie, "Lien")
    _deelnemer(sessie, "Wachter", status="wachtlijst")
    _deelnemer(sessie, "Weg", status="geannuleerd")
    # Signed up after the reminder moment: the confirmation just came, no reminder on top.
    _deelnemer(sessie, "Laat", aangemaakt_op=begint_op - timedelta(days=1))
    nu = sessie.herinneren_op() + timedelta(minutes=7)

    assert services.herinneringen_versturen(nu=nu) == 1
    # Run again, and through the scheduler as the worker or cron does: nothing more.
    assert services.herinneringen_versturen(nu=nu) == 0
    call_command("periodiek", "--alle", stdout=StringIO())
    assert periodiek.uitvoeren(nu=nu, alle=True)["workshops.herinneringen"] == 0

    (herinnering,) = _herinneringen()
    assert herinnering.ontvanger == "lien@example.org"
    assert herinnering.sleutel == f"workshops.inschrijving:{lien.pk}"
    tekst = herinnering.tekst
    assert "woensdag 14 mei 2031, 19:30–21:30" in tekst
    assert "Ontmoetingscentrum De Schakel, Kerkstraat 12, 2440 Geel" in tekst
    assert "https://www.openstreetmap.org/search?query=Kerkstraat+12%2C+2440+Geel" in tekst
    assert "Ingang zonder drempel" in tekst and "Vijf minuten van het station" in tekst
    assert "Een voorbeeld uit je eigen vereniging." in tekst
    assert reverse("inschrijving-annuleren", args=[lien.token]) in tekst
    assert herinnering.bijlage_naam == "workshop.ics"
    (event,) = Calendar.from_ical(herinnering.bijlage_inhoud).events
    assert "Kerkstraat 12" in str(event["LOCATION"])
    lien.refresh_from_db()
    assert lien.herinnerd_op == nu


@pytest.mark.django_db
def test_een_online_sessie_herinnert_met_de_link_en_wat_de_workshop_vraagt_mee_te_brengen(
    settings, workshop
):
    settings.HERINNERING_DAGEN = 3
    workshop.meebrengen = "Een laptop met een webcam."
    workshop.save()
    sessie = _sessie(
        workshop,
        datetime(2031, 6, 2, 10, 0, tzinfo=BRUSSEL),
        plaats="",
        online_link="https://meet.example.org/geheim-123",
    )
    _deelnemer(sessie, "Lien")
    assert services.herinneringen_versturen(nu=datetime(2031, 5, 30, 10, 0, tzinfo=BRUSSEL)) == 1
    (herinnering,) = _herinneringen()
    assert "https://meet.example.org/geheim-123" in herinnering.tekst
    assert "https://meet.example.org/geheim-123" in ics_tekst(herinnering.bijlage_inhoud)
    assert "Een laptop met een webcam." in herinnering.tekst


@pytest.mark.django_db
def test_geen_herinnering_voor_een_geannuleerde_of_begonnen_sessie(settings, workshop):
    settings.HERINNERING_DAGEN = 2
    begint_op = datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL)
    geannuleerd = _sessie(workshop, begint_op)
    _deelnemer(geannuleerd, "Lien")
    services.sessie_annuleren(sessie=geannuleerd, reden="Ziek.")
    begonnen = _sessie(workshop, begint_op - timedelta(hours=3))
    _deelnemer(begonnen, "Bram")
    assert services.herinneringen_versturen(nu=begint_op - timedelta(hours=1)) == 0
    assert not _herinneringen().exists()


@pytest.mark.django_db
def test_een_verplaatste_sessie_mailt_iedereen_wat_er_verandert_en_herinnert_op_het_nieuwe_moment(
    settings, workshop, locatie, medewerker
):
    settings.HERINNERING_DAGEN = 2
    begint_op = datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL)
    sessie = _sessie(workshop, begint_op, online_link="https://meet.example.org/oud")
    lien = _deelnemer(sessie, "Lien")
    wachter = _deelnemer(sessie, "Wachter", status="wachtlijst")
    # Lien was reminded already; the session then moves a week later, to the venue.
    assert services.herinneringen_versturen(nu=sessie.herinneren_op()) == 1

    nieuw_begin = begint_op + timedelta(days=7)
    wijzigingen = services.sessie_wijzigen(
        sessie=sessie,
        begint_op=nieuw_begin,
        eindigt_op=nieuw_begin + timedelta(hours=2),
        locatie=locatie,
        plaats="",
        online_link="https://meet.example.org/nieuw",
        door=medewerker,
    )
    assert [label for label, _, _ in wijzigingen] == ["Wanneer", "Waar"]
    mails = {m.ontvanger: m for m in Mail.objects.filter(soort="workshops.sessie_gewijzigd")}
    assert set(mails) == {"lien@example.org", "wachter@example.org"}
    for mail in mails.values():
        assert "woensdag 14 mei 2031, 19:30–21:30 → woensdag 21 mei 2031, 19:30–21:30" in (
            mail.tekst
        )
        assert "Zaal De Linde, Geel → Ontmoetingscentrum De Schakel, Kerkstraat 12" in mail.tekst
        assert "BEGIN:VEVENT" in mail.bijlage_inhoud
    # The new online link only to the confirmed participant, in the text and the .ics.
    assert "https://meet.example.org/nieuw" in mails["lien@example.org"].tekst
    assert "https://meet.example.org/nieuw" in ics_tekst(mails["lien@example.org"].bijlage_inhoud)
    assert "meet.example.org" not in mails["wachter@example.org"].tekst
    assert "meet.example.org" not in ics_tekst(mails["wachter@example.org"].bijlage_inhoud)
    assert reverse("inschrijving-annuleren", args=[wachter.token]) in (
        mails["wachter@example.org"].tekst
    )
    audit = Auditregel.objects.get(actie="workshops.sessie_gewijzigd")
    assert audit.door == medewerker and "→" in audit.omschrijving
    assert "2 personen gemaild" in audit.omschrijving

    # Reminded again at the new moment, once.
    sessie.refresh_from_db()
    assert sessie.herinneren_op() == datetime(2031, 5, 19, 19, 30, tzinfo=BRUSSEL)
    assert services.herinneringen_versturen(nu=sessie.herinneren_op() - timedelta(minutes=1)) == 0
    assert services.herinneringen_versturen(nu=sessie.herinneren_op()) == 1
    assert services.herinneringen_versturen(nu=sessie.herinneren_op()) == 0
    assert _herinneringen().count() == 2
    lien.refresh_from_db()
    assert lien.herinnerd_op == sessie.herinneren_op()


@pytest.mark.django_db
def test_een_herinnering_die_nog_niet_vertrok_gaat_op_het_nieuwe_moment(settings, workshop):
    settings.HERINNERING_DAGEN = 2
    begint_op = datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL)
    sessie = _sessie(workshop, begint_op)
    _deelnemer(sessie, "Lien")
    vroeger = begint_op - timedelta(days=1, hours=2)  # one day earlier, at 17:30
    services.sessie_wijzigen(
        sessie=sessie,
        begint_op=vroeger,
        eindigt_op=vroeger + timedelta(hours=2),
        locatie=None,
        plaats=sessie.plaats,
        online_link="",
    )
    oud_moment = datetime(2031, 5, 12, 19, 30, tzinfo=BRUSSEL)
    nieuw_moment = datetime(2031, 5, 11, 17, 30, tzinfo=BRUSSEL)
    assert services.herinneringen_versturen(nu=nieuw_moment - timedelta(minutes=1)) == 0
    assert services.herinneringen_versturen(nu=nieuw_moment) == 1
    assert services.herinneringen_versturen(nu=oud_moment) == 0


@pytest.mark.django_db
def test_niets_gewijzigd_geen_mail_en_een_fout_einde_wordt_geweigerd(workshop):
    sessie = _sessie(workshop, datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL))
    _deelnemer(sessie, "Lien")
    gelijk = services.sessie_wijzigen(
        sessie=sessie,
        begint_op=sessie.begint_op,
        eindigt_op=sessie.eindigt_op,
        locatie=None,
        plaats=" Zaal De Linde, Geel ",
        online_link="",
    )
    assert gelijk == []
    with pytest.raises(services.ValidationError):
        services.sessie_wijzigen(
            sessie=sessie,
            begint_op=sessie.begint_op,
            eindigt_op=sessie.begint_op - timedelta(hours=1),
            locatie=None,
            plaats="Elders",
            online_link="",
        )
    assert not Mail.objects.filter(soort="workshops.sessie_gewijzigd").exists()
    assert not Auditregel.objects.filter(actie="workshops.sessie_gewijzigd").exists()


@pytest.mark.django_db
def test_de_wijziging_in_het_beheer_loopt_via_de_service(medewerker_client, workshop, locatie):
    sessie = _sessie(workshop, datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL))
    _deelnemer(sessie, "Lien")
    url = reverse("admin:workshops_sessie_change", args=[sessie.pk])
    pagina = medewerker_client.get(url)
    assert pagina.status_code == 200
    assert reverse("admin:workshops_sessie_mailen", args=[sessie.pk]) in pagina.content.decode()
    gegevens = {
        "workshop": workshop.pk,
        "begint_op_0": "2031-05-15",
        "begint_op_1": "19:30",
        "eindigt_op_0": "2031-05-15",
        "eindigt_op_1": "21:30",
        "locatie": locatie.pk,
        "plaats": "",
        "online_link": "",
        "meebrengen": "",
        "capaciteit": "12",
        "inschrijven_tot_0": "",
        "inschrijven_tot_1": "",
        "openbaar": "on",
        "inschrijving_open": "on",
        "annuleringsreden": "",
        "inschrijvingen-TOTAL_FORMS": "1",
        "inschrijvingen-INITIAL_FORMS": "1",
        "inschrijvingen-MIN_NUM_FORMS": "0",
        "inschrijvingen-MAX_NUM_FORMS": "1000",
        "inschrijvingen-0-id": Inschrijving.objects.get().pk,
        "inschrijvingen-0-sessie": sessie.pk,
        "inschrijvingen-0-aanwezig": "unknown",
        "_save": "Bewaren",
    }
    response = medewerker_client.post(url, gegevens)
    assert response.status_code == 302, response.content.decode()[:3000]
    sessie.refresh_from_db()
    assert sessie.locatie == locatie and sessie.capaciteit == 12
    assert timezone_lokaal(sessie.begint_op) == datetime(2031, 5, 15, 19, 30, tzinfo=BRUSSEL)
    (mail,) = Mail.objects.filter(soort="workshops.sessie_gewijzigd")
    assert "donderdag 15 mei 2031" in mail.tekst
    assert Auditregel.objects.filter(actie="workshops.sessie_gewijzigd").count() == 1


def timezone_lokaal(moment: datetime) -> datetime:
    return moment.astimezone(BRUSSEL)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_runs_sturen_elk_een_herinnering(settings):
    settings.HERINNERING_DAGEN = 2
    workshop = maak_workshop(slug="gelijktijdig")
    sessie = _sessie(workshop, datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL))
    for nummer in range(12):
        _deelnemer(sessie, f"Deelnemer{nummer}")
    nu = sessie.herinneren_op()
    uitkomsten = tegelijk(lambda: services.herinneringen_versturen(nu=nu))
    assert sum(uitkomsten) == 12
    assert _herinneringen().count() == 12
    assert len(set(_herinneringen().values_list("ontvanger", flat=True))) == 12


@pytest.mark.parametrize("wat", ["geannuleerd", "verplaatst"])
def test_geannuleerd_of_verplaatst_tijdens_de_run_krijgt_geen_oude_herinnering(
    settings, workshop, monkeypatch, wat
):
    """The job lists the sessions first; a cancellation or a move committed right after that
    (here: the moment the job looks at the session) must not get the old reminder."""
    settings.HERINNERING_DAGEN = 2
    begint_op = datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL)
    sessie = _sessie(workshop, begint_op)
    _deelnemer(sessie, "Lien")
    nu = sessie.herinneren_op(2)
    echt = Sessie.herinneren_op
    gedaan = []

    def intussen(self, dagen=None):
        if not gedaan:
            gedaan.append(True)
            if wat == "geannuleerd":
                services.sessie_annuleren(sessie=self, reden="Ziek.")
            else:
                services.sessie_wijzigen(
                    sessie=self,
                    begint_op=begint_op + timedelta(days=7),
                    eindigt_op=begint_op + timedelta(days=7, hours=2),
                    locatie=None,
                    plaats=self.plaats,
                    online_link="",
                )
        return echt(self, dagen) if dagen is not None else echt(self)

    monkeypatch.setattr(Sessie, "herinneren_op", intussen)
    assert services.herinneringen_versturen(nu=nu) == 0
    assert gedaan and not _herinneringen().exists()
    assert Inschrijving.objects.get().herinnerd_op is None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_een_annulering_die_de_sessie_vergrendelt_wint_van_de_herinnering(settings):
    """Staff cancel (the session row locked) while the job runs: the job waits for the lock,
    reads the session again and sends nothing."""
    from django.db import transaction
    from django.utils import timezone

    settings.HERINNERING_DAGEN = 2
    sessie = _sessie(maak_workshop(slug="slot"), datetime(2031, 5, 14, 19, 30, tzinfo=BRUSSEL))
    _deelnemer(sessie, "Lien")
    nu = sessie.herinneren_op(2)
    vergrendeld, uitkomsten, fouten = threading.Event(), [], []

    def annuleren():
        try:
            with transaction.atomic():
                Sessie.objects.select_for_update().get(pk=sessie.pk)
                vergrendeld.set()
                threading.Event().wait(1.5)  # the job reads the list and reaches the lock
                Sessie.objects.filter(pk=sessie.pk).update(geannuleerd_op=timezone.now())
        except BaseException as fout:  # reported below
            fouten.append(fout)
        finally:
            connection.close()

    def herinneren():
        try:
            vergrendeld.wait(10)
            uitkomsten.append(services.herinneringen_versturen(nu=nu))
        except BaseException as fout:  # reported below
            fouten.append(fout)
        finally:
            connection.close()

    draden = [threading.Thread(target=annuleren), threading.Thread(target=herinneren)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    assert fouten == []
    assert uitkomsten == [0]
    assert not _herinneringen().exists()
