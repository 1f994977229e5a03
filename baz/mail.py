"""The one way the platform sends mail: an outbox in the database and a worker that empties it.

`mail_in_wachtrij()` stores a mail in the caller's transaction and hands it to the task backend
once that transaction commits, so a mail is never sent for data that was rolled back and never
lost for data that was stored. No request talks to SMTP.

`versturen()` is what the worker runs for one mail:

1. claim it in a short transaction of its own (status `bezig`, with the moment of the claim):
   an UPDATE that only succeeds while the mail is due, so two workers never both take it;
2. send it outside any transaction or row lock;
3. mark it sent (or, on an error, put it back with the next attempt's time, or `mislukt` after
   the last attempt, with the error, visible to staff).

A worker killed between 1 and 3 leaves the mail `bezig`; once its claim is older than
MAIL_CLAIM_SECONDEN, `nalopen()` (run every MAIL_NALOOP_SECONDEN by `manage.py worker`) claims
it again. Every mail carries one Message-ID from the moment it is stored, so a mail sent twice
after such a crash is the same message to the receiving side, which drops the copy.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import DatabaseError, close_old_connections, transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Mail

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: str
    type: str


# What staff read for each kind of mail; every app names its own kinds with soorten_benoemen().
SOORTEN: dict[str, str] = {"account.wachtwoord_reset": _("Wachtwoord vergeten")}


def soorten_benoemen(namen: dict[str, str]) -> None:
    """An app declares the Dutch names of its kinds of mail ("netwerken.verslag": "Verslag")."""
    SOORTEN.update(namen)


def soort_naam(code: str) -> str:
    return str(SOORTEN.get(code, code))


def _een_regel(tekst: str) -> str:
    """A header value on one line: CR, LF and the Unicode line separators become spaces, so a
    subject built from what someone typed can never make a mail unsendable."""
    return " ".join(str(tekst).split())


def mail_in_wachtrij(
    *,
    ontvanger: str,
    onderwerp: str,
    soort: str,
    template: str | None = None,
    context: dict | None = None,
    tekst: str | None = None,
    sleutel: str = "",
    bijlage: Bijlage | None = None,
) -> Mail:
    """Store one mail (rendered now from `template` and `context`, or the given `tekst`) and
    send it once the surrounding transaction commits. `soort` names the kind of mail for staff
    ("netwerken.verslag"); `sleutel` groups the mails of one event ("netwerken.verslag:12")."""
    if (template is None) == (tekst is None):
        raise TypeError("Geef een template of een tekst, niet allebei.")
    if soort not in SOORTEN:
        raise ValueError(f"Onbekende soort mail {soort!r}: benoem ze met soorten_benoemen().")
    if tekst is None:
        tekst = render_to_string(template, {"SITE_URL": settings.SITE_URL, **(context or {})})
    mail = Mail.objects.create(
        soort=soort,
        sleutel=sleutel,
        ontvanger=ontvanger.strip(),
        onderwerp=_een_regel(onderwerp)[:250],
        tekst=tekst,
        bijlage_naam=bijlage.naam if bijlage else "",
        bijlage_inhoud=bijlage.inhoud if bijlage else "",
        bijlage_type=bijlage.type if bijlage else "",
    )
    transaction.on_commit(lambda: _aanbieden(mail.pk), robust=True)
    return mail


def _aanbieden(mail_id: int) -> None:
    # Imported here: the task module imports this one.
    from .tasks import mail_versturen

    # robust on_commit: if the task backend fails, the mail stays 'wachtend' and nalopen()
    # takes it within MAIL_NALOOP_SECONDEN.
    mail_versturen.enqueue(mail_id)


def _bericht(mail: Mail) -> EmailMessage:
    bericht = EmailMessage(
        subject=_een_regel(mail.onderwerp),
        body=mail.tekst,
        to=[mail.ontvanger],
        headers={"Message-ID": mail.message_id},
    )
    if mail.bijlage_naam:
        bericht.attach(mail.bijlage_naam, mail.bijlage_inhoud, mail.bijlage_type)
    return bericht


def _claim_verlopen_voor(nu):
    return nu - timedelta(seconds=settings.MAIL_CLAIM_SECONDEN)


def _te_versturen(nu) -> Q:
    """Due: waiting and its time has come, or claimed by a worker that did not finish."""
    return Q(status=Mail.Status.WACHTEND, volgende_poging_op__lte=nu) | Q(
        status=Mail.Status.BEZIG, geclaimd_op__lt=_claim_verlopen_voor(nu)
    )


def _wachttijd(pogingen: int) -> timedelta:
    """How long after the n-th failed attempt the next one comes."""
    reeks = settings.MAIL_WACHTTIJDEN
    return timedelta(seconds=reeks[min(pogingen, len(reeks)) - 1])


def versturen(mail_id: int) -> str:
    """Claim, send and mark one mail; returns what happened: verzonden, uitgesteld, mislukt or
    overgeslagen (not due, already sent, or another worker has it)."""
    nu = timezone.now()
    with transaction.atomic():
        geclaimd = (
            Mail.objects.filter(pk=mail_id)
            .filter(_te_versturen(nu))
            .update(status=Mail.Status.BEZIG, geclaimd_op=nu, pogingen=F("pogingen") + 1)
        )
    if not geclaimd:
        return "overgeslagen"
    mail = Mail.objects.get(pk=mail_id)
    onze_claim = Mail.objects.filter(pk=mail_id, status=Mail.Status.BEZIG, geclaimd_op=nu)
    if mail.pogingen > settings.MAIL_MAX_POGINGEN:
        # Every worker that took it stopped before it was marked (the process died while
        # sending, or could not write afterwards): no endless resends; staff decide.
        onze_claim.update(
            status=Mail.Status.MISLUKT,
            geclaimd_op=None,
            laatste_fout=(
                "De worker stopte telkens tijdens het versturen; misschien is de mail toch "
                "aangekomen. Kijk na voor je hem opnieuw verstuurt."
            ),
        )
        logger.error(
            "Mail %s: de worker stopte %s keer tijdens het versturen.", mail_id, mail.pogingen - 1
        )
        return "mislukt"
    try:
        mailers.default.send_messages([_bericht(mail)])
    except Exception as fout:  # every transport error: keep the mail, say why, try again later
        melding = f"{type(fout).__name__}: {fout}"[:2000]
        if mail.pogingen >= settings.MAIL_MAX_POGINGEN:
            onze_claim.update(status=Mail.Status.MISLUKT, laatste_fout=melding, geclaimd_op=None)
            logger.error("Mail %s definitief mislukt na %s pogingen.", mail_id, mail.pogingen)
            return "mislukt"
        onze_claim.update(
            status=Mail.Status.WACHTEND,
            laatste_fout=melding,
            geclaimd_op=None,
            volgende_poging_op=timezone.now() + _wachttijd(mail.pogingen),
        )
        logger.warning("Mail %s niet verstuurd (poging %s): %s", mail_id, mail.pogingen, melding)
        return "uitgesteld"
    _als_verzonden_markeren(onze_claim, mail_id)
    return "verzonden"


def _als_verzonden_markeren(onze_claim, mail_id: int, pogingen: int = 5) -> None:
    """The mail is on its way: mark it, trying a few times over a few seconds if the database
    hiccups (a lock on SQLite, a dropped connection), so that a blip does not resend it. If all
    tries fail, the claim expires and the mail goes again, with the same Message-ID."""
    for poging in range(pogingen):
        try:
            onze_claim.update(
                status=Mail.Status.VERZONDEN,
                verzonden_op=timezone.now(),
                laatste_fout="",
                geclaimd_op=None,
            )
            return
        except DatabaseError:
            if poging == pogingen - 1:
                logger.exception("Mail %s verstuurd maar niet als verzonden gemarkeerd.", mail_id)
                raise
            close_old_connections()
            time.sleep(0.2 * 2**poging)


def nalopen(*, limiet: int = 200, doorgaan: Callable[[], bool] = lambda: True) -> dict[str, int]:
    """Send every due mail: retries whose time has come and mails a dead worker left behind.
    What `manage.py worker` runs every MAIL_NALOOP_SECONDEN, and `manage.py mails_versturen`
    once. Returns how many of each outcome.

    It asks for the next due mail before each one instead of listing them once at the start:
    a mail whose claim expires during a long round (a killed worker's) is taken next, not after
    the whole backlog. A waiting mail counts only if it was due when the round began, so a
    retry rescheduled during the round waits for the next one."""
    begin = timezone.now()
    uitkomsten: dict[str, int] = {}
    for _ronde in range(limiet):
        if not doorgaan():  # the worker is stopping: finish the mail in hand, take no other
            break
        mail_id = (
            Mail.objects.filter(
                Q(status=Mail.Status.WACHTEND, volgende_poging_op__lte=begin)
                | Q(status=Mail.Status.BEZIG, geclaimd_op__lt=_claim_verlopen_voor(timezone.now()))
            )
            .order_by("volgende_poging_op", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if mail_id is None:
            break
        uitkomst = versturen(mail_id)
        uitkomsten[uitkomst] = uitkomsten.get(uitkomst, 0) + 1
    return uitkomsten


def opnieuw_proberen(*, mails: QuerySet) -> int:
    """Staff: give failed mails (and waiting ones) a fresh series of attempts, now. A mail that
    a worker took or sent in the meantime is left alone (the condition is in the UPDATE)."""
    aantal = 0
    with transaction.atomic():
        for mail_id in mails.values_list("pk", flat=True):
            if Mail.objects.filter(
                pk=mail_id, status__in=[Mail.Status.MISLUKT, Mail.Status.WACHTEND]
            ).update(status=Mail.Status.WACHTEND, pogingen=0, volgende_poging_op=timezone.now()):
                aantal += 1
                transaction.on_commit(lambda mail_id=mail_id: _aanbieden(mail_id), robust=True)
    return aantal


def sleutel_voor(obj) -> str:
    """The key that ties mails to the row they are about ("netwerken.verslag:12"): to tell who
    has had it, and to delete them when that row is erased or expires."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def onderweg_of_ontvangen(sleutel: str) -> set[str]:
    """For "send again to those who have not had it": the addresses (lowercased) a mail of this
    event reached or is still on its way to. Failed ones are given a fresh series of attempts
    first (with their own Message-ID), so nobody gets it twice under two Message-IDs."""
    opnieuw_proberen(mails=Mail.objects.filter(sleutel=sleutel, status=Mail.Status.MISLUKT))
    return {
        adres.lower()
        for adres in Mail.objects.filter(
            sleutel=sleutel,
            status__in=[Mail.Status.VERZONDEN, Mail.Status.WACHTEND, Mail.Status.BEZIG],
        ).values_list("ontvanger", flat=True)
    }


def wachtrij_toestand() -> dict[str, int | None]:
    """For /healthz and the admin: the age in seconds of the oldest mail not yet sent, and the
    number that failed for good."""
    oudste = (
        Mail.objects.filter(status__in=[Mail.Status.WACHTEND, Mail.Status.BEZIG])
        .order_by("aangemaakt_op")
        .values_list("aangemaakt_op", flat=True)
        .first()
    )
    return {
        "oudste_wachtend_seconden": (
            int((timezone.now() - oudste).total_seconds()) if oudste else None
        ),
        "mislukt": Mail.objects.filter(status=Mail.Status.MISLUKT).count(),
    }
