"""Replies to a case (issue 14, part 8): members of the case's network reply on the case page,
the author hears of it through the outbox; bad input answers 400 and keeps the text; rate
limited; declared personal data (export, erasure); a fixed number of queries however many."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baz.models import Mail
from baz.persoonsgegevens.services import persoon_exporteren, persoon_wissen
from netwerken import services
from netwerken.models import CasusReactie

from .factories import maak_deelnemer


@pytest.fixture
def casus(collega):
    """Jef's case; An (deelnemer) replies."""
    return services.casus_indienen(
        deelnemer=collega, titel="Vrijwilligers vinden", context="Een buurtproject.", vraag="Hoe?"
    )


def _url(casus) -> str:
    return reverse("netwerken:casus-reageren", args=[casus.netwerk.slug, casus.pk])


def test_lid_reageert_en_de_auteur_krijgt_een_mail(
    deelnemer_client, casus, deelnemer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = deelnemer_client.post(_url(casus), {"tekst": "Bij ons werkte de school."})
    reactie = CasusReactie.objects.get()
    assert (reactie.casus, reactie.deelnemer, reactie.tekst) == (
        casus,
        deelnemer,
        "Bij ons werkte de school.",
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{casus.get_absolute_url()}#reactie-{reactie.pk}"

    melding = Mail.objects.get(soort="netwerken.casus_reactie")
    assert melding.ontvanger == "jef@example.org"
    assert melding.onderwerp == "An Peeters reageerde op je casus “Vrijwilligers vinden”"
    assert "Bij ons werkte de school." in melding.tekst
    assert f"{casus.get_absolute_url()}#reactie-{reactie.pk}" in melding.tekst
    assert melding.sleutel == f"netwerken.casusreactie:{reactie.pk}"

    pagina = deelnemer_client.get(casus.get_absolute_url()).content.decode()
    assert f'id="reactie-{reactie.pk}"' in pagina
    assert "Bij ons werkte de school." in pagina
    assert "Reacties (1)" in pagina


def test_de_auteur_op_de_eigen_casus_krijgt_geen_mail(client, casus, collega):
    client.force_login(collega.user)
    assert client.post(_url(casus), {"tekst": "Aanvulling van mezelf."}).status_code == 302
    assert CasusReactie.objects.count() == 1
    assert not Mail.objects.filter(soort="netwerken.casus_reactie").exists()


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        ("", "Schrijf een reactie."),
        ("   ", "Schrijf een reactie."),
        ("x" * 4001, "Je reactie is te lang: maximaal 4000 tekens (nu 4001)."),
    ],
)
def test_foute_invoer_400_met_de_tekst_bewaard(deelnemer_client, casus, tekst, fout):
    antwoord = deelnemer_client.post(_url(casus), {"tekst": tekst})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert fout in html
    assert "<title>Fout:" in html
    if tekst.strip():
        assert tekst in html  # what was typed is still in the text area
    assert not CasusReactie.objects.exists()
    assert not Mail.objects.filter(soort="netwerken.casus_reactie").exists()


def test_geen_lid_van_dit_netwerk(client, casus, buitenstaander, medewerker):
    client.force_login(buitenstaander.user)
    assert client.post(_url(casus), {"tekst": "Ik hoor er niet bij."}).status_code == 404
    client.force_login(medewerker)  # may read every network, is no member: no form, 403
    assert client.post(_url(casus), {"tekst": "Als medewerker."}).status_code == 403
    assert "Reageren op deze casus" not in client.get(casus.get_absolute_url()).content.decode()
    client.logout()
    assert client.post(_url(casus), {"tekst": "Anoniem."}).status_code == 302
    assert not CasusReactie.objects.exists()


def test_get_is_405(deelnemer_client, casus):
    assert deelnemer_client.get(_url(casus)).status_code == 405


def test_service_weigert_een_ander_netwerk(casus, buitenstaander):
    with pytest.raises(PermissionDenied):
        services.casus_reactie_plaatsen(casus=casus, deelnemer=buitenstaander, tekst="Nee")


def test_ratelimiet(settings, deelnemer_client, casus):
    settings.RATELIMIETEN = {**settings.RATELIMIETEN, "casus_reactie": (2, 3600)}
    for nummer in range(2):
        assert deelnemer_client.post(_url(casus), {"tekst": f"Reactie {nummer}"}).status_code == 302
    antwoord = deelnemer_client.post(_url(casus), {"tekst": "Eén te veel"})
    assert antwoord.status_code == 429
    assert antwoord["Retry-After"]
    assert CasusReactie.objects.count() == 2


def test_casuspagina_met_veel_reacties_vaste_queries(deelnemer_client, casus, netwerk):
    leden = [maak_deelnemer(netwerk, username=f"lid{n}", first_name=f"Lid{n}") for n in range(8)]

    def queries() -> int:
        with CaptureQueriesContext(connection) as vastgelegd:
            antwoord = deelnemer_client.get(casus.get_absolute_url())
        assert antwoord.status_code == 200
        return len(vastgelegd)

    for lid in leden[:2]:
        services.casus_reactie_plaatsen(casus=casus, deelnemer=lid, tekst=f"Van {lid.naam}")
    weinig = queries()
    for nummer in range(40):
        lid = leden[nummer % len(leden)]
        services.casus_reactie_plaatsen(casus=casus, deelnemer=lid, tekst=f"Nog {nummer}")
    veel = queries()
    assert veel == weinig, (weinig, veel)
    assert veel <= 14
    html = deelnemer_client.get(casus.get_absolute_url()).content.decode()
    assert "Reacties (42)" in html and "Nog 39" in html


def test_persoonsgegevens_export_en_wissen(casus, deelnemer, collega):
    services.casus_reactie_plaatsen(casus=casus, deelnemer=deelnemer, tekst="Reactie van An")
    services.casus_reactie_plaatsen(casus=casus, deelnemer=collega, tekst="Jef antwoordt")
    eigen = services.casus_indienen(deelnemer=deelnemer, titel="Van An", context="C", vraag="V")
    services.casus_reactie_plaatsen(casus=eigen, deelnemer=collega, tekst="Jef onder An")

    export = persoon_exporteren("an@example.org")["netwerken"]
    assert [r["tekst"] for r in export["casusreacties"]] == ["Reactie van An"]
    assert export["casusreacties"][0]["casustitel"] == "Vrijwilligers vinden"
    assert "digest" in export["deelnames"][0]

    persoon_wissen("an@example.org", door="test")
    # An's reply goes; so does her case with Jef's reply under it; Jef's own reply stays.
    assert list(CasusReactie.objects.values_list("tekst", flat=True)) == ["Jef antwoordt"]
