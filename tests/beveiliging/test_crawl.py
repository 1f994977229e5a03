"""A crawl of the demo site: every same-site link from / and /sitemap.xml answers below 400.

Breadth-first with Django's test client, as a visitor, as a member of the demo network and as
staff. Followed: <a href> and <link href> in HTML pages, <loc> in the sitemap and <link href> in
the Atom feed (absolute URLs on SITE_URL's host count as same-site), and the Location of every
redirect. Skipped: other sites, mailto:/tel:, static files, and /account/logout/ (POST only). In
/beheer/ the crawl follows the admin index and the changelists and add forms it links to, not
deeper. Pages that differ only in their query string (catalogue filters, paging) are followed up
to MAX_VARIANTEN per path, so that the crawl stays fast and finite.
"""

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from .test_headers import scriptfouten

pytestmark = pytest.mark.django_db

MAX_VARIANTEN = 12
MAX_PAGINAS = 1500
OVERSLAAN = ("/account/logout/", "/beheer/logout/", "/static/", "/media/")
BEHEER_TOEGESTAAN = re.compile(r"^/beheer/(?:[\w-]+/(?:[\w-]+/(?:add/)?)?)?$")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        if tag in {"a", "link"} and attributen.get("href"):
            if tag == "link" and attributen.get("rel") in {"stylesheet", "icon", "preload"}:
                return
            self.links.append(attributen["href"])


def links_uit(response) -> list[str]:
    soort = response.get("Content-Type", "")
    inhoud = response.content.decode(errors="replace")
    if soort.startswith("text/html"):
        parser = _Links()
        parser.feed(inhoud)
        return parser.links
    if "xml" in soort:
        return re.findall(r"<loc>([^<]+)</loc>", inhoud) + re.findall(
            r'<link[^>]*href="([^"]+)"', inhoud
        )
    return []


def eigen_pad(basis: str, href: str) -> str | None:
    """The same-site path (with query) of a link, or None for other sites and schemes."""
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    absoluut = urlsplit(urljoin("http://testserver" + basis, href))
    eigen_hosts = {"testserver", urlsplit(settings.SITE_URL).netloc}
    if absoluut.scheme not in {"http", "https"} or absoluut.netloc not in eigen_hosts:
        return None
    pad = absoluut.path or "/"
    if pad.startswith(OVERSLAAN):
        return None
    return pad + (f"?{absoluut.query}" if absoluut.query else "")


def kruipen(client: Client) -> dict[str, tuple[int, str]]:
    """{path: (status, the page that linked to it)} for every page reached from /. Every HTML
    page is also checked for inline script or style that the CSP would block."""
    bezocht: dict[str, tuple[int, str]] = {}
    varianten: Counter = Counter()
    # From the home page, and from the sitemap (the list of public pages search engines get).
    wachtrij = deque([("/", "(start)"), ("/sitemap.xml", "(start)")])
    gezien = {"/", "/sitemap.xml"}
    while wachtrij:
        pad, bron = wachtrij.popleft()
        assert len(bezocht) < MAX_PAGINAS, "the crawl does not end: too many pages"
        response = client.get(pad)
        bezocht[pad] = (response.status_code, bron)
        if response.status_code >= 400:
            continue
        if response.get("Content-Type", "").startswith("text/html"):
            assert not scriptfouten(response.content.decode()), (pad, "blocked by the CSP")
        if 300 <= response.status_code < 400:
            links = [response["Location"]]
        elif pad.startswith("/beheer/") and pad.split("?")[0] != "/beheer/":
            links = []  # the admin: only the index's links
        else:
            links = links_uit(response)
        for href in links:
            doel = eigen_pad(pad, href)
            if doel is None or doel in gezien:
                continue
            kaal = doel.split("?")[0]
            if kaal.startswith("/beheer/") and not BEHEER_TOEGESTAAN.match(kaal):
                continue
            if "?" in doel:
                if varianten[kaal] >= MAX_VARIANTEN:
                    continue
                varianten[kaal] += 1
            gezien.add(doel)
            wachtrij.append((doel, pad))
    return bezocht


def kapot(bezocht) -> dict:
    return {pad: v for pad, v in bezocht.items() if v[0] >= 400}


def test_crawl_anoniem(demo_site):
    bezocht = kruipen(Client())
    assert not kapot(bezocht)
    for verwacht in ("/inspiraties/", "/workshops/", "/netwerken/", "/privacy/", "/over-baz/"):
        assert verwacht in bezocht
    assert any(p.startswith("/inspiraties/") and p.count("/") == 3 for p in bezocht)
    assert len(bezocht) > 50


def test_crawl_als_deelnemer_van_het_netwerk(demo_site):
    client = Client()
    client.force_login(demo_site["lid"])
    bezocht = kruipen(client)
    assert not kapot(bezocht)
    # The member reaches the network's own pages through the site's links.
    assert sum(1 for p in bezocht if re.match(r"^/netwerken/[\w-]+/.+", p)) >= 5, sorted(bezocht)


def test_crawl_als_medewerker(demo_site):
    client = Client()
    client.force_login(demo_site["medewerker"])
    bezocht = kruipen(client)
    assert not kapot(bezocht)
    assert bezocht["/beheer/"][0] == 200
    assert sum(1 for p in bezocht if p.startswith("/beheer/")) > 20


def test_kruiper_ziet_een_kapotte_link(demo_site, settings):
    """The crawler itself: a broken link is reported, external ones are not followed."""
    assert eigen_pad("/", "https://example.org/x") is None
    assert eigen_pad("/a/", "b/?c=1#d") == "/a/b/?c=1"
    assert eigen_pad("/", "mailto:info@burgersaanzet.be") is None
    assert eigen_pad("/", settings.SITE_URL + "/privacy/") == "/privacy/"
    client = Client()
    assert kapot({"/bestaat-niet/": (client.get("/bestaat-niet/").status_code, "/")})
