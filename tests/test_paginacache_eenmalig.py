"""Single flight in the page cache (baz/paginacache.py): when a new version empties the cache,
a page asked by many at once is rendered once, and the others get that copy."""

import threading
import time

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from baz.paginacache import anoniem_gecached


def _maak_view(versie: list[str], traag: float = 0.3, fout: bool = False):
    gerenderd: list[str] = []

    @anoniem_gecached(lambda: versie[0])
    def view(request):
        gerenderd.append(versie[0])
        time.sleep(traag)
        if fout:
            raise RuntimeError("kapot")
        return HttpResponse(f"pagina van versie {versie[0]}")

    return view, gerenderd


def _tegelijk(view, aantal: int) -> list:
    uitkomsten: list = []
    start = threading.Barrier(aantal)

    def bezoeker():
        request = RequestFactory().get("/proef/")
        request.user = AnonymousUser()
        start.wait()
        try:
            uitkomsten.append(view(request).content.decode())
        except RuntimeError as fout:
            uitkomsten.append(fout)

    draden = [threading.Thread(target=bezoeker) for _ in range(aantal)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    return uitkomsten


def test_een_pagina_die_velen_tegelijk_vragen_wordt_een_keer_gemaakt():
    cache.clear()
    versie = ["1"]
    view, gerenderd = _maak_view(versie)
    # No earlier copy: the others wait for the one rendering, and get its page.
    assert _tegelijk(view, 6) == ["pagina van versie 1"] * 6
    assert gerenderd == ["1"]
    versie[0] = "2"  # a publication: every page is new again, and again made once
    _tegelijk(view, 6)
    assert gerenderd == ["1", "2"]
    assert _tegelijk(view, 3) == ["pagina van versie 2"] * 3  # and then served from the cache


def test_tijdens_het_maken_van_de_nieuwe_versie_krijgen_de_anderen_meteen_de_vorige():
    """Right after a publication nobody waits on the one request rendering the new page: the
    others get the previous version's copy at once; once stored, everyone gets the new one."""
    cache.clear()
    versie = ["1"]
    view, gerenderd = _maak_view(versie, traag=0.5)
    _tegelijk(view, 1)
    versie[0] = "2"
    tijden: list[float] = []
    begin = time.monotonic()

    def gewoon_bezoek():
        request = RequestFactory().get("/proef/")
        request.user = AnonymousUser()
        antwoord = view(request)
        tijden.append(time.monotonic() - begin)
        return antwoord

    maker = threading.Thread(target=gewoon_bezoek)
    maker.start()
    time.sleep(0.1)  # the first visitor of version 2 is rendering it now
    vorige = gewoon_bezoek()
    assert vorige.content.decode() == "pagina van versie 1"
    assert vorige["X-Paginacache"] == "vorige"
    assert tijden[0] < 0.4  # did not wait for the rendering (0.5 s)
    maker.join()
    nieuw = gewoon_bezoek()
    assert (nieuw.content.decode(), nieuw["X-Paginacache"]) == ("pagina van versie 2", "hit")
    assert gerenderd == ["1", "2"]


def test_een_mislukte_rendering_laat_de_wachtenden_niet_hangen():
    cache.clear()
    view, gerenderd = _maak_view(["1"], traag=0.2, fout=True)
    begin = time.monotonic()
    uitkomsten = _tegelijk(view, 3)
    # Each one rendered itself after the failing one let go, well before WACHTEN ran out.
    assert all(isinstance(u, RuntimeError) for u in uitkomsten)
    assert len(gerenderd) == 3
    assert time.monotonic() - begin < 1.5
