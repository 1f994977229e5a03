"""Who may enter a network's members-only space: every role on every members-only URL (issue 11,
point 4: access by role, not by `is_staff`).

- anonymous visitors go to /account/login/?next=<the page>;
- the network's members (deelnemers) read and write;
- its begeleiders, staff with `netwerken.alle_netwerken_bekijken` and superusers read, and get
  a 403 where only a member can write;
- everyone else gets a 404 (the network's existence is not confirmed): a logged-in person of no
  network, a member or begeleider of another network, an editor of the Redactie group, staff
  without the permission;
- staff who still owe their second factor pass it first (/account/tweestaps/?next=...).

The URL list is checked against netwerken/urls.py, so a new members-only page cannot be added
without a row here.
"""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from netwerken import services
from netwerken.models import (
    Bericht,
    Casus,
    CasusReactie,
    Deelnemer,
    Evaluatie,
    Jaarevaluatie,
    Netwerk,
    Reactie,
)
from netwerken.queries import mag_ledenruimte_zien
from netwerken.urls import urlpatterns

from .factories import maak_bijeenkomst, maak_deelnemer, maak_user, maak_verslag


@pytest.fixture
def inhoud(netwerk, deelnemer, collega, voorbij, komend):
    maak_verslag(voorbij)
    casus = services.casus_indienen(
        deelnemer=deelnemer, titel="Vrijwilligers", context="Context", vraag="Vraag?"
    )
    bericht = services.bericht_plaatsen(deelnemer=collega, soort="tip", tekst="Lees dit eens")
    return {"netwerk": netwerk, "voorbij": voorbij, "casus": casus, "bericht": bericht}


def _begeleider(netwerk: Netwerk, username: str):
    user = maak_user(username, first_name="Bea", last_name="Begeleider", is_staff=True)
    user.groups.add(Group.objects.get(name="Begeleiders"))
    netwerk.begeleiders.add(user)
    return user


def _persona(rol: str, inhoud, ander_netwerk):
    """The account of each role (None: an anonymous visitor)."""
    if rol == "anoniem":
        return None
    if rol == "geen_lid":
        return maak_user("zonder-netwerk")
    if rol == "lid":
        return Deelnemer.objects.get(netwerk=inhoud["netwerk"], user__username="an").user
    if rol == "lid_ander_netwerk":
        return maak_deelnemer(ander_netwerk, username="bram").user
    if rol == "begeleider":
        return _begeleider(inhoud["netwerk"], "bea")
    if rol == "begeleider_ander_netwerk":
        return _begeleider(ander_netwerk, "bert")
    if rol == "redacteur":
        user = maak_user("ruben", is_staff=True)
        user.groups.add(Group.objects.get(name="Redactie"))
        return user
    if rol == "medewerker_zonder_recht":
        return maak_user("staf", is_staff=True)
    if rol == "medewerker_met_recht":
        user = maak_user("helpdesk", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="alle_netwerken_bekijken"))
        return user
    if rol == "superuser":
        return maak_user("baas", is_staff=True, is_superuser=True)
    raise AssertionError(rol)


ROLLEN = [
    "anoniem",
    "geen_lid",
    "lid_ander_netwerk",
    "lid",
    "begeleider",
    "begeleider_ander_netwerk",
    "redacteur",
    "medewerker_zonder_recht",
    "medewerker_met_recht",
    "superuser",
]
KIJKERS = {"begeleider", "medewerker_met_recht", "superuser"}  # read, do not write as a member
GEWEIGERD = set(ROLLEN) - KIJKERS - {"anoniem", "lid"}


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
        "reageren": reverse("netwerken:reageren", args=[slug, inhoud["bericht"].pk]),
        "casus-reageren": reverse("netwerken:casus-reageren", args=[slug, inhoud["casus"].pk]),
        "jaarevaluatie": reverse("netwerken:jaarevaluatie", args=[slug]),
    }


def _post_gegevens(naam: str, inhoud) -> dict[str, str]:
    """What a member sends: a valid form, so that a member's POST really writes."""
    return {
        "profiel": {"organisatie": "Gemeente Nieuwdorp"},
        "evalueren": {"score": "4"},
        "casus-nieuw": {"titel": "Nieuwe casus", "context": "Context", "vraag": "Vraag?"},
        "casus-bewerken": {"titel": "Aangepast", "context": "Context", "vraag": "Vraag?"},
        "inspireer-elkaar": {"soort": "tip", "tekst": "Een nieuwe tip"},
        "reageren": {f"reactie-{inhoud['bericht'].pk}-tekst": "Dank je!"},
        "casus-reageren": {"tekst": "Bij ons werkte dit."},
        "jaarevaluatie": {"score": "5"},
    }[naam]


LEZEN = ["netwerk", "bijeenkomst", "ics", "casus", "inspireer-elkaar"]
SCHRIJFPAGINAS = ["profiel", "evalueren", "casus-nieuw", "casus-bewerken", "jaarevaluatie"]
GET_URLS = LEZEN + SCHRIJFPAGINAS  # reageren only takes a POST (see test_reageren_get_is_405)
POST_URLS = [*SCHRIJFPAGINAS, "inspireer-elkaar", "reageren", "casus-reageren"]


# Attendance (netwerken/urls_aanwezigheid.py): staff pages and a member's own attestations,
# with their own access matrix in tests/netwerken/test_aanwezigheid.py.
AANWEZIGHEID = {
    "bijeenkomst-aanwezigheidslijst",
    "bijeenkomst-aanwezigheidslijst-pdf",
    "bijeenkomst-inchecken",
    "bijeenkomst-inchecken-markeren",
    "attesten",
    "attest",
}


def _namen(patronen) -> set[str]:
    namen = set()
    for patroon in patronen:
        if hasattr(patroon, "url_patterns"):  # an include()
            namen |= _namen(patroon.url_patterns)
        else:
            namen.add(patroon.name)
    return namen


def test_de_matrix_dekt_elke_ledenpagina():
    """Every URL of netwerken/urls.py except the public overview is a members-only page here."""
    namen = _namen(urlpatterns) - {"overzicht"} - AANWEZIGHEID
    assert namen == set(GET_URLS) | set(POST_URLS)


def _stand():
    """What a write would change (to prove a refused POST changed nothing)."""
    return (
        sorted(Casus.objects.values_list("titel", flat=True)),
        Bericht.objects.count(),
        Reactie.objects.count(),
        CasusReactie.objects.count(),
        Evaluatie.objects.count(),
        Jaarevaluatie.objects.count(),
        sorted(Deelnemer.objects.values_list("organisatie", flat=True)),
    )


def _aangemeld(client, rol, inhoud, ander_netwerk):
    user = _persona(rol, inhoud, ander_netwerk)
    if user is not None:
        client.force_login(user)
    return client, user


def _verwacht(rol: str, naam: str, methode: str) -> int | str:
    if rol == "anoniem":
        return "aanmelden"
    if rol in GEWEIGERD:
        return 404
    if rol == "lid":
        return 302 if methode == "post" else 200
    return 200 if methode == "get" and naam in LEZEN else 403


def _controleren(antwoord, verwacht, url):
    if verwacht == "aanmelden":
        assert antwoord.status_code == 302
        assert antwoord["Location"] == f"/account/login/?next={quote(url)}"
    else:
        assert antwoord.status_code == verwacht, antwoord.content.decode()[:500]


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", GET_URLS)
def test_get(client, inhoud, ander_netwerk, rol, naam):
    client, _user = _aangemeld(client, rol, inhoud, ander_netwerk)
    url = _urls(inhoud)[naam]
    verwacht = _verwacht(rol, naam, "get")
    antwoord = client.get(url)
    _controleren(antwoord, verwacht, url)
    if verwacht == 404:
        # The site's own Dutch 404, which names no network.
        html = antwoord.content.decode()
        assert 'lang="nl"' in html and inhoud["netwerk"].naam not in html
    if verwacht == 403:
        assert "Je hebt geen toegang tot deze pagina" in antwoord.content.decode()


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("naam", POST_URLS)
def test_post(client, inhoud, ander_netwerk, rol, naam):
    client, _user = _aangemeld(client, rol, inhoud, ander_netwerk)
    url = _urls(inhoud)[naam]
    verwacht = _verwacht(rol, naam, "post")
    voor = _stand()
    antwoord = client.post(url, _post_gegevens(naam, inhoud))
    _controleren(antwoord, verwacht, url)
    if rol == "lid":
        assert _stand() != voor, "a member's valid POST writes"
    else:
        assert _stand() == voor, "a refused POST changes nothing"


@pytest.mark.parametrize("rol", ROLLEN)
def test_de_regel_op_een_plaats(inhoud, ander_netwerk, rol):
    """`mag_ledenruimte_zien` and `zichtbaar_voor` say what the views do."""
    from django.contrib.auth.models import AnonymousUser

    user = _persona(rol, inhoud, ander_netwerk) or AnonymousUser()
    netwerk = inhoud["netwerk"]
    mag = rol in KIJKERS | {"lid"}
    assert mag_ledenruimte_zien(user, netwerk) is mag
    assert (netwerk in Netwerk.objects.zichtbaar_voor(user)) is mag


@pytest.mark.parametrize("rol", ["begeleider", "medewerker_met_recht", "superuser"])
@pytest.mark.parametrize("methode", ["get", "post"])
def test_medewerker_zonder_tweede_factor_eerst_naar_de_tweede_stap(
    client, inhoud, ander_netwerk, settings, rol, methode
):
    settings.BEHEER_TWEESTAPS = True
    client, user = _aangemeld(client, rol, inhoud, ander_netwerk)
    url = _urls(inhoud)["netwerk"]
    antwoord = getattr(client, methode)(url)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"/account/tweestaps/?next={quote(url, safe='')}"
    assert not mag_ledenruimte_zien(user, inhoud["netwerk"])


def test_begeleider_die_niet_meer_mag_begeleiden_komt_niet_binnen(client, inhoud):
    """Out of the group Begeleiders, a begeleider no longer enters (nor shows as one)."""
    bea = _begeleider(inhoud["netwerk"], "bea")
    bea.groups.clear()
    client.force_login(bea)
    assert client.get(_urls(inhoud)["netwerk"]).status_code == 404
    assert not Netwerk.objects.van(bea).exists()


def test_begeleider_met_eigen_recht_zonder_groep(client, inhoud):
    bea = maak_user("bea", is_staff=True)
    bea.user_permissions.add(Permission.objects.get(codename="begeleiden"))
    inhoud["netwerk"].begeleiders.add(bea)
    client.force_login(bea)
    assert client.get(_urls(inhoud)["netwerk"]).status_code == 200


def test_begeleider_die_geen_medewerker_meer_is_komt_niet_binnen(client, inhoud):
    bea = _begeleider(inhoud["netwerk"], "bea")
    bea.is_staff = False
    bea.save()
    client.force_login(bea)
    assert client.get(_urls(inhoud)["netwerk"]).status_code == 404


def test_begeleider_ziet_dat_hij_geen_deelnemer_is_en_geen_schrijfmenu(client, inhoud):
    client.force_login(_begeleider(inhoud["netwerk"], "bea"))
    html = client.get(_urls(inhoud)["netwerk"]).content.decode()
    assert "je bent zelf geen deelnemer" in html
    assert "Casus indienen" not in html and "Mijn profiel" not in html
    assert "Gemeente Demodorp" in html  # the member list


def test_lid_ziet_het_netwerkmenu(deelnemer_client, inhoud):
    html = deelnemer_client.get(_urls(inhoud)["netwerk"]).content.decode()
    assert "Casus indienen" in html and "Mijn profiel" in html
    assert "je bent zelf geen deelnemer" not in html


def test_lid_van_twee_netwerken_ziet_beide(client, inhoud, ander_netwerk, deelnemer):
    services.deelnemer_toevoegen(
        netwerk=ander_netwerk, user=deelnemer.user, organisatie="Gemeente Demodorp"
    )
    client.force_login(deelnemer.user)
    assert client.get(_urls(inhoud)["netwerk"]).status_code == 200
    assert client.get(ander_netwerk.get_absolute_url()).status_code == 200
    assert Netwerk.objects.zichtbaar_voor(deelnemer.user).count() == 2


def test_reageren_get_is_405(deelnemer_client, inhoud):
    assert deelnemer_client.get(_urls(inhoud)["reageren"]).status_code == 405


def test_onbestaand_netwerk_is_404(deelnemer_client):
    assert deelnemer_client.get("/netwerken/bestaat-niet/").status_code == 404


def test_bijeenkomst_van_ander_netwerk_via_eigen_slug_is_404(
    deelnemer_client, netwerk, ander_netwerk
):
    vreemd = maak_bijeenkomst(ander_netwerk, dagen=-3)
    url = reverse("netwerken:bijeenkomst", args=[netwerk.slug, vreemd.pk])
    assert deelnemer_client.get(url).status_code == 404


def test_inactief_account_komt_niet_binnen(client, inhoud, deelnemer):
    deelnemer.user.is_active = False
    deelnemer.user.save()
    client.force_login(deelnemer.user)
    antwoord = client.get(_urls(inhoud)["netwerk"])
    assert antwoord.status_code in {302, 404}
    assert not mag_ledenruimte_zien(deelnemer.user, inhoud["netwerk"])


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
