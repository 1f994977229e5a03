"""The year's report on the staff start page (baz/beheer.py): one click to last year's figures."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from baz import beheer

from . import cijfers
from .views import RECHTEN


@beheer.blok(volgorde=70, recht="workshops.view_aanvraag")
def jaarverslag(request: HttpRequest) -> beheer.Blok:
    """Links only, no query: the report of the last complete year, this year so far, and the
    public page (the staff report also needs the right to see network evaluations)."""
    vorig = cijfers.laatste_volledige_jaar()
    publiek = beheer.Regel(
        tekst=_("De publieke pagina “BAZ in cijfers”"), link=reverse("jaarcijfers:overzicht")
    )
    if not all(request.user.has_perm(recht) for recht in RECHTEN):
        return beheer.Blok(titel=_("Jaarcijfers"), regels=[publiek], leeg="")
    return beheer.Blok(
        titel=_("Jaarverslag"),
        regels=[
            beheer.Regel(
                tekst=_("Jaarverslag %(jaar)d") % {"jaar": vorig},
                link=reverse("jaarcijfers:jaarverslag", args=[vorig]),
                toelichting=_("met de interne cijfers, als PDF en per tabel als CSV"),
            ),
            beheer.Regel(
                tekst=_("%(jaar)d tot vandaag") % {"jaar": vorig + 1},
                link=reverse("jaarcijfers:jaarverslag", args=[vorig + 1]),
            ),
            publiek,
        ],
        leeg="",
    )
