"""The real parts for the fault tests: a PostgreSQL database of their own, gunicorn, the worker,
an SMTP server the test runs itself (aiosmtpd) and a relay that hangs.

Everything runs as production runs it: separate processes with DEBUG off, a 50+ character
SECRET_KEY, the SMTP mailer and the database task backend. The tests talk to them only from
the outside: HTTP, SMTP, signals, and SQL on their database (psycopg).

Each test gets a database copied from a template migrated once per session (CREATE DATABASE ...
TEMPLATE takes a second, a migrate ten), and drops it afterwards, also when it fails.
"""

from __future__ import annotations

import asyncio
import atexit
import email
import email.policy
import http.client
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core import signing

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# aiosmtpd logs every SMTP command at INFO; the tests print their own figures.
logging.getLogger("mail.log").setLevel(logging.WARNING)

SECRET_KEY = "fouttests-" + "geheim-en-lang-genoeg-voor-productie-" * 2
STAFF = "medewerkers@burgersaanzet.test"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wachten_tot(voorwaarde: Callable[[], object], *, max_s: float, stap: float = 0.1):
    """Poll until `voorwaarde()` is truthy (returns it) or `max_s` passed (returns the last)."""
    einde = time.monotonic() + max_s
    while True:
        waarde = voorwaarde()
        if waarde or time.monotonic() > einde:
            return waarde
        time.sleep(stap)


# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------


def _pg() -> dict:
    d = settings.DATABASES["default"]
    return {
        "host": d.get("HOST") or "127.0.0.1",
        "port": int(d.get("PORT") or 5432),
        "user": d.get("USER") or "postgres",
        "password": d.get("PASSWORD") or None,
    }


def database_url(naam: str) -> str:
    pg = _pg()
    gebruiker = urllib.parse.quote(pg["user"], safe="")
    if pg["password"]:
        gebruiker += ":" + urllib.parse.quote(pg["password"], safe="")
    return f"postgres://{gebruiker}@{pg['host']}:{pg['port']}/{naam}"


def _beheer(sql: str) -> None:
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg()) as verbinding:
        verbinding.execute(sql)


def verbinding(naam: str) -> psycopg.Connection:
    return psycopg.connect(dbname=naam, autocommit=True, **_pg())


def rijen(naam: str, sql: str, params=()) -> list[dict]:
    with verbinding(naam) as v, v.cursor(row_factory=psycopg.rows.dict_row) as c:
        c.execute(sql, params)
        return c.fetchall()


def outbox(naam: str) -> list[dict]:
    return rijen(
        naam,
        "SELECT id, soort, sleutel, ontvanger, onderwerp, status, pogingen, laatste_fout, "
        "message_id, geclaimd_op, verzonden_op FROM baz_mail ORDER BY id",
    )


def taken(naam: str) -> list[dict]:
    return rijen(
        naam,
        "SELECT id, status, worker_ids, return_value, args_kwargs "
        "FROM django_tasks_database_dbtaskresult ORDER BY enqueued_at",
    )


_SJABLOON: dict[str, str] = {}
_EIGEN_NAAM = re.compile(r"^baz_fouten_(?:sjabloon_)?(\d+)(?:_|$)")


def _achtergelaten_opruimen() -> None:
    """Drop the databases of an earlier run of these tests that was killed before its clean-up
    (their name carries the pid of a pytest that no longer runs)."""
    with psycopg.connect(dbname="postgres", autocommit=True, **_pg()) as v:
        namen = [r[0] for r in v.execute("SELECT datname FROM pg_database").fetchall()]
        for naam in namen:
            treffer = _EIGEN_NAAM.match(naam)
            if treffer and not Path(f"/proc/{treffer.group(1)}").exists():
                v.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def sjabloon() -> str:
    """A migrated database to copy, made once per session and dropped when pytest exits."""
    if "naam" not in _SJABLOON:
        _achtergelaten_opruimen()
        naam = f"baz_fouten_sjabloon_{os.getpid()}"
        _beheer(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        _beheer(f'CREATE DATABASE "{naam}"')
        _SJABLOON["naam"] = naam
        atexit.register(_beheer, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        env = omgeving(database_url(naam), smtp_poort=1)
        _beheren(["migrate", "--no-input", "-v0"], env)
    return _SJABLOON["naam"]


def _beheren(opdracht: list[str], env: dict) -> None:
    resultaat = subprocess.run(
        [PYTHON, "manage.py", *opdracht],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


_STATISCH: list[bool] = []


def _statische_bestanden(env: dict) -> None:
    """collectstatic once per session: DEBUG off serves the hashed names of the manifest."""
    if not _STATISCH:
        _beheren(["collectstatic", "--no-input", "-v0"], env)
        _STATISCH.append(True)


@contextmanager
def eigen_database(testnaam: str) -> Iterator[str]:
    """A fresh copy of the template for one test, dropped afterwards (also when it fails)."""
    naam = f"baz_fouten_{os.getpid()}_{re.sub(r'[^a-z0-9]', '', testnaam.lower())[:30]}"
    _beheer(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    _beheer(f'CREATE DATABASE "{naam}" TEMPLATE "{sjabloon()}"')
    try:
        yield naam
    finally:
        _beheer(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


# ---------------------------------------------------------------------------------------------
# The environment of production, and the processes
# ---------------------------------------------------------------------------------------------


def omgeving(database_url: str, *, smtp_poort: int, **extra: str) -> dict[str, str]:
    """What a server of the platform gets: DEBUG off, SMTP, the database task backend. The
    outbox timings are short so the tests run in seconds; production defaults are in
    baz/settings.py (claim 300 s, naloop 60 s)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"BAZ_TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "PYTEST_VERSION"}
        and not k.startswith(("PYTEST_", "EMAIL_", "MAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="baz.settings",
        PYTHONUNBUFFERED="1",
        DEBUG="0",
        HTTPS="0",
        BEHEER_TWEESTAPS="0",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        DATABASE_URL=database_url,
        STAFF_NOTIFICATION_EMAIL=STAFF,
        DEFAULT_FROM_EMAIL="BurgersAanZet <info@burgersaanzet.test>",
        EMAIL_BACKEND_KIND="smtp",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_poort),
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="2",
        MAIL_CLAIM_SECONDEN="5",
        MAIL_NALOOP_SECONDEN="1",
        MAIL_WACHTTIJDEN="1",
        TASKS_BACKEND="database",
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


@dataclass
class Proces:
    naam: str
    popen: subprocess.Popen
    log: Path

    def levend(self) -> bool:
        return self.popen.poll() is None

    def uitvoer(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""

    def doden(self) -> None:
        """SIGKILL, as the kernel's OOM killer or a pulled plug does: no clean-up at all."""
        if self.levend():
            os.kill(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stoppen(self) -> None:
        """SIGTERM to the process group this test started (gunicorn's workers included)."""
        if not self.levend():
            return
        try:
            os.killpg(self.popen.pid, signal.SIGTERM)
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)
        except ProcessLookupError:
            pass


@contextmanager
def processen(tmp_path: Path) -> Iterator[Callable[..., Proces]]:
    """Start processes with `starten(naam, args, env)`; all are stopped when the block ends."""
    gestart: list[Proces] = []

    def starten(naam: str, args: list[str], env: dict) -> Proces:
        log = tmp_path / f"{naam}-{len(gestart)}.log"
        with log.open("wb") as uit:
            popen = subprocess.Popen(
                args, cwd=ROOT, env=env, stdout=uit, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        proces = Proces(naam, popen, log)
        gestart.append(proces)
        return proces

    try:
        yield starten
    finally:
        for proces in reversed(gestart):
            proces.stoppen()


@dataclass
class Gunicorn:
    proces: Proces
    adres: str

    def klaar(self, max_s: float = 30) -> str:
        """Wait until it answers /healthz; returns its address."""

        def op() -> bool:
            try:
                return Client(self.adres).get("/healthz").status < 500
            except OSError:
                return False

        if not wachten_tot(op, max_s=max_s):
            pytest.fail(f"gunicorn kwam niet op:\n{self.proces.uitvoer()}")
        return self.adres


def gunicorn_starten(starten, env: dict, *, workers: int = 2) -> Gunicorn:
    """Start gunicorn as production does (`klaar()` waits until it answers)."""
    _statische_bestanden(env)
    poort = vrije_poort()
    proces = starten(
        "gunicorn",
        [
            GUNICORN,
            "baz.wsgi",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{poort}",
            "--no-control-socket",
            "--log-level=warning",
            "--timeout=60",
            "--graceful-timeout=5",
        ],
        env,
    )
    return Gunicorn(proces, f"http://127.0.0.1:{poort}")


def worker_starten(starten, env: dict, naam: str = "worker") -> Proces:
    return starten(naam, [PYTHON, "manage.py", "worker", "--interval=0.2"], env)


def django_uitvoeren(env: dict, code: str) -> dict:
    """Run `code` in a Python of the server's environment (like `manage.py shell -c`); it sets
    `uitkomst`, which comes back as JSON."""
    script = (
        "import json, django\ndjango.setup()\nuitkomst = {}\n"
        + code
        + "\nprint('UITKOMST=' + json.dumps(uitkomst, default=str))\n"
    )
    resultaat = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    regel = [r for r in resultaat.stdout.splitlines() if r.startswith("UITKOMST=")][-1]
    return json.loads(regel.removeprefix("UITKOMST="))


# ---------------------------------------------------------------------------------------------
# HTTP from the outside
# ---------------------------------------------------------------------------------------------


@dataclass
class Antwoord:
    status: int
    headers: dict[str, str]
    tekst: str
    duur: float


class Client:
    """A tiny cookie-keeping HTTP client that can speak from its own loopback address
    (127.0.0.x), as distinct visitors do; the rate limits count per address."""

    def __init__(self, basis: str, *, bron: str | None = None):
        deel = urllib.parse.urlsplit(basis)
        self.host, self.poort = deel.hostname, deel.port
        self.bron = bron
        self.cookies: dict[str, str] = {}

    def _verzoek(self, methode: str, pad: str, body: bytes | None = None, headers=None):
        verbinding = http.client.HTTPConnection(
            self.host,
            self.poort,
            timeout=30,
            source_address=(self.bron, 0) if self.bron else None,
        )
        kop = {"Host": f"{self.host}:{self.poort}", **(headers or {})}
        if self.cookies:
            kop["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        begin = time.monotonic()
        try:
            verbinding.request(methode, pad, body=body, headers=kop)
            antwoord = verbinding.getresponse()
            inhoud = antwoord.read()
            duur = time.monotonic() - begin
            for naam, waarde in antwoord.getheaders():
                if naam.lower() == "set-cookie":
                    sleutel, _, rest = waarde.partition("=")
                    self.cookies[sleutel.strip()] = rest.split(";", 1)[0]
            return Antwoord(
                antwoord.status,
                {k.lower(): v for k, v in antwoord.getheaders()},
                inhoud.decode(errors="replace"),
                duur,
            )
        finally:
            verbinding.close()

    def get(self, pad: str) -> Antwoord:
        return self._verzoek("GET", pad)

    def post(self, pad: str, data: dict) -> Antwoord:
        return self._verzoek(
            "POST",
            pad,
            urllib.parse.urlencode(data).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )


def tijdstempel(seconden_geleden: float = 10) -> str:
    """The spam guard's 'form loaded at', signed with the server's key (salt baz.formulier)."""
    return signing.dumps(time.time() - seconden_geleden, key=SECRET_KEY, salt="baz.formulier")


RESET = "/account/wachtwoord/vergeten/"


def reset_formulier(client: Client) -> dict:
    """GET the reset form: the CSRF token and the hidden fields, with a stamp old enough."""
    formulier = client.get(RESET)
    assert formulier.status == 200, formulier.status
    velden = dict(
        re.findall(r'name="(csrfmiddlewaretoken|sleutel)" value="([^"]*)"', formulier.tekst)
    )
    return {**velden, "website": "", "geladen": tijdstempel()}


# ---------------------------------------------------------------------------------------------
# SMTP: a recording server, and a relay that accepts and never answers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ontvangen:
    message_id: str
    aan: tuple[str, ...]
    onderwerp: str
    op: float


@dataclass
class Opnemer:
    """aiosmtpd handler: records every message (Message-ID, recipients, subject) the moment its
    DATA is complete, as a relay that has queued it. With `vertraging`, the 250 comes that much
    later (a slow relay): a client that dies meanwhile never learns its message got through."""

    vertraging: float = 0.0
    berichten: list[Ontvangen] = field(default_factory=list)
    bezig: int = 0  # DATA commands received and not answered yet

    async def handle_DATA(self, server, session, envelope):
        bericht = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.berichten.append(
            Ontvangen(
                message_id=str(bericht["Message-ID"]).strip(),
                aan=tuple(a.lower() for a in envelope.rcpt_tos),
                onderwerp=" ".join(str(bericht["Subject"]).split()),
                op=time.monotonic(),
            )
        )
        self.bezig += 1
        try:
            if self.vertraging:
                await asyncio.sleep(self.vertraging)
        finally:
            self.bezig -= 1
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on a fixed port, started and stopped by the test. Stopped, the port
    refuses connections, as a relay that is down does."""

    def __init__(self, *, vertraging: float = 0.0):
        self.poort = vrije_poort()
        self.opnemer = Opnemer(vertraging=vertraging)
        self._controller: Controller | None = None

    @property
    def berichten(self) -> list[Ontvangen]:
        return list(self.opnemer.berichten)

    def starten(self) -> None:
        self._controller = Controller(self.opnemer, hostname="127.0.0.1", port=self.poort)
        self._controller.start()

    def stoppen(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


class HangendeServer:
    """A relay that accepts every TCP connection and never says a word."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.poort = self.sock.getsockname()[1]
        self.verbindingen: list[socket.socket] = []
        self._stop = threading.Event()
        self._draad = threading.Thread(target=self._aannemen, daemon=True)
        self._draad.start()

    def _aannemen(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                verbinding, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.verbindingen.append(verbinding)

    def stoppen(self) -> None:
        self._stop.set()
        self._draad.join(timeout=2)
        for verbinding in self.verbindingen:
            verbinding.close()
        self.sock.close()
