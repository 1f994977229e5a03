"""Forms of the account pages: the password reset through the outbox and the spam guard."""

from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string

from baz.mail import mail_in_wachtrij
from baz.spamwering import BeschermdFormulier


class WachtwoordVergetenForm(BeschermdFormulier, PasswordResetForm):
    """Django's reset form behind the spam guard: a bot never makes the site mail a member.

    The mail goes into the outbox, like every other mail: the request never waits on SMTP, so
    neither a hanging relay nor the answer time tells whether the address has an account."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        mail_in_wachtrij(
            ontvanger=to_email,
            onderwerp=render_to_string(subject_template_name, context),
            tekst=render_to_string(email_template_name, context),
            soort="account.wachtwoord_reset",
        )
