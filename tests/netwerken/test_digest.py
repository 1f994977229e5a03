"""The digest (issue 14, part 8): what is new in the member's network since their last one
(cases, replies to cases, posts, replies), never their own and nothing of another network;
weekly by default (Monday 08:00 Brussels), daily or off on the profile; once per moment, and
only when there is something new."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from baz import periodiek
from baz.models import Mail
from netwerken import services
from netwerken.models import Bericht, Casus, CasusReactie, Deelnemer, Digest, Reactie
from tests.tegelijk import tegelijk

from .factories import maak_deelnemer, maak_netwerk

BRUSSEL = ZoneInfo("Europe/Brussels")
# Monday 8 June 2026, 08:00 in Brussels (summer time): 06:00 UTC.
MAANDAG = datetime(2026, 6, 8, 8, 0, tzinfo=BRUSSEL)


def _op(rij, moment: datetime):
    """Backdate a row (aangemaakt_op is auto_now_add)."""
    type(rij).objects.filter(pk=rij.pk).update(aangemaakt_op=moment)
    return rij


def _digests():
    return Mail.objects.filter(soort="netwerken.digest")


@pytest.fixture
def leden(deelnemer, collega, buitenstaander):
    """Three members, all since well before the week under test."""
    Deelnemer.objects.update(aangemaakt_op=MAANDAG - timedelta(days=60))
    for lid in (deelnemer, collega, buitenstaander):
        lid.refresh_from_db()
    return deelnemer, collega, buitenstaander


@pytest.fixture
def nieuws(leden):
    """During the week before MAANDAG: Jef (same network) posts a case, a post and replies; An
    posts her own; Bram, in another network, posts too. One case of Jef is older."""
    an, jef, bram = leden
    week = MAANDAG - timedelta(days=3)
    casus = _op(
        services.casus_indienen(
            deelnemer=jef, titel="Vrijwilligers vinden", context="C", vraag="V"
        ),
        week,
    )
    _op(services.casus_indienen(deelnemer=jef, titel="Oude casus", context="C", vraag="V"),
        MAANDAG - timedelta(days=40))  # fmt: skip
    eigen = _op(
        services.casus_indienen(deelnemer=an, titel="Mijn eigen casus", context="C", vraag="V"),
        week,
    )
    _op(services.casus_reactie_plaatsen(casus=eigen, deelnemer=jef, tekst="Jef helpt An"), week)
    _op(services.casus_reactie_plaatsen(casus=casus, deelnemer=an, tekst="An antwoordt zelf"), week)
    bericht = _op(services.bericht_plaatsen(deelnemer=jef, soort="tip", tekst="Tip van Jef"), week)
    _op(services.reactie_plaatsen(bericht=bericht, deelnemer=jef, tekst="Jef vult aan"), week)
    _op(services.bericht_plaatsen(deelnemer=an, soort="vraag", tekst="Vraag van An"), week)
    _op(services.bericht_plaatsen(deelnemer=bram, soort="tip", tekst="Tip van Bram"), week)
    _op(services.casus_indienen(deelnemer=bram, titel="Casus in Waasland", context="C", vraag="V"),
        week)  # fmt: skip
    Mail.objects.all().delete()  # the notifications of the replies
    return {"casus": casus, "eigen": eigen}


def test_digest_moment_maandag_acht_uur_in_brussel():
    # Just before Monday 08:00 the last moment is the previous Monday.
    assert services.digest_moment(Digest.WEKELIJKS, MAANDAG - timedelta(seconds=1)) == (
        MAANDAG - timedelta(days=7)
    )
    assert services.digest_moment(Digest.WEKELIJKS, MAANDAG) == MAANDAG
    assert services.digest_moment(Digest.WEKELIJKS, MAANDAG + timedelta(days=6)) == MAANDAG
    # Winter time: Monday 2 November 2026, 08:00 Brussels is 07:00 UTC.
    winter = datetime(2026, 11, 4, 12, 0, tzinfo=UTC)
    assert services.digest_moment(Digest.WEKELIJKS, winter) == datetime(
        2026, 11, 2, 7, 0, tzinfo=UTC
    )
    assert services.digest_moment(Digest.DAGELIJKS, winter) == datetime(
        2026, 11, 4, 7, 0, tzinfo=UTC
    )
    assert services.digest_moment(Digest.UIT, winter) is None


def test_inhoud_alleen_nieuw_van_anderen_uit_het_eigen_netwerk(nieuws, deelnemer):
    aantal = services.digests_versturen(nu=MAANDAG + timedelta(minutes=5))
    assert aantal == 2  # An and Jef; Bram's Waasland has only his own
    digest = _digests().get(ontvanger="an@example.org")
    assert digest.onderwerp == "Nieuw in Lerend netwerk Kempen"
    tekst = digest.tekst
    assert "Vrijwilligers vinden (Jef Claes, Gemeente Demodorp)" in tekst
    assert nieuws["casus"].get_absolute_url() in tekst
    assert "Jef helpt An" in tekst
    assert "Tip van Jef" in tekst
    assert "Jef vult aan" in tekst
    for niet in ("Oude casus", "Mijn eigen casus\n", "An antwoordt zelf", "Vraag van An",
                 "Tip van Bram", "Casus in Waasland"):  # fmt: skip
        assert niet not in tekst, niet
    assert "Mijn eigen casus" in tekst  # only as the case Jef replied to
    assert reverse("netwerken:profiel", args=["kempen"]) in tekst
    assert "wekelijks (op maandag)" in tekst

    jef = _digests().get(ontvanger="jef@example.org").tekst
    assert "Mijn eigen casus (An Peeters" in jef and "Vraag van An" in jef
    assert "An antwoordt zelf" in jef
    assert "Tip van Jef" not in jef and "Jef helpt An" not in jef
    assert not _digests().filter(ontvanger="bram@example.org").exists()
    deelnemer.refresh_from_db()
    assert deelnemer.digest_verstuurd_tot == MAANDAG + timedelta(minutes=5)


def test_eenmaal_per_moment_ook_als_de_taak_vaker_loopt(nieuws):
    nu = MAANDAG + timedelta(minutes=5)
    assert services.digests_versturen(nu=nu) == 2
    assert services.digests_versturen(nu=nu) == 0
    assert services.digests_versturen(nu=nu + timedelta(days=2)) == 0
    assert periodiek.uitvoeren(nu=nu + timedelta(hours=1), alle=True)["netwerken.digest"] == 0
    assert _digests().count() == 2
    # The next Monday, only what came after the first digest.
    nieuw = services.bericht_plaatsen(deelnemer=Deelnemer.objects.get(user__username="jef"),
                                      soort="link", tekst="Nieuwe link", link="https://a.be")  # fmt: skip
    _op(nieuw, nu + timedelta(days=3))
    assert services.digests_versturen(nu=nu + timedelta(days=7)) == 1
    tweede = _digests().filter(ontvanger="an@example.org").order_by("-pk").first()
    assert "Nieuwe link" in tweede.tekst and "Tip van Jef" not in tweede.tekst


def test_niets_nieuw_geen_mail(leden):
    assert services.digests_versturen(nu=MAANDAG + timedelta(minutes=5)) == 0
    assert not _digests().exists()
    # The window still moved on: next week looks only at next week.
    assert all(d.digest_verstuurd_tot for d in Deelnemer.objects.all())


def test_afmelden_in_het_profiel(client, nieuws, deelnemer):
    client.force_login(deelnemer.user)
    url = reverse("netwerken:profiel", args=["kempen"])
    pagina = client.get(url).content.decode()
    assert "Overzicht van wat nieuw is in het netwerk" in pagina
    assert re.search(r'<input type="radio" name="digest" value="wekelijks"[^>]* checked', pagina)
    gegevens = {"organisatie": "Gemeente Demodorp", "rol": "", "telefoon": "", "digest": "uit"}
    assert client.post(url, gegevens).status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.digest == Digest.UIT
    services.digests_versturen(nu=MAANDAG + timedelta(minutes=5))
    assert not _digests().filter(ontvanger="an@example.org").exists()
    assert _digests().filter(ontvanger="jef@example.org").exists()

    # A wrong choice: 400, with what was typed kept.
    fout = client.post(url, {**gegevens, "organisatie": "Nieuwe naam", "digest": "elk-uur"})
    assert fout.status_code == 400
    html = fout.content.decode()
    assert "Kies hoe vaak je het overzicht wilt krijgen." in html
    assert 'value="Nieuwe naam"' in html


def test_weer_aanzetten_begint_vanaf_dan(nieuws, deelnemer):
    services.profiel_bijwerken(deelnemer=deelnemer, user=deelnemer.user, digest=Digest.UIT)
    services.profiel_bijwerken(deelnemer=deelnemer, user=deelnemer.user, digest=Digest.DAGELIJKS)
    deelnemer.refresh_from_db()
    assert deelnemer.digest_verstuurd_tot is not None
    assert deelnemer.digest_verstuurd_tot <= timezone.now()


def test_dagelijks(leden, deelnemer, collega):
    services.profiel_bijwerken(deelnemer=deelnemer, user=deelnemer.user, digest=Digest.DAGELIJKS)
    Deelnemer.objects.filter(pk=deelnemer.pk).update(digest_verstuurd_tot=None)
    dinsdag = MAANDAG + timedelta(days=1)
    _op(services.bericht_plaatsen(deelnemer=collega, soort="tip", tekst="Maandagtip"),
        MAANDAG + timedelta(hours=4))  # fmt: skip
    # Tuesday 08:00: the daily member gets it; the weekly one waits until next Monday.
    assert services.digests_versturen(nu=dinsdag + timedelta(minutes=1)) == 1
    assert _digests().get().ontvanger == "an@example.org"
    assert "dagelijks" in _digests().get().tekst


def test_geen_digest_voor_een_inactief_account(nieuws, deelnemer):
    deelnemer.user.is_active = False
    deelnemer.user.save()
    services.digests_versturen(nu=MAANDAG + timedelta(minutes=5))
    assert not _digests().filter(ontvanger="an@example.org").exists()


def test_ophalen_telt_vaste_queries(nieuws, django_assert_max_num_queries, deelnemer):
    # Many more rows do not make more queries per member.
    jef = Deelnemer.objects.get(user__username="jef")
    for nummer in range(25):
        _op(Bericht.objects.create(netwerk=jef.netwerk, deelnemer=jef, tekst=f"Tip {nummer}"),
            MAANDAG - timedelta(days=1))  # fmt: skip
    van = MAANDAG - timedelta(days=7)
    with django_assert_max_num_queries(4):
        inhoud = services.digest_inhoud(deelnemer, van, MAANDAG)
        assert inhoud["meer_berichten"] is True
        for rij in inhoud["berichten"] + inhoud["reacties"] + inhoud["casusreacties"]:
            str(rij.deelnemer.naam)
        for casus in inhoud["casussen"]:
            str(casus.get_absolute_url())
    assert len(inhoud["berichten"]) == services.DIGEST_MAX_PER_SOORT
    assert Casus.objects.exists() and CasusReactie.objects.exists() and Reactie.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_runs_sturen_elk_lid_een_digest():
    netwerk = maak_netwerk(slug="gelijktijdig", max_deelnemers=20)
    leden = [maak_deelnemer(netwerk, username=f"lid{n}") for n in range(10)]
    Deelnemer.objects.update(aangemaakt_op=MAANDAG - timedelta(days=60))
    for lid in leden:
        _op(services.bericht_plaatsen(deelnemer=lid, soort="tip", tekst=f"Tip {lid.pk}"),
            MAANDAG - timedelta(days=1))  # fmt: skip
    uitkomsten = tegelijk(lambda: services.digests_versturen(nu=MAANDAG + timedelta(minutes=1)))
    assert sum(uitkomsten) == 10
    assert _digests().count() == 10
    assert len(set(_digests().values_list("ontvanger", flat=True))) == 10


def test_wissen_van_een_lid_neemt_zijn_digests_mee(nieuws, deelnemer, collega):
    """The digest is keyed to the membership (baz.mail.sleutel_voor): when it is erased (the
    network ended, or the person asked), its digests go too, even to an address since changed."""
    from netwerken.persoonsgegevens import deelnames_verwijderen

    assert services.digests_versturen(nu=MAANDAG + timedelta(minutes=5)) == 2
    an = _digests().get(ontvanger="an@example.org")
    assert an.sleutel == f"netwerken.deelnemer:{deelnemer.pk}"
    deelnemer.user.email = "an.nieuw@example.org"
    deelnemer.user.save(update_fields=["email"])
    deelnames_verwijderen([deelnemer])
    assert not _digests().filter(pk=an.pk).exists()
    assert _digests().filter(ontvanger="jef@example.org").exists()  # Jef's stays


@pytest.fixture
def an_ook_in_waasland(leden, ander_netwerk):
    """An is a member of a second network (Waasland, where Bram is), for as long as in Kempen."""
    an = leden[0]
    tweede = services.deelnemer_toevoegen(netwerk=ander_netwerk, user=an.user, organisatie="OCMW")
    Deelnemer.objects.filter(pk=tweede.pk).update(aangemaakt_op=MAANDAG - timedelta(days=60))
    tweede.refresh_from_db()
    return tweede


def test_lid_van_twee_netwerken_krijgt_een_mail_met_een_deel_per_netwerk(
    nieuws, deelnemer, an_ook_in_waasland
):
    nu = MAANDAG + timedelta(minutes=5)
    assert services.digests_versturen(nu=nu) == 2  # An (one mail for both) and Jef
    an = _digests().get(ontvanger="an@example.org")
    assert an.onderwerp == "Nieuw in je netwerken: Lerend netwerk Kempen, Lerend netwerk Waasland"
    tekst = an.tekst
    assert tekst.startswith("Hallo An Peeters,")
    kempen, waasland = tekst.split("== Lerend netwerk Kempen")[1].split(
        "== Lerend netwerk Waasland"
    )
    assert "Vrijwilligers vinden (Jef Claes, Gemeente Demodorp)" in kempen and "Bram" not in kempen
    assert "Tip van Bram" in waasland and "Casus in Waasland (Bram Buiten" in waasland
    assert "Vrijwilligers vinden" not in waasland
    assert reverse("netwerken:inspireer-elkaar", args=["waasland"]) in waasland
    for slug in ("kempen", "waasland"):
        assert reverse("netwerken:profiel", args=[slug]) in tekst
    assert "- Lerend netwerk Waasland: wekelijks (op maandag)\n" in tekst
    # Keyed to An herself: leaving (or the erasure of) one network keeps the other's news.
    assert an.sleutel == f"auth.user:{deelnemer.user_id}"
    an_ook_in_waasland.refresh_from_db()
    deelnemer.refresh_from_db()
    assert deelnemer.digest_verstuurd_tot == an_ook_in_waasland.digest_verstuurd_tot == nu
    # Idempotent: a second run, or one later in the week, sends nothing more.
    assert services.digests_versturen(nu=nu) == 0
    assert services.digests_versturen(nu=nu + timedelta(days=3)) == 0
    assert _digests().filter(ontvanger="an@example.org").count() == 1


def test_alleen_de_netwerken_met_iets_nieuws(leden, deelnemer, collega, an_ook_in_waasland):
    _op(services.bericht_plaatsen(deelnemer=collega, soort="tip", tekst="Tip van Jef"),
        MAANDAG - timedelta(days=2))  # fmt: skip
    assert services.digests_versturen(nu=MAANDAG + timedelta(minutes=5)) == 1
    mail = _digests().get()
    assert mail.ontvanger == "an@example.org"
    assert mail.onderwerp == "Nieuw in Lerend netwerk Kempen"  # as for a member of one network
    assert "Tip van Jef" in mail.tekst and "Waasland" not in mail.tekst
    assert "Je krijgt dit overzicht wekelijks (op maandag)" in mail.tekst
    # Waasland's window moved on as well: next week looks only at next week.
    an_ook_in_waasland.refresh_from_db()
    assert an_ook_in_waasland.digest_verstuurd_tot == MAANDAG + timedelta(minutes=5)


def test_elk_netwerk_op_de_eigen_frequentie_samen_als_ze_samen_vallen(
    leden, deelnemer, collega, buitenstaander, an_ook_in_waasland
):
    """An wants Kempen weekly, Waasland daily: on Monday both come in one mail, on Tuesday
    only Waasland."""
    services.profiel_bijwerken(
        deelnemer=an_ook_in_waasland, user=deelnemer.user, digest=Digest.DAGELIJKS
    )
    Deelnemer.objects.filter(pk=an_ook_in_waasland.pk).update(
        digest_verstuurd_tot=MAANDAG - timedelta(days=1)
    )
    Deelnemer.objects.filter(pk=deelnemer.pk).update(
        digest_verstuurd_tot=MAANDAG - timedelta(days=7)
    )
    _op(services.bericht_plaatsen(deelnemer=collega, soort="tip", tekst="Zondagtip van Jef"),
        MAANDAG - timedelta(hours=20))  # fmt: skip
    _op(services.bericht_plaatsen(deelnemer=buitenstaander, soort="tip", tekst="Zondagtip van Bram"),
        MAANDAG - timedelta(hours=20))  # fmt: skip
    _op(services.bericht_plaatsen(deelnemer=buitenstaander, soort="tip", tekst="Maandagtip van Bram"),
        MAANDAG + timedelta(hours=4))  # fmt: skip

    services.digests_versturen(nu=MAANDAG + timedelta(minutes=5))
    maandag = _digests().get(ontvanger="an@example.org")
    assert "Zondagtip van Jef" in maandag.tekst and "Zondagtip van Bram" in maandag.tekst
    assert "- Lerend netwerk Waasland: dagelijks\n" in maandag.tekst

    services.digests_versturen(nu=MAANDAG + timedelta(days=1, minutes=5))
    dinsdag = _digests().filter(ontvanger="an@example.org").latest("pk")
    assert dinsdag.pk != maandag.pk
    assert dinsdag.onderwerp == "Nieuw in Lerend netwerk Waasland"
    assert "Maandagtip van Bram" in dinsdag.tekst
    assert "Zondagtip" not in dinsdag.tekst and "Kempen" not in dinsdag.tekst
    assert "Je krijgt dit overzicht dagelijks" in dinsdag.tekst
    assert _digests().filter(ontvanger="an@example.org").count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_runs_sturen_wie_in_twee_netwerken_zit_een_digest():
    netwerken = [maak_netwerk(slug=f"dubbel-{n}", max_deelnemers=20) for n in range(2)]
    leden = [maak_deelnemer(netwerken[0], username=f"dubbel{n}") for n in range(6)]
    for lid in leden:
        services.deelnemer_toevoegen(netwerk=netwerken[1], user=lid.user, organisatie="OCMW")
    Deelnemer.objects.update(aangemaakt_op=MAANDAG - timedelta(days=60))
    for lid in Deelnemer.objects.all():
        _op(services.bericht_plaatsen(deelnemer=lid, soort="tip", tekst=f"Tip {lid.pk}"),
            MAANDAG - timedelta(days=1))  # fmt: skip
    uitkomsten = tegelijk(lambda: services.digests_versturen(nu=MAANDAG + timedelta(minutes=1)))
    assert sum(uitkomsten) == 6
    assert _digests().count() == 6
    assert len(set(_digests().values_list("ontvanger", flat=True))) == 6
    assert all(mail.onderwerp.startswith("Nieuw in je netwerken: ") for mail in _digests())
