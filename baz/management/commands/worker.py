"""`manage.py worker`: the one background process of the platform.

It runs django-tasks-db's worker (the tasks the requests queue: mails right after the commit
that stored them) and, beside it in a thread, every MAIL_NALOOP_SECONDEN `baz.mail.nalopen()`:
retries whose time has come and mails a killed worker left half-done, and the periodic jobs
whose time has come (baz/periodiek.py: reminders, evaluation requests, digests). Kill it at any moment:
nothing is lost (the outbox is in the database) and a mail sent twice carries the same
Message-ID. Several workers may run at once; a mail is claimed by one of them only.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baz import periodiek
from baz.mail import nalopen

logger = logging.getLogger("baz.worker")


# A task still 'running' after this long belongs to a worker that was killed: its mail (if any)
# is taken again by nalopen(); the task row is closed so that staff do not see it hang.
VASTGELOPEN_TAAK = timedelta(minutes=15)


def vastgelopen_taken_sluiten() -> int:
    grens = timezone.now() - VASTGELOPEN_TAAK
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=grens
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="baz.worker.VastgelopenTaak",
        traceback="De worker die deze taak draaide, stopte voor ze klaar was.",
    )


def _nalopen_lus(stop: threading.Event, interval: float) -> None:
    while not stop.is_set():
        try:
            close_old_connections()
            uitkomsten = nalopen(doorgaan=lambda: not stop.is_set())
            if uitkomsten:
                logger.info("Wachtrij nagelopen: %s", uitkomsten)
            if gesloten := vastgelopen_taken_sluiten():
                logger.warning("%s vastgelopen taken gesloten.", gesloten)
            if gedaan := periodiek.uitvoeren():
                logger.info("Periodieke taken: %s", gedaan)
        except Exception:  # the database may be away for a moment; try again next round
            logger.exception("Wachtrij nalopen mislukt; volgende ronde opnieuw.")
        finally:
            connection.close()
        stop.wait(interval)


class Command(BaseCommand):
    help = "Draait de taken (mails) en loopt de mailwachtrij regelmatig na. Eén proces, apart."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconden tussen twee keer kijken naar nieuwe taken (standaard 1).",
        )

    def handle(self, *args, interval: float, **opties):
        stop = threading.Event()
        draad = threading.Thread(
            target=_nalopen_lus,
            args=(stop, float(settings.MAIL_NALOOP_SECONDEN)),
            name="mails-nalopen",
            daemon=True,
        )
        draad.start()
        try:
            call_command(
                "db_worker", interval=interval, reload=False, verbosity=opties["verbosity"]
            )
        finally:
            # A restart (SIGTERM) lets the round finish the mail it is sending and mark it,
            # so that a deploy does not send a mail twice.
            stop.set()
            draad.join(
                timeout=2
                * float(settings.MAILERS["default"].get("OPTIONS", {}).get("timeout") or 5)
            )
