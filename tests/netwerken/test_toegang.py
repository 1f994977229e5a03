"""Access rules for every members-only URL and every role (issue 4, "Access").

- anonymous visitors go to /account/login/?next=<the page>;
- a member of the network gets the page;
- a member of another network gets a 404 (the network's existence is not confirmed);
- staff see every network, but cannot write as a member (403) when they are not one.
"""

from urllib.parse import quote

import pytest
from django.urls import reverse

from netwerken import services
from netwerken.models import Bericht

from .factories import maak_verslag


@pytest.fixture
def inhoud(netwerk, deelnemer, collega, voorbij, komend):
    maak_verslag(voorbij)
    casus = services.casus_indienen(
        deelnemer=deelnemer, titel="Vrijwilligers", context="Context", vraag="Vraag?"
    )
    bericht = services.bericht_plaatsen(deelnemer=collega, soort="tip", tekst="Lees dit eens")
    return {"netwerk": netwerk, "voorbij": voorbij, "casus": casus, "bericht": bericht}


def _urls(inhoud) -> dict[str, str]:
    slug = inhoud["netwerk"].slug
    b = inhoud["voorbij"].pk
    return {
        "netwerk": reverse("netwerken:netwerk", args=[slug]),
        "profiel": reverse("netwerken:profiel", args=[slug]),
        "bijeenkomst": reverse("netwerken:bijeenkomst", args=[slug, b]),
        "ics": reverse("netwerken:ics", args=[slug, b]),
        "evalueren": reverse("netwerken:evalueren", args=[slug, b]),
        "casus-nieuw": reverse("netwerken:casus-nieuw", args=[slug]),
        "casus": reverse("netwerken:casus", args=[slug, inhoud["casus"].pk]),
        "casus-bewerken": reverse("netwerken:casus-bewerken", args=[slug, inhoud["casus"].pk]),
        "inspireer-elkaar": reverse("netwerken:inspireer-elkaar", args=[slug]),
        "jaarevaluatie": reverse("netwerken:jaarevaluatie", args=[slug]),
    }


LEES = ["netwerk", "bijeenkomst", "ics", "casus", "inspireer-elkaar"]
SCHRIJF = ["profiel", "evalueren", "casus-nieuw", "casus-bewerken", "jaarevaluatie"]
ALLE = LEES + SCHRIJF


@pytest.mark.parametrize("naam", ALLE)
def test_anoniem_naar_aanmelden(client, inhoud, naam):
    url = _urls(inhoud)[naam]
    antwoord = client.get(url)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/account/login/?next={quote(url)}"


@pytest.mark.parametrize("naam", ALLE)
def test_deelnemer_mag_binnen(deelnemer_client, inhoud, naam):
    assert deelnemer_client.get(_urls(inhoud)[naam]).status_code == 200


@pytest.mark.parametrize("naam", ALLE)
def test_lid_van_ander_netwerk_krijgt_404(client, inhoud, buitenstaander, naam):
    client.force_login(buitenstaander.user)
    assert client.get(_urls(inhoud)[naam]).status_code == 404


@pytest.mark.parametrize("naam", ALLE)
def test_lid_van_ander_netwerk_kan_niet_posten(client, inhoud, buitenstaander, naam):
    client.force_login(buitenstaander.user)
    assert client.post(_urls(inhoud)[naam], {"titel": "x"}).status_code == 404


@pytest.mark.parametrize("naam", LEES)
def test_medewerker_leest_elk_netwerk(medewerker_client, inhoud, naam):
    assert medewerker_client.get(_urls(inhoud)[naam]).status_code == 200


@pytest.mark.parametrize("naam", SCHRIJF)
def test_medewerker_zonder_deelname_schrijft_niet(medewerker_client, inhoud, naam):
    assert medewerker_client.get(_urls(inhoud)[naam]).status_code == 403


def test_onbestaand_netwerk_is_404(deelnemer_client):
    assert deelnemer_client.get("/netwerken/bestaat-niet/").status_code == 404


def test_bijeenkomst_van_ander_netwerk_via_eigen_slug_is_404(
    deelnemer_client, netwerk, ander_netwerk
):
    from .factories import maak_bijeenkomst

    vreemd = maak_bijeenkomst(ander_netwerk, dagen=-3)
    url = reverse("netwerken:bijeenkomst", args=[netwerk.slug, vreemd.pk])
    assert deelnemer_client.get(url).status_code == 404


def test_inactief_account_komt_niet_binnen(client, inhoud, deelnemer):
    deelnemer.user.is_active = False
    deelnemer.user.save()
    client.force_login(deelnemer.user)
    antwoord = client.get(_urls(inhoud)["netwerk"])
    assert antwoord.status_code in {302, 404}


class TestReageren:
    def _url(self, inhoud):
        return reverse("netwerken:reageren", args=[inhoud["netwerk"].slug, inhoud["bericht"].pk])

    def test_anoniem_naar_aanmelden(self, client, inhoud):
        antwoord = client.post(
            self._url(inhoud), {f"reactie-{inhoud['bericht'].pk}-tekst": "Dank!"}
        )
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith("/account/login/")

    def test_get_verandert_niets(self, deelnemer_client, inhoud):
        assert deelnemer_client.get(self._url(inhoud)).status_code == 405

    def test_deelnemer_reageert(self, deelnemer_client, inhoud):
        antwoord = deelnemer_client.post(
            self._url(inhoud), {f"reactie-{inhoud['bericht'].pk}-tekst": "Dank!"}
        )
        assert antwoord.status_code == 302
        assert Bericht.objects.get().reacties.get().tekst == "Dank!"

    def test_lid_van_ander_netwerk_krijgt_404(self, client, inhoud, buitenstaander):
        client.force_login(buitenstaander.user)
        assert (
            client.post(
                self._url(inhoud), {f"reactie-{inhoud['bericht'].pk}-tekst": "Hallo"}
            ).status_code
            == 404
        )
        assert not Bericht.objects.get().reacties.exists()

    def test_medewerker_zonder_deelname_krijgt_403(self, medewerker_client, inhoud):
        assert (
            medewerker_client.post(
                self._url(inhoud), {f"reactie-{inhoud['bericht'].pk}-tekst": "Hallo"}
            ).status_code
            == 403
        )


class TestBeheer:
    """Only staff reach /beheer/ and the network overview and CSV export."""

    def test_deelnemer_niet_in_beheer(self, deelnemer_client, netwerk):
        for url in [
            "/beheer/",
            reverse("admin:netwerken_netwerk_overzicht", args=[netwerk.pk]),
            reverse("admin:netwerken_netwerk_csv", args=[netwerk.pk]),
            reverse("admin:netwerken_netwerk_uitnodigen", args=[netwerk.pk]),
        ]:
            antwoord = deelnemer_client.get(url)
            assert antwoord.status_code == 302
            assert antwoord["Location"].startswith("/beheer/login/")

    def test_medewerker_in_beheer(self, medewerker_client, inhoud):
        netwerk = inhoud["netwerk"]
        for url in [
            reverse("admin:netwerken_netwerk_changelist"),
            reverse("admin:netwerken_netwerk_change", args=[netwerk.pk]),
            reverse("admin:netwerken_netwerk_overzicht", args=[netwerk.pk]),
            reverse("admin:netwerken_netwerk_uitnodigen", args=[netwerk.pk]),
            reverse("admin:netwerken_bijeenkomst_change", args=[inhoud["voorbij"].pk]),
            reverse("admin:netwerken_bijeenkomst_add"),
            reverse("admin:netwerken_verslag_changelist"),
            reverse("admin:netwerken_casus_changelist"),
            reverse("admin:netwerken_evaluatie_changelist"),
            reverse("admin:netwerken_interesse_changelist"),
            reverse("admin:netwerken_coachingtraject_add"),
            reverse("admin:netwerken_bericht_changelist"),
            reverse("admin:netwerken_deelnemer_changelist"),
        ]:
            assert medewerker_client.get(url).status_code == 200, url
