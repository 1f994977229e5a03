"""Attendance of a network meeting: present, absent or excused (issue 14, part 5), the verslag
that reaches everyone with a "dit heb je gemist" mail for who was not there (part 8)."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from baz.models import Auditregel
from netwerken import services
from netwerken.models import Aanwezigheid
from netwerken.rapport import netwerk_overzicht

from .factories import maak_bijeenkomst, maak_deelnemer, maak_netwerk, maak_verslag

AANWEZIG = Aanwezigheid.Status.AANWEZIG
AFWEZIG = Aanwezigheid.Status.AFWEZIG
VERONTSCHULDIGD = Aanwezigheid.Status.VERONTSCHULDIGD


@pytest.fixture
def fatima(netwerk):
    return maak_deelnemer(netwerk, username="fatima", first_name="Fatima", last_name="El Amrani")


def _statussen(bijeenkomst) -> dict[str, str]:
    return {
        a.deelnemer.user.username: a.status
        for a in Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst).select_related(
            "deelnemer__user"
        )
    }


def test_zetten_maakt_wijzigt_en_legt_vast(voorbij, deelnemer, medewerker):
    rij = services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=deelnemer, status=VERONTSCHULDIGD, door=medewerker
    )
    assert rij.status == VERONTSCHULDIGD
    rij = services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=deelnemer, status=AANWEZIG, door=medewerker
    )
    assert Aanwezigheid.objects.get(bijeenkomst=voorbij, deelnemer=deelnemer).status == AANWEZIG
    assert Aanwezigheid.objects.count() == 1
    # The same mark again changes nothing and writes no audit row.
    services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=deelnemer, status=AANWEZIG, door=medewerker
    )
    regels = list(
        Auditregel.objects.filter(actie="netwerken.aanwezigheid_gezet")
        .order_by("pk")
        .values_list("omschrijving", "door_naam", "object_id")
    )
    assert regels == [
        ("An Peeters: Verontschuldigd.", "medewerker", str(voorbij.pk)),
        ("An Peeters: Verontschuldigd → Aanwezig.", "medewerker", str(voorbij.pk)),
    ]


def test_zetten_weigert_een_ander_netwerk_en_een_onbekende_status(
    voorbij, deelnemer, buitenstaander, medewerker
):
    with pytest.raises(ValidationError, match="Alleen deelnemers van dit netwerk"):
        services.aanwezigheid_zetten(
            bijeenkomst=voorbij, deelnemer=buitenstaander, status=AANWEZIG, door=medewerker
        )
    with pytest.raises(ValidationError, match="aanwezig, afwezig of verontschuldigd"):
        services.aanwezigheid_zetten(
            bijeenkomst=voorbij, deelnemer=deelnemer, status="misschien", door=medewerker
        )
    assert not Aanwezigheid.objects.exists()


def test_registreren_in_een_keer(voorbij, deelnemer, collega, fatima, medewerker):
    services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[deelnemer, collega])
    services.aanwezigheid_registreren(
        bijeenkomst=voorbij, aanwezigen=[deelnemer], verontschuldigd=[fatima], door=medewerker
    )
    # Jef had a row and is in neither list now: absent. Fatima excused herself.
    assert _statussen(voorbij) == {"an": AANWEZIG, "jef": AFWEZIG, "fatima": VERONTSCHULDIGD}
    assert list(voorbij.aanwezigen) == [deelnemer]
    regel = Auditregel.objects.get(actie="netwerken.aanwezigheid_gezet")
    assert regel.door_naam == "medewerker"
    assert "Jef Claes: Afwezig" in regel.omschrijving
    assert "Fatima El Amrani: Verontschuldigd" in regel.omschrijving
    with pytest.raises(ValidationError):
        services.aanwezigheid_registreren(
            bijeenkomst=voorbij, aanwezigen=[deelnemer], verontschuldigd=[deelnemer]
        )


def test_overzicht_telt_aanwezig_en_verontschuldigd(
    medewerker_client, netwerk, voorbij, deelnemer, collega, fatima
):
    services.aanwezigheid_registreren(
        bijeenkomst=voorbij, aanwezigen=[deelnemer], verontschuldigd=[collega]
    )
    services.aanwezigheid_zetten(bijeenkomst=voorbij, deelnemer=fatima, status=AFWEZIG, door=None)
    rij = netwerk_overzicht(netwerk)["bijeenkomsten"].get(pk=voorbij.pk)
    assert (rij.aantal_aanwezig, rij.aantal_verontschuldigd) == (1, 1)
    html = medewerker_client.get(
        reverse("admin:netwerken_netwerk_overzicht", args=[netwerk.pk])
    ).content.decode()
    assert '<th scope="col">Verontschuldigd</th>' in html
    assert "<td>1 / 3</td><td>1</td>" in html


def _admin_gegevens(bijeenkomst, **extra) -> dict:
    gegevens = {
        "netwerk": bijeenkomst.netwerk.pk,
        "thema": bijeenkomst.thema,
        "begint_op_0": bijeenkomst.begint_op.astimezone().strftime("%d/%m/%Y"),
        "begint_op_1": bijeenkomst.begint_op.astimezone().strftime("%H:%M:%S"),
        "eindigt_op_0": bijeenkomst.eindigt_op.astimezone().strftime("%d/%m/%Y"),
        "eindigt_op_1": bijeenkomst.eindigt_op.astimezone().strftime("%H:%M:%S"),
        "plaats": bijeenkomst.plaats,
        "online_link": "",
        "agenda": "",
        "verslag-TOTAL_FORMS": "0",
        "verslag-INITIAL_FORMS": "0",
        "verslag-MIN_NUM_FORMS": "0",
        "verslag-MAX_NUM_FORMS": "1",
    }
    gegevens.update(extra)
    return gegevens


def test_beheer_registreert_verontschuldigd(medewerker_client, voorbij, deelnemer, collega):
    url = reverse("admin:netwerken_bijeenkomst_change", args=[voorbij.pk])
    pagina = medewerker_client.get(url).content.decode()
    assert "Verontschuldigd" in pagina
    antwoord = medewerker_client.post(
        url, _admin_gegevens(voorbij, aanwezig=[deelnemer.pk], verontschuldigd=[collega.pk])
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert _statussen(voorbij) == {"an": AANWEZIG, "jef": VERONTSCHULDIGD}
    assert Auditregel.objects.filter(actie="netwerken.aanwezigheid_gezet").count() == 2

    # Both present and excused: the form says so and changes nothing.
    antwoord = medewerker_client.post(
        url, _admin_gegevens(voorbij, aanwezig=[collega.pk], verontschuldigd=[collega.pk])
    )
    assert antwoord.status_code == 200  # the admin answers its own invalid forms with 200
    assert "tegelijk aanwezig en verontschuldigd" in antwoord.content.decode()
    assert _statussen(voorbij) == {"an": AANWEZIG, "jef": VERONTSCHULDIGD}


def test_beheer_maakt_intussen_ingecheckt_niet_ongedaan(
    medewerker_client, medewerker, voorbij, deelnemer, collega, fatima
):
    """Staff open the meeting in the admin, a colleague checks Jef in at the door, staff save
    the form as they opened it plus An: Jef stays present, only An is written."""
    services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=fatima, status=VERONTSCHULDIGD, door=medewerker
    )
    url = reverse("admin:netwerken_bijeenkomst_change", args=[voorbij.pk])
    pagina = medewerker_client.get(url).content.decode()
    assert 'name="initial-verontschuldigd"' in pagina  # the form carries what it showed
    assert "was afwezig" not in pagina
    services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=collega, status=AANWEZIG, door=medewerker
    )
    voor = Auditregel.objects.filter(actie="netwerken.aanwezigheid_gezet").count()
    gegevens = _admin_gegevens(voorbij, aanwezig=[deelnemer.pk], verontschuldigd=[fatima.pk])
    gegevens["initial-verontschuldigd"] = [fatima.pk]  # as rendered when opened
    antwoord = medewerker_client.post(url, gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert _statussen(voorbij) == {"an": AANWEZIG, "jef": AANWEZIG, "fatima": VERONTSCHULDIGD}
    regels = Auditregel.objects.filter(actie="netwerken.aanwezigheid_gezet")
    assert regels.count() == voor + 1
    assert "An Peeters" in regels.latest("pk").omschrijving

    # Nothing changed in the lists (only the theme): no attendance is touched.
    services.aanwezigheid_zetten(
        bijeenkomst=voorbij, deelnemer=fatima, status=AANWEZIG, door=medewerker
    )
    gegevens = _admin_gegevens(voorbij, thema="Nieuw thema", aanwezig=[deelnemer.pk, collega.pk])
    gegevens["initial-aanwezig"] = [deelnemer.pk, collega.pk]
    assert medewerker_client.post(url, gegevens).status_code == 302
    assert _statussen(voorbij)["fatima"] == AANWEZIG

    # Taking someone out of the list, as opened, marks them absent.
    gegevens = _admin_gegevens(voorbij, aanwezig=[deelnemer.pk, fatima.pk])
    gegevens["initial-aanwezig"] = [deelnemer.pk, collega.pk, fatima.pk]
    assert medewerker_client.post(url, gegevens).status_code == 302
    assert _statussen(voorbij) == {"an": AANWEZIG, "jef": AFWEZIG, "fatima": AANWEZIG}


def test_verslag_bereikt_iedereen_wie_er_niet_was_krijgt_dit_heb_je_gemist(
    django_capture_on_commit_callbacks, netwerk, voorbij, deelnemer, collega, fatima
):
    zonder_registratie = maak_deelnemer(netwerk, username="piet", first_name="Piet")
    services.aanwezigheid_registreren(
        bijeenkomst=voorbij, aanwezigen=[deelnemer], verontschuldigd=[fatima]
    )
    services.aanwezigheid_zetten(bijeenkomst=voorbij, deelnemer=collega, status=AFWEZIG, door=None)
    verslag = maak_verslag(voorbij, tekst="We bespraken de **casus** van An.\n\nTweede alinea.")
    verslag.huiswerk = "Lees het rapport."
    verslag.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.verslag_publiceren(verslag=verslag)

    per_adres = {bericht.to[0]: bericht for bericht in mail.outbox}
    assert set(per_adres) == {
        "an@example.org",
        "jef@example.org",
        "fatima@example.org",
        zonder_registratie.user.email,
    }
    an = per_adres["an@example.org"]
    assert an.subject == "Verslag: Kennismaking"
    assert "Bedankt om erbij te zijn" in an.body and "Tweede alinea." in an.body
    for adres in ("jef@example.org", "fatima@example.org", zonder_registratie.user.email):
        gemist = per_adres[adres]
        assert gemist.subject == "Je was er niet bij: het verslag van Kennismaking"
        assert "dit heb je gemist" in gemist.body
        assert "Lees het rapport." in gemist.body
        assert "Bedankt om erbij te zijn" not in gemist.body
    assert "je had je verontschuldigd" in per_adres["fatima@example.org"].body
    assert "verontschuldigd" not in per_adres["jef@example.org"].body


@pytest.mark.django_db(transaction=True)
def test_migratie_houdt_bestaande_aanwezigheden_als_aanwezig():
    executor = MigrationExecutor(connection)
    executor.migrate([("netwerken", "0004_begeleiders")])
    oud = executor.loader.project_state([("netwerken", "0004_begeleiders")]).apps
    User = oud.get_model("auth", "User")
    Netwerk = oud.get_model("netwerken", "Netwerk")
    Deelnemer = oud.get_model("netwerken", "Deelnemer")
    Bijeenkomst = oud.get_model("netwerken", "Bijeenkomst")
    OudeAanwezigheid = oud.get_model("netwerken", "Aanwezigheid")
    netwerk = Netwerk.objects.create(
        naam="N", slug="n", regio="R", doel="D", begint_op="2026-01-01", max_deelnemers=15
    )
    user = User.objects.create(username="oud", email="oud@example.org")
    lid = Deelnemer.objects.create(netwerk=netwerk, user=user, organisatie="O")
    bijeenkomst = Bijeenkomst.objects.create(
        netwerk=netwerk,
        thema="T",
        begint_op="2026-02-01T10:00:00Z",
        eindigt_op="2026-02-01T12:00:00Z",
    )
    OudeAanwezigheid.objects.create(bijeenkomst=bijeenkomst, deelnemer=lid)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    rij = Aanwezigheid.objects.get(bijeenkomst_id=bijeenkomst.pk, deelnemer_id=lid.pk)
    assert rij.status == AANWEZIG
    assert rij.gewijzigd_op is not None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_markeringen_geven_een_rij():
    """Two tablets mark the same member at the same moment: one row, no IntegrityError."""
    netwerk = maak_netwerk(slug="deur")
    lid = maak_deelnemer(netwerk, username="deur-lid")
    bijeenkomst = maak_bijeenkomst(netwerk, dagen=0)
    start = threading.Barrier(4)
    fouten = []

    def markeren(status):
        try:
            start.wait()
            services.aanwezigheid_zetten(
                bijeenkomst=bijeenkomst, deelnemer=lid, status=status, door=None
            )
        except BaseException as fout:  # reported below
            fouten.append(fout)
        finally:
            connection.close()

    draden = [
        threading.Thread(target=markeren, args=(status,))
        for status in (AANWEZIG, AANWEZIG, AFWEZIG, AANWEZIG)
    ]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    assert fouten == []
    assert Aanwezigheid.objects.filter(bijeenkomst=bijeenkomst, deelnemer=lid).count() == 1
