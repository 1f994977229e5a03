"""Work outside the request: sending the stored mails (the outbox in models.Mail)."""

from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .models import Mail

MAX_POGINGEN = 5


@task
def mail_versturen(mail_id: int) -> str:
    """Send one stored mail; a failure is recorded on the mail (visible to staff), not lost."""
    with transaction.atomic():
        mail = Mail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status == Mail.Status.VERZONDEN:
            return "overgeslagen"
        bericht = EmailMessage(subject=mail.onderwerp, body=mail.tekst, to=[mail.ontvanger])
        if mail.bijlage_naam:
            bericht.attach(mail.bijlage_naam, mail.bijlage_inhoud, mail.bijlage_type)
        mail.pogingen += 1
        try:
            bericht.send()
        except Exception as fout:  # any transport error: keep the mail, record why
            mail.status = Mail.Status.MISLUKT
            mail.laatste_fout = f"{type(fout).__name__}: {fout}"[:2000]
            mail.save(update_fields=["status", "pogingen", "laatste_fout"])
            return "mislukt"
        mail.status = Mail.Status.VERZONDEN
        mail.verzonden_op = timezone.now()
        mail.laatste_fout = ""
        mail.save(update_fields=["status", "pogingen", "verzonden_op", "laatste_fout"])
        return "verzonden"
