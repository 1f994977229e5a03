"""The tipper's data: declared in the core's register, exported, erased on request and
anonymised 12 months after the redactie's decision; the proof of consent stays, nameless."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from baz.models import Mail
from baz.persoonsgegevens import register
from baz.persoonsgegevens import services as pg
from inspiraties import services
from inspiraties.forms import TOESTEMMING_VERSIE
from inspiraties.models import Tip

BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def tip(gemeenten, werkmodellen):
    tip, _nieuw = services.tip_indienen(
        titel="Soepcafé De Pollepel",
        wat="Elke zondag koken buren samen soep en eten ze samen.",
        gemeente=gemeenten["Geel"],
        naam="Sofie Peeters",
        email="Sofie@Example.org",
        betrokken=True,
        naam_tonen="volledig",
        contact_toestemming=True,
        toestemming_versie=TOESTEMMING_VERSIE,
    )
    return tip


def test_de_bewaartermijn_staat_in_het_register_en_op_de_privacypagina(client, db):
    termijnen = [t for deel, t in register.bewaartermijnen() if deel.sleutel == "inspiraties-tips"]
    assert len(termijnen) == 1 and termijnen[0].termijn == timedelta(days=365)
    assert "Tip een inspiratie" in client.get("/privacy/").content.decode()


def test_export_toont_de_tip_met_de_toestemming(tip):
    export = pg.persoon_exporteren("sofie@example.org")
    (rij,) = export["inspiraties-tips"]["tips"]
    assert rij["naam"] == "Sofie Peeters" and rij["toestemming_versie"] == TOESTEMMING_VERSIE
    assert rij["toestemming_op"] is not None and rij["contact_toestemming"] is True
    assert "indiening_sleutel" not in rij


def test_wissen_anonimiseert_en_de_naam_verdwijnt_van_het_verhaal(tip, client):
    services.overgang_uitvoeren(inspiratie=tip.inspiratie, naam="oppakken", door=None)
    services.inspiratie_publiceren(inspiratie=tip.inspiratie)
    url = tip.inspiratie.get_absolute_url()
    assert "Sofie Peeters" in client.get(url).content.decode()
    assert client.get(url)["X-Paginacache"] == "hit"
    pg.persoon_wissen("sofie@example.org", door="test")
    assert "Sofie Peeters" not in client.get(url).content.decode()  # the cache follows
    tip.refresh_from_db()
    assert tip.naam == "(geanonimiseerd)" and "sofie" not in tip.email.lower()
    assert tip.geanonimiseerd_op is not None and tip.getoonde_naam == ""
    assert tip.toestemming_versie == TOESTEMMING_VERSIE  # the proof stays, without a person
    assert pg.persoon_tellen("sofie@example.org")["inspiraties-tips"]["tips"] == 0


def test_bewaartermijn_na_de_beslissing(tip, werkmodellen):
    besluit = datetime(2026, 3, 10, 12, tzinfo=BRUSSEL)
    Tip.objects.filter(pk=tip.pk).update(beslist_op=besluit)
    deel = next(d for d in register.delen() if d.sleutel == "inspiraties-tips")
    assert deel.opschonen(nu=besluit + timedelta(days=364), droog=True) == {"tips": 0}
    assert deel.opschonen(nu=besluit + timedelta(days=366)) == {"tips": 1}
    tip.refresh_from_db()
    assert tip.naam == "(geanonimiseerd)"
    assert deel.opschonen(nu=besluit + timedelta(days=400)) == {"tips": 0}  # idempotent


def test_bewaartermijnen_commando_zonder_beslissing(tip):
    Tip.objects.filter(pk=tip.pk).update(aangemaakt_op=datetime(2024, 1, 5, 9, tzinfo=BRUSSEL))
    call_command("bewaartermijnen")
    tip.refresh_from_db()
    assert tip.geanonimiseerd_op is not None
    # A declined tip anonymised later is not mailed anything more.
    assert not Mail.objects.filter(
        ontvanger__iexact="sofie@example.org", soort="inspiraties.tip_afgewezen"
    ).exists()
