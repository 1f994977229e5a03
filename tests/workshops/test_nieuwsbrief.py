"""Newsletter consent: never pre-ticked, proven (when, which text), withdrawn as easily as given."""

import uuid

import pytest
from django.core import mail
from django.urls import reverse

from tests.workshops.conftest import geladen
from workshops.models import Aanvraag
from workshops.services import NIEUWSBRIEF_TEKST_VERSIE, NIEUWSBRIEF_TEKST_VERSIE_OPVOLGPAGINA

pytestmark = pytest.mark.django_db


def aanvragen(client, workshop, gegevens, **extra):
    return client.post(
        reverse("workshop-aanvragen", args=[workshop.slug]), {**gegevens, **extra}, follow=True
    )


def test_het_vakje_staat_nooit_vooraf_aangevinkt(bezoeker, workshop):
    html = bezoeker.get(reverse("workshop-aanvragen", args=[workshop.slug])).content.decode()
    vakje = html[html.index('name="nieuwsbrief"') - 200 : html.index('name="nieuwsbrief"') + 100]
    assert 'type="checkbox"' in vakje
    assert "checked" not in vakje


def test_toestemming_wordt_bewezen_en_met_een_klik_ingetrokken(
    bezoeker, workshop, aanvraag_gegevens, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        aanvragen(bezoeker, workshop, aanvraag_gegevens, nieuwsbrief="on")
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.nieuwsbrief
    assert aanvraag.nieuwsbrief_toestemming_tekst == NIEUWSBRIEF_TEKST_VERSIE
    gegeven_op = aanvraag.nieuwsbrief_toestemming_op
    assert gegeven_op is not None
    bevestiging = next(m for m in mail.outbox if m.to == ["sofie@deplanken.be"])
    assert "trek je je toestemming in" in bevestiging.body
    assert aanvraag.get_absolute_url() in bevestiging.body

    pagina = bezoeker.get(aanvraag.get_absolute_url()).content.decode()
    assert "Nieuwsbrief niet meer ontvangen" in pagina
    url = reverse("aanvraag-nieuwsbrief", args=[aanvraag.token])
    assert f'action="{url}"' in pagina

    response = bezoeker.post(url, {"nieuwsbrief": "nee"}, follow=True)
    assert "Je toestemming is ingetrokken" in response.content.decode()
    aanvraag.refresh_from_db()
    assert not aanvraag.nieuwsbrief
    assert aanvraag.nieuwsbrief_ingetrokken_op is not None
    assert aanvraag.nieuwsbrief_toestemming_op == gegeven_op, "the proof of what was given stays"
    assert "Ja, stuur me de nieuwsbrief" in response.content.decode()


def test_opnieuw_geven_legt_een_nieuwe_toestemming_vast(bezoeker, workshop, aanvraag_gegevens):
    aanvragen(bezoeker, workshop, aanvraag_gegevens)
    aanvraag = Aanvraag.objects.get()
    assert not aanvraag.nieuwsbrief and aanvraag.nieuwsbrief_toestemming_op is None
    bezoeker.post(reverse("aanvraag-nieuwsbrief", args=[aanvraag.token]), {"nieuwsbrief": "ja"})
    aanvraag.refresh_from_db()
    assert aanvraag.nieuwsbrief
    assert aanvraag.nieuwsbrief_toestemming_op is not None
    assert aanvraag.nieuwsbrief_toestemming_tekst == NIEUWSBRIEF_TEKST_VERSIE_OPVOLGPAGINA
    assert aanvraag.nieuwsbrief_ingetrokken_op is None


def test_tweemaal_intrekken_verandert_niets_meer(bezoeker, workshop, aanvraag_gegevens):
    aanvragen(bezoeker, workshop, aanvraag_gegevens, nieuwsbrief="on")
    aanvraag = Aanvraag.objects.get()
    url = reverse("aanvraag-nieuwsbrief", args=[aanvraag.token])
    bezoeker.post(url, {"nieuwsbrief": "nee"})
    eerste = Aanvraag.objects.get().nieuwsbrief_ingetrokken_op
    bezoeker.post(url, {"nieuwsbrief": "nee"})
    assert Aanvraag.objects.get().nieuwsbrief_ingetrokken_op == eerste


def test_enkel_met_post_en_een_geldige_link(bezoeker, workshop, aanvraag_gegevens):
    aanvragen(bezoeker, workshop, aanvraag_gegevens, nieuwsbrief="on")
    aanvraag = Aanvraag.objects.get()
    url = reverse("aanvraag-nieuwsbrief", args=[aanvraag.token])
    assert bezoeker.get(url).status_code == 405
    assert Aanvraag.objects.get().nieuwsbrief
    onbekend = bezoeker.post(reverse("aanvraag-nieuwsbrief", args=["verzonnen"]))
    assert onbekend.status_code == 404
    assert "Deze link werkt niet" in onbekend.content.decode()


def test_intrekken_geldt_voor_elke_aanvraag_van_dit_adres(bezoeker, workshop, aanvraag_gegevens):
    for _ in range(2):  # two forms, each with a time stamp and a key of its own
        aanvragen(
            bezoeker,
            workshop,
            aanvraag_gegevens,
            nieuwsbrief="on",
            sleutel=str(uuid.uuid4()),
            geladen=geladen(),
        )
    eerste, tweede = Aanvraag.objects.order_by("pk")
    bezoeker.post(reverse("aanvraag-nieuwsbrief", args=[eerste.token]), {"nieuwsbrief": "nee"})
    assert not Aanvraag.objects.filter(nieuwsbrief=True).exists()
    tweede.refresh_from_db()
    assert tweede.nieuwsbrief_ingetrokken_op is not None
