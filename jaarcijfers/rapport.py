"""The year's report as tables (with their chart and counting rule), from jaarcijfers/cijfers.py.

The page, each table's CSV and the PDF are made from the same `Rapport`, so they cannot
disagree. `publiek=True` is the public report: small groups of people as "< 5", averages of
fewer than five answers left out, no staff-only table and no name of a person anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.contrib.staticfiles import finders
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from baz.grafieken import Staaf, staafdiagram

from . import cijfers


def maandnaam(maand: int) -> str:
    """The month's name in the active language ("januari")."""
    return date_format(date(2000, maand, 1), "F")


@cache
def werkmodel_kleuren() -> dict[str, str]:
    """The werkmodel colours as static/css/baz.css defines them (`.wm--<slug> { --wm: … }`),
    read from the style sheet itself, so the charts use the site's colours and nothing else."""
    pad = finders.find("css/baz.css")
    tekst = open(pad, encoding="utf-8").read() if pad else ""  # noqa: SIM115
    return dict(re.findall(r"\.wm--([a-z-]+)\s*\{\s*--wm:\s*(#[0-9a-fA-F]{3,6})", tekst))


@dataclass
class Tabel:
    sleutel: str  # in the CSV's address: /in-cijfers/2021/<sleutel>.csv
    titel: str
    kolommen: list[str]
    rijen: list[list]
    regel: str = ""  # how we count
    grafiek: SafeString | None = None
    intern: bool = False
    tekst: bool = False  # columns of text (reasons, answers), not of numbers

    def csv_rijen(self) -> list[list]:
        return self.rijen


@dataclass
class Deel:
    titel: str
    sleutel: str
    tabellen: list[Tabel] = field(default_factory=list)


@dataclass
class Rapport:
    jaar: int
    publiek: bool
    vorig_jaar: int | None
    delen: list[Deel]
    maanden: list[tuple[str, cijfers.Maand]]  # the month-by-month list: (name, month)
    gemeenten: list
    open_antwoorden: dict[str, list]
    regels: list[tuple[str, str]]

    @property
    def tabellen(self) -> dict[str, Tabel]:
        return {t.sleutel: t for d in self.delen for t in d.tabellen}


def regel(*sleutels: str) -> str:
    """The counting rules of `sleutels` (cijfers.REGELS), as one text."""
    return " ".join(str(cijfers.REGELS[s]) for s in sleutels)


def _getal(waarde) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, float):
        return number_format(waarde, 1)
    return str(waarde)


def _waarde(weergave) -> float | None:
    return (
        weergave if isinstance(weergave, int | float) and not isinstance(weergave, bool) else None
    )


def _grafiek(
    rijen: list[list], label: str, vergelijk: bool, klassen: list[str] | None = None, **opties
) -> SafeString:
    kleuren = werkmodel_kleuren()
    staven = []
    for i, rij in enumerate(rijen):
        klasse = (klassen or [""] * len(rijen))[i]
        staven.append(
            Staaf(
                label=str(rij[0]),
                waarde=_waarde(rij[1]),
                tekst=_getal(rij[1]),
                vergelijking=_waarde(rij[2]) if vergelijk else None,
                vergelijking_tekst=_getal(rij[2]) if vergelijk else "",
                klasse=f"wm--{klasse}" if klasse else "",
                kleur=kleuren.get(klasse, ""),
            )
        )
    return staafdiagram(staven, label=label, **opties)


def rapport_maken(jaar: int, *, publiek: bool, nu=None, vorig_jaar: int | None = None) -> Rapport:
    """The whole report of `jaar`; `vorig_jaar` (usually jaar - 1, when it has data) adds the
    comparison column."""
    P = cijfers.publiek_aantal if publiek else (lambda n: n)

    def G(gemiddelde, aantal):
        return cijfers.publiek_gemiddelde(gemiddelde, aantal) if publiek else gemiddelde

    vergelijk = vorig_jaar is not None
    v_kop = [str(vorig_jaar)] if vergelijk else []
    legende = (str(jaar), str(vorig_jaar)) if vergelijk else None

    def totaal(aantallen: list[int]):
        """The sum of a column of counts; in public hidden as soon as a cell of the column
        shows "< 5", or the hidden cell would follow from the total minus the others."""
        if publiek and any(P(n) == cijfers.KLEINE_GROEP for n in aantallen):
            return _("niet getoond")
        return P(sum(aantallen))

    def met_vorig(rij: list, vorig) -> list:
        return [*rij, vorig] if vergelijk else rij

    # -- BAZ voor iedereen: inspiraties -------------------------------------------------
    maanden, provincies = cijfers.inspiraties_telling(jaar, nu)
    v_maanden, v_provincie_rijen = (
        cijfers.inspiraties_telling(vorig_jaar, nu, met_titels=False) if vergelijk else ([], [])
    )
    per_maand = Tabel(
        "inspiraties-per-maand",
        _("Gepubliceerde inspiraties per maand"),
        [_("Maand"), str(jaar), *v_kop],
        [
            met_vorig([maandnaam(m.maand), m.aantal], v_maanden[i].aantal if vergelijk else None)
            for i, m in enumerate(maanden)
        ],
        regel("inspiraties"),
    )
    per_maand.rijen.append(
        met_vorig([_("Totaal"), sum(m.aantal for m in maanden)], sum(m.aantal for m in v_maanden))
    )
    per_maand.grafiek = _grafiek(
        per_maand.rijen[:-1], _("Staafdiagram: inspiraties per maand"), vergelijk, legende=legende
    )

    werkmodellen = cijfers.inspiraties_per_werkmodel(jaar, nu)
    v_werkmodellen = (
        dict((w.slug, n) for w, n in cijfers.inspiraties_per_werkmodel(vorig_jaar, nu))
        if vergelijk
        else {}
    )
    per_werkmodel = Tabel(
        "inspiraties-per-werkmodel",
        _("Inspiraties per werkmodel"),
        [_("Werkmodel"), str(jaar), *v_kop],
        [met_vorig([w.naam, n], v_werkmodellen.get(w.slug, 0)) for w, n in werkmodellen],
        regel("inspiraties", "werkmodellen"),
    )
    per_werkmodel.grafiek = _grafiek(
        per_werkmodel.rijen,
        _("Staafdiagram: inspiraties per werkmodel"),
        vergelijk,
        klassen=[w.slug for w, _n in werkmodellen],
        legende=legende,
    )

    v_provincies = {s: n for s, _naam, n in v_provincie_rijen}
    per_provincie = Tabel(
        "inspiraties-per-provincie",
        _("Inspiraties per provincie"),
        [_("Provincie"), str(jaar), *v_kop],
        [met_vorig([naam, n], v_provincies.get(s, 0)) for s, naam, n in provincies],
        regel("inspiraties", "provincies"),
    )
    per_provincie.grafiek = _grafiek(
        per_provincie.rijen,
        _("Staafdiagram: inspiraties per provincie"),
        vergelijk,
        legende=legende,
    )

    getipt = cijfers.tips(jaar, nu)
    v_getipt = cijfers.tips(vorig_jaar, nu) if vergelijk else None
    niet_geteld = _("nog niet geteld")

    def tip(waarde):
        return niet_geteld if waarde is None else P(waarde)

    tips_tabel = Tabel(
        "tips",
        _("Tips van burgers"),
        [_("Cijfer"), str(jaar), *v_kop],
        [
            met_vorig(
                [_("Tips ontvangen"), tip(getipt.ontvangen)], tip(v_getipt and v_getipt.ontvangen)
            ),
            met_vorig(
                [_("Tips gepubliceerd"), tip(getipt.gepubliceerd)],
                tip(v_getipt and v_getipt.gepubliceerd),
            ),
        ],
        regel("tips")
        + (
            ""
            if getipt.ontvangen is not None
            else " " + _("Het platform houdt tips nog niet apart bij: dit cijfer volgt.")
        ),
    )

    # -- BAZ voor iedereen: workshops ---------------------------------------------------
    soorten = cijfers.aanvragen_per_soort(jaar)
    v_soorten = (
        {s: n for s, _naam, n in cijfers.aanvragen_per_soort(vorig_jaar)} if vergelijk else {}
    )
    aanvragen = Tabel(
        "aanvragen-per-soort",
        _("Workshopaanvragen per soort organisatie"),
        [_("Soort organisatie"), str(jaar), *v_kop],
        [met_vorig([naam, P(n)], P(v_soorten.get(s, 0))) for s, naam, n in soorten],
        regel("aanvragen", "klein") if publiek else regel("aanvragen"),
    )
    aanvragen.rijen.append(
        met_vorig(
            [_("Totaal"), totaal([n for *_x, n in soorten])], totaal(list(v_soorten.values()))
        )
    )
    aanvragen.grafiek = _grafiek(
        aanvragen.rijen[:-1],
        _("Staafdiagram: workshopaanvragen per soort organisatie"),
        vergelijk,
        legende=legende,
    )

    ws = cijfers.workshops(jaar, nu)
    v_ws = cijfers.workshops(vorig_jaar, nu) if vergelijk else None

    def ws_rijen(c):
        return [
            c.sessies,
            P(c.deelnemers),
            P(c.van_wachtlijst),
            P(c.evaluaties),
            G(c.gemiddelde, c.evaluaties),
        ]

    huidig, vorig = ws_rijen(ws), ws_rijen(v_ws) if v_ws else [None] * 5
    workshop_labels = [
        _("Sessies gegeven"),
        _("Deelnemers"),
        _("Van de wachtlijst doorgeschoven"),
        _("Evaluaties ingevuld"),
        _("Gemiddelde evaluatiescore (1-5)"),
    ]
    workshops_tabel = Tabel(
        "workshops",
        _("Workshops: sessies, deelnemers en evaluaties"),
        [_("Cijfer"), str(jaar), *v_kop],
        [met_vorig([lab, huidig[i]], vorig[i]) for i, lab in enumerate(workshop_labels)],
        regel("sessies", "workshopevaluaties"),
    )
    workshops_tabel.grafiek = _grafiek(
        workshops_tabel.rijen[:4], _("Staafdiagram: workshops"), vergelijk, legende=legende
    )

    # -- BAZ Lokaal ---------------------------------------------------------------------
    nw = cijfers.netwerken(jaar, nu)
    v_nw = cijfers.netwerken(vorig_jaar, nu) if vergelijk else None

    def nw_rijen(c):
        return [
            c.bijeenkomsten,
            c.gemiddelde_aanwezigheid if not publiek or c.aanwezigen >= cijfers.DREMPEL else None,
            P(c.evaluaties),
            G(c.gemiddelde, c.evaluaties),
            P(c.casussen),
        ]

    huidig, vorig = nw_rijen(nw), nw_rijen(v_nw) if v_nw else [None] * 5
    nw_labels = [
        _("Bijeenkomsten gehouden"),
        _("Gemiddelde aanwezigheid per bijeenkomst"),
        _("Evaluaties van bijeenkomsten"),
        _("Gemiddelde evaluatiescore (1-5)"),
        _("Casussen ingebracht"),
    ]
    netwerken_tabel = Tabel(
        "lerende-netwerken",
        _("Lerende netwerken"),
        [_("Cijfer"), str(jaar), *v_kop],
        [met_vorig([lab, huidig[i]], vorig[i]) for i, lab in enumerate(nw_labels)],
        regel("bijeenkomsten", "netwerkevaluaties", "casussen"),
    )

    co = cijfers.coaching(jaar, nu)
    v_co = cijfers.coaching(vorig_jaar, nu) if vergelijk else None
    coaching_tabel = Tabel(
        "coachingtrajecten",
        _("Coachingtrajecten"),
        [_("Cijfer"), str(jaar), *v_kop],
        [
            met_vorig([_("Coachingsessies gedaan"), co.sessies], v_co and v_co.sessies),
            met_vorig([_("Trajecten met een sessie"), co.trajecten], v_co and v_co.trajecten),
        ],
        regel("coaching"),
    )
    # In public an average over fewer than five trajectories is left out ("–").
    rollen = [(r.naam, G(r.start, r.aantal_start), G(r.einde, r.aantal_einde)) for r in co.rollen]
    rollen_tabel = Tabel(
        "vier-rollen",
        _("De vier rollen van de overheid: zelfevaluatie bij de start en op het einde"),
        [_("Rol"), _("Bij de start"), _("Op het einde")],
        [list(r) for r in rollen],
        regel("zelfevaluatie"),
    )
    rollen_tabel.grafiek = staafdiagram(
        [Staaf(naam, einde, _getal(einde), start, _getal(start)) for naam, start, einde in rollen],
        label=_("Staafdiagram: zelfevaluatie per rol, op het einde tegen bij de start"),
        legende=(_("Op het einde"), _("Bij de start")),
        maximum=5,
    )

    gemeenten = cijfers.gemeenten_bereikt(jaar, nu)
    v_gemeenten = cijfers.gemeenten_bereikt(vorig_jaar, nu) if vergelijk else []
    gemeenten_tabel = Tabel(
        "gemeenten",
        _("Gemeenten bereikt"),
        [_("Cijfer"), str(jaar), *v_kop],
        [met_vorig([_("Gemeenten bereikt"), len(gemeenten)], len(v_gemeenten))],
        regel("gemeenten"),
    )

    delen = [
        Deel(
            _("BAZ voor iedereen: inspiraties"),
            "inspiraties",
            [per_maand, per_werkmodel, per_provincie, tips_tabel],
        ),
        Deel(_("BAZ voor iedereen: workshops"), "workshops", [aanvragen, workshops_tabel]),
        Deel(
            _("BAZ Lokaal"),
            "lokaal",
            [netwerken_tabel, coaching_tabel, rollen_tabel, gemeenten_tabel],
        ),
    ]

    open_antwoorden: dict[str, list] = {}
    if not publiek:
        delen.append(_interne_deel(jaar, nu, ws, nw))
        open_antwoorden = {
            "workshops": cijfers.open_antwoorden_workshops(jaar, nu),
            "netwerken": cijfers.open_antwoorden_netwerken(jaar, nu),
        }
        delen[-1].tabellen.append(
            Tabel(
                "open-antwoorden",
                _("Open antwoorden uit de evaluaties"),
                [_("Soort"), _("Workshop of netwerk"), _("Score"), _("Vraag"), _("Antwoord")],
                [
                    [soort, a.groep, a.score, vraag, antwoord]
                    for soort, lijst in (
                        (_("Workshop"), open_antwoorden["workshops"]),
                        (_("Lerend netwerk"), open_antwoorden["netwerken"]),
                    )
                    for a in lijst
                    for vraag, antwoord in a.teksten
                ],
                regel("open_antwoorden"),
                intern=True,
                tekst=True,
            )
        )

    regels = [
        (_("Het jaar"), regel("jaar")),
        (_("Kleine groepen"), regel("klein")),
    ] + [(t.titel, t.regel) for d in delen for t in d.tabellen]
    return Rapport(
        jaar=jaar,
        publiek=publiek,
        vorig_jaar=vorig_jaar,
        delen=delen,
        maanden=[(maandnaam(m.maand), m) for m in maanden],
        gemeenten=gemeenten,
        open_antwoorden=open_antwoorden,
        regels=regels,
    )


def _interne_deel(jaar: int, nu, ws, nw) -> Deel:
    """Staff only: the request funnel with its reasons, answer times, per workshop and network."""
    tr = cijfers.trechter(jaar)
    trechter = Tabel(
        "trechter",
        _("Aanvragen: van ontvangen tot gegeven"),
        [_("Stap"), _("Aanvragen")],
        [
            [_("Ontvangen"), tr.ontvangen],
            [_("Ingepland"), tr.ingepland],
            [_("Gegeven"), tr.gegeven],
            [_("Uitgesteld"), tr.uitgesteld],
            [_("Geannuleerd"), tr.geannuleerd],
        ],
        regel("trechter"),
        intern=True,
    )
    trechter.grafiek = _grafiek(trechter.rijen, _("Staafdiagram: aanvragen per stap"), False)
    redenen = Tabel(
        "redenen",
        _("Uitgesteld en geannuleerd: de redenen"),
        [_("Status"), _("Organisatie"), _("Reden"), _("Datum")],
        [
            [s, org, reden, date_format(op.astimezone(cijfers.BRUSSEL), "j F Y")]
            for s, reden, org, op in tr.redenen
        ],
        regel("trechter"),
        intern=True,
        tekst=True,
    )
    at = cijfers.antwoordtijden(jaar, nu)
    antwoord = Tabel(
        "antwoordtijden",
        _("Antwoordtijd op aanvragen (beloofd: %(n)d dagen)") % {"n": at.termijn_dagen},
        [_("Cijfer"), _("Aanvragen")],
        [
            [_("Aanvragen ontvangen"), at.aanvragen],
            [_("Beantwoord binnen de termijn"), at.binnen_termijn],
            [_("Beantwoord na de termijn"), at.te_laat],
            [_("Nog geen antwoord"), at.zonder_antwoord],
            [_("Nog geen antwoord, termijn voorbij"), at.zonder_antwoord_te_laat],
            [_("Mediaan antwoordtijd (dagen)"), at.mediaan_dagen],
        ],
        regel("antwoordtijd"),
        intern=True,
    )
    per_workshop = Tabel(
        "per-workshop",
        _("Per workshop"),
        [_("Workshop"), _("Sessies"), _("Deelnemers"), _("Evaluaties"), _("Gemiddelde score")],
        [
            [w.titel, w.sessies, w.deelnemers, w.evaluaties, w.gemiddelde]
            for w in cijfers.per_workshop(jaar, nu)
        ],
        regel("sessies"),
        intern=True,
    )
    per_netwerk = Tabel(
        "per-netwerk",
        _("Per lerend netwerk"),
        [
            _("Netwerk"),
            _("Bijeenkomsten"),
            _("Gemiddelde aanwezigheid"),
            _("Evaluaties"),
            _("Gemiddelde score"),
            _("Casussen"),
        ],
        [
            [
                n.naam,
                n.bijeenkomsten,
                n.gemiddelde_aanwezigheid,
                n.evaluaties,
                n.gemiddelde,
                n.casussen,
            ]
            for n in nw.netwerken
        ],
        regel("bijeenkomsten"),
        intern=True,
    )
    return Deel(
        _("Intern: aanvragen, antwoordtijden en evaluaties"),
        "intern",
        [trechter, redenen, antwoord, per_workshop, per_netwerk],
    )
