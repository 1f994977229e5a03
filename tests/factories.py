"""Plain factory functions for test data, through the real models and services."""

import itertools
from datetime import timedelta

from django.utils import timezone

from inspiraties.models import Doelgroep, Inspiratie, Werkmodel
from inspiraties.services import zoekindex_bijwerken

_teller = itertools.count(1)


def maak_doelgroep(slug: str = "jongeren", naam: str = "Jongeren") -> Doelgroep:
    return Doelgroep.objects.get_or_create(slug=slug, defaults={"naam": naam})[0]


def maak_inspiratie(
    *,
    titel: str | None = None,
    werkmodellen: tuple[str, ...] = ("buddywerking",),
    themas: tuple[str, ...] = (),
    doelgroepen: tuple[str, ...] = (),
    status: str = Inspiratie.Status.GEPUBLICEERD,
    dagen_geleden: int = 1,
    **velden,
) -> Inspiratie:
    nummer = next(_teller)
    titel = titel or f"Inspiratie {nummer}"
    velden.setdefault("slug", f"inspiratie-{nummer}")
    velden.setdefault("samenvatting", f"Samenvatting van {titel}.")
    velden.setdefault("verhaal", f"Het verhaal van {titel}.")
    if status == Inspiratie.Status.GEPUBLICEERD:
        velden.setdefault("gepubliceerd_op", timezone.now() - timedelta(days=dagen_geleden))
    inspiratie = Inspiratie.objects.create(titel=titel, status=status, **velden)
    inspiratie.werkmodellen.set(Werkmodel.objects.filter(slug__in=werkmodellen))
    inspiratie.themas.set(list(themas))
    inspiratie.doelgroepen.set([maak_doelgroep(slug, slug.title()) for slug in doelgroepen])
    zoekindex_bijwerken(pks=[inspiratie.pk])
    return inspiratie
