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
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Mail

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Bijlage:
    naam: str
    inhoud: str
    type: str


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
    onze_claim.update(
        status=Mail.Status.VERZONDEN, verzonden_op=timezone.now(), laatste_fout="", geclaimd_op=None
    )
    return "verzonden"


def nalopen(*, limiet: int = 200) -> dict[str, int]:
    """Send every due mail: retries whose time has come and mails a dead worker left behind.
    What `manage.py worker` runs every MAIL_NALOOP_SECONDEN, and `manage.py mails_versturen`
    once. Returns how many of each outcome.

    It asks for the next due mail before each one instead of listing them once at the start:
    a mail whose claim expires during a long round (a killed worker's) is taken next, not after
    the whole backlog. A waiting mail counts only if it was due when the round began, so a
    retry rescheduled during the round waits for the next one."""
    begin = timezone.now()
    uitkomsten: dict[str, int] = {}
    for _ in range(limiet):
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
    """Staff: give failed mails (and waiting ones) a fresh series of attempts, now."""
    ids = list(
        mails.filter(status__in=[Mail.Status.MISLUKT, Mail.Status.WACHTEND]).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        Mail.objects.filter(pk__in=ids).update(
            status=Mail.Status.WACHTEND, pogingen=0, volgende_poging_op=timezone.now()
        )
        for mail_id in ids:
            transaction.on_commit(lambda mail_id=mail_id: _aanbieden(mail_id), robust=True)
    return len(ids)


def ontvangen_adressen(sleutel: str) -> set[str]:
    """The addresses a mail of this event reached (sent), lowercased: for "send again to those
    who have not had it"."""
    return {
        adres.lower()
        for adres in Mail.objects.filter(sleutel=sleutel, status=Mail.Status.VERZONDEN).values_list(
            "ontvanger", flat=True
        )
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
