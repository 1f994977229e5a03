"""Work outside the request, for django.tasks: sending one mail of the outbox (baz/mail.py)."""

from django.tasks import task

from . import mail


@task
def mail_versturen(mail_id: int) -> str:
    """Claim, send and mark one stored mail; a failure is recorded on the mail, never lost."""
    return mail.versturen(mail_id)
