"""The outbox moved to the core (baz.Mail): copy every stored mail there, then drop this table."""

from email.utils import make_msgid

from django.db import migrations

STATUS = {"wachtend": "wachtend", "verzonden": "verzonden", "mislukt": "wachtend"}


def kopieren(apps, schema_editor):
    Oud = apps.get_model("workshops", "Mail")
    Nieuw = apps.get_model("baz", "Mail")
    Nieuw.objects.bulk_create(
        Nieuw(
            soort="workshops",
            ontvanger=mail.ontvanger,
            onderwerp=mail.onderwerp,
            tekst=mail.tekst,
            bijlage_naam=mail.bijlage_naam,
            bijlage_type=mail.bijlage_type,
            bijlage_inhoud=mail.bijlage_inhoud,
            message_id=make_msgid(domain="burgersaanzet.be"),
            # A failed mail gets a fresh series of attempts in the new outbox.
            status=STATUS.get(mail.status, "wachtend"),
            pogingen=0 if mail.status == "mislukt" else mail.pogingen,
            laatste_fout=mail.laatste_fout,
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
