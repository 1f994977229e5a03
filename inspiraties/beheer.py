"""The inspiraties' blocks of the staff start page (baz/beheer.py): what waits for review,
tips from visitors, and stories to check again."""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncDate
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


@beheer.blok(volgorde=21, recht="inspiraties.view_inspiratie")
def getipt(request: HttpRequest) -> beheer.Blok:
    """Tips from visitors that nobody took up or declined yet, the oldest first."""
    tips = Inspiratie.objects.filter(status=Inspiratie.Status.GETIPT)
    aantal = tips.count()
    rijen = list(tips.order_by("aangemaakt_op", "pk")[: beheer.MAX_REGELS]) if aantal else []
    vandaag = timezone.localdate()
    regels = []
    for inspiratie in rijen:
        dagen = (vandaag - timezone.localdate(inspiratie.aangemaakt_op)).days
        regels.append(
            beheer.Regel(
                tekst=inspiratie.titel,
                link=beheer.beheerlink(Inspiratie, "change", inspiratie.pk),
                dringend=dagen > 14,
                toelichting=_("getipt vandaag")
                if dagen == 0
                else ngettext("getipt %(n)d dag geleden", "getipt %(n)d dagen geleden", dagen)
                % {"n": dagen},
            )
        )
    return beheer.Blok(
        titel=_("Tips van bezoekers"),
        regels=regels,
        leeg=_("Geen tips die op een beslissing wachten."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext("Alle %(n)d tip", "Alle %(n)d tips", aantal),
            beheer.beheerlink(Inspiratie, query="status__exact=getipt"),
        ),
    )


NAKIJKEN_NA_DAGEN = 365


def niet_nagekeken():
    """Published stories not checked for 12 months (never checked: since their publication),
    the longest ago first."""
    grens = timezone.localdate() - timedelta(days=NAKIJKEN_NA_DAGEN)
    return (
        Inspiratie.objects.gepubliceerd()
        .annotate(laatst=Coalesce("nagekeken_op", TruncDate("gepubliceerd_op")))
        .filter(laatst__lt=grens)
        .order_by("laatst", "pk")
    )


@beheer.blok(volgorde=22, recht="inspiraties.change_inspiratie")
def na_te_kijken(request: HttpRequest) -> beheer.Blok:
    """Stories to check again ("klopt het nog?"), and local ones that miss their gemeente."""
    oud = niet_nagekeken()
    # Both numbers in one query: the old stories and the local ones without a gemeente.
    tellingen = Inspiratie.objects.exclude(status=Inspiratie.Status.AFGEWEZEN).aggregate(
        oud=Count("pk", filter=Q(pk__in=oud.values("pk"))),
        zonder_gemeente=Count(
            "pk", filter=Q(reikwijdte=Inspiratie.Reikwijdte.LOKAAL, gemeente__isnull=True)
        ),
    )
    aantal, zonder_gemeente = tellingen["oud"], tellingen["zonder_gemeente"]
    rijen = list(oud.only("pk", "titel", "nagekeken_op")[: beheer.MAX_REGELS]) if aantal else []
    regels = [
        beheer.Regel(
            tekst=inspiratie.titel,
            link=beheer.beheerlink(Inspiratie, "change", inspiratie.pk),
            toelichting=(
                _("laatst nagekeken in %(maand)s")
                % {"maand": formats.date_format(inspiratie.nagekeken_op, "F Y")}
                if inspiratie.nagekeken_op
                else _("nooit nagekeken")
            ),
        )
        for inspiratie in rijen
    ]
    if zonder_gemeente:
        regels.append(
            beheer.Regel(
                tekst=ngettext(
                    "%(n)d lokale inspiratie zonder gemeente",
                    "%(n)d lokale inspiraties zonder gemeente",
                    zonder_gemeente,
                )
                % {"n": zonder_gemeente},
                link=beheer.beheerlink(
                    Inspiratie, query="reikwijdte__exact=lokaal&gemeente__isnull=True"
                ),
                toelichting=_("vul de gemeente in: dan staan ze op de gemeentepagina"),
            )
        )
    return beheer.Blok(
        titel=_("Verhalen om na te kijken"),
        regels=regels,
        leeg=_("Alle verhalen zijn het voorbije jaar nagekeken."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext(
                "Alle %(n)d verhaal dat een jaar niet nagekeken is",
                "Alle %(n)d verhalen die een jaar niet nagekeken zijn",
                aantal,
            ),
            beheer.beheerlink(Inspiratie, query="status__exact=gepubliceerd&o=7"),
        ),
    )
