"""Production runs tasks (mails) in a separate worker process: queued in the database by the
request, sent by `manage.py db_worker`. Nothing is lost when no worker runs for a while."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import task_backends

from baz.models import Mail
from tests.workshops.conftest import maak_sessie, maak_workshop
from workshops.services import inschrijving_maken

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_taken(settings):
    settings.TASKS = DATABASE_TASKS  # django.tasks resets its backends on setting_changed
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"


@pytest.mark.django_db(transaction=True)
def test_een_mail_wacht_in_de_wachtrij_tot_de_worker_hem_verstuurt(database_taken, werkmodellen):
    sessie = maak_sessie(maak_workshop())
    inschrijving_maken(sessie=sessie, naam="An Peeters", email="an@example.org")
    bevestiging = Mail.objects.get(ontvanger="an@example.org")
    assert bevestiging.status == Mail.Status.WACHTEND
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    bevestiging.refresh_from_db()
    assert bevestiging.status == Mail.Status.VERZONDEN
    assert [m.to for m in mail.outbox] == [["an@example.org"]]
