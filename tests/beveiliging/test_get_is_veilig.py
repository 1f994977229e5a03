"""No state change on GET: every URL of the URL map, as a visitor, a network member and staff.

The test walks django.urls.get_resolver() (the site, workshops, netwerken and the whole admin),
fills each URL's parameters with real objects of the demo content, GETs it and compares a
snapshot of every table (row count and a hash of all values) before and after. A new URL with a
parameter this test does not know fails the test, so that it is added here.

Sessions (django_session) are left out of the comparison: they are the visitor's own short-lived
storage, not the site's data (Django's password-reset link, for one, stores its token there).
So are the rate-limit counters (baz_teller): an expensive GET (the public PDF of the year's
figures) counts who asks, by design, and the counter expires on its own.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from inspiratiemateriaal.models import Materiaal
from inspiraties.models import Inspiratie, Werkmodel
from netwerken.models import Bericht, Bijeenkomst, Casus, Netwerk
from workshops.models import Aanvraag, Inschrijving, Sessie, Workshop

from .conftest import momentopname, verschil

pytestmark = pytest.mark.django_db

NIET_VERGELEKEN = frozenset({"django_session", "baz_teller"})


def url_patronen(patronen=None, voorvoegsel=(), namespace=""):
    """(full name or None, callback, the chain of patterns) of every URL in the URL map."""
    if patronen is None:
        patronen = get_resolver().url_patterns
    for patroon in patronen:
        keten = (*voorvoegsel, patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = namespace
            if patroon.namespace:
                ns = f"{namespace}:{patroon.namespace}" if namespace else patroon.namespace
            yield from url_patronen(patroon.url_patterns, keten, ns)
        else:
            naam = patroon.name and (f"{namespace}:{patroon.name}" if namespace else patroon.name)
            yield naam, patroon.callback, keten


def parameters(keten) -> list[str]:
    return [naam for deel in keten for naam in deel.regex.groupindex]


def site_waarden(gebruiker) -> dict[str, dict]:
    """Real objects of the demo content for each named URL with parameters."""
    inspiratie = Inspiratie.objects.gepubliceerd().first()
    workshop = Workshop.objects.gepubliceerd().filter(sessies__isnull=False).first()
    sessie = Sessie.objects.filter(workshop=workshop, openbaar=True).first()
    aanvraag = Aanvraag.objects.first()
    inschrijving = Inschrijving.objects.filter(status="bevestigd").first()
    voorbij = (
        Inschrijving.objects.filter(status="bevestigd", sessie__eindigt_op__lt=timezone.now())
        .order_by("-sessie__eindigt_op")
        .first()
    )
    netwerk = Netwerk.objects.get(deelnemers__user__username="deelnemer")
    bijeenkomst = Bijeenkomst.objects.filter(netwerk=netwerk).order_by("begint_op").first()
    casus = Casus.objects.filter(netwerk=netwerk).first()
    bericht = Bericht.objects.filter(netwerk=netwerk).first()
    screencast = Materiaal.objects.gepubliceerd().filter(soort="screencast").first()
    assert all(
        [inspiratie, workshop, sessie, aanvraag, inschrijving, bijeenkomst, casus, screencast]
    ), "the demo content lacks an object this test needs"
    n = {"slug": netwerk.slug}
    return {
        "inspiratie": {"slug": inspiratie.slug},
        "werkmodel": {"slug": Werkmodel.objects.first().slug},
        "sitemap-sectie": {"section": "inspiraties"},
        "gemeente": {"slug": "geel"},
        "workshop": {"slug": workshop.slug},
        "workshop-aanvragen": {"slug": workshop.slug},
        "sessie": {"slug": workshop.slug, "pk": sessie.pk},
        "aanvraag-opvolgen": {"token": aanvraag.token},
        "aanvraag-verstuurd": {"token": aanvraag.token},
        "aanvraag-nieuwsbrief": {"token": aanvraag.token},
        "aanvraag-aanvullen": {"token": aanvraag.token},
        "aanvraag-andere-data": {"token": aanvraag.token},
        "aanvraag-annuleren": {"token": aanvraag.token},
        "inschrijving": {"token": inschrijving.token},
        "inschrijving-annuleren": {"token": inschrijving.token},
        "inschrijving-ics": {"token": inschrijving.token},
        "evaluatie": {"token": (voorbij or inschrijving).token},
        # Attendance (issue 14): staff pages of a session, the attestation of a participant.
        "sessie-aanwezigheidslijst": {"pk": inschrijving.sessie_id},
        "sessie-aanwezigheidslijst-pdf": {"pk": inschrijving.sessie_id},
        "sessie-inchecken": {"pk": inschrijving.sessie_id},
        "sessie-inchecken-markeren": {
            "pk": inschrijving.sessie_id,
            "inschrijving_pk": inschrijving.pk,
        },
        "inschrijving-attest": {"token": (voorbij or inschrijving).token},
        "netwerken:netwerk": n,
        "netwerken:profiel": n,
        "netwerken:bijeenkomst": {**n, "pk": bijeenkomst.pk},
        "netwerken:ics": {**n, "pk": bijeenkomst.pk},
        "netwerken:evalueren": {**n, "pk": bijeenkomst.pk},
        "netwerken:casus-nieuw": n,
        "netwerken:casus": {**n, "pk": casus.pk},
        "netwerken:casus-bewerken": {**n, "pk": casus.pk},
        "netwerken:inspireer-elkaar": n,
        "netwerken:reageren": {**n, "pk": bericht.pk if bericht else 1},
        "netwerken:casus-reageren": {**n, "pk": casus.pk},
        "netwerken:jaarevaluatie": n,
        "netwerken:bijeenkomst-aanwezigheidslijst": {**n, "pk": bijeenkomst.pk},
        "netwerken:bijeenkomst-aanwezigheidslijst-pdf": {**n, "pk": bijeenkomst.pk},
        "netwerken:bijeenkomst-inchecken": {**n, "pk": bijeenkomst.pk},
        "netwerken:bijeenkomst-inchecken-markeren": {
            **n,
            "pk": bijeenkomst.pk,
            "deelnemer_pk": netwerk.deelnemers.first().pk,
        },
        "netwerken:attesten": n,
        "netwerken:attest": {**n, "jaar": bijeenkomst.begint_op.year},
        # Inspiratiemateriaal (issue 12): a screencast of the demo, its captions file.
        "inspiratiemateriaal:detail": {"slug": screencast.slug},
        "inspiratiemateriaal:ondertitels": {"slug": screencast.slug},
        # BAZ in cijfers (issue 13): the public report and the staff report, CSV and PDF.
        "jaarcijfers:jaar": {"jaar": 2021},
        "jaarcijfers:jaar-pdf": {"jaar": 2021},
        "jaarcijfers:jaar-csv": {"jaar": 2021, "sleutel": "inspiraties-per-maand"},
        "jaarcijfers:jaarverslag": {"jaar": 2021},
        "jaarcijfers:jaarverslag-pdf": {"jaar": 2021},
        "jaarcijfers:jaarverslag-csv": {"jaar": 2021, "sleutel": "trechter"},
        "wachtwoord-instellen": {
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    }


def beheer_waarden(naam, callback, namen) -> dict:
    model_admin = getattr(callback, "model_admin", None)
    model = model_admin.model if model_admin else _beheerd_model(naam)
    waarden = {}
    for param in namen:
        if param in {"object_id", "pk"} and model is not None:
            eerste = model._base_manager.order_by("pk").first()
            waarden[param] = str(eerste.pk) if eerste else "999999"
        elif param == "object_id":  # view_on_site
            waarden[param] = str(Inspiratie.objects.gepubliceerd().first().pk)
        elif param == "content_type_id":
            waarden[param] = ContentType.objects.get_for_model(Inspiratie).pk
        elif param == "app_label":
            waarden[param] = "inspiraties"
        elif param == "stap":  # a step of the request pipeline: its GET only shows the form
            waarden[param] = "in_behandeling"
        elif param == "id":  # auth user password change
            waarden[param] = str(get_user_model().objects.order_by("pk").first().pk)
        else:
            pytest.fail(f"unknown admin URL parameter {param!r} in {naam}")
    return waarden


def _beheerd_model(naam: str):
    """The model of a ModelAdmin's own extra URL (admin:<app>_<model>_<view>)."""
    for model in admin.site._registry:
        if naam.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


def alle_urls(gebruiker) -> list[str]:
    waarden = site_waarden(gebruiker)
    urls = []
    for naam, callback, keten in url_patronen():
        namen = parameters(keten)
        if naam is None:
            urls.append(_zonder_naam(keten, callback, namen))
        elif naam.startswith("admin:"):
            urls.append(reverse(naam, kwargs=beheer_waarden(naam, callback, namen) or None))
        elif not namen:
            urls.append(reverse(naam))
        else:
            assert naam in waarden, f"new URL {naam!r}: add real objects for it to this test"
            urls.append(reverse(naam, kwargs=waarden[naam]))
    return urls


def _zonder_naam(keten, callback, namen) -> str:
    """Unnamed URLs: the admin's object redirect and catch-all, and DEBUG's media."""
    pad = "/"
    for deel in keten:
        tekst = str(deel)
        if tekst == "(?P<url>.*)$":
            tekst = "bestaat-niet/"
        tekst = re.sub(
            r"<(?:\w+:)?(\w+)>",
            lambda m: beheer_waarden("?", callback, [m.group(1)])[m.group(1)],
            tekst,
        )
        assert "(" not in tekst and "<" not in tekst, f"unnamed URL {keten}: teach this test"
        pad += tekst.lstrip("^").rstrip("$")
    return pad


@pytest.fixture
def personas(demo_site):
    anoniem = Client()
    staf = Client()
    staf.force_login(demo_site["medewerker"])
    lid = Client()
    lid.force_login(demo_site["lid"])
    return {"anoniem": anoniem, "medewerker": staf, "deelnemer": lid}


def test_url_map_is_volledig_gedekt(demo_site):
    urls = alle_urls(demo_site["lid"])
    assert len(urls) == len(list(url_patronen()))
    for verwacht in ("/inspiraties/", "/workshops/", "/netwerken/", "/beheer/", "/healthz"):
        assert verwacht in urls
    assert any(u.startswith("/netwerken/") and u.count("/") > 3 for u in urls)
    assert any(u.startswith("/workshops/inschrijving/") for u in urls)


@pytest.mark.parametrize("persona", ["anoniem", "deelnemer", "medewerker"])
def test_get_verandert_niets(personas, demo_site, persona):
    client = personas[persona]
    urls = alle_urls(demo_site["lid"])
    bezocht = {}
    voor = momentopname(zonder=NIET_VERGELEKEN)
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        bezocht[url] = response.status_code
        na = momentopname(zonder=NIET_VERGELEKEN)
        assert na == voor, f"GET {url} as {persona} changed {verschil(voor, na)}"
    # Not all refused: each persona really reaches pages.
    assert sum(1 for status in bezocht.values() if status == 200) > 10, bezocht
    if persona == "medewerker":
        assert bezocht["/beheer/"] == 200
        assert sum(1 for u, s in bezocht.items() if u.startswith("/beheer/") and s == 200) > 50
    if persona == "deelnemer":
        netwerk = Netwerk.objects.get(deelnemers__user=demo_site["lid"])
        assert bezocht[reverse("netwerken:netwerk", args=[netwerk.slug])] == 200


def test_momentopname_ziet_een_gewijzigde_waarde(demo_site):
    voor = momentopname(zonder=NIET_VERGELEKEN)
    Inspiratie.objects.filter(pk=Inspiratie.objects.first().pk).update(titel="Anders")
    assert set(verschil(voor, momentopname(zonder=NIET_VERGELEKEN))) == {"inspiraties_inspiratie"}
