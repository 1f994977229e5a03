"""Fault tests with the real parts: the SMTP relay down, then back; the relay hanging.

gunicorn (two workers) and `manage.py worker` run as production runs them, on a database of
their own, against an SMTP server this test runs (aiosmtpd) or a TCP server that never answers.

- Relay refusing connections: every kind of mail the platform sends waits in the outbox with
  its error; once the relay is back, every one arrives exactly once (per Message-ID and per
  recipient and subject), none lost.
- Relay accepting and never answering: pages answer at once while the worker hangs on SMTP,
  and the password-reset answer time does not tell whether an account exists.
"""

import statistics
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.fouten.processen import (
    RESET,
    STAFF,
    Client,
    HangendeServer,
    SmtpServer,
    database_url,
    django_uitvoeren,
    gunicorn_starten,
    omgeving,
    outbox,
    processen,
    reset_formulier,
    wachten_tot,
    worker_starten,
)

pytestmark = pytest.mark.postgres


VERSTUURD = "Als er een account bestaat met dat e-mailadres, is er nu een mail onderweg"

# Every mail the platform sends, through the services as the views, the admin and the daily jobs
# call them, in the server's environment. Each service commits its own transaction.
ALLE_SOORTEN_MAILS = """
from datetime import date, timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from baz.models import Gemeente
from netwerken import services as netwerken
from netwerken.models import Bijeenkomst, Interesse, Netwerk, Verslag
from workshops import services as workshops
from workshops.models import Inschrijving, Sessie, Workshop

User = get_user_model()
nu = timezone.now().replace(microsecond=0)
geel = Gemeente.objects.get(naam="Geel")
User.objects.create_user("lid", "lid@example.org", "geheim-wachtwoord-42")

workshop = Workshop.objects.create(
    slug="iedereen-welkom", titel="Iedereen welkom in jouw vereniging",
    samenvatting="Drempels verlagen.", beschrijving="Een workshop over drempels.",
    leerdoelen="Drempels herkennen", duur_minuten=150,
)
aanvraag, nieuw = workshops.aanvraag_indienen(
    workshop=workshop, organisatie="KSA Geel", soort="jeugd", gemeente=geel,
    contactpersoon="Tom", email="tom@ksa.example.org", formaat="live",
    voorkeur_1=timezone.localdate() + timedelta(days=20),
    voorkeur_2=timezone.localdate() + timedelta(days=40),
    aantal_deelnemers=12, leervraag="Drempels verlagen",
)
uitkomst["aanvraag"] = nieuw

begin = nu + timedelta(days=14)
sessie = Sessie.objects.create(
    workshop=workshop, begint_op=begin, eindigt_op=begin + timedelta(hours=2),
    capaciteit=1, plaats="Zaal De Linde, Geel",
)
an = workshops.inschrijving_maken(sessie=sessie, naam="An", email="an@example.org")
bart = workshops.inschrijving_maken(sessie=sessie, naam="Bart", email="bart@example.org")
uitkomst["inschrijvingen"] = [an.status, bart.status]
uitkomst["doorgeschoven"] = workshops.inschrijving_annuleren(inschrijving=an).email
uitkomst["verwittigd"] = workshops.sessie_annuleren(sessie=sessie, reden="De lesgever is ziek.")

voorbij = Sessie.objects.create(
    workshop=workshop, begint_op=nu - timedelta(days=2),
    eindigt_op=nu - timedelta(days=2) + timedelta(hours=2), capaciteit=10, plaats="Geel",
)
Inschrijving.objects.create(
    sessie=voorbij, naam="Cis", email="cis@example.org", status="bevestigd", aanwezig=True
)
uitkomst["evaluaties"] = workshops.evaluaties_vragen()

netwerken.interesse_melden(interesse=Interesse(
    bestuur="Gemeente Mol", gemeente=geel, contactpersoon="Els", email="els@mol.example.org",
    vorm="netwerk", bericht="We willen leren van andere gemeenten.",
))
netwerk = Netwerk.objects.create(
    naam="Lerend netwerk Geel", slug="geel", regio="Kempen", doel="Samen leren.",
    begint_op=date(2026, 1, 1),
)
dirk = netwerken.deelnemer_uitnodigen(
    netwerk=netwerk, email="dirk@example.org", voornaam="Dirk", achternaam="Peeters",
    organisatie="Gemeente Geel",
)
eva = netwerken.deelnemer_uitnodigen(
    netwerk=netwerk, email="eva@example.org", voornaam="Eva", achternaam="Janssens",
    organisatie="OCMW Geel",
)
bijeenkomst = Bijeenkomst.objects.create(
    netwerk=netwerk, thema="Buurtzorg", plaats="Stadhuis, zaal 1",
    begint_op=nu - timedelta(days=7), eindigt_op=nu - timedelta(days=7) + timedelta(hours=3),
)
netwerken.aanwezigheid_registreren(bijeenkomst=bijeenkomst, aanwezigen=[dirk])
verslag = Verslag.objects.create(bijeenkomst=bijeenkomst, tekst="We bespraken drie casussen.")
netwerken.verslag_publiceren(verslag=verslag)
# The relay is down: both verslag mails are still on their way, so "to those who have not had
# it" makes none (a second one would reach them twice under two Message-IDs).
uitkomst["verslag_opnieuw"] = netwerken.verslag_opnieuw_versturen(
    verslag=verslag, alleen_wie_het_niet_kreeg=True
)
netwerken.uitnodiging_opnieuw_versturen(deelnemer=eva)

# The request pipeline, and what the requester sends through the personal link.
workshops.aanvraag_status_wijzigen(aanvraag=aanvraag, status="in_behandeling")
workshops.aanvraag_status_wijzigen(
    aanvraag=aanvraag, status="ingepland", gepland_op=nu + timedelta(days=30),
    geplande_plaats="Jeugdlokaal KSA, Geel",
)
workshops.aanvraag_herplannen(
    aanvraag=aanvraag, gepland_op=nu + timedelta(days=31), geplande_plaats="Zaal De Linde",
)
workshops.aanvraag_aanvullen(aanvraag=aanvraag, tekst="We zijn met vijftien.")
workshops.aanvraag_status_wijzigen(aanvraag=aanvraag, status="uitgesteld", reden="Zaal bezet.")
workshops.aanvraag_annuleren_door_aanvrager(aanvraag=aanvraag, reden="Geen zaal gevonden.")

# The inspiratie review: Redactie submits, Eindredactie sends back, then publishes.
from django.contrib.auth.models import Group
from inspiraties import services as inspiraties
from inspiraties.models import Inspiratie
ruben = User.objects.create_user("ruben", "ruben@example.org", "x", is_staff=True)
ruben.groups.add(Group.objects.get(name="Redactie"))
els = User.objects.create_user("els", "els@example.org", "x", is_staff=True)
els.groups.add(Group.objects.get(name="Eindredactie"))
verhaal = Inspiratie.objects.create(
    titel="Soepbus", slug="soepbus", samenvatting="Soep aan huis.", verhaal="Een verhaal.",
    status="concept", aangemaakt_door=ruben,
)
inspiraties.inspiratie_indienen(inspiratie=verhaal, door=ruben)
inspiraties.inspiratie_terugsturen(inspiratie=verhaal, door=els, opmerking="Een foto erbij?")
inspiraties.inspiratie_indienen(inspiratie=verhaal, door=ruben)
inspiraties.inspiratie_publiceren(inspiratie=verhaal, door=els)
"""

SOORTEN = {
    "account.wachtwoord_reset",
    "workshops.aanvraag_ontvangen",
    "workshops.aanvraag_melding",
    "workshops.inschrijving_bevestigd",
    "workshops.inschrijving_wachtlijst",
    "workshops.inschrijving_doorgeschoven",
    "workshops.sessie_geannuleerd",
    "workshops.evaluatie_vraag",
    "netwerken.interesse",
    "netwerken.uitnodiging",
    "netwerken.verslag",
    "workshops.aanvraag_in_behandeling",
    "workshops.aanvraag_ingepland",
    "workshops.aanvraag_herpland",
    "workshops.aanvraag_uitgesteld",
    "workshops.aanvraag_geannuleerd",
    "workshops.aanvraag_bericht",
    "inspiraties.ter_review",
    "inspiraties.teruggestuurd",
    "inspiraties.gepubliceerd",
}


def reset_aanvragen(server: str, email: str, bron: str):
    """A visitor at address `bron` loads the form, then submits it: (POST answer, final page)."""
    client = Client(server, bron=bron)
    velden = reset_formulier(client)
    antwoord = client.post(RESET, {**velden, "email": email})
    pagina = client.get(antwoord.headers.get("location", "")) if antwoord.status == 302 else None
    return antwoord, pagina


def test_smtp_weigert_en_komt_terug_elke_mail_komt_een_keer_aan(database, tmp_path):
    smtp = SmtpServer()  # port chosen, server not started: connections are refused
    env = omgeving(database_url(database), smtp_poort=smtp.poort, MAIL_MAX_POGINGEN="1000")
    try:
        with processen(tmp_path) as starten:
            gunicorn = gunicorn_starten(starten, env)
            worker = worker_starten(starten, env)
            uitkomst = django_uitvoeren(env, ALLE_SOORTEN_MAILS)
            server = gunicorn.klaar()
            assert uitkomst == {
                "aanvraag": True,
                "inschrijvingen": ["bevestigd", "wachtlijst"],
                "doorgeschoven": "bart@example.org",
                "verwittigd": 1,
                "evaluaties": 1,
                "verslag_opnieuw": 0,
            }
            antwoord, pagina = reset_aanvragen(server, "lid@example.org", "127.0.0.21")
            assert antwoord.status == 302, antwoord.tekst[:500]
            assert pagina.status == 200 and VERSTUURD in pagina.tekst
            antwoord, pagina = reset_aanvragen(server, "niemand@example.org", "127.0.0.22")
            assert antwoord.status == 302 and VERSTUURD in pagina.tekst, "same answer, no mail"

            def allemaal_geprobeerd():
                mails = outbox(database)
                return (
                    all(
                        m["status"] == "wachtend" and m["pogingen"] >= 1 and m["laatste_fout"]
                        for m in mails
                    )
                    and mails
                )

            mails = wachten_tot(allemaal_geprobeerd, max_s=15)
            assert mails, f"not every mail was tried and kept:\n{outbox(database)}"
            assert {m["soort"] for m in mails} == SOORTEN
            assert "niemand@example.org" not in {m["ontvanger"] for m in mails}
            assert all("Connection refused" in m["laatste_fout"] for m in mails), {
                m["laatste_fout"] for m in mails
            }
            gemaakt = len(mails)
            print(
                f"\n[smtp weigert] {gemaakt} mails in de outbox, allemaal wachtend met fout, "
                f"pogingen {min(m['pogingen'] for m in mails)}–{max(m['pogingen'] for m in mails)}"
            )

            smtp.starten()
            begin = time.monotonic()

            def alles_verzonden():
                return all(m["status"] == "verzonden" for m in outbox(database))

            assert wachten_tot(alles_verzonden, max_s=30), outbox(database)
            hersteld = time.monotonic() - begin
            time.sleep(2.5)  # two more naloop rounds: anything sent twice would show now
            assert worker.levend(), worker.uitvoer()
    finally:
        smtp.stoppen()

    ontvangen = smtp.berichten
    per_id = Counter(b.message_id for b in ontvangen)
    verwacht_ids = {m["message_id"] for m in mails}
    verloren = verwacht_ids - set(per_id)
    dubbel = sum(n - 1 for n in per_id.values())
    print(
        f"[smtp terug] gemaakt {gemaakt}, afgeleverd {len(per_id)} (berichten {len(ontvangen)}), "
        f"verloren {len(verloren)}, dubbel {dubbel}, alles verzonden na {hersteld:.1f} s"
    )
    soort_van = {m["message_id"]: m["soort"] for m in mails}
    print(
        "[smtp terug] per soort: "
        + ", ".join(
            f"{s} {n}"
            for s, n in sorted(Counter(soort_van[b.message_id] for b in ontvangen).items())
        )
    )
    assert not verloren
    assert set(per_id) == verwacht_ids
    assert all(n == 1 for n in per_id.values()), per_id.most_common(3)
    # Per recipient and kind (subject): the same multiset the outbox holds, nothing more.
    assert Counter((b.aan, b.onderwerp) for b in ontvangen) == Counter(
        ((m["ontvanger"].lower(),), " ".join(m["onderwerp"].split())) for m in mails
    )
    assert Counter((b.aan, soort_van[b.message_id]) for b in ontvangen) == Counter(
        ((m["ontvanger"].lower(),), m["soort"]) for m in mails
    )
    onderwerpen = {b.onderwerp for b in ontvangen}
    assert any(o.startswith("Verslag: Buurtzorg") for o in onderwerpen)
    assert any(o.startswith("Je was er niet bij") for o in onderwerpen)
    assert (STAFF,) in {b.aan for b in ontvangen}
    assert ("lid@example.org",) in {b.aan for b in ontvangen}


def test_smtp_hangt_paginas_blijven_snel_en_reset_verraadt_geen_account(database, tmp_path):
    relay = HangendeServer()
    # A request that waited on SMTP would take EMAIL_TIMEOUT (5 s); the bounds are far below it.
    env = omgeving(
        database_url(database),
        smtp_poort=relay.poort,
        EMAIL_TIMEOUT="5",
        MAIL_CLAIM_SECONDEN="30",
    )
    # Fault bounds, not a benchmark: pages and resets answer in tens of milliseconds here.
    grens, grens_mediaan, grens_verschil = 2.0, 1.0, 0.25
    bestaand = [f"lid{n}@example.org" for n in range(8)]
    onbekend = [f"niemand{n}@example.org" for n in range(6)]
    bezoekers = (f"127.0.{n // 200 + 1}.{n % 200 + 1}" for n in range(1000))

    def reset(adres: str):
        """One visitor, from a loopback address of its own (the rate limit counts per address),
        loads the form and submits it; the submit is timed."""
        client = Client(server, bron=next(bezoekers))
        return client.post(RESET, {**reset_formulier(client), "email": adres})

    try:
        with processen(tmp_path) as starten:
            gunicorn = gunicorn_starten(starten, env)
            worker = worker_starten(starten, env)
            django_uitvoeren(
                env,
                "from django.contrib.auth import get_user_model\n"
                "from django.contrib.auth.hashers import make_password\n"
                "wachtwoord = make_password('geheim-wachtwoord-42')  # hashed once, it is slow\n"
                "get_user_model().objects.bulk_create(\n"
                "    get_user_model()(username=a.split('@')[0], email=a, password=wachtwoord)\n"
                f"    for a in {bestaand!r}\n"
                ")\n",
            )
            server = gunicorn.klaar()
            for _ in range(6):  # warm both gunicorn workers up (templates, first queries)
                Client(server).get("/")
                reset_formulier(Client(server))

            # Two resets put the worker on the silent relay: connected, waiting for a greeting.
            voorbereid = [("bestaand", reset(a)) for a in bestaand[:2]]
            assert wachten_tot(lambda: relay.verbindingen, max_s=15), worker.uitvoer()

            # While it hangs: the home page and resets for known and unknown addresses, at once.
            with ThreadPoolExecutor(max_workers=12) as pool:
                resets = [
                    (soort, pool.submit(reset, adres))
                    for soort, adres in [
                        ("bestaand", bestaand[2]),
                        ("onbekend", onbekend[0]),
                        ("bestaand", bestaand[3]),
                        ("onbekend", onbekend[1]),
                    ]
                ]
                paginas = [("home", pool.submit(Client(server).get, "/")) for _ in range(8)]
                tegelijk = [(soort, f.result()) for soort, f in resets + paginas]
            # One after the other, alternating: does the answer time tell whether there is an
            # account? (With SMTP in the request a known address took EMAIL_TIMEOUT.)
            na_elkaar = []
            for bekend, niet in zip(bestaand[4:], onbekend[2:], strict=True):
                na_elkaar += [("bestaand", reset(bekend)), ("onbekend", reset(niet))]

            # Bounded: the worker gives up after EMAIL_TIMEOUT and keeps the mail with its error.
            fout = wachten_tot(
                lambda: [m for m in outbox(database) if m["laatste_fout"]], max_s=2 * 5 + 2
            )
            mails = outbox(database)
            assert worker.levend(), worker.uitvoer()
    finally:
        relay.stoppen()

    for soort, antwoord in voorbereid + tegelijk + na_elkaar:
        assert antwoord.status == (200 if soort == "home" else 302), (soort, antwoord.status)

    def duren(reeks, soort):
        return [a.duur for s, a in reeks if s == soort]

    def regel(naam, waarden):
        return (
            f"{naam}: n={len(waarden)}, mediaan {statistics.median(waarden) * 1000:.0f} ms, "
            f"max {max(waarden) * 1000:.0f} ms"
        )

    print("\n[smtp hangt] tegelijk, terwijl de worker aan de relay hangt:")
    for soort in ("home", "bestaand", "onbekend"):
        print("[smtp hangt]   " + regel(soort, duren(tegelijk, soort)))
    bekend, niet = duren(na_elkaar, "bestaand"), duren(na_elkaar, "onbekend")
    verschil = statistics.median(bekend) - statistics.median(niet)
    print("[smtp hangt] na elkaar:")
    print("[smtp hangt]   " + regel("reset bestaand account", bekend))
    print("[smtp hangt]   " + regel("reset onbekend adres", niet))
    print(f"[smtp hangt]   verschil van de medianen {verschil * 1000:+.0f} ms")
    print(
        f"[smtp hangt] relay: {len(relay.verbindingen)} verbinding(en) van de worker, nooit "
        f"beantwoord; outbox: {len(mails)} resetmails, "
        f"fout: {fout[0]['laatste_fout'] if fout else '-'}"
    )
    alle_duren = [a.duur for _, a in tegelijk + na_elkaar]
    assert max(alle_duren) < grens, (tegelijk, na_elkaar)
    for soort in ("home", "bestaand", "onbekend"):
        assert statistics.median(duren(tegelijk, soort)) < grens_mediaan, soort
    assert statistics.median(bekend) < grens_mediaan and statistics.median(niet) < grens_mediaan
    assert abs(verschil) < grens_verschil, (bekend, niet)
    assert sorted(m["ontvanger"] for m in mails) == sorted(bestaand), "one mail per known address"
    assert all(m["status"] in {"wachtend", "bezig"} for m in mails)
    assert fout and "timed out" in fout[0]["laatste_fout"].lower(), mails
