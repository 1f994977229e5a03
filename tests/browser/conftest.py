"""Playwright driving Debian's Chromium against pytest-django's live server, with axe-core."""

import os
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TELEFOON = {"width": 360, "height": 740}

# Every axe-core run of the session, per width, for the summary at the end of the run.
AXE_RUNS: Counter = Counter()
AXE_ADRESSEN: set[tuple[str, str]] = set()
AXE_MET_OVERTREDINGEN: list[str] = []


HIER = Path(__file__).parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark the tests in this folder (only those: the hook sees every collected item) as
    `browser`, before tests/conftest.py deselects them when Chromium is missing."""
    for item in items:
        if HIER in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(chromium_sessie):
    return chromium_sessie


@pytest.fixture(scope="session")
def chromium_sessie():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def pagina(browser, live_server, werkmodellen):
    """A fresh browser tab; `pagina.goto("/pad/")` is relative to the live server."""
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def telefoon(browser, live_server, werkmodellen):
    context = browser.new_context(base_url=live_server.url, locale="nl-BE", viewport=TELEFOON)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(params=["desktop", "telefoon"])
def scherm(request, browser, live_server, werkmodellen):
    """A fresh browser tab, once at desktop width and once at phone width (360 px)."""
    opties = {"viewport": TELEFOON} if request.param == "telefoon" else {}
    context = browser.new_context(base_url=live_server.url, locale="nl-BE", **opties)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def breedte(page) -> str:
    return "telefoon" if page.viewport_size["width"] <= TELEFOON["width"] else "desktop"


def axe_overtredingen(page) -> list[str]:
    """Run axe-core (WCAG 2.2 AA tags) on the current page; returns readable violations.
    Every run is counted for the summary line at the end of the test run."""
    resultaat = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    overtredingen = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})"
        for v in resultaat.response["violations"]
    ]
    adres = urlsplit(page.url)
    AXE_RUNS[breedte(page)] += 1
    AXE_ADRESSEN.add((breedte(page), adres.path + (f"?{adres.query}" if adres.query else "")))
    if overtredingen:
        AXE_MET_OVERTREDINGEN.append(page.url)
    return overtredingen


def pytest_terminal_summary(terminalreporter):
    if AXE_RUNS:
        terminalreporter.write_line(
            f"axe: {sum(AXE_RUNS.values())} pagina's gecontroleerd "
            f"({AXE_RUNS['desktop']} op desktop, {AXE_RUNS['telefoon']} op 360 px; "
            f"{len(AXE_ADRESSEN)} verschillende adres-en-breedtecombinaties), "
            f"{len(AXE_MET_OVERTREDINGEN)} met overtredingen"
        )
