"""Begeleiders in /beheer/: chosen by name among active staff who may facilitate (the group
"Begeleiders" or superusers), never an editor; a begeleider's admin shows their own networks."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from netwerken.demo import deelnemers_laden, netwerken_laden
from netwerken.models import Casus, Coachingtraject, Netwerk
from netwerken.queries import mogen_begeleiden

from .factories import maak_deelnemer, maak_user


def _in_groep(user, naam):
    user.groups.add(Group.objects.get(name=naam))
    return user


@pytest.fixture
def mensen(db):
    return {
        "mieke": maak_user(
            "mieke",
            first_name="Mieke",
            last_name="Medewerker",
            is_staff=True,
            is_superuser=True,
        ),
        "bea": _in_groep(
            maak_user("bea", first_name="Bea", last_name="Begeleider", is_staff=True),
            "Begeleiders",
        ),
        "ruben": _in_groep(
            maak_user("ruben", first_name="Ruben", last_name="Redacteur", is_staff=True),
            "Redactie",
        ),
        "staf": maak_user("staf", first_name="Stef", last_name="Staf", is_staff=True),
        "vertrokken": _in_groep(
            maak_user("oud", first_name="Olga", last_name="Oud", is_staff=True, is_active=False),
            "Begeleiders",
        ),
        "geen_staf": _in_groep(maak_user("lid", first_name="Lien", last_name="Lid"), "Begeleiders"),
    }


def _keuzes(client, url) -> dict[str, str]:
    """The begeleider choices of an admin form: label per account id."""
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    veld = antwoord.context["adminform"].form.fields["begeleiders"]
    return {str(waarde): label for waarde, label in veld.choices}


def test_de_groep_begeleiders_uit_de_migratie(db):
    groep = Group.objects.get(name="Begeleiders")
    rechten = set(groep.permissions.values_list("codename", flat=True))
    assert "begeleiden" in rechten
    assert {"change_netwerk", "add_bijeenkomst", "change_verslag"} <= rechten
    assert "alle_netwerken_bekijken" not in rechten  # a begeleider sees their own networks
    assert not Group.objects.get(name="Redactie").permissions.filter(
        codename__in=["begeleiden", "alle_netwerken_bekijken"]
    )


# URL names, reversed in the test: reversing at collection would build the URLconf before
# pytest-django turns DEBUG off (and with DEBUG's /media/ route in it).
@pytest.mark.parametrize(
    "url", ["admin:netwerken_netwerk_add", "admin:netwerken_coachingtraject_add"]
)
def test_keuze_op_naam_alleen_wie_mag_begeleiden(client, mensen, url):
    url = reverse(url)
    client.force_login(mensen["mieke"])
    keuzes = _keuzes(client, url)
    assert sorted(keuzes.values()) == ["Bea Begeleider", "Mieke Medewerker"]
    assert str(mensen["bea"].pk) in keuzes and str(mensen["ruben"].pk) not in keuzes
    html = client.get(url).content.decode()
    assert ">Bea Begeleider</option>" in html
    assert ">bea</option>" not in html and "Ruben Redacteur" not in html
    assert "groep “Begeleiders”" in html  # the help text says why someone is missing


def test_eigen_recht_zonder_groep_telt_ook(mensen):
    mensen["staf"].user_permissions.add(Permission.objects.get(codename="begeleiden"))
    assert set(mogen_begeleiden()) == {mensen["mieke"], mensen["bea"], mensen["staf"]}


def test_zelfde_naam_met_e_mailadres(client, mensen):
    tweede = _in_groep(
        maak_user(
            "bea2",
            first_name="Bea",
            last_name="Begeleider",
            email="bea.b@burgersaanzet.be",
            is_staff=True,
        ),
        "Begeleiders",
    )
    client.force_login(mensen["mieke"])
    keuzes = _keuzes(client, reverse("admin:netwerken_netwerk_add"))
    assert keuzes[str(mensen["bea"].pk)] == "Bea Begeleider (bea@example.org)"
    assert keuzes[str(tweede.pk)] == "Bea Begeleider (bea.b@burgersaanzet.be)"
    assert keuzes[str(mensen["mieke"].pk)] == "Mieke Medewerker"


def _netwerk_gegevens(**extra):
    return {
        "naam": "Lerend netwerk Kempen",
        "slug": "kempen",
        "regio": "Kempen",
        "doel": "Samen leren.",
        "begint_op": "2026-01-01",
        "max_deelnemers": "15",
        "zichtbaar": "on",
        "deelnemers-TOTAL_FORMS": "0",
        "deelnemers-INITIAL_FORMS": "0",
        **extra,
    }


def test_een_redacteur_kan_geen_begeleider_worden(client, mensen):
    client.force_login(mensen["mieke"])
    antwoord = client.post(
        reverse("admin:netwerken_netwerk_add"),
        _netwerk_gegevens(begeleiders=[mensen["ruben"].pk]),
    )
    assert antwoord.status_code in {200, 400}
    assert "begeleiders" in antwoord.context["adminform"].form.errors
    assert not Netwerk.objects.exists()


def test_een_begeleider_kiezen(client, mensen):
    client.force_login(mensen["mieke"])
    antwoord = client.post(
        reverse("admin:netwerken_netwerk_add"), _netwerk_gegevens(begeleiders=[mensen["bea"].pk])
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert list(Netwerk.objects.get().begeleiders.all()) == [mensen["bea"]]


class TestBeheerVanEenBegeleider:
    """A begeleider of the group works in /beheer/ on their own network, not on the others."""

    @pytest.fixture
    def opzet(self, client, mensen):
        eigen = Netwerk.objects.create(
            naam="Kempen", slug="kempen", regio="Kempen", doel="x", begint_op="2026-01-01"
        )
        ander = Netwerk.objects.create(
            naam="Waasland", slug="waasland", regio="Waas", doel="x", begint_op="2026-01-01"
        )
        eigen.begeleiders.add(mensen["bea"])
        maak_deelnemer(eigen, username="an", first_name="An", last_name="Peeters")
        maak_deelnemer(ander, username="bram", first_name="Bram", last_name="Buiten")
        client.force_login(mensen["bea"])
        return client, eigen, ander

    def test_lijsten_tonen_het_eigen_netwerk(self, opzet):
        client, _eigen, _ander = opzet
        html = client.get(reverse("admin:netwerken_netwerk_changelist")).content.decode()
        assert "Kempen" in html and "Waasland" not in html
        html = client.get(reverse("admin:netwerken_deelnemer_changelist")).content.decode()
        assert "An Peeters" in html and "Bram Buiten" not in html

    def test_een_ander_netwerk_is_dicht(self, opzet):
        client, eigen, ander = opzet
        assert (
            client.get(reverse("admin:netwerken_netwerk_change", args=[eigen.pk])).status_code
            == 200
        )
        assert (
            client.get(reverse("admin:netwerken_netwerk_overzicht", args=[ander.pk])).status_code
            == 404
        )
        assert (
            client.get(reverse("admin:netwerken_netwerk_csv", args=[ander.pk])).status_code == 404
        )
        antwoord = client.get(reverse("admin:netwerken_netwerk_change", args=[ander.pk]))
        assert antwoord.status_code == 302  # Django's admin: "does not exist", to the index

    def test_een_bijeenkomst_alleen_voor_het_eigen_netwerk(self, opzet):
        client, eigen, _ander = opzet
        antwoord = client.get(reverse("admin:netwerken_bijeenkomst_add"))
        netwerken = antwoord.context["adminform"].form.fields["netwerk"].queryset
        assert list(netwerken) == [eigen]

    def test_een_bijeenkomst_kiezen_alleen_van_het_eigen_netwerk(self, opzet):
        from tests.netwerken.factories import maak_bijeenkomst

        client, eigen, ander = opzet
        mijn, vreemd = maak_bijeenkomst(eigen), maak_bijeenkomst(ander)
        casus = Casus.objects.create(
            netwerk=eigen,
            deelnemer=eigen.deelnemers.get(),
            bijeenkomst=mijn,
            titel="Een casus",
            context="C",
            vraag="V",
        )
        antwoord = client.get(reverse("admin:netwerken_casus_change", args=[casus.pk]))
        velden = antwoord.context["adminform"].form.fields
        assert mijn in velden["bijeenkomst"].queryset
        assert vreemd not in velden["bijeenkomst"].queryset


def test_demo_medewerker_blijft_begeleider(gemeenten, django_user_model):
    """Also where the demo medewerker is no superuser: the demo puts it in Begeleiders."""
    netwerken_laden()
    mieke = django_user_model.objects.create_user(
        "medewerker", first_name="Mieke", last_name="Medewerker", is_staff=True
    )
    deelnemers_laden()
    netwerk = Netwerk.objects.get(slug="geel-arrondissement-turnhout")
    assert list(netwerk.begeleiders.all()) == [mieke]
    assert mieke in mogen_begeleiden()
    assert Netwerk.objects.van(mieke).get() == netwerk
    assert Coachingtraject.objects.exists()
