"""The staff side at zero axe-core violations, on a desktop and on a 360 px phone.

The admin pages (/beheer/, Django's admin) come from the code, not from a hand-typed list:
every URL under /beheer/ without parameters (index, own password, the personal data page,
...), every app index, and for every model in `admin.site._registry` its changelist (also
with a search that finds nothing), add form (also sent empty: the error state), and for an
object its change form, history, delete confirmation and each extra view its ModelAdmin adds
in `get_urls()` (the network overview, the invitation, a user's password form). A newly
registered model is checked at once; without test data in tests/browser/gegevens.py the
sweep fails and names it. Downloads (CSV, JSON) and POST-only addresses are no pages.

Around it: the admin login (also with an error) and the second step for staff (the code of
the authenticator app, also wrong, and linking a new app); and the staff start page at the top
of /beheer/ with every block filled, urgent lines included.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

import django_otp
import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone
from playwright.sync_api import expect

from baz.models import Mail
from inspiraties.models import Inspiratie
from tests.browser.conftest import axe_overtredingen, breedte
from tests.browser.gegevens import WACHTWOORD, alles_een_keer, medewerker_maken
from tests.browser.toezicht import aanmelden_als
from tests.factories import maak_inspiratie
from tests.netwerken.factories import maak_bijeenkomst
from workshops.models import Aanvraag

STANDAARD = ("_changelist", "_add", "_history", "_delete", "_change", "_autocomplete")


@dataclass
class Beheerpagina:
    naam: str
    pad: str
    los: bool = False  # not a model's standard page: may be a download, redirect or POST-only
    leeg_versturen: bool = False  # send its form empty too (the error state)


def _routes(patronen, voorvoegsel=""):
    for patroon in patronen:
        route = voorvoegsel + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            yield from _routes(patroon.url_patterns, route)
        else:
            yield route


def beheerpaginas(user) -> tuple[list[Beheerpagina], list[str]]:
    """Every admin page to check, and the models without an object to open."""
    verzoek = RequestFactory().get("/beheer/")
    # As OTPMiddleware marks a session that passed the second step (the app's code): the
    # admin shows some rows only to staff past it (the networks, netwerken/admin.py).
    user.otp_device = next(django_otp.devices_for_user(user, confirmed=True), None)
    user.is_verified = lambda: user.otp_device is not None
    verzoek.user = user
    lijsten = {
        model: reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    }
    modelpaden = tuple(pad[1:] for pad in lijsten.values())
    paginas = [
        Beheerpagina(route, "/" + route, los=True, leeg_versturen=True)
        for route in _routes(get_resolver().url_patterns)
        if route.startswith("beheer/")
        and not route.startswith(modelpaden)
        and not set(route) & set("<(^$")
    ]
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        paginas.append(
            Beheerpagina(f"app {app_label}", reverse("admin:app_list", args=[app_label]))
        )
    zonder_object = []
    for model, model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        naam = model._meta.label
        paginas.append(Beheerpagina(f"{naam} lijst", lijsten[model]))
        if model_admin.get_search_fields(verzoek):
            paginas.append(Beheerpagina(f"{naam} niets gevonden", lijsten[model] + "?q=zzqx"))
        if model_admin.has_add_permission(verzoek):
            paginas.append(
                Beheerpagina(f"{naam} toevoegen", reverse(f"{info}_add"), leeg_versturen=True)
            )
        obj = model_admin.get_queryset(verzoek).order_by("pk").first()
        if obj is None:
            zonder_object.append(naam)
            continue
        pk = str(obj.pk)
        paginas.append(Beheerpagina(f"{naam} wijzigen", reverse(f"{info}_change", args=[pk])))
        paginas.append(Beheerpagina(f"{naam} geschiedenis", reverse(f"{info}_history", args=[pk])))
        if model_admin.has_delete_permission(verzoek, obj):
            paginas.append(
                Beheerpagina(f"{naam} verwijderen", reverse(f"{info}_delete", args=[pk]))
            )
        for patroon in model_admin.get_urls():
            if not patroon.name or patroon.name.endswith(STANDAARD):
                continue
            try:
                argumenten = dict.fromkeys(patroon.pattern.converters, pk)
                pad = reverse(f"admin:{patroon.name}", kwargs=argumenten)
            except NoReverseMatch:
                continue
            paginas.append(Beheerpagina(f"{naam} {patroon.name}", pad, los=True))
    return paginas, zonder_object


def aanmelden_en_tweede_stap(scherm, live_server, medewerker) -> dict[str, list[str]]:
    """The login of the admin and the second step, each also in its error state."""
    fouten = {}
    scherm.goto("/beheer/login/")
    fouten["aanmelden"] = axe_overtredingen(scherm)
    scherm.get_by_label("Gebruikersnaam").fill(medewerker.username)
    scherm.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    scherm.get_by_role("button", name="Aanmelden").click()
    expect(scherm.locator(".errornote")).to_be_visible()
    fouten["aanmelden met fout"] = axe_overtredingen(scherm)
    scherm.get_by_label("Wachtwoord").fill(WACHTWOORD)
    scherm.get_by_role("button", name="Aanmelden").click()
    expect(scherm).to_have_url(f"{live_server.url}/account/tweestaps/?next=%2Fbeheer%2F")
    fouten["tweede stap"] = axe_overtredingen(scherm)
    scherm.get_by_label("Code uit je authenticator-app").fill("12345")
    scherm.get_by_role("button", name="Bevestigen").click()
    expect(scherm.get_by_role("alert")).to_be_visible()
    fouten["tweede stap met fout"] = axe_overtredingen(scherm)

    # A colleague without an app links one.
    aanmelden_als(scherm, live_server, medewerker_maken("ruben", app=False))
    scherm.goto("/account/tweestaps/instellen/")
    fouten["app koppelen"] = axe_overtredingen(scherm)
    scherm.get_by_role("button", name="Start met koppelen").click()
    qr = scherm.get_by_role("img", name="QR-code om je authenticator-app te koppelen")
    expect(qr).to_be_visible()
    fouten["app koppelen met QR-code"] = axe_overtredingen(scherm)
    scherm.get_by_role("button", name="App koppelen").click()
    expect(scherm.get_by_role("alert")).to_be_visible()
    fouten["app koppelen met fout"] = axe_overtredingen(scherm)
    return fouten


def leeg_versturen(scherm) -> bool:
    """Send the form of the page as it is: the admin's "Bewaren", or the first form of
    a page of our own. False when there is none, or the browser's own validation (a
    `required` field in a form without `novalidate`) keeps it from being sent."""
    knop = scherm.locator("input[name=_save]")
    if not knop.count():
        knop = scherm.locator("#content form[method=post] [type=submit]").first
    if not knop.count() or not knop.evaluate("k => k.form.noValidate || k.form.checkValidity()"):
        return False
    with scherm.expect_navigation():
        knop.click()
    return True


@pytest.mark.django_db(transaction=True)
def test_beheer_zonder_axe_overtredingen(scherm, live_server, werkmodellen, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    alles = alles_een_keer(werkmodellen)
    fouten = aanmelden_en_tweede_stap(scherm, live_server, alles.medewerker)

    aanmelden_als(scherm, live_server, alles.medewerker)
    paginas, zonder_object = beheerpaginas(alles.medewerker)
    assert zonder_object == [], f"geen testgegevens in gegevens.py voor {zonder_object}"
    geen_pagina, statusfouten = [], []
    for pagina in paginas:
        if pagina.los:
            # Ask first, without opening it: a download or a redirect is no page to look at.
            antwoord = scherm.request.get(pagina.pad, max_redirects=0)
            soort = antwoord.headers.get("content-type", "")
            if antwoord.status != 200 or not soort.startswith("text/html"):
                geen_pagina.append(f"{pagina.pad} ({antwoord.status} {soort})")
                continue
        antwoord = scherm.goto(pagina.pad)
        if antwoord.status != 200:
            statusfouten.append(f"{pagina.naam}: {pagina.pad} gaf {antwoord.status}")
        fouten[pagina.naam] = axe_overtredingen(scherm)
        if pagina.leeg_versturen and leeg_versturen(scherm):
            fouten[f"{pagina.naam}, leeg verstuurd"] = axe_overtredingen(scherm)

    # The personal data page: what we hold about one address, and erasing it.
    scherm.goto("/beheer/persoonsgegevens/")
    scherm.get_by_label("E-mailadres").fill(alles.aanvraag.email)
    scherm.get_by_role("button", name="Opzoeken").click()
    kop = f"Wat we bewaren over {alles.aanvraag.email}"
    expect(scherm.get_by_role("heading", name=kop)).to_be_visible()
    fouten["persoonsgegevens gevonden"] = axe_overtredingen(scherm)
    with scherm.expect_navigation():
        scherm.get_by_role("button", name="Wissen…").click()
    fouten["persoonsgegevens wissen bevestigen"] = axe_overtredingen(scherm)
    assert leeg_versturen(scherm)
    fouten["persoonsgegevens wissen zonder bevestiging"] = axe_overtredingen(scherm)

    # A step of the request pipeline with a validation error of its own: a cancellation
    # needs a reason (sent without the browser's own check, as an old browser would).
    scherm.goto(reverse("admin:workshops_aanvraag_stap", args=[alles.aanvraag.pk, "geannuleerd"]))
    scherm.locator("#id_reden").evaluate("veld => veld.removeAttribute('required')")
    with scherm.expect_navigation():
        scherm.locator("#content form input[type=submit]").click()
    expect(scherm.get_by_text("Geef een reden: de aanvrager krijgt ze in de mail.")).to_be_visible()
    fouten["aanvraag annuleren zonder reden"] = axe_overtredingen(scherm)

    overtredingen = {naam: lijst for naam, lijst in fouten.items() if lijst}
    print(
        f"\naxe beheer ({breedte(scherm)}): {len(fouten)} pagina's gecontroleerd, "
        f"{len(overtredingen)} met overtredingen; geen pagina: {'; '.join(geen_pagina)}"
    )
    assert statusfouten == []
    assert overtredingen == {}
    assert len(fouten) > 4 * len(admin.site._registry)


@pytest.mark.django_db(transaction=True)
def test_startpagina_van_het_beheer_zonder_axe_overtredingen(scherm, live_server, werkmodellen):
    """The staff start page with every block filled, urgent lines included (a request past
    the promised answer time, a failed mail), and with empty blocks beside them."""
    alles = alles_een_keer(werkmodellen)
    Aanvraag.objects.filter(pk=alles.aanvraag.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=30)
    )
    maak_inspiratie(titel="Buurtsoep", slug="buurtsoep", status=Inspiratie.Status.REVIEW)
    maak_bijeenkomst(alles.netwerk, dagen=-21, thema="Zonder verslag")
    Mail.objects.create(
        ontvanger="sofie@deplanken.be",
        onderwerp="Je aanvraag is ontvangen",
        tekst="…",
        status=Mail.Status.MISLUKT,
        laatste_fout="550 mailbox unavailable",
    )
    aanmelden_als(scherm, live_server, alles.medewerker)

    scherm.goto("/beheer/")
    expect(scherm.get_by_role("heading", name="Wat er vandaag op je wacht")).to_be_visible()
    blok = scherm.locator("#blok-workshops-nieuwe-aanvragen")
    expect(blok.locator("li.baz-dringend")).to_contain_text("Dringend")
    expect(blok.get_by_role("link", name=re.compile("Toneelkring De Planken"))).to_be_visible()
    expect(scherm.locator("#blok-baz-mislukte-mails li.baz-dringend")).to_have_count(1)
    assert axe_overtredingen(scherm) == []
    # WCAG 1.4.10 (reflow): no sideways scrolling, on a phone either.
    assert scherm.evaluate("document.documentElement.scrollWidth") <= scherm.viewport_size["width"]
