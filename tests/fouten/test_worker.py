"""Fault tests for the mail worker with the real parts: `manage.py worker` processes on a
database of their own and an SMTP server the test runs (aiosmtpd).

- The worker killed (SIGKILL) in the middle of a batch: nothing lost; a mail that arrives twice
  carries the same Message-ID both times, and only the mails in flight at the kill can; the mail
  the dead worker left `bezig` is sent again within MAIL_CLAIM_SECONDEN and a few seconds.
- Two workers on the same outbox at once: every mail exactly once.
"""

import time
from collections import Counter

import pytest

from tests.fouten.processen import (
    SmtpServer,
    database_url,
    django_uitvoeren,
    omgeving,
    outbox,
    processen,
    taken,
    wachten_tot,
    worker_starten,
)

pytestmark = pytest.mark.postgres


def mails_in_wachtrij(env: dict, aantal: int, soort: str) -> None:
    """`aantal` mails to distinct people, each stored in its own transaction like a request
    stores its mail, so each is handed to the task backend on commit."""
    django_uitvoeren(
        env,
        "from django.db import transaction\n"
        "from baz.mail import mail_in_wachtrij, soorten_benoemen\n"
        f"soorten_benoemen({{{soort!r}: 'Testmail'}})\n"
        f"for n in range({aantal}):\n"
        "    with transaction.atomic():\n"
        "        mail_in_wachtrij(\n"
        f"            ontvanger=f'persoon{{n}}@example.org', onderwerp=f'Bericht {{n}}',\n"
        f"            tekst='Hallo.', soort={soort!r},\n"
        "        )\n",
    )


def test_worker_gedood_midden_in_een_reeks_niets_verloren(database, tmp_path):
    claim = 5
    smtp = SmtpServer(vertraging=0.5)  # a slow relay: half a second before each 250
    smtp.starten()
    env = omgeving(
        database_url(database),
        smtp_poort=smtp.poort,
        EMAIL_TIMEOUT="2",
        MAIL_CLAIM_SECONDEN=str(claim),
        MAIL_NALOOP_SECONDEN="1",
    )
    aantal = 20
    try:
        with processen(tmp_path) as starten:
            eerste = worker_starten(starten, env, "worker-1")
            mails_in_wachtrij(env, aantal, "test.reeks")

            # Kill once a few arrived and both of the worker's senders (the task runner and the
            # naloop thread) are inside a DATA: two mails certainly in flight.
            def midden_in_de_reeks():
                return len(smtp.berichten) >= 3 and smtp.opnemer.bezig >= 2

            assert wachten_tot(midden_in_de_reeks, max_s=20, stap=0.02), (
                len(smtp.berichten),
                eerste.uitvoer(),
            )
            in_data = smtp.opnemer.bezig
            eerste.doden()
            gedood = time.monotonic()
            aangekomen_voor = len(smtp.berichten)

            bij_de_kill = outbox(database)
            in_vlucht = [m for m in bij_de_kill if m["status"] == "bezig"]
            lopende_taken = [t for t in taken(database) if t["status"] == "RUNNING"]
            print(
                f"\n[worker gedood] na {aangekomen_voor} aangekomen: outbox "
                f"{dict(Counter(m['status'] for m in bij_de_kill))}, taken RUNNING "
                f"{len(lopende_taken)}, in DATA bij de kill {in_data}"
            )
            assert in_vlucht, "the kill left no mail bezig"
            assert lopende_taken, "the kill left no task RUNNING"

            tweede = worker_starten(starten, env, "worker-2")
            assert wachten_tot(lambda: "Starting worker" in tweede.uitvoer(), max_s=20)
            tweede_op = time.monotonic() - gedood  # how long its start took, after the kill

            def vastgelopen_verzonden():
                staat = {m["id"]: m for m in outbox(database)}
                return all(staat[m["id"]]["status"] == "verzonden" for m in in_vlucht)

            assert wachten_tot(vastgelopen_verzonden, max_s=claim + 15), outbox(database)
            vastgelopen_na = time.monotonic() - gedood

            def alles_verzonden():
                return all(m["status"] == "verzonden" for m in outbox(database))

            assert wachten_tot(alles_verzonden, max_s=30), outbox(database)
            klaar_na = time.monotonic() - gedood
            time.sleep(2.5)  # two more naloop rounds: a late resend would show now
            na = outbox(database)
            lopende_taken_na = [t for t in taken(database) if t["status"] == "RUNNING"]
            assert tweede.levend(), tweede.uitvoer()
    finally:
        smtp.stoppen()

    per_id = Counter(b.message_id for b in smtp.berichten)
    ids = {m["message_id"] for m in na}
    verloren = ids - set(per_id)
    dubbel = {mid: n for mid, n in per_id.items() if n > 1}
    print(
        f"[worker gedood] gemaakt {aantal}, afgeleverd {len(per_id)} (berichten "
        f"{len(smtp.berichten)}), verloren {len(verloren)}, dubbel {sum(dubbel.values()) - len(dubbel)}"
        f" (in vlucht bij de kill {len(in_vlucht)}); vastgelopen mails verzonden {vastgelopen_na:.1f}"
        f" s na de kill (claim {claim} s, worker-2 draaide na {tweede_op:.1f} s), alles na "
        f"{klaar_na:.1f} s; taken nog RUNNING {len(lopende_taken_na)}"
    )
    assert len(na) == aantal
    assert not verloren and set(per_id) == ids
    # A duplicate is one of the mails in flight at the kill, re-sent with its own Message-ID.
    assert set(dubbel) <= {m["message_id"] for m in in_vlucht}
    assert all(n == 2 for n in dubbel.values())
    assert sum(dubbel.values()) - len(dubbel) <= len(in_vlucht)
    # Each mail reached its one recipient: Message-ID and recipient go together.
    ontvanger = {m["message_id"]: m["ontvanger"] for m in na}
    assert all(b.aan == (ontvanger[b.message_id],) for b in smtp.berichten)
    # Taken again once its claim expired (or the new worker runs, if that came later), within a
    # naloop round and a send. In production: 300 s + 60 s, well within 15 minutes.
    assert vastgelopen_na < max(claim, tweede_op) + 1 + 3


def test_twee_workers_tegelijk_elke_mail_een_keer(database, tmp_path):
    smtp = SmtpServer(vertraging=0.1)
    smtp.starten()
    env = omgeving(database_url(database), smtp_poort=smtp.poort)
    aantal = 40
    try:
        with processen(tmp_path) as starten:
            workers = [worker_starten(starten, env, f"worker-{n}") for n in (1, 2)]
            assert wachten_tot(
                lambda: all("Starting worker" in w.uitvoer() for w in workers), max_s=20
            ), [w.uitvoer() for w in workers]
            begin = time.monotonic()
            mails_in_wachtrij(env, aantal, "test.twee")

            def alles_verzonden():
                return all(m["status"] == "verzonden" for m in outbox(database))

            assert wachten_tot(alles_verzonden, max_s=30), outbox(database)
            duur = time.monotonic() - begin
            time.sleep(2.5)  # two more naloop rounds
            na = outbox(database)
            uitgevoerd = taken(database)
            assert all(w.levend() for w in workers), [w.uitvoer() for w in workers]
    finally:
        smtp.stoppen()

    per_id = Counter(b.message_id for b in smtp.berichten)
    per_worker = Counter(t["worker_ids"][0] for t in uitgevoerd if t["worker_ids"])
    uitkomsten = Counter(t["return_value"] for t in uitgevoerd)
    print(
        f"\n[twee workers] gemaakt {aantal}, afgeleverd {len(per_id)}, "
        f"verloren {aantal - len(per_id)}, dubbel {sum(per_id.values()) - len(per_id)}; "
        f"taken per worker {sorted(per_worker.values())}, uitkomsten {dict(uitkomsten)}, "
        f"alles verzonden {duur:.1f} s na het eerste commando"
    )
    assert len(na) == aantal
    assert set(per_id) == {m["message_id"] for m in na}
    assert all(n == 1 for n in per_id.values()), per_id.most_common(3)
    assert len(per_worker) == 2, "both workers took tasks from the same queue"
    assert all(t["status"] == "SUCCESSFUL" for t in uitgevoerd)
