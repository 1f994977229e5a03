"""The inspiraties' block of the staff start page (baz/beheer.py): what waits for review."""

from django.db.models import F
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from baz import beheer

from .models import Inspiratie


@beheer.blok(volgorde=20, recht="inspiraties.view_inspiratie")
def ter_review(request: HttpRequest) -> beheer.Blok:
    """Inspiraties submitted for review, the longest waiting first, with who submitted them."""
    review = Inspiratie.objects.filter(status=Inspiratie.Status.REVIEW)
    aantal = review.count()
    rijen = (
        list(
            review.select_related("ingediend_door").order_by(
                F("ingediend_op").asc(nulls_first=True), "gewijzigd_op", "pk"
            )[: beheer.MAX_REGELS]
        )
        if aantal
        else []
    )
    vandaag = timezone.localdate()
    regels = []
    for inspiratie in rijen:
        sinds = timezone.localdate(inspiratie.ingediend_op or inspiratie.gewijzigd_op)
        dagen = (vandaag - sinds).days
        wanneer = (
            _("ter review sinds vandaag")
            if dagen == 0
            else ngettext(
                "ter review sinds %(datum)s (%(n)d dag)",
                "ter review sinds %(datum)s (%(n)d dagen)",
                dagen,
            )
            % {"datum": formats.date_format(sinds, "j F"), "n": dagen}
        )
        if inspiratie.ingediend_door:
            auteur = inspiratie.ingediend_door
            wanneer = _("%(wanneer)s, ingediend door %(naam)s") % {
                "wanneer": wanneer,
                "naam": auteur.get_full_name() or auteur.get_username(),
            }
        regels.append(
            beheer.Regel(
                tekst=inspiratie.titel,
                link=beheer.beheerlink(Inspiratie, "change", inspiratie.pk),
                toelichting=wanneer,
            )
        )
    return beheer.Blok(
        titel=_("Inspiraties ter review"),
        regels=regels,
        leeg=_("Geen inspiraties die op review wachten."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext(
                "Alle %(n)d inspiratie ter review", "Alle %(n)d inspiraties ter review", aantal
            ),
            beheer.beheerlink(Inspiratie, query="status__exact=review"),
        ),
    )
