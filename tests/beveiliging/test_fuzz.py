"""Hostile input at every query parameter of every public GET URL and at every public form.

Property (hypothesis, demo content loaded): never a 500; never an unescaped reflection of the
input in an HTML page; for a POST, either nothing in the database changed, or exactly one complete,
valid object was stored (and only in the tables that form writes to).

Hostile inputs tried, alone, combined, and repeated as lists where one value is expected:
- arbitrary Unicode text (every category except lone surrogates), including control characters,
  right-to-left overrides, zero-width and combining characters, emoji;
- NUL bytes and other C0 controls (`\\x00`, `\\x1b`, `\\r\\n` header-injection attempts);
- very long strings (1,000 to 100,000 characters);
- HTML/JS injection: `<script>`, `<img onerror>`, `<svg onload>`, attribute break-outs with `"`
  and `'`, `javascript:` URLs, template syntax (`{{ }}`, `{% %}`, `${}`);
- SQL injection: `' OR 1=1 --`, `; DROP TABLE`, `UNION SELECT`, `%` and `_` wildcards,
  backslashes, PostgreSQL casts and full-text query syntax (`&`, `|`, `!`, `:*`, `<->`);
- numbers: 0, negative, huge integers (up to 10^30 and 400 digits), floats, `1e309`, `NaN`,
  `Infinity`, hexadecimal, leading `+` and whitespace;
- path traversal and URL tricks (`../../etc/passwd`, `%00`, `//evil.example`, `\\\\`);
- lists for scalar parameters (`?pagina=1&pagina=2`), empty values, unknown parameter names;
- form fields: each field of the valid form replaced by any of the above, fields left out, the
  honeypot filled in, the time-trap and idempotency fields forged or broken.
Path segments (slugs, personal-link tokens) get the same values.
"""

import uuid

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspiraties.models import Inspiratie, Werkmodel
from workshops.models import Sessie, Workshop

from .conftest import aantallen, verschil

pytestmark = pytest.mark.django_db

VOORBEELDEN = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MINDER = settings(VOORBEELDEN, max_examples=15)

# Script that must never reach an HTML page as it was typed (each carries a unique core).
XSS = [
    '<script>alert("baz-xss")</script>',
    '"><img src=x onerror=alert("baz-xss")>',
    "'><svg/onload=alert('baz-xss')>",
    '" autofocus onfocus="alert(1)',
    "' onmouseover='alert(1)",
    "javascript:alert(1)//<baz-xss>",
    "</textarea><baz-xss>",
    "</title><script>baz()</script>",
]
XSS_KERNEN = [
    "<script>alert(",
    "<img src=x onerror",
    "<svg/onload",
    '" autofocus onfocus="',
    "' onmouseover='",
    "<baz-xss>",
    "</script><script>",
    "</title><script>",
]
VIJANDIG = [
    *XSS,
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${7*7}",
    "' OR 1=1 --",
    "'; DROP TABLE inspiraties_inspiratie; --",
    "1 UNION SELECT username, password FROM auth_user --",
    "%",
    "_",
    "\\",
    "'::int",
    "a & b | !c <-> d:*",
    "\x00",
    "abc\x00def",
    "\x1b[31m",
    "a\r\nSet-Cookie: x=1",
    "\u202eevil\u202c",
    "\u200b",
    "e\u0301\u0301\u0301",
    "🏳️‍🌈👨‍👩‍👧",
    "0",
    "-1",
    "+1",
    " 1 ",
    "1.5",
    "1e309",
    "NaN",
    "Infinity",
    "0x1F",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 400,
    "../../etc/passwd",
    "%00",
    "//evil.example/",
    "\\\\evil\\share",
    "",
    " ",
]

_tekst = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
_lang = st.builds(
    lambda stuk, keer: (stuk * keer)[:100_000],
    st.sampled_from(["a", "é", "<b>", "\x00", "9", "😀", "' OR "]),
    st.integers(min_value=1_000, max_value=100_000),
)
_getal = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
_vast = st.sampled_from(VIJANDIG)
_gemengd = st.builds(lambda a, b, c: a + b + c, _tekst, _vast, _tekst)
WAARDE = st.one_of(_vast, _vast, _tekst, _gemengd, _lang, _getal)
WAARDEN = st.one_of(WAARDE, st.lists(WAARDE, min_size=2, max_size=4))


def controleer_antwoord(response, waarden) -> None:
    assert response.status_code < 500, response.status_code
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    inhoud = response.content.decode()
    for waarde in waarden:
        for kern in XSS_KERNEN:
            assert not (kern in waarde and kern in inhoud), f"unescaped reflection of {waarde!r}"


def alle_waarden(gegevens: dict) -> list[str]:
    uit = []
    for waarde in gegevens.values():
        uit += waarde if isinstance(waarde, list) else [waarde]
    return uit


@pytest.fixture
def publieke_urls(demo_site):
    """Every public GET URL with its query parameters (the known ones, plus common ones)."""
    workshop = Workshop.objects.gepubliceerd().filter(sessies__openbaar=True).first()
    sessie = Sessie.objects.filter(workshop=workshop, openbaar=True).first()
    algemeen = ["pagina", "q", "next", "sorteer"]
    return {
        "/inspiraties/": ["werkmodel", "provincie", "thema", "doelgroep", "q", "sorteer", "pagina"],
        "/workshops/": ["doelpubliek", *algemeen],
        sessie.get_absolute_url(): ["toegang", *algemeen],
        "/": algemeen,
        "/over-baz/": algemeen,
        "/privacy/": algemeen,
        "/toegankelijkheid/": algemeen,
        "/inspiraties/feed/": algemeen,
        Inspiratie.objects.gepubliceerd().first().get_absolute_url(): algemeen,
        "/werkmodellen/": algemeen,
        reverse("werkmodel", args=[Werkmodel.objects.first().slug]): algemeen,
        reverse("workshop", args=[workshop.slug]): algemeen,
        reverse("workshop-aanvragen", args=[workshop.slug]): algemeen,
        "/workshops/agenda.ics": algemeen,
        "/netwerken/": algemeen,
        "/account/login/": ["next", *algemeen],
        "/account/wachtwoord/vergeten/": algemeen,
        "/sitemap.xml": algemeen,
        "/sitemap-inspiraties.xml": ["p", *algemeen],
        "/robots.txt": algemeen,
        "/.well-known/security.txt": algemeen,
        "/healthz": algemeen,
    }


def test_alle_publieke_get_urls_staan_in_de_lijst(publieke_urls):
    for url in publieke_urls:
        assert Client().get(url).status_code == 200, url


def test_elke_vaste_vijandige_waarde_op_elke_parameter(publieke_urls):
    """Not left to chance: each fixed hostile value at each parameter of the pages that read
    their query string, alone and as a list, and as a path segment of each personal link."""
    client = Client()
    workshop = Workshop.objects.gepubliceerd().first()
    sessie_url = next(u for u, p in publieke_urls.items() if "toegang" in p)
    te_lezen = {
        "/inspiraties/": publieke_urls["/inspiraties/"],
        "/workshops/": ["doelpubliek"],
        sessie_url: ["toegang"],
        "/account/login/": ["next"],
    }
    for url, parameters in te_lezen.items():
        for waarde in VIJANDIG:
            # Every parameter of the page at once (each is read on its own), then as lists.
            for params in (
                dict.fromkeys(parameters, waarde),
                {parameter: [waarde, "1", waarde] for parameter in parameters},
            ):
                response = client.get(url, params)
                assert response.status_code in {200, 400, 404}, (url, params)
                controleer_antwoord(response, [waarde])
    sjablonen = ["/workshops/aanvraag/{}/", "/workshops/inschrijving/{}/", "/inspiraties/{}/"]
    sjablonen += ["/workshops/evaluatie/{}/", f"/workshops/{workshop.slug}/sessies/{{}}/"]
    for sjabloon in sjablonen:
        for waarde in VIJANDIG:
            segment = waarde.replace("/", "").replace("?", "").replace("#", "")
            if segment:
                response = client.get(sjabloon.format(segment))
                assert response.status_code in {301, 400, 404, 410}, (sjabloon, waarde)
                controleer_antwoord(response, [segment])


def test_nul_bytes_geven_geen_500(demo_site):
    """PostgreSQL refuses NUL in text: a NUL byte in a parameter or a personal link used to give
    a 500 on PostgreSQL. baz/middleware.py drops it from the query string, and answers a path
    with one with the Dutch 400 page (with every security header)."""
    client = Client()
    for pad in ["/inspiraties/?q=a%00b", "/inspiraties/?werkmodel=%00&thema=x%00", "/?%00=1"]:
        assert client.get(pad).status_code == 200, pad
    zoek = client.get("/inspiraties/?q=Klaver%00post").content.decode()
    assert "/inspiraties/klaverpost/" in zoek
    for pad in ["/workshops/aanvraag/a%00/", "/workshops/inschrijving/%00/", "/netwerken/%00/"]:
        response = client.get(pad)
        assert response.status_code == 400, pad
        assert "Dit verzoek konden we niet verwerken" in response.content.decode()
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_catalogus_met_vijandige_parameters(publieke_urls):
    parameters = publieke_urls["/inspiraties/"]
    client = Client()

    @VOORBEELDEN
    @given(st.dictionaries(st.sampled_from(parameters), WAARDEN, min_size=1, max_size=5))
    def eigenschap(params):
        controleer_antwoord(client.get("/inspiraties/", params), alle_waarden(params))
        fragment = client.get("/inspiraties/", params, headers={"X-Fragment": "catalogus"})
        controleer_antwoord(fragment, alle_waarden(params))

    eigenschap()


def test_workshops_met_vijandige_parameters(publieke_urls):
    client = Client()

    @VOORBEELDEN
    @given(st.dictionaries(st.sampled_from(publieke_urls["/workshops/"]), WAARDEN, min_size=1))
    def eigenschap(params):
        controleer_antwoord(client.get("/workshops/", params), alle_waarden(params))

    eigenschap()


def test_elke_publieke_url_met_vijandige_parameters(publieke_urls):
    client = Client()
    urls = sorted(publieke_urls)

    @settings(VOORBEELDEN, max_examples=len(urls) * 6)
    @given(st.sampled_from(urls), st.data())
    def eigenschap(url, data):
        namen = st.one_of(st.sampled_from(publieke_urls[url]), _tekst.filter(bool))
        params = data.draw(st.dictionaries(namen, WAARDEN, min_size=1, max_size=4))
        before = aantallen()
        controleer_antwoord(client.get(url, params), alle_waarden(params))
        assert aantallen() == before

    eigenschap()


def test_vijandige_padsegmenten(demo_site):
    client = Client()
    sjablonen = [
        "/inspiraties/{}/",
        "/werkmodellen/{}/",
        "/workshops/{}/",
        "/workshops/{}/aanvragen/",
        "/workshops/aanvraag/{}/",
        "/workshops/aanvraag/{}/verstuurd/",
        "/workshops/inschrijving/{}/",
        "/workshops/inschrijving/{}/workshop.ics",
        "/workshops/evaluatie/{}/",
        "/netwerken/{}/",
    ]
    segment = WAARDE.map(lambda w: w.replace("/", "").replace("?", "").replace("#", "")[:2000])

    @VOORBEELDEN
    @given(st.sampled_from(sjablonen), segment.filter(bool))
    def eigenschap(sjabloon, waarde):
        response = client.get(sjabloon.format(waarde))
        assert response.status_code in {301, 302, 400, 404, 410}, (waarde, response.status_code)
        controleer_antwoord(response, [waarde])

    eigenschap()


# --- public forms ----------------------------------------------------------------------------


def _geladen() -> str:
    from tests.workshops.conftest import geladen

    return geladen()


def limieten_vrij() -> None:
    """The rate limits and form stamps are tested elsewhere; here every example gets through."""
    from baz.models import Teller

    cache.clear()
    Teller.objects.all().delete()


def controleer_post(client, url, gegevens, *, hoofdtabel, toegestaan, model) -> None:
    limieten_vrij()
    voor = aantallen()
    response = client.post(url, gegevens)
    controleer_antwoord(response, alle_waarden(gegevens))
    na = aantallen()
    gewijzigd = verschil(voor, na)
    if not gewijzigd:
        return
    assert response.status_code == 302, (response.status_code, gewijzigd)
    assert set(gewijzigd) <= toegestaan, gewijzigd
    assert na[hoofdtabel] == voor[hoofdtabel] + 1, gewijzigd
    nieuw = model.objects.order_by("-pk").first()
    nieuw.full_clean()  # complete and valid, not half-written


VASTE_VELDWAARDEN = ["a\x00b", "9" * 400, XSS[1], "x" * 100_000, ["1", "2"], "\u202e"]


def elk_veld_vijandig(client, url, geldig, velden, *, tijdval: bool, **controle) -> None:
    """Not left to chance: each field of the valid form, one at a time, with each fixed value."""
    for veld in velden:
        for waarde in VASTE_VELDWAARDEN:
            gegevens = {**geldig, veld: waarde}
            if tijdval and veld != "geladen":
                gegevens["geladen"] = _geladen()
            if "sleutel" in geldig and veld != "sleutel":
                gegevens["sleutel"] = str(uuid.uuid4())
            controleer_post(client, url, gegevens, **controle)


def vervalst(geldig: dict, velden: list[str]):
    """The valid form with some fields hostile, some left out, and maybe unknown ones added."""
    return st.builds(
        _mengen,
        st.just(geldig),
        st.dictionaries(st.sampled_from(velden), WAARDEN, max_size=len(velden)),
        st.lists(st.sampled_from(velden), max_size=3),
        st.dictionaries(_tekst.filter(bool), WAARDE, max_size=2),
        st.booleans(),
    )


def _mengen(geldig, vijandig, weg, extra, vers_sleutel):
    gegevens = {**extra, **geldig, **vijandig}
    for veld in weg:
        gegevens.pop(veld, None)
    if vers_sleutel and "sleutel" in gegevens and "sleutel" not in vijandig:
        gegevens["sleutel"] = str(uuid.uuid4())
    return gegevens


@pytest.fixture
def open_formulieren(settings, demo_site):
    settings.FORMULIER_MIN_INVULTIJD = 0


def test_aanvraagformulier(open_formulieren, gemeenten):
    from workshops.forms import AanvraagForm
    from workshops.models import Aanvraag

    workshop = Workshop.objects.gepubliceerd().first()
    url = reverse("workshop-aanvragen", args=[workshop.slug])
    velden = list(AanvraagForm(workshop=workshop).fields)
    geldig = {
        "organisatie": "Toneelkring De Planken",
        "soort": "toneel",
        "gemeente": gemeenten["Geel"].pk,
        "contactpersoon": "Sofie Peeters",
        "email": "sofie@deplanken.be",
        "telefoon": "0470 12 34 56",
        "formaat": "live",
        "voorkeur_1": "2099-01-01",
        "voorkeur_2": "2099-02-01",
        "aantal_deelnemers": "14",
        "leervraag": "Hoe maken we onze kring toegankelijker?",
        "drempels": "Lidgeld.",
        "bron": "partner",
        "website": "",
        "sleutel": str(uuid.uuid4()),
    }
    vandaag = timezone.localdate()
    geldig["voorkeur_1"] = vandaag.replace(year=vandaag.year + 1, day=1).isoformat()
    geldig["voorkeur_2"] = vandaag.replace(year=vandaag.year + 1, day=2).isoformat()
    client = Client()
    toegestaan = {"workshops_aanvraag", "workshops_aanvraagstatuswijziging", "baz_mail"}
    geldig_response = client.post(url, {**geldig, "geladen": _geladen()})
    assert geldig_response.status_code == 302, geldig_response.content.decode()[:3000]

    controle = {"hoofdtabel": "workshops_aanvraag", "toegestaan": toegestaan, "model": Aanvraag}
    elk_veld_vijandig(client, url, geldig, [*velden, "geladen"], tijdval=True, **controle)

    @VOORBEELDEN
    @given(vervalst(geldig, [*velden, "geladen"]), st.booleans())
    def eigenschap(gegevens, tijd):
        if tijd and "geladen" not in gegevens:
            gegevens["geladen"] = _geladen()
        controleer_post(client, url, gegevens, **controle)

    eigenschap()


def test_inschrijfformulier(open_formulieren):
    from workshops.forms import InschrijvingForm
    from workshops.models import Inschrijving

    sessie = Sessie.objects.filter(
        openbaar=True, workshop__gepubliceerd=True, begint_op__gt=timezone.now()
    ).first()
    Sessie.objects.filter(pk=sessie.pk).update(capaciteit=10_000)
    url = sessie.get_absolute_url()
    velden = list(InschrijvingForm().fields)
    geldig = {
        "naam": "Lien",
        "email": "lien@example.org",
        "organisatie": "KSA",
        "toegankelijkheid": "",
        "website": "",
        "sleutel": str(uuid.uuid4()),
    }
    client = Client()
    assert client.post(url, {**geldig, "geladen": _geladen()}).status_code == 302

    controle = {
        "hoofdtabel": "workshops_inschrijving",
        "toegestaan": {"workshops_inschrijving", "baz_mail"},
        "model": Inschrijving,
    }
    elk_veld_vijandig(client, url, geldig, [*velden, "geladen"], tijdval=True, **controle)

    @VOORBEELDEN
    @given(vervalst(geldig, [*velden, "geladen"]), st.booleans())
    def eigenschap(gegevens, tijd):
        if tijd and "geladen" not in gegevens:
            gegevens["geladen"] = _geladen()
        controleer_post(client, url, gegevens, **controle)

    eigenschap()


def test_interesseformulier_netwerken(demo_site, gemeenten):
    from netwerken.forms import InteresseForm

    Interesse = apps.get_model("netwerken", "Interesse")
    url = reverse("netwerken:overzicht")
    velden = list(InteresseForm().fields)
    geldig = {
        "bestuur": "Gemeente Geel",
        "gemeente": gemeenten["Geel"].pk,
        "contactpersoon": "Sofie Peeters",
        "email": "sofie@geel.be",
        "telefoon": "014 12 34 56",
        "vorm": "netwerk",
        "bericht": "We willen leren van andere gemeenten.",
        "website": "",
    }
    client = Client()
    voor = Interesse.objects.count()  # the demo's own (BAZ in cijfers has some per year)
    assert client.post(url, {**geldig, "geladen": _geladen()}).status_code == 302
    assert Interesse.objects.count() == voor + 1, "the valid form is stored, so the fuzz can too"
    toegestaan = {"netwerken_interesse", "baz_mail"}

    controle = {"hoofdtabel": "netwerken_interesse", "toegestaan": toegestaan, "model": Interesse}
    elk_veld_vijandig(client, url, geldig, velden, tijdval=True, **controle)

    @VOORBEELDEN
    @given(vervalst(geldig, velden), st.booleans())
    def eigenschap(gegevens, tijd):
        if tijd and "geladen" not in gegevens:
            gegevens["geladen"] = _geladen()
        controleer_post(client, url, gegevens, **controle)

    eigenschap()


def test_aanmelden_met_vijandige_gegevens(demo_site):
    """The login form (site and admin): never a 500 or a reflection, never a login."""
    client = Client()

    @MINDER
    @given(st.sampled_from(["/account/login/", "/beheer/login/"]), WAARDE, WAARDE)
    def eigenschap(url, naam, wachtwoord):
        cache.clear()
        gegevens = {"username": naam, "password": wachtwoord}
        response = client.post(url, gegevens)
        controleer_antwoord(response, [naam])
        assert response.status_code in {200, 400, 403, 429}
        assert "_auth_user_id" not in client.session

    eigenschap()


def test_wachtwoord_vergeten_nieuwsbrief_en_tweede_stap_met_vijandige_gegevens(demo_site):
    """The remaining public or personal-link forms, and the staff's second step: never a 500
    or a reflection; the reset form and the second step store nothing, the newsletter link
    changes at most that one request's consent."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from workshops.models import Aanvraag

    aanvraag = Aanvraag.objects.filter(geanonimiseerd_op__isnull=True).first()
    nieuwsbrief_url = reverse("aanvraag-nieuwsbrief", args=[aanvraag.token])
    TOTPDevice.objects.create(user=demo_site["medewerker"], name="Telefoon", confirmed=True)
    medewerker = Client()
    medewerker.force_login(demo_site["medewerker"])
    bezoeker = Client()

    @VOORBEELDEN
    @given(WAARDE, WAARDE, WAARDE, st.booleans())
    def eigenschap(email, keuze, code, tijd):
        limieten_vrij()
        voor = aantallen()
        reset = {"email": email, "website": "", **({"geladen": _geladen()} if tijd else {})}
        response = bezoeker.post("/account/wachtwoord/vergeten/", reset)
        controleer_antwoord(response, [email])
        assert response.status_code in {200, 302, 400, 429}
        assert aantallen() == voor

        response = bezoeker.post(nieuwsbrief_url, {"nieuwsbrief": keuze})
        assert response.status_code == 302
        assert set(verschil(voor, aantallen())) <= {"workshops_aanvraag"}

        na_nieuwsbrief = aantallen()
        response = medewerker.post(reverse("tweestaps"), {"code": code, "next": code})
        controleer_antwoord(response, [code])
        assert response.status_code in {200, 400, 429}
        assert set(verschil(na_nieuwsbrief, aantallen())) <= {"otp_totp_totpdevice"}
        assert medewerker.get("/beheer/").status_code == 302, "never verified by a wrong code"

    eigenschap()
