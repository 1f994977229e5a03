"""The publication workflow (inspiratiemateriaal/services.py): every step allowed and refused,
what each kind needs before it goes online, and one step when two staff click at once."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from baz.models import Auditregel
from inspiratiemateriaal import services
from inspiratiemateriaal.models import Materiaal

from .factories import maak_materiaal, publieken_laden

STAPPEN_TOEGELATEN = [
    ("concept", "publiceren", "gepubliceerd"),
    ("gearchiveerd", "publiceren", "gepubliceerd"),
    ("gepubliceerd", "archiveren", "gearchiveerd"),
    ("gearchiveerd", "heropenen", "concept"),
]
STAPPEN_GEWEIGERD = [
    ("gepubliceerd", "publiceren", "Dit materiaal staat al online."),
    ("concept", "archiveren", "Alleen gepubliceerd materiaal kan je archiveren."),
    ("gearchiveerd", "archiveren", "Alleen gepubliceerd materiaal kan je archiveren."),
    ("concept", "heropenen", "Alleen gearchiveerd materiaal kan je weer een concept maken."),
    ("gepubliceerd", "heropenen", "Alleen gearchiveerd materiaal kan je weer een concept maken."),
    ("concept", "verwijderen", "Die stap bestaat niet."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("van", "stap", "naar"), STAPPEN_TOEGELATEN)
def test_elke_toegelaten_stap(materiaalbeheerder, van, stap, naar):
    materiaal = maak_materiaal(status=van)
    resultaat = services.overgang_uitvoeren(materiaal=materiaal, naam=stap, door=materiaalbeheerder)
    assert resultaat.status == naar
    assert Materiaal.objects.get(pk=materiaal.pk).status == naar
    regel = Auditregel.objects.get()
    assert regel.actie == services.OVERGANGEN[stap].actie
    assert (regel.door, regel.object_id) == (materiaalbeheerder, str(materiaal.pk))


@pytest.mark.django_db
@pytest.mark.parametrize(("van", "stap", "melding"), STAPPEN_GEWEIGERD)
def test_elke_geweigerde_stap(materiaalbeheerder, van, stap, melding):
    materiaal = maak_materiaal(status=van)
    with pytest.raises(ValidationError) as fout:
        services.overgang_uitvoeren(materiaal=materiaal, naam=stap, door=materiaalbeheerder)
    assert fout.value.messages == [melding]
    assert Materiaal.objects.get(pk=materiaal.pk).status == van
    assert not Auditregel.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("stap", ["publiceren", "archiveren", "heropenen"])
def test_zonder_recht_geen_enkele_stap(materiaalredacteur, stap):
    materiaal = maak_materiaal(status=next(v for v, s, _ in STAPPEN_TOEGELATEN if s == stap))
    with pytest.raises(PermissionDenied):
        services.overgang_uitvoeren(materiaal=materiaal, naam=stap, door=materiaalredacteur)
    assert services.mogelijke_overgangen(materiaal=materiaal, door=materiaalredacteur) == []
    assert not Auditregel.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "namen"),
    [
        ("concept", ["publiceren"]),
        ("gepubliceerd", ["archiveren"]),
        ("gearchiveerd", ["publiceren", "heropenen"]),
    ],
)
def test_mogelijke_stappen_per_status(materiaalbeheerder, status, namen):
    materiaal = maak_materiaal(status=status)
    mogelijk = services.mogelijke_overgangen(materiaal=materiaal, door=materiaalbeheerder)
    assert [o.naam for o in mogelijk] == namen


@pytest.mark.django_db
def test_opnieuw_publiceren_houdt_de_eerste_datum(materiaalbeheerder):
    materiaal = maak_materiaal(status="concept")
    assert materiaal.gepubliceerd_op is None
    eerst = services.overgang_uitvoeren(
        materiaal=materiaal, naam="publiceren", door=materiaalbeheerder
    ).gepubliceerd_op
    assert eerst is not None
    services.overgang_uitvoeren(materiaal=materiaal, naam="archiveren", door=materiaalbeheerder)
    opnieuw = services.overgang_uitvoeren(
        materiaal=materiaal, naam="publiceren", door=materiaalbeheerder
    )
    assert opnieuw.gepubliceerd_op == eerst


@pytest.mark.django_db
def test_onvolledig_materiaal_gaat_niet_online(materiaalbeheerder):
    materiaal = maak_materiaal(soort="publicatie", status="concept", met_bestand=False)
    with pytest.raises(ValidationError) as fout:
        services.overgang_uitvoeren(materiaal=materiaal, naam="publiceren", door=materiaalbeheerder)
    assert fout.value.messages == ["Nog niet compleet om te publiceren; er ontbreekt: een PDF."]
    assert Materiaal.objects.get(pk=materiaal.pk).status == "concept"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("soort", "velden", "tekort"),
    [
        ("screencast", {}, []),
        ("screencast", {"met_bestand": False}, ["een video (MP4 of WebM)"]),
        ("screencast", {"ondertitels": ""}, ["ondertitels (WebVTT)"]),
        ("screencast", {"ondertitels": "WEBVTT\n\nkapot\n"}, ["ondertitels zonder fouten"]),
        ("screencast", {"transcript": " \n "}, ["een transcript"]),
        (
            "screencast",
            {"met_bestand": False, "ondertitels": "", "transcript": ""},
            ["een video (MP4 of WebM)", "ondertitels (WebVTT)", "een transcript"],
        ),
        ("publicatie", {}, []),
        ("publicatie", {"met_bestand": False}, ["een PDF"]),
        ("publicatie", {"samenvatting": ""}, ["een samenvatting voor op de pagina"]),
        ("tool", {}, []),
        ("tool", {"tool_pdf": True}, []),
        ("tool", {"link": ""}, ["een bestand of een link"]),
    ],
)
def test_wat_elke_soort_nodig_heeft(publieken, soort, velden, tekort):
    assert services.ontbreekt(maak_materiaal(soort=soort, status="concept", **velden)) == tekort


@pytest.mark.django_db
def test_een_screencast_met_een_pdf_mist_zijn_video(publieken):
    screencast = maak_materiaal(soort="publicatie", status="concept")
    screencast.soort = Materiaal.Soort.SCREENCAST
    screencast.ondertitels, screencast.transcript = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n",
        "A",
    )
    assert services.ontbreekt(screencast) == ["een video (MP4 of WebM)"]


def _tegelijk_publiceren(materiaal: Materiaal, door_pk: int, aantal: int = 2) -> dict:
    """`aantal` threads, each with its own connection and user, publish `materiaal` at once."""
    from django.contrib.auth import get_user_model

    start = threading.Barrier(aantal)
    uitkomst: dict[str, list] = {"gelukt": [], "geweigerd": [], "fouten": []}

    def publiceren() -> None:
        try:
            door = get_user_model().objects.get(pk=door_pk)
            door.has_perm(services.RECHT_PUBLICEREN)  # loads the permissions before the race
            start.wait()
            services.overgang_uitvoeren(materiaal=materiaal, naam="publiceren", door=door)
            uitkomst["gelukt"].append(True)
        except ValidationError as fout:
            uitkomst["geweigerd"].append(fout.messages)
        except BaseException as fout:  # reported below; a thread must not swallow it
            uitkomst["fouten"].append(fout)
        finally:
            connection.close()  # each thread has its own connection

    draden = [threading.Thread(target=publiceren) for _ in range(aantal)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    return uitkomst


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_publicaties_geven_een_stap(django_user_model):
    """Both threads read the concept at the same moment; the row lock makes the second wait
    and then see that it is online already: one step, one audit row. A few rounds, so that
    a missing lock would show."""
    from django.contrib.auth.models import Permission

    publieken_laden()
    beheerder = django_user_model.objects.create_user("beheerder", is_staff=True)
    beheerder.user_permissions.add(
        Permission.objects.get(content_type__app_label="inspiratiemateriaal", codename="publiceren")
    )
    for ronde in range(5):
        materiaal = maak_materiaal(status="concept", titel=f"Ronde {ronde}")
        uitkomst = _tegelijk_publiceren(materiaal, beheerder.pk)
        assert uitkomst["fouten"] == []
        assert len(uitkomst["gelukt"]) == 1
        assert uitkomst["geweigerd"] == [["Dit materiaal staat al online."]]
        assert Auditregel.objects.filter(object_id=str(materiaal.pk)).count() == 1
        assert Materiaal.objects.get(pk=materiaal.pk).status == "gepubliceerd"
