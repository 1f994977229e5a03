"""Staff handle a request for access and erasure (GDPR) in the admin, keyboard only; every step
at 0 axe violations on desktop and at phone width."""

import pytest
from django.contrib.auth import get_user_model

from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops import services as workshop_services
from workshops.models import Inschrijving

from .conftest import axe_overtredingen
from .toezicht import aanmelden_als, tab_naar, typ

pytestmark = pytest.mark.django_db(transaction=True)

ADRES = "lien@example.org"


@pytest.fixture
def ingeschreven(werkmodellen):
    sessie = maak_sessie(maak_workshop())
    return workshop_services.inschrijving_maken(
        sessie=sessie, naam="Lien Janssens", email=ADRES, organisatie="KSA", toegankelijkheid=""
    )


def naar(page, veld) -> None:
    """Tab to a field, unless the page already put the focus there."""
    if not veld.evaluate("el => el === document.activeElement"):
        tab_naar(page, veld)


@pytest.mark.parametrize("scherm", ["pagina", "telefoon"])
def test_opzoeken_exporteren_en_wissen_met_het_toetsenbord(
    request, scherm, live_server, medewerker, ingeschreven
):
    page = request.getfixturevalue(scherm)
    aanmelden_als(page, live_server, medewerker)
    page.goto("/beheer/")
    tab_naar(page, page.get_by_role("link", name="Persoonsgegevens opzoeken"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/beheer/persoonsgegevens/")
    assert axe_overtredingen(page) == []

    naar(page, page.get_by_label("E-mailadres"))
    typ(page, "geen-adres")
    page.keyboard.press("Enter")
    page.get_by_text("geldig e-mailadres").first.wait_for()
    assert axe_overtredingen(page) == []

    naar(page, page.get_by_label("E-mailadres"))
    page.keyboard.press("Control+A")
    typ(page, "Lien@Example.org")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=f"Wat we bewaren over {ADRES}").wait_for()
    assert axe_overtredingen(page) == []

    with page.expect_download() as download:
        tab_naar(page, page.get_by_role("button", name="Exporteren (JSON)"))
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.startswith("persoonsgegevens-")

    tab_naar(page, page.get_by_role("button", name="Wissen…"))
    page.keyboard.press("Enter")
    bevestiging = page.get_by_label("Typ het e-mailadres opnieuw")
    bevestiging.wait_for()
    assert axe_overtredingen(page) == []
    naar(page, bevestiging)
    typ(page, "iemand@anders.be")
    page.keyboard.press("Enter")
    page.get_by_text("Dit is niet hetzelfde e-mailadres").first.wait_for()
    assert axe_overtredingen(page) == []
    assert Inschrijving.objects.get().email == ADRES, "nothing erased after a wrong confirmation"

    naar(page, page.get_by_label("Typ het e-mailadres opnieuw"))
    page.keyboard.press("Control+A")
    typ(page, ADRES)
    page.keyboard.press("Enter")
    page.get_by_text("Gewist:").first.wait_for()
    assert axe_overtredingen(page) == []
    assert Inschrijving.objects.get().email != ADRES
    assert not get_user_model().objects.filter(email__iexact=ADRES).exists()
