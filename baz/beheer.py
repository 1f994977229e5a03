"""The staff start page: what needs staff today, at the top of /beheer/.

Each app says what waits for staff in a module of its own, `<app>/beheer.py`, found at start-up
the way the admin finds admin.py (`ontdekken()`, from BazConfig.ready). There it registers a
function that builds one block of the page:

    from baz import beheer

    @beheer.blok(volgorde=10, recht="workshops.view_aanvraag")
    def nieuwe_aanvragen(request) -> beheer.Blok:
        ...
        return beheer.Blok(titel=..., regels=[beheer.Regel(tekst=..., link=...)], leeg=...)

A block is shown only to staff who hold its permission `recht` (the view permission of what
it lists, so nobody sees a line they cannot open). Each line links to where it is handled; an
urgent one (a request past the promised answer time, a failed mail) stands out. A block lists
at most `MAX_REGELS` lines and links to the full list for the rest, so the page runs a fixed
number of queries however much waits. The core adds its own two blocks below: failed mails and
personal data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Mail, Wissing
from .persoonsgegevens import wislog
from .tweestaps import BazAdminSite

MAX_REGELS = 8


@dataclass(frozen=True)
class Regel:
    tekst: str
    link: str
    dringend: bool = False
    toelichting: str = ""  # a second, quieter part: "wacht 5 dagen", "3 op de wachtlijst"


@dataclass(frozen=True)
class Blok:
    titel: str
    regels: list[Regel]
    leeg: str  # what the block says when nothing waits: "Geen nieuwe aanvragen."
    meer: Regel | None = None  # the full list, when there is more than the block shows
    sleutel: str = field(default="", compare=False)  # the id in the page (set by the register)

    @property
    def dringend(self) -> int:
        return sum(regel.dringend for regel in self.regels)


@dataclass(frozen=True)
class _Onderdeel:
    sleutel: str
    volgorde: int
    recht: str
    maken: Callable[[HttpRequest], Blok]


_ONDERDELEN: dict[str, _Onderdeel] = {}


def blok(*, volgorde: int, recht: str):
    """Register a function `request -> Blok` for the start page, shown to staff with `recht`."""

    def registreren(maken: Callable[[HttpRequest], Blok]):
        sleutel = f"{maken.__module__.split('.')[0]}-{maken.__name__}".replace("_", "-")
        _ONDERDELEN[sleutel] = _Onderdeel(sleutel, volgorde, recht, maken)
        return maken

    return registreren


def blokken(request: HttpRequest) -> list[Blok]:
    """The blocks this staff member may see, in order."""
    zichtbaar = [o for o in _ONDERDELEN.values() if request.user.has_perm(o.recht)]
    uit = []
    for onderdeel in sorted(zichtbaar, key=lambda o: (o.volgorde, o.sleutel)):
        gemaakt = onderdeel.maken(request)
        uit.append(
            Blok(gemaakt.titel, gemaakt.regels, gemaakt.leeg, gemaakt.meer, onderdeel.sleutel)
        )
    return uit


def ontdekken() -> None:
    """Import every app's `beheer` module (their blocks register themselves)."""
    autodiscover_modules("beheer")


def beheerlink(model, actie: str = "changelist", *args, query: str = "") -> str:
    """The admin address of a model's list (`actie="changelist"`) or object (`"change", pk`)."""
    opts = model._meta
    adres = reverse(f"admin:{opts.app_label}_{opts.model_name}_{actie}", args=args)
    return f"{adres}?{query}" if query else adres


def zichtbaar(request: HttpRequest, model):
    """The rows of `model` this staff member sees in the admin (its ModelAdmin's queryset)."""
    return admin.site.get_model_admin(model).get_queryset(request)


def meer_regel(aantal: int, getoond: int, tekst: str, link: str) -> Regel | None:
    """A link to the full list when the block shows fewer lines than there are."""
    return Regel(tekst=tekst % {"n": aantal}, link=link) if aantal > getoond else None


class BeheerSite(BazAdminSite):
    """The admin with the start page above the list of apps (templates/admin/index.html)."""

    def index(self, request: HttpRequest, extra_context=None):
        return super().index(request, {"blokken": blokken(request), **(extra_context or {})})


# ---------------------------------------------------------------------------
# The core's own blocks
# ---------------------------------------------------------------------------


@blok(volgorde=80, recht="baz.view_mail")
def mislukte_mails(request: HttpRequest) -> Blok:
    mislukt = Mail.objects.filter(status=Mail.Status.MISLUKT)
    aantal = mislukt.count()
    rijen = list(mislukt.order_by("-aangemaakt_op")[:MAX_REGELS]) if aantal else []
    lijst = beheerlink(Mail, query="status__exact=mislukt")
    return Blok(
        titel=_("Mislukte mails"),
        regels=[
            Regel(
                tekst=_("%(onderwerp)s, aan %(ontvanger)s")
                % {"onderwerp": mail.onderwerp, "ontvanger": mail.ontvanger},
                link=beheerlink(Mail, "change", mail.pk),
                dringend=True,
                toelichting=mail.laatste_fout[:160],
            )
            for mail in rijen
        ],
        leeg=_("Geen mislukte mails."),
        meer=meer_regel(
            aantal,
            len(rijen),
            ngettext(
                "Alle %(n)d mislukte mail (opnieuw proberen)",
                "Alle %(n)d mislukte mails (opnieuw proberen)",
                aantal,
            ),
            lijst,
        )
        or (Regel(_("Opnieuw proberen vanuit de lijst"), lijst) if aantal else None),
    )


@blok(volgorde=90, recht="baz.persoonsgegevens_beheren")
def persoonsgegevens(request: HttpRequest) -> Blok:
    """Requests for access or erasure come in by mail and are handled on one page; what needs
    staff on its own is an erasure log that disagrees with the database (after restoring a
    backup: `manage.py wissingen_heruitvoeren` erases those people again)."""
    try:
        regels_log, _fouten = wislog.lezen()
    except OSError:  # no log yet (nobody was ever erased), or unreadable: the command says
        regels_log = []
    in_log = {regel.id for regel in regels_log}
    in_db = {str(pk) for pk in Wissing.objects.values_list("pk", flat=True)}
    regels = [
        Regel(
            tekst=_("Persoonsgegevens opzoeken"),
            link=reverse("persoonsgegevens:opzoeken"),
            toelichting=_("inzage, export en wissen op verzoek"),
        )
    ]
    if ontbrekend := len(in_log - in_db):
        regels.append(
            Regel(
                tekst=ngettext(
                    "%(n)d wissing uit het wislog ontbreekt in de database",
                    "%(n)d wissingen uit het wislog ontbreken in de database",
                    ontbrekend,
                )
                % {"n": ontbrekend},
                link=beheerlink(Wissing),
                dringend=True,
                toelichting=_(
                    "voer manage.py wissingen_heruitvoeren uit (na een teruggezette back-up)"
                ),
            )
        )
    if niet_gelogd := len(in_db - in_log):
        regels.append(
            Regel(
                tekst=ngettext(
                    "%(n)d wissing staat niet in het wislog",
                    "%(n)d wissingen staan niet in het wislog",
                    niet_gelogd,
                )
                % {"n": niet_gelogd},
                link=beheerlink(Wissing),
                dringend=True,
                toelichting=_("voer manage.py wissingen_heruitvoeren uit"),
            )
        )
    return Blok(titel=_("Persoonsgegevens (AVG)"), regels=regels, leeg="")
