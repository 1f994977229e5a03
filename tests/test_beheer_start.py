"""The staff start page at the top of /beheer/: what needs staff today, each line linking to
where it is handled (baz/beheer.py and each app's beheer.py)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from baz import beheer
from baz.models import Gemeente, Mail, Wissing
from baz.persoonsgegevens import wislog
from inspiraties.models import Inspiratie
from netwerken import services as netwerk_services
from tests.factories import maak_inspiratie
from tests.netwerken.factories import maak_bijeenkomst, maak_netwerk, maak_verslag
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services as workshop_services
from workshops.models import Aanvraag


def aanvraag(workshop, organisatie: str, *, dagen_geleden: int) -> Aanvraag:
    geel = Gemeente.objects.get_or_create(
        nis_code="13008", defaults={"naam": "Geel", "provincie": "antwerpen", "postcodes": "2440"}
    )[0]
    nieuw, _ = workshop_services.aanvraag_indienen(
        workshop=workshop,
        organisatie=organisatie,
        soort="toneel",
        gemeente=geel,
        contactpersoon="Sofie Peeters",
        email=f"{organisatie.split()[0].lower()}@example.org",
        formaat="live",
        voorkeur_1=timezone.localdate() + timedelta(days=30),
        voorkeur_2=timezone.localdate() + timedelta(days=60),
        aantal_deelnemers=14,
        leervraag="Hoe verwelkomen we nieuwe leden?",
    )
    # Received earlier: the clock of the test, not a change of the request.
    Aanvraag.objects.filter(pk=nieuw.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=dagen_geleden)
    )
    return nieuw


def blok(html: str, sleutel: str) -> str:
    treffer = re.search(
        rf'<section class="baz-blok[^"]*" id="blok-{sleutel}".*?</section>', html, re.S
    )
    assert treffer, f"geen blok {sleutel}"
    return treffer.group(0)


def tekst(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def workshop(werkmodellen):
    return maak_workshop()


def test_nieuwe_aanvragen_met_hun_wachttijd_en_te_late_vallen_op(
    medewerker_client, workshop, settings
):
    settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN = 14
    te_laat = aanvraag(workshop, "Toneelkring De Planken", dagen_geleden=20)
    op_tijd = aanvraag(workshop, "Jeugdhuis Den Eik", dagen_geleden=3)
    behandeld = aanvraag(workshop, "Sportclub Vooruit", dagen_geleden=30)
    Aanvraag.objects.filter(pk=behandeld.pk).update(status=Aanvraag.Status.IN_BEHANDELING)

    html = blok(medewerker_client.get("/beheer/").content.decode(), "workshops-nieuwe-aanvragen")

    assert "Nieuwe aanvragen (antwoord binnen 14 dagen)" in html
    assert "Sportclub" not in html
    regels = re.findall(r"<li(?: class=\"([^\"]*)\")?>(.*?)</li>", html, re.S)
    assert [tekst(inhoud).split(" vraagt ")[0] for _, inhoud in regels] == [
        "Dringend Toneelkring De Planken",  # the oldest first
        "Jeugdhuis Den Eik",
    ]
    assert regels[0][0] == "baz-dringend" and regels[1][0] == ""
    assert "wacht 20 dagen, 6 dagen over de beloofde antwoordtermijn" in tekst(regels[0][1])
    op_tijd.refresh_from_db()
    uiterlijk = op_tijd.antwoord_uiterlijk.day  # 14 days after it came in
    assert re.search(rf"wacht 3 dagen, antwoord beloofd uiterlijk {uiterlijk} \w+", html)
    assert reverse("admin:workshops_aanvraag_change", args=[te_laat.pk]) in html


def test_een_lege_lijst_zegt_dat_er_niets_wacht(medewerker_client, db):
    html = medewerker_client.get("/beheer/").content.decode()
    assert "Geen nieuwe aanvragen: elke aanvraag kreeg een antwoord." in blok(
        html, "workshops-nieuwe-aanvragen"
    )
    assert "Geen inspiraties die op review wachten." in html
    assert "Geen sessies gepland." in html
    assert "Geen mislukte mails." in html


def test_meer_dan_een_blok_toont_linkt_naar_de_volledige_lijst(medewerker_client, workshop):
    for nummer in range(beheer.MAX_REGELS + 2):
        aanvraag(workshop, f"Vereniging {nummer}", dagen_geleden=nummer)
    html = blok(medewerker_client.get("/beheer/").content.decode(), "workshops-nieuwe-aanvragen")
    assert html.count("<li") == beheer.MAX_REGELS
    lijst = reverse("admin:workshops_aanvraag_changelist") + "?status__exact=nieuw"
    assert f'<a href="{lijst}">Alle {beheer.MAX_REGELS + 2} nieuwe aanvragen</a>' in html


def test_komende_sessies_met_bezette_plaatsen_en_wachtlijst(medewerker_client, workshop):
    vol = maak_sessie(workshop, dagen=7, capaciteit=2)
    for naam in ("An", "Bram", "Chloé"):
        workshop_services.inschrijving_maken(sessie=vol, naam=naam, email=f"{naam[:2]}@example.org")
    later = maak_sessie(workshop, dagen=21, capaciteit=10)
    maak_sessie(workshop, dagen=-2)  # past: not coming
    geannuleerd = maak_sessie(workshop, dagen=10)
    workshop_services.sessie_annuleren(sessie=geannuleerd, reden="Ziek.")

    html = blok(medewerker_client.get("/beheer/").content.decode(), "workshops-komende-sessies")

    regels = [tekst(r) for r in re.findall(r"<li>(.*?)</li>", html, re.S)]
    assert len(regels) == 2
    assert regels[0].endswith("2 van 2 plaatsen bezet, 1 op de wachtlijst")
    assert regels[1].endswith("0 van 10 plaatsen bezet")
    assert reverse("admin:workshops_sessie_change", args=[vol.pk]) in html
    assert reverse("admin:workshops_sessie_change", args=[later.pk]) in html


def test_inspiraties_ter_review(medewerker_client, werkmodellen, django_user_model):
    review = maak_inspiratie(titel="Buurtsoep in Geel", status=Inspiratie.Status.REVIEW)
    auteur = django_user_model.objects.create_user(
        "lien", first_name="Lien", last_name="Redacteur", is_staff=True
    )
    eerder = maak_inspiratie(titel="Wacht al langer", status=Inspiratie.Status.REVIEW)
    Inspiratie.objects.filter(pk=eerder.pk).update(
        ingediend_door=auteur, ingediend_op=timezone.now() - timedelta(days=3)
    )
    Inspiratie.objects.filter(pk=review.pk).update(ingediend_op=timezone.now())
    maak_inspiratie(titel="Nog een concept", status=Inspiratie.Status.CONCEPT)
    maak_inspiratie(titel="Al gepubliceerd")

    html = blok(medewerker_client.get("/beheer/").content.decode(), "inspiraties-ter-review")

    regels = [tekst(r) for r in re.findall(r"<li>(.*?)</li>", html, re.S)]
    assert regels[0].startswith("Wacht al langer ter review sinds ")  # the oldest first
    assert regels[0].endswith("(3 dagen), ingediend door Lien Redacteur")
    assert regels[1] == "Buurtsoep in Geel ter review sinds vandaag"
    assert "concept" not in html and "Al gepubliceerd" not in html
    assert reverse("admin:inspiraties_inspiratie_change", args=[review.pk]) in html


def test_voorbije_bijeenkomsten_zonder_gepubliceerd_verslag(medewerker_client, db):
    netwerk = maak_netwerk(naam="Lerend netwerk Kempen")
    zonder = maak_bijeenkomst(netwerk, dagen=-14, thema="Kennismaking")
    in_concept = maak_bijeenkomst(netwerk, dagen=-7, thema="Vrijwilligers vinden")
    concept = maak_verslag(in_concept)
    klaar = maak_bijeenkomst(netwerk, dagen=-3, thema="Afgerond")
    netwerk_services.verslag_publiceren(verslag=maak_verslag(klaar))
    maak_bijeenkomst(netwerk, dagen=7, thema="Nog te komen")

    html = blok(
        medewerker_client.get("/beheer/").content.decode(), "netwerken-verslagen-te-schrijven"
    )

    regels = [tekst(r) for r in re.findall(r"<li>(.*?)</li>", html, re.S)]
    assert [r.split(",")[0] for r in regels] == [
        "Lerend netwerk Kempen: Kennismaking",
        "Lerend netwerk Kempen: Vrijwilligers vinden",
    ]
    assert regels[0].endswith("nog geen verslag")
    assert regels[1].endswith("het verslag staat nog in concept")
    assert reverse("admin:netwerken_bijeenkomst_change", args=[zonder.pk]) in html
    assert reverse("admin:netwerken_verslag_change", args=[concept.pk]) in html


def test_mislukte_mails_vallen_op_en_linken_naar_de_lijst_om_opnieuw_te_proberen(
    medewerker_client, db
):
    mislukt = Mail.objects.create(
        ontvanger="sofie@deplanken.be",
        onderwerp="Je aanvraag is ontvangen",
        tekst="…",
        status=Mail.Status.MISLUKT,
        laatste_fout="550 mailbox unavailable",
    )
    Mail.objects.create(
        ontvanger="x@example.org", onderwerp="Verzonden", tekst="…", status="verzonden"
    )

    html = blok(medewerker_client.get("/beheer/").content.decode(), "baz-mislukte-mails")

    assert "Je aanvraag is ontvangen, aan sofie@deplanken.be" in html
    assert "550 mailbox unavailable" in html
    assert 'class="baz-dringend"' in html and "Verzonden" not in html
    assert reverse("admin:baz_mail_change", args=[mislukt.pk]) in html
    assert reverse("admin:baz_mail_changelist") + "?status__exact=mislukt" in html


def test_persoonsgegevens_met_een_wislog_dat_niet_klopt(medewerker_client, db):
    html = blok(medewerker_client.get("/beheer/").content.decode(), "baz-persoonsgegevens")
    assert reverse("persoonsgegevens:opzoeken") in html
    assert "Dringend" not in html

    # An erasure in the database that the log lacks (its file could not be written).
    Wissing.objects.create(
        op=timezone.now(), door="mieke", zout="0" * 32, email_sha256="a" * 64, aantallen={}
    )
    html = blok(medewerker_client.get("/beheer/").content.decode(), "baz-persoonsgegevens")
    assert "1 wissing staat niet in het wislog" in html

    # And one in the log that the database lacks (after restoring an older backup).
    weg = Wissing(
        op=timezone.now(), door="mieke", zout="1" * 32, email_sha256="b" * 64, aantallen={}
    )
    wislog.toevoegen(weg)
    html = blok(medewerker_client.get("/beheer/").content.decode(), "baz-persoonsgegevens")
    assert "1 wissing uit het wislog ontbreekt in de database" in html
    assert "wissingen_heruitvoeren" in html


def test_een_blok_alleen_voor_wie_het_mag_zien(client, django_user_model, workshop):
    aanvraag(workshop, "Toneelkring De Planken", dagen_geleden=2)
    redacteur = django_user_model.objects.create_user("redacteur", password="x", is_staff=True)
    redacteur.groups.add(Group.objects.get(name="Redactie"))
    client.force_login(redacteur)

    html = client.get("/beheer/").content.decode()

    assert 'id="blok-inspiraties-ter-review"' in html
    for sleutel in ("workshops-nieuwe-aanvragen", "baz-mislukte-mails", "baz-persoonsgegevens"):
        assert f'id="blok-{sleutel}"' not in html
    assert "Toneelkring" not in html


def test_zonder_enig_recht_geen_startblokken(client, django_user_model, db):
    kaal = django_user_model.objects.create_user("kaal", password="x", is_staff=True)
    kaal.user_permissions.add(Permission.objects.get(codename="view_gemeente"))
    client.force_login(kaal)
    html = client.get("/beheer/").content.decode()
    assert "Wat er vandaag op je wacht" not in html


def test_de_startpagina_telt_een_vast_aantal_queries(
    medewerker_client, workshop, werkmodellen, django_assert_max_num_queries
):
    def vullen(n: int):
        netwerk = maak_netwerk()
        for i in range(n):
            aanvraag(workshop, f"Vereniging {n}-{i}", dagen_geleden=i)
            sessie = maak_sessie(workshop, dagen=5 + i)
            workshop_services.inschrijving_maken(
                sessie=sessie, naam="An", email=f"an{n}{i}@example.org"
            )
            maak_inspiratie(status=Inspiratie.Status.REVIEW)
            maak_bijeenkomst(netwerk, dagen=-1 - i)
            Mail.objects.create(
                ontvanger="x@example.org", onderwerp="x", tekst="x", status="mislukt"
            )

    vullen(1)
    medewerker_client.get("/beheer/")  # warm caches (content types, permissions)
    # Per block a count and one page of rows, whatever waits: no query per line (the
    # workshop of a request, the places of a session, the network of a meeting).
    with django_assert_max_num_queries(22) as een:
        medewerker_client.get("/beheer/")
    vullen(beheer.MAX_REGELS + 3)
    with django_assert_max_num_queries(len(een.captured_queries)):
        antwoord = medewerker_client.get("/beheer/")
    assert antwoord.status_code == 200


def test_de_kern_kent_de_blokken_van_de_apps_alleen_via_het_register(db):
    sleutels = set(beheer._ONDERDELEN)
    assert {
        "workshops-nieuwe-aanvragen",
        "workshops-komende-sessies",
        "inspiraties-ter-review",
        "netwerken-verslagen-te-schrijven",
        "baz-mislukte-mails",
        "baz-persoonsgegevens",
    } <= sleutels
