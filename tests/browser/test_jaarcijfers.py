"""BAZ in cijfers in a browser: the public page and the staff report with their charts, at zero
axe-core violations, on a desktop and on a phone (no sideways scrolling)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen
from tests.browser.toezicht import aanmelden_als
from tests.jaarcijfers.conftest import gegevens  # noqa: F401 (the hand-made data set)

pytestmark = pytest.mark.django_db(transaction=True)


def _geen_zijwaarts_scrollen(scherm) -> None:
    assert scherm.evaluate("document.documentElement.scrollWidth") <= scherm.viewport_size["width"]


def test_publieke_pagina_met_grafieken(scherm, gegevens):  # noqa: F811
    scherm.goto("/in-cijfers/")
    expect(scherm.locator("h1")).to_have_text("BAZ in cijfers 2025")
    scherm.get_by_role("link", name="2024", exact=True).click()
    expect(scherm.locator("h1")).to_have_text("BAZ in cijfers 2024")
    grafieken = scherm.get_by_role("img", name="Staafdiagram: inspiraties per werkmodel")
    expect(grafieken).to_be_visible()
    assert scherm.locator("svg.grafiek").count() >= 5
    expect(scherm.get_by_role("link", name="Net in januari")).to_be_visible()
    assert axe_overtredingen(scherm) == []
    _geen_zijwaarts_scrollen(scherm)


def test_jaarverslag_voor_medewerkers(scherm, live_server, medewerker, gegevens):  # noqa: F811
    aanmelden_als(scherm, live_server, medewerker)
    scherm.goto("/beheer/jaarverslag/2024/")
    expect(scherm.locator("h1")).to_have_text("Jaarverslag 2024 (intern)")
    expect(scherm.get_by_role("img", name="Staafdiagram: aanvragen per stap")).to_be_visible()
    expect(scherm.get_by_text("Ziekte van de workshopgever")).to_be_visible()
    assert axe_overtredingen(scherm) == []
    _geen_zijwaarts_scrollen(scherm)
