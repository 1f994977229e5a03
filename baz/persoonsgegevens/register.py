"""The register of personal data: each part of the platform says what it holds about people, for
how long, and how to count, export, erase and expire it.

An app declares its part in a module of its own, `<app>/persoonsgegevens.py`, with a subclass of
`Deel` and `registreren(...)`; `ontdekken()` (run by baz's AppConfig.ready) imports those modules
the way the admin imports admin.py, after the core's own parts (the admin log, the audit trail,
the outbox). The core runs them: one `persoon` command and one staff page for access and erasure
(services.py), one `bewaartermijnen` command for retention, the privacy page's table. This module
imports no app.

A person is found by e-mail address, and then by what the apps hold about that address: their
names and phone numbers (`Persoon`). Free text elsewhere (staff notes, a verslag, the admin
log's names of objects) is searched for all three, so that "Sofie Peeters" typed by staff goes
with the erasure too. A name of one word ("Sofie") is never searched for in other rows: too many
other people carry it.

Erasure and retention share their code: an app's part calls the same anonymise or delete
function from `wissen` and from `opschonen`, and that function calls `sporen_wissen` for the
rows it changes, which blanks the admin log's and the audit trail's names of them and takes the
person's mentions out of both. Erasure takes the mentions out of every free text an app declares
(its VRIJE_TEKST); retention only out of the texts that hang on the rows it expires (a request's
status reasons, a network's verslagen), because the same person may still be there for another
reason (a current member whose old workshop request expires).

Not part of any: Wissing (a salted hash of the address, no address: the proof of an erasure),
Teller (rate-limit keys, hashed), sessions (signed, and void once an erased account's password
is gone), reference data (Gemeente, Werkmodel).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

GEWIST = "(gewist)"

# What a part's kinds map to: the number of rows of each kind, or their rows for an export.
Aantallen = dict[str, int]
Rijen = dict[str, list[dict]]


# ---------------------------------------------------------------------------------------------
# What a part declares
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bewaartermijn:
    """One retention period, as the privacy statement shows it and `bewaartermijnen` applies it.
    `termijn` None: no fixed period (`daarna` says until when)."""

    wat: str
    gegevens: str
    rechtsgrond: str
    termijn: timedelta | None
    daarna: str

    @property
    def termijn_tekst(self) -> str:
        """'24 maanden na de laatste activiteit, daarna geanonimiseerd'."""
        if self.termijn is None:
            return str(self.daarna)
        return f"{duur_tekst(self.termijn)} {self.daarna}"


@dataclass(frozen=True)
class Bewaard:
    """Something that can name a person and is kept on erasure on purpose, with the reason:
    shown on /beheer/persoonsgegevens/ next to the counts."""

    wat: str
    waarom: str


def duur_tekst(termijn: timedelta) -> str:
    if termijn.days and termijn.days % 365 == 0:
        maanden = termijn.days // 365 * 12
        return ngettext("%(n)d maand", "%(n)d maanden", maanden) % {"n": maanden}
    return ngettext("%(n)d dag", "%(n)d dagen", termijn.days) % {"n": termijn.days}


class Deel:
    """One part of the platform that holds personal data. Subclass it in `<app>/persoonsgegevens.py`
    and pass an instance to `registreren`.

    Every method gets the `Persoon` (address, names, phone numbers) and returns per kind of row:
    `tellen` the numbers (a fixed number of queries, whatever the rows), `exporteren` the rows
    (JSON-ready dicts, without secrets), `wissen` the numbers it found and erased; `opschonen`
    applies the part's retention periods (idempotent; `droog`: count only). `bij_wissen` says per
    kind what erasure does, `bewaard` what is kept and why.
    """

    sleutel: str = ""
    titel: str = ""
    volgorde: int = 50  # erasure order; the core's own parts come first
    bewaartermijnen: Sequence[Bewaartermijn] = ()
    bij_wissen: dict[str, str] = {}
    bewaard: Sequence[Bewaard] = ()
    # Personal links this part mails, as regexes whose first group is what may be shown: the
    # rest is a key, and an export is not the place for it ("/workshops/inschrijving/…/").
    persoonlijke_links: Sequence[str] = ()

    @property
    def kern(self) -> bool:
        return self.volgorde < 50

    def kenmerken(self, email: str) -> Persoon:
        """The names and phone numbers this part holds for the address."""
        return Persoon.uit()

    def tellen(self, persoon: Persoon) -> Aantallen:
        return {}

    def exporteren(self, persoon: Persoon) -> Rijen:
        return {}

    def wissen(self, persoon: Persoon) -> Aantallen:
        return {}

    def bewaard_tellen(self, persoon: Persoon) -> list[tuple[Bewaard, int | None]]:
        """What is kept on erasure, each with how many rows name this person (None: not
        counted, e.g. because the kept rows no longer name anyone)."""
        return [(bewaard, None) for bewaard in self.bewaard]

    def bezwaren(self, persoon: Persoon) -> list[str]:
        """Why erasing this person here is refused (the erasure is then refused as a whole)."""
        return []

    def opschonen(self, *, nu: datetime, droog: bool = False) -> Aantallen:
        return {}

    def emailadressen(self) -> set[str]:
        """Every address this part holds, normalised: to find the people of a logged erasure."""
        return set()

    def sporen_wissen(self, objecten: dict[type[models.Model], list], persoon: Persoon) -> None:
        """Only the core's traces (admin log, audit trail): blank the names of these objects,
        and every mention of the person."""


_delen: dict[str, Deel] = {}


def registreren(deel: Deel) -> Deel:
    if not deel.sleutel:
        raise ValueError(f"{type(deel).__name__} heeft geen sleutel.")
    _delen[deel.sleutel] = deel
    return deel


def ontdekken() -> None:
    """Register the core's parts, then import every app's `persoonsgegevens` module."""
    from . import audit, beheerlog, mails  # noqa: F401  (each registers itself)

    autodiscover_modules("persoonsgegevens")


def delen() -> list[Deel]:
    """Every registered part, in erasure order: the core's traces before the apps."""
    return sorted(_delen.values(), key=lambda deel: (deel.volgorde, deel.sleutel))


def bewaartermijnen() -> list[tuple[Deel, Bewaartermijn]]:
    """Every declared retention period: the apps' first, then the core's (privacy page)."""
    volgorde = sorted(delen(), key=lambda deel: (deel.kern, deel.volgorde, deel.sleutel))
    return [(deel, termijn) for deel in volgorde for termijn in deel.bewaartermijnen]


def links_verbergen(tekst: str) -> str:
    """The text with the key of every registered personal link replaced by '…'."""
    for deel in delen():
        for link in deel.persoonlijke_links:
            tekst = re.sub(link, r"\1…/", tekst)
    return tekst


def sporen_wissen(objecten: dict[type[models.Model], Iterable], persoon: Persoon | None = None):
    """Called by every anonymise or delete function, on erasure and on retention alike: blank
    the admin log's and the audit trail's names of these objects, and the person's mentions."""
    objecten = {model: [str(pk) for pk in pks] for model, pks in objecten.items()}
    persoon = persoon or Persoon.uit()
    for deel in delen():
        deel.sporen_wissen(objecten, persoon)


# ---------------------------------------------------------------------------------------------
# One person: an address, with the names and phone numbers held for it
# ---------------------------------------------------------------------------------------------

TELEFOON_TEKENS = re.compile(r"[\s./()\-]")
TELEFOON_BE = re.compile(r"^(?:\+32|0032|0)([1-9]\d{7,8})$")
# Between two digits of a phone number, as people type them: "0470 12 34 56", "0470/12.34.56".
_SCHEIDING = r"[ ./()-]*"
# Names that are no names: what anonymising leaves behind.
_GEEN_NAAM = {"(geanonimiseerd)", "verwijderd lid", GEWIST}


def normaliseren(email: str) -> str:
    return email.strip().lower()


def telefoon_cijfers(waarde: str) -> str:
    """A Belgian number as its digits without the prefix ('470123456'), any other number as
    its digits; '' when there are too few digits to search for."""
    compact = TELEFOON_TEKENS.sub("", waarde or "")
    match = TELEFOON_BE.match(compact)
    if match:
        return match.group(1)
    cijfers = re.sub(r"\D", "", compact)
    return cijfers if len(cijfers) >= 8 else ""


def naam_zoekbaar(naam: str) -> str:
    """The name, with single spaces, when it is specific enough to search for in other rows (two
    words or more); '' otherwise."""
    naam = " ".join((naam or "").split())
    delen_ = [deel for deel in naam.split(" ") if len(deel.strip(".-'")) >= 2]
    if len(delen_) < 2 or naam.lower() in _GEEN_NAAM:
        return ""
    return naam


@dataclass(frozen=True)
class Persoon:
    """What identifies one person (or, in a retention run, several): addresses, names, phones."""

    emails: frozenset[str] = field(default_factory=frozenset)
    namen: frozenset[str] = field(default_factory=frozenset)
    telefoons: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def uit(cls, *, emails=(), namen=(), telefoons=()) -> Persoon:
        return cls(
            frozenset(e for e in (normaliseren(e) for e in emails if e) if "@" in e),
            frozenset(n for n in map(naam_zoekbaar, namen) if n),
            frozenset(t for t in map(telefoon_cijfers, telefoons) if t),
        )

    def __or__(self, ander: Persoon) -> Persoon:
        return Persoon(
            self.emails | ander.emails, self.namen | ander.namen, self.telefoons | ander.telefoons
        )

    @property
    def email(self) -> str:
        return min(self.emails) if self.emails else ""

    @property
    def leeg(self) -> bool:
        return not (self.emails or self.namen or self.telefoons)

    def _termen(self) -> list[str]:
        return sorted(self.emails | self.namen, key=len, reverse=True)

    def _telefoon_patroon(self, cijfers: str) -> str:
        nummer = _SCHEIDING.join(cijfers)
        if len(cijfers) in (8, 9):  # Belgian, as '0470…', '+32 470…' or '0032 470…'
            return rf"(\+32|0032|0){_SCHEIDING}{nummer}"
        return nummer

    def q(self, *velden: str) -> Q:
        """Rows with a mention of the person in any of these text columns (a fixed number of
        conditions, one query)."""
        voorwaarde = Q(pk__in=[])
        for veld in velden:
            for term in self._termen():
                voorwaarde |= Q(**{f"{veld}__icontains": term})
            for cijfers in sorted(self.telefoons):
                voorwaarde |= Q(**{f"{veld}__iregex": self._telefoon_patroon(cijfers)})
        return voorwaarde

    @property
    def patroon(self) -> re.Pattern | None:
        delen_ = [r"\s+".join(map(re.escape, term.split())) for term in self._termen()]
        delen_ += [self._telefoon_patroon(cijfers) for cijfers in sorted(self.telefoons)]
        return re.compile("|".join(delen_), re.IGNORECASE) if delen_ else None

    def noemt(self, tekst: str) -> bool:
        patroon = self.patroon
        return bool(patroon and tekst and patroon.search(tekst))

    def schrappen(self, tekst: str) -> str:
        """The text with every mention of the person replaced by '(gewist)'."""
        patroon = self.patroon
        return patroon.sub(GEWIST, tekst) if patroon and tekst else tekst

    def fragmenten(self, tekst: str, breedte: int = 60) -> list[str]:
        """Each mention with a little text around it: an export shows where the person is
        named in someone else's text without handing over the whole text."""
        patroon = self.patroon
        if not (patroon and tekst):
            return []
        return [
            tekst[max(m.start() - breedte, 0) : m.end() + breedte] for m in patroon.finditer(tekst)
        ]


# ---------------------------------------------------------------------------------------------
# Mentions in free text: the same three functions for every part
# ---------------------------------------------------------------------------------------------

# Text columns where someone may name a person: (model, columns).
VrijeTekst = Sequence[tuple[type[models.Model], Sequence[str]]]


def vermeldingen(persoon: Persoon, velden: VrijeTekst, *, binnen: Callable | None = None):
    """(model, columns, rows that mention the person) per model; `binnen(model, queryset)` may
    narrow the rows (retention: only the texts that hang on the expired rows)."""
    if persoon.leeg:
        return []
    uitkomst = []
    for model, kolommen in velden:
        rijen = model._default_manager.filter(persoon.q(*kolommen))
        if binnen is not None:
            rijen = binnen(model, rijen)
        uitkomst.append((model, kolommen, rijen))
    return uitkomst


def vermeldingen_tellen(persoon: Persoon, velden: VrijeTekst) -> int:
    return sum(rijen.count() for _model, _kolommen, rijen in vermeldingen(persoon, velden))


def vermeldingen_exporteren(persoon: Persoon, velden: VrijeTekst) -> list[dict]:
    uitkomst = []
    for model, kolommen, rijen in vermeldingen(persoon, velden):
        for rij in rijen.values("pk", *kolommen):
            for kolom in kolommen:
                for fragment in persoon.fragmenten(rij[kolom] or ""):
                    uitkomst.append(
                        {
                            "waar": f"{model._meta.app_label}.{model._meta.model_name}",
                            "id": rij["pk"],
                            "veld": kolom,
                            "fragment": fragment,
                        }
                    )
    return uitkomst


def vermeldingen_wissen(
    persoon: Persoon, velden: VrijeTekst, *, binnen: Callable | None = None
) -> int:
    """Replace every mention of the person by '(gewist)' in these columns; returns the rows.
    An UPDATE per row, so that no save() hook and no auto_now date changes."""
    aantal = 0
    for model, kolommen, rijen in vermeldingen(persoon, velden, binnen=binnen):
        for rij in rijen.values("pk", *kolommen):
            nieuw = {kolom: persoon.schrappen(rij[kolom] or "") for kolom in kolommen}
            model._default_manager.filter(pk=rij["pk"]).update(**nieuw)
            aantal += 1
    return aantal


VERMELDINGEN_BIJ_WISSEN = _("de naam, het e-mailadres of het telefoonnummer wordt “(gewist)”")
