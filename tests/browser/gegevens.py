"""Test data for the accessibility sweeps: one of everything a page can show.

`alles_een_keer()` fills the database with at least one object of every model that the site
or the admin shows, through the real models and services, and returns the objects the
tests need to build URLs. The admin sweep checks that every registered model got one, so a
new model without data here fails loudly instead of going unchecked.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult, get_date_max

from baz.models import Gemeente, Planning, Wissing
from inspiratiemateriaal.models import Materiaal, Publiek
from inspiraties.models import Inspiratie
from netwerken import services as netwerk_services
from netwerken.models import Coachingtraject, Interesse, Overheidsrol, Zelfevaluatie
from tests.factories import maak_inspiratie
from tests.netwerken.factories import (
    maak_bijeenkomst,
    maak_deelnemer,
    maak_netwerk,
    maak_verslag,
)
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services as workshop_services
from workshops.models import Doelpubliek, Inschrijving, Locatie

WACHTWOORD = "geheim-wachtwoord-42"


@dataclass
class Alles:
    medewerker: object
    workshop: object
    sessie: object
    volle_sessie: object
    voorbije_sessie: object
    gesloten_sessie: object
    aanvraag: object
    inschrijving: object
    wachtende: object
    geannuleerde: object
    te_evalueren: object
    geevalueerd: object
    netwerk: object
    leeg_netwerk: object
    an: object
    voorbij: object
    komend: object
    casus: object


def medewerker_maken(username: str = "mieke", *, app: bool = True):
    """A staff member (superuser), by default with a linked authenticator app."""
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        WACHTWOORD,
        first_name=username.title(),
        last_name="Medewerker",
        is_staff=True,
        is_superuser=True,
    )
    if app:
        TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=True)
    return user


def totp_code(user) -> str:
    """The code the staff member's authenticator app shows right now."""
    from django_otp.oath import TOTP

    apparaat = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return f"{totp.token():0{apparaat.digits}d}"


def alles_een_keer(werkmodellen) -> Alles:
    medewerker = medewerker_maken()
    Group.objects.get_or_create(name="Redactie")
    geel = Gemeente.objects.get_or_create(
        nis_code="13008", defaults={"naam": "Geel", "provincie": "antwerpen", "postcodes": "2440"}
    )[0]

    # Inspiraties: published, one per other status, with a tag and a target group.
    maak_inspiratie(
        titel="Buddy's in Geel",
        slug="buddys-in-geel",
        themas=("eenzaamheid",),
        doelgroepen=("jongeren",),
        provincie="antwerpen",
        gemeente=geel,
    )
    maak_inspiratie(titel="Een concept", slug="een-concept", status=Inspiratie.Status.CONCEPT)

    # Workshops: an open session, a full one with a waiting list, a past one with an
    # evaluation, a closed (cancelled) one, a request and the mails they sent.
    doelpubliek = Doelpubliek.objects.get_or_create(
        slug="verenigingen", defaults={"naam": "Verenigingen"}
    )[0]
    workshop = maak_workshop(
        doelpubliek=doelpubliek, werkmodellen=[werkmodellen["vrijwillig-engagement"]]
    )
    locatie = Locatie.objects.create(
        naam="Ontmoetingscentrum De Schakel",
        straat="Kerkstraat 12",
        postcode="2440",
        gemeente=geel,
        toegankelijkheid="Ingang zonder drempel, lift naar de zaal.",
    )
    sessie = maak_sessie(workshop, capaciteit=10)
    inschrijving = workshop_services.inschrijving_maken(
        sessie=sessie, naam="Lien Janssens", email="lien@example.org"
    )
    volle_sessie = maak_sessie(workshop, dagen=21, capaciteit=1)
    workshop_services.inschrijving_maken(sessie=volle_sessie, naam="Eerste", email="e@example.org")
    wachtende = workshop_services.inschrijving_maken(
        sessie=volle_sessie, naam="Wout Wachter", email="wout@example.org"
    )
    geannuleerde = workshop_services.inschrijving_maken(
        sessie=sessie, naam="Greet Gaatniet", email="greet@example.org"
    )
    workshop_services.inschrijving_annuleren(inschrijving=geannuleerde)
    # A venue on a session without mails (a route link in a mail would show its URL's
    # "search" on the outbox's admin page, which the English-word scan flags).
    voorbije_sessie = maak_sessie(workshop, dagen=-3, plaats="", locatie=locatie)
    # Present, as the evaluation is only for those who came.
    te_evalueren = Inschrijving.objects.create(
        sessie=voorbije_sessie,
        naam="Eva",
        email="eva@example.org",
        status="bevestigd",
        aanwezig=True,
    )
    geevalueerd = Inschrijving.objects.create(
        sessie=voorbije_sessie,
        naam="Jan",
        email="jan@example.org",
        status="bevestigd",
        aanwezig=True,
    )
    workshop_services.evaluatie_indienen(inschrijving=geevalueerd, score=4, wat_goed="Alles")
    gesloten_sessie = maak_sessie(workshop, dagen=28, plaats="")
    workshop_services.sessie_annuleren(sessie=gesloten_sessie, reden="De lesgever is ziek.")
    aanvraag, _nieuw = workshop_services.aanvraag_indienen(
        workshop=workshop,
        organisatie="Toneelkring De Planken",
        soort="toneel",
        gemeente=geel,
        contactpersoon="Sofie Peeters",
        email="sofie@deplanken.be",
        formaat="live",
        voorkeur_1=timezone.localdate() + timedelta(days=30),
        voorkeur_2=timezone.localdate() + timedelta(days=60),
        aantal_deelnemers=14,
        leervraag="Hoe verwelkomen we nieuwe leden?",
    )

    # Netwerken: a network with members, a past meeting with a published report, evaluations,
    # a case, a message with a reply; an empty network; interest; a coaching trajectory.
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    an = maak_deelnemer(netwerk, username="an", first_name="An", last_name="Peeters")
    jef = maak_deelnemer(netwerk, username="jef", first_name="Jef", last_name="Claes")
    voorbij = maak_bijeenkomst(netwerk, dagen=-7, thema="Kennismaking")
    komend = maak_bijeenkomst(netwerk, dagen=14, thema="De rol van het lokaal bestuur")
    netwerk_services.aanwezigheid_registreren(bijeenkomst=voorbij, aanwezigen=[an])
    netwerk_services.verslag_publiceren(verslag=maak_verslag(voorbij))
    netwerk_services.evaluatie_indienen(bijeenkomst=voorbij, deelnemer=jef, score=5)
    netwerk_services.jaarevaluatie_indienen(deelnemer=jef, jaar=timezone.localdate().year, score=4)
    casus = netwerk_services.casus_indienen(
        deelnemer=jef,
        titel="Vrijwilligers vinden",
        context="Onze buurtwerking zoekt vrijwilligers.",
        vraag="Hoe bereiken jullie nieuwe mensen?",
        bijeenkomst=komend,
    )
    bericht = netwerk_services.bericht_plaatsen(
        deelnemer=jef, soort="tip", tekst="Probeer een buurtsoep.", inspiratie_toestemming=True
    )
    netwerk_services.reactie_plaatsen(bericht=bericht, deelnemer=an, tekst="Goed idee!")
    leeg_netwerk = maak_netwerk(naam="Lerend netwerk Leeg", slug="leeg")
    maak_deelnemer(leeg_netwerk, username="nina", first_name="Nina", last_name="Nieuw")
    Interesse.objects.create(
        bestuur="Gemeente Geel",
        gemeente=geel,
        contactpersoon="Karel",
        email="karel@geel.be",
        vorm=Interesse.Vorm.choices[0][0],
        bericht="We willen starten.",
    )
    traject = Coachingtraject.objects.create(gemeente=geel, naam="Coaching Geel")
    netwerk_services.coachingtraject_voorbereiden(traject=traject)
    Zelfevaluatie.objects.create(
        traject=traject,
        rol=Overheidsrol.RECHTMATIG,
        moment=Zelfevaluatie.Moment.START,
        score=3,
    )

    # An erasure on request, as the admin lists them (only a hash of the address).
    Wissing.objects.create(
        op=timezone.now(),
        door=medewerker.username,
        zout="0" * 32,
        email_sha256="a" * 64,
        aantallen={"workshops": {"aanvragen": 1}},
    )

    # Inspiratiemateriaal: a published tool (a link) and a screencast still in the making.
    publiek = Publiek.objects.get_or_create(slug="verenigingen", defaults={"naam": "Verenigingen"})[
        0
    ]
    tool = Materiaal.objects.create(
        soort=Materiaal.Soort.TOOL,
        titel="Zelfreflectie voor verenigingen",
        slug="zelfreflectie-voor-verenigingen",
        korte_beschrijving="Vragen om samen te bespreken.",
        link="https://example.org/zelfreflectie",
        status=Materiaal.Status.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )
    tool.publieken.add(publiek)
    Materiaal.objects.create(
        soort=Materiaal.Soort.SCREENCAST,
        titel="Screencast in de maak",
        slug="screencast-in-de-maak",
        korte_beschrijving="Nog zonder video.",
        ondertitels="WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDag buren.\n",
    )

    # A periodic job that ran once and failed, as the admin lists them.
    Planning.objects.create(
        code="proef.taak", volgende_op=timezone.now(), klaar_op=timezone.now(), fout="Traceback"
    )

    # A task result, as the database task backend stores them in production.
    DBTaskResult.objects.create(
        task_path="baz.tasks.mail_versturen",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )
    return Alles(
        medewerker=medewerker,
        workshop=workshop,
        sessie=sessie,
        volle_sessie=volle_sessie,
        voorbije_sessie=voorbije_sessie,
        gesloten_sessie=gesloten_sessie,
        aanvraag=aanvraag,
        inschrijving=inschrijving,
        wachtende=wachtende,
        geannuleerde=geannuleerde,
        te_evalueren=te_evalueren,
        geevalueerd=geevalueerd,
        netwerk=netwerk,
        leeg_netwerk=leeg_netwerk,
        an=an,
        voorbij=voorbij,
        komend=komend,
        casus=casus,
    )
