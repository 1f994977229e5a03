"""The outbox moved to the core (baz.Mail): copy every stored mail there, then drop this table."""

from datetime import timedelta
from email.utils import make_msgid

from django.db import migrations
from django.utils import timezone

# A failed mail stays failed: staff see it and decide whether it is still worth sending. A mail
# still waiting after a day may have been delivered already (a worker killed before marking it):
# it is not sent blindly under a new Message-ID either, but shown as failed with that reason.
OUD = timedelta(days=1)
REDEN_OUD = (
    "Bij de overgang naar de nieuwe uitgaande post wachtte deze mail al meer dan een dag; "
    "misschien is hij toch aangekomen. Kijk na voor je hem opnieuw verstuurt."
)


def _status(mail, nu) -> tuple[str, str]:
    if mail.status == "verzonden":
        return "verzonden", mail.laatste_fout
    if mail.status == "mislukt":
        return "mislukt", mail.laatste_fout
    if mail.aangemaakt_op < nu - OUD:
        return "mislukt", REDEN_OUD
    return "wachtend", mail.laatste_fout


def kopieren(apps, schema_editor):
    Oud = apps.get_model("workshops", "Mail")
    Nieuw = apps.get_model("baz", "Mail")
    nu = timezone.now()
    Nieuw.objects.bulk_create(
        Nieuw(
            soort="workshops.overgenomen",
            ontvanger=mail.ontvanger,
            onderwerp=mail.onderwerp,
            tekst=mail.tekst,
            bijlage_naam=mail.bijlage_naam,
            bijlage_type=mail.bijlage_type,
            bijlage_inhoud=mail.bijlage_inhoud,
            message_id=make_msgid(domain="burgersaanzet.be"),
            status=_status(mail, nu)[0],
            pogingen=mail.pogingen,
            laatste_fout=_status(mail, nu)[1],
            aangemaakt_op=mail.aangemaakt_op,
            volgende_poging_op=mail.aangemaakt_op,
            verzonden_op=mail.verzonden_op,
        )
        for mail in Oud.objects.all().iterator()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0002_nieuwsbrief_ingetrokken_op"),
        ("baz", "0004_outbox_teller_audit"),
    ]

    operations = [
        migrations.RunPython(kopieren, migrations.RunPython.noop),
        migrations.DeleteModel(name="Mail"),
    ]
