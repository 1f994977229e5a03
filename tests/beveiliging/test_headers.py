"""Every security header and cookie attribute, with the settings production really gets.

The HTTPS-related values are not copied by hand: a subprocess imports baz/settings.py with a
production environment (DEBUG=0, HTTPS on by default) and prints them; the tests apply exactly
those values through pytest-django's `settings` fixture and request over HTTPS.

Asserted, on a normal page (/), on /beheer/login/ and on the admin behind it:

- Content-Security-Policy: default-src 'self'; script-src 'self' 'nonce-…' (no 'unsafe-inline',
  no 'unsafe-eval'); object-src 'none'; base-uri 'none'; frame-ancestors 'none';
  form-action 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'
- Strict-Transport-Security: max-age=31536000; includeSubDomains; preload
- X-Content-Type-Options: nosniff
- Referrer-Policy: strict-origin-when-cross-origin
- Cross-Origin-Opener-Policy: same-origin
- X-Frame-Options: DENY
- cookies: __Host-sessionid (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain) and
  __Host-csrftoken (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain)
- plain HTTP is redirected to HTTPS (except /healthz)
"""

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.test_deploy import PRODUCTIE, ROOT

pytestmark = pytest.mark.django_db
NONCE = re.compile(r"'nonce-[A-Za-z0-9+/_=-]{16,}'")

HTTPS_INSTELLINGEN = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_CSP",
]

_PRINT = (
    "import json, django\n"
    "django.setup()\n"
    "from django.conf import settings\n"
    f"namen = {HTTPS_INSTELLINGEN!r}\n"
    "print(json.dumps({n: getattr(settings, n) for n in namen}, default=str))\n"
)


@pytest.fixture(scope="module")
def productie_waarden():
    weg = {"DEBUG", "BAZ_TESTING", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "HTTPS"}
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    omgeving.update(PRODUCTIE, DJANGO_SETTINGS_MODULE="baz.settings")
    resultaat = subprocess.run(
        [sys.executable, "-c", _PRINT],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    return json.loads(resultaat.stdout.strip().splitlines()[-1])


@pytest.fixture
def productie(settings, productie_waarden):
    for naam, waarde in productie_waarden.items():
        if naam == "SECURE_CSP":
            continue  # the test run uses the very same dict; its CSP.NONCE is not JSON
        setattr(settings, naam, tuple(waarde) if naam == "SECURE_PROXY_SSL_HEADER" else waarde)
    return settings


def test_productie_zet_https_instellingen_zoals_verwacht(productie_waarden):
    assert productie_waarden["SECURE_SSL_REDIRECT"] is True
    assert productie_waarden["SECURE_HSTS_SECONDS"] == 31_536_000
    assert productie_waarden["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert productie_waarden["SESSION_COOKIE_SECURE"] is True
    assert productie_waarden["CSRF_COOKIE_SECURE"] is True
    assert productie_waarden["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert productie_waarden["CSRF_COOKIE_NAME"] == "__Host-csrftoken"


def csp_richtlijnen(waarde: str) -> dict[str, list[str]]:
    richtlijnen = {}
    for deel in waarde.split(";"):
        woorden = deel.split()
        if woorden:
            richtlijnen[woorden[0]] = woorden[1:]
    return richtlijnen


def controleer_headers(response) -> None:
    csp = csp_richtlijnen(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    script = csp["script-src"]
    assert "'self'" in script
    # Only 'self' and, where a page uses one, a per-response nonce.
    assert all(bron == "'self'" or NONCE.fullmatch(bron) for bron in script), script
    for verboden in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"):
        assert verboden not in script
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["media-src"] == ["'self'"]  # the screencasts of /inspiratiemateriaal/
    assert "Content-Security-Policy-Report-Only" not in response

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def controleer_host_cookie(cookie, *, httponly: bool) -> None:
    assert cookie.key.startswith("__Host-")
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert not cookie["domain"], "__Host- cookies may not carry a Domain"
    assert bool(cookie["httponly"]) is httponly


@pytest.mark.parametrize("pad", ["/", "/inspiraties/", "/beheer/login/", "/account/login/"])
def test_elke_header_op_publieke_pagina_en_beheer_login(productie, werkmodellen, pad):
    response = Client().get(pad, secure=True)
    assert response.status_code == 200
    controleer_headers(response)
    assert not scriptfouten(response.content.decode())


def test_nonce_in_header_en_pagina_is_uniek_per_antwoord(productie, medewerker):
    """Where a page needs an inline script (the admin), the nonce is fresh on every response
    and the script carries the same nonce as the header."""
    client = Client()
    client.force_login(medewerker)
    nonces = []
    for _ in range(2):
        response = client.get("/beheer/auth/user/add/", secure=True)
        script = csp_richtlijnen(response["Content-Security-Policy"])["script-src"]
        (nonce,) = [bron for bron in script if NONCE.fullmatch(bron)] or [None]
        if nonce is None:
            pytest.fail("the admin page used no nonce; choose a page that does")
        assert f'nonce="{nonce[7:-1]}"' in response.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_http_wordt_https_behalve_healthz(productie):
    response = Client().get("/privacy/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/privacy/"
    assert Client().get("/healthz").status_code == 200
    # Behind the proxy, the forwarded scheme counts.
    achter_proxy = Client().get("/privacy/", headers={"X-Forwarded-Proto": "https"})
    assert achter_proxy.status_code == 200
    controleer_headers(achter_proxy)


def test_cookies_secure_httponly_samesite_met_host_prefix(productie, medewerker):
    client = Client()
    formulier = client.get("/beheer/login/", secure=True)
    csrf = formulier.cookies["__Host-csrftoken"]
    controleer_host_cookie(csrf, httponly=True)
    assert "csrftoken" not in formulier.cookies

    response = client.post(
        "/beheer/login/?next=/beheer/",
        {
            "username": "medewerker",
            "password": "geheim-wachtwoord-42",
            "csrfmiddlewaretoken": csrf.value,
        },
        secure=True,
    )
    assert response.status_code == 302, response.content.decode()[:500]
    sessie = response.cookies["__Host-sessionid"]
    controleer_host_cookie(sessie, httponly=True)
    assert "sessionid" not in response.cookies
    controleer_headers(client.get("/beheer/", secure=True))


class _Scripts(HTMLParser):
    """Collects what the CSP would block: inline scripts and <style> without a nonce, inline
    event handlers, style attributes and javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.fouten: list[str] = []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        for naam, waarde in attrs:
            if naam == "style":
                self.fouten.append(f"<{tag} style=…> (style-src 'self' blocks inline styles)")
            if naam.startswith("on"):
                self.fouten.append(f"<{tag} {naam}=…> (inline event handler)")
            if naam in {"href", "src", "action", "formaction"} and (
                waarde or ""
            ).strip().lower().startswith("javascript:"):
                self.fouten.append(f"<{tag} {naam}={waarde!r}>")
        if tag == "style" and not attributen.get("nonce"):
            self.fouten.append("<style> without nonce")
        if tag == "script":
            soort = (attributen.get("type") or "text/javascript").lower()
            uitvoerbaar = soort in {"text/javascript", "module", "application/javascript"}
            self._in_script = (
                uitvoerbaar and "src" not in attributen and not attributen.get("nonce"),
                "",
            )

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script = (self._in_script[0], self._in_script[1] + data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            zonder_nonce, inhoud = self._in_script
            if zonder_nonce and inhoud.strip():
                self.fouten.append(f"inline <script> zonder nonce: {inhoud.strip()[:80]!r}")
            self._in_script = None


def scriptfouten(html: str) -> list[str]:
    parser = _Scripts()
    parser.feed(html)
    return parser.fouten


def test_scriptcontrole_vindt_wat_de_csp_zou_blokkeren():
    assert scriptfouten("<script>alert(1)</script>")
    assert scriptfouten('<a href="javascript:alert(1)">x</a>')
    assert scriptfouten('<img src="x" onerror="alert(1)">')
    assert not scriptfouten('<script nonce="abc">ok()</script><script src="/s.js"></script>')
    assert not scriptfouten('<script type="application/json">{"a": 1}</script>')
    assert scriptfouten('<p style="color: red">x</p>')
    assert scriptfouten("<style>p {}</style>")


def test_beheer_werkt_onder_de_csp(productie, medewerker, werkmodellen):
    """Every admin page a member of staff opens has no script or style the CSP would block."""
    from django.contrib import admin
    from django.urls import reverse

    from tests.factories import maak_inspiratie

    inspiratie = maak_inspiratie(titel="Paraat in mijn straat")
    client = Client()
    client.force_login(medewerker)
    paden = ["/beheer/", "/beheer/password_change/"]
    for model, _model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        paden.append(reverse("admin:%s_%s_changelist" % info))
        paden.append(reverse("admin:%s_%s_add" % info))
    paden.append(reverse("admin:inspiraties_inspiratie_change", args=[inspiratie.pk]))
    paden.append(reverse("admin:inspiraties_inspiratie_history", args=[inspiratie.pk]))
    paden.append(reverse("admin:inspiraties_inspiratie_delete", args=[inspiratie.pk]))
    paden.append(reverse("admin:auth_user_change", args=[medewerker.pk]))
    paden.append(reverse("admin:auth_user_password_change", args=[medewerker.pk]))

    gecontroleerd = 0
    for pad in paden:
        response = client.get(pad, secure=True)
        assert response.status_code in {200, 403}, (pad, response.status_code)
        if response.status_code != 200:
            continue
        controleer_headers(response)
        fouten = scriptfouten(response.content.decode())
        assert not fouten, (pad, fouten)
        gecontroleerd += 1
    assert gecontroleerd > 20
