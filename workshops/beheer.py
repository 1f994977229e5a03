"""The workshops' blocks of the staff start page (baz/beheer.py): new requests against the
answer time BAZ promises, and the coming sessions with their places and waiting list."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from baz import beheer

from .models import Aanvraag, Sessie


def _dagen(n: int) -> str:
    return ngettext("%(n)d dag", "%(n)d dagen", n) % {"n": n}


@beheer.blok(volgorde=10, recht="workshops.view_aanvraag")
def nieuwe_aanvragen(request: HttpRequest) -> beheer.Blok:
    """Requests nobody answered yet, the oldest first; past the promised answer time urgent."""
    nieuw = Aanvraag.objects.filter(status=Aanvraag.Status.NIEUW)
    aantal = nieuw.count()
    rijen = (
        list(nieuw.select_related("workshop").order_by("aangemaakt_op", "pk")[: beheer.MAX_REGELS])
        if aantal
        else []
    )
    vandaag = timezone.localdate()
    regels = []
    for aanvraag in rijen:
        wacht = (vandaag - timezone.localdate(aanvraag.aangemaakt_op)).days
        uiterlijk = aanvraag.antwoord_uiterlijk
        te_laat = (vandaag - uiterlijk).days
        if te_laat > 0:
            stand = _("wacht %(wacht)s, %(over)s over de beloofde antwoordtermijn") % {
                "wacht": _dagen(wacht),
                "over": _dagen(te_laat),
            }
        elif wacht == 0:
            stand = _("vandaag binnengekomen, antwoord beloofd uiterlijk %(datum)s") % {
                "datum": formats.date_format(uiterlijk, "j F")
            }
        else:
            stand = _("wacht %(wacht)s, antwoord beloofd uiterlijk %(datum)s") % {
                "wacht": _dagen(wacht),
                "datum": formats.date_format(uiterlijk, "j F"),
            }
        regels.append(
            beheer.Regel(
                tekst=_("%(organisatie)s vraagt %(workshop)s")
                % {"organisatie": aanvraag.organisatie, "workshop": aanvraag.workshop.titel},
                link=beheer.beheerlink(Aanvraag, "change", aanvraag.pk),
                dringend=te_laat > 0,
                toelichting=stand,
            )
        )
    return beheer.Blok(
        titel=_("Nieuwe aanvragen (antwoord binnen %(termijn)s)")
        % {"termijn": _dagen(settings.AANVRAAG_ANTWOORDTERMIJN_DAGEN)},
        regels=regels,
        leeg=_("Geen nieuwe aanvragen: elke aanvraag kreeg een antwoord."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext("Alle %(n)d nieuwe aanvraag", "Alle %(n)d nieuwe aanvragen", aantal),
            beheer.beheerlink(Aanvraag, query="status__exact=nieuw"),
        ),
    )


@beheer.blok(volgorde=30, recht="workshops.view_sessie")
def komende_sessies(request: HttpRequest) -> beheer.Blok:
    """The next sessions, with places taken and the waiting list (counted in one query)."""
    komend = Sessie.objects.komend()
    aantal = komend.count()
    rijen = (
        list(
            komend.met_aantallen()
            .select_related("workshop")
            .order_by("begint_op", "pk")[: beheer.MAX_REGELS]
        )
        if aantal
        else []
    )
    regels = []
    for sessie in rijen:
        plaatsen = _("%(bezet)d van %(capaciteit)d plaatsen bezet") % {
            "bezet": sessie.aantal_bevestigd,
            "capaciteit": sessie.capaciteit,
        }
        if sessie.aantal_wachtlijst:
            plaatsen += ", " + ngettext(
                "%(n)d op de wachtlijst", "%(n)d op de wachtlijst", sessie.aantal_wachtlijst
            ) % {"n": sessie.aantal_wachtlijst}
        regels.append(
            beheer.Regel(
                tekst=_("%(workshop)s, %(datum)s")
                % {
                    "workshop": sessie.workshop.titel,
                    "datum": formats.date_format(
                        timezone.localtime(sessie.begint_op), "l j F, H:i"
                    ),
                },
                link=beheer.beheerlink(Sessie, "change", sessie.pk),
                toelichting=plaatsen,
            )
        )
    return beheer.Blok(
        titel=_("Komende sessies"),
        regels=regels,
        leeg=_("Geen sessies gepland."),
        meer=beheer.meer_regel(
            aantal,
            len(rijen),
            ngettext("Alle %(n)d komende sessie", "Alle %(n)d komende sessies", aantal),
            beheer.beheerlink(Sessie),
        ),
    )


@beheer.blok(volgorde=25, recht="workshops.change_inschrijving")
def vandaag_inchecken(request: HttpRequest) -> beheer.Blok:
    """Sessions of today and tomorrow, each linked to its check-in page (issue 14)."""
    from django.urls import reverse

    from baz.aanwezigheid import vandaag_en_morgen, wanneer_kort

    begin, einde = vandaag_en_morgen()
    rijen = list(
        Sessie.objects.filter(begint_op__gte=begin, begint_op__lt=einde, geannuleerd_op=None)
        .met_aantallen()
        .select_related("workshop")
        .order_by("begint_op", "pk")[: beheer.MAX_REGELS]
    )
    return beheer.Blok(
        titel=_("Vandaag en morgen: inchecken"),
        regels=[
            beheer.Regel(
                tekst=_("%(workshop)s, %(wanneer)s")
                % {"workshop": sessie.workshop.titel, "wanneer": wanneer_kort(sessie.begint_op)},
                link=reverse("sessie-inchecken", args=[sessie.pk]),
                toelichting=ngettext(
                    "%(n)d ingeschreven", "%(n)d ingeschreven", sessie.aantal_bevestigd
                )
                % {"n": sessie.aantal_bevestigd},
            )
            for sessie in rijen
        ],
        leeg=_("Vandaag en morgen zijn er geen sessies."),
    )
