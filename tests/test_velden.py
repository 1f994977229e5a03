"""One-line text fields (baz/velden.py): every typed CharField of every model is an EenRegelTekst,
every one-line field of a plain form an EenRegelVeld, and a line break gets a Dutch message.

The public and member forms are tested where they live: tests/workshops/test_eenregelvelden.py
and tests/netwerken/test_eenregelvelden.py.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from baz.tweestaps import CodeForm
from baz.velden import EenRegelTekst, EenRegelVeld, geen_regeleinden

# The five characters the issue names: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
REGELEINDEN = {"CR": "\r", "LF": "\n", "NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
MELDING = "Schrijf dit op één regel, zonder regeleinde (Enter)."
# Apps whose models people type into (public forms, member pages, the admin).
GETYPT = ("workshops", "netwerken", "inspiraties")


def _schrijfbaar_in_beheer(model, verzoek) -> bool:
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        return False
    return model_admin.has_add_permission(verzoek) or model_admin.has_change_permission(verzoek)


def _te_controleren_modellen(verzoek):
    for config in apps.get_app_configs():
        if config.name in GETYPT:
            yield from config.get_models()
        elif config.name == "baz":
            # The core's own tables are written by code (outbox, audit, erasures, Statbel's
            # municipalities); one that staff can write in the admin is checked like the rest.
            yield from (m for m in config.get_models() if _schrijfbaar_in_beheer(m, verzoek))


def test_elk_getypt_tekstveld_is_een_eenregeltekst(medewerker):
    verzoek = RequestFactory().get("/beheer/")
    verzoek.user = medewerker  # a superuser: every admin that can write at all, writes
    gecontroleerd, fout = 0, []
    for model in _te_controleren_modellen(verzoek):
        for veld in model._meta.get_fields():
            if not isinstance(veld, models.CharField) or not veld.editable:
                continue
            if veld.choices or isinstance(veld, models.SlugField):
                continue
            gecontroleerd += 1
            naam = f"{model._meta.label}.{veld.name}"
            if isinstance(veld, models.EmailField | models.URLField):
                # One line too; their own validator still lets U+2028 through in a domain.
                if geen_regeleinden not in veld.validators:
                    fout.append(f"{naam}: validators=[geen_regeleinden] ontbreekt")
            elif not isinstance(veld, EenRegelTekst):
                fout.append(f"{naam}: is een {type(veld).__name__}, geen EenRegelTekst")
    assert not fout, "\n".join(fout)
    assert gecontroleerd >= 40


def test_het_formulierveld_komt_uit_het_modelveld():
    from workshops.models import Aanvraag

    veld = Aanvraag._meta.get_field("organisatie").formfield()
    assert isinstance(veld, EenRegelVeld)
    assert veld.max_length == 200
    # Choices still give a choice field.
    assert not isinstance(
        EenRegelTekst(max_length=5, choices=[("a", "A")]).formfield(), EenRegelVeld
    )


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
def test_validator_weigert_elk_regeleinde(teken):
    veld = EenRegelVeld(max_length=100)
    with pytest.raises(Exception) as fout:
        veld.clean(f"Vereniging{teken}De Kring")
    assert MELDING in fout.value.messages
    assert veld.clean("  Vereniging De Kring  ") == "Vereniging De Kring"
    # A line break at the end is stripped, as any surrounding white space.
    assert veld.clean(f"Vereniging De Kring{teken}") == "Vereniging De Kring"


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
def test_beheer_weigert_regeleinden(medewerker_client, teken):
    """The admin's forms come from the model fields: a title with a line break is refused."""
    titel = f"Iedereen welkom{teken}in jouw vereniging"
    antwoord = medewerker_client.post(
        reverse("admin:workshops_doelpubliek_add"), {"naam": titel, "slug": "x", "volgorde": 1}
    )
    assert antwoord.status_code == 200
    form = antwoord.context["adminform"].form
    assert form.errors["naam"] == [MELDING]
    assert form["naam"].value() == titel
    assert MELDING in antwoord.content.decode()


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
def test_uitnodigen_in_het_beheer_weigert_regeleinden(medewerker_client, teken):
    from tests.netwerken.factories import maak_netwerk

    netwerk = maak_netwerk(naam="Lerend netwerk Kempen", slug="kempen")
    gegevens = {
        "email": f"an@voor{teken}beeld.be",
        "voornaam": f"An{teken}Bcc: iemand@example.org",
        "achternaam": "Peeters",
        "organisatie": "Gemeente Geel",
        "rol": "",
    }
    antwoord = medewerker_client.post(
        reverse("admin:netwerken_netwerk_uitnodigen", args=[netwerk.pk]), gegevens
    )
    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert form.errors["voornaam"] == [MELDING]
    assert "email" in form.errors  # Django's own check or ours (U+2028 in the domain)
    assert form["voornaam"].value() == gegevens["voornaam"]
    assert MELDING in antwoord.content.decode()
    assert not netwerk.deelnemers.exists()


@pytest.mark.parametrize("teken", REGELEINDEN.values(), ids=REGELEINDEN.keys())
def test_tweestapscode_weigert_regeleinden(teken):
    form = CodeForm({"code": f"123{teken}456"})
    assert not form.is_valid()
    assert form.errors["code"] == [MELDING]


@pytest.mark.parametrize("teken", ["\n", "\u2028"], ids=["LF", "LS"])
def test_gebruikersbeheer_weigert_regeleinden_in_namen(medewerker_client, medewerker, teken):
    """Django's own user admin too: a name ends up in mails, CSV exports and the admin log."""
    url = reverse("admin:auth_user_change", args=[medewerker.pk])
    formulier = medewerker_client.get(url).context["adminform"].form
    gegevens = {
        naam: formulier.initial.get(naam) or ""
        for naam in ("username", "first_name", "last_name", "email")
    }
    gegevens.update(
        {
            "last_name": f"Peeters{teken}Bcc: x@example.org",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00",
        }
    )
    antwoord = medewerker_client.post(url, gegevens)
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors["last_name"] == [MELDING]
