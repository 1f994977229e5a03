"""`make bench`: the site under load at 10,000 and 100,000 inspiraties, on PostgreSQL, as
visitors really use it.

For each size: a fresh PostgreSQL database, `manage.py demo --inspiraties N`, VACUUM ANALYZE,
then the site as in production (gunicorn, two workers, DEBUG=0) and wrk at 16 connections:

- warm rows: one URL asked again and again (after the first request: the page cache);
- cold rows (bench/koud.lua): every request a different URL, drawn from the database's real
  filter values, words of the stored texts and slugs: the catalogue with 1-3 random filters, a
  sort and a page of 1-50; a search on random words in all three sorts; a random story;
- the same cold kinds at 1 connection: the service time of one request alone (p50 / p99);
- after a publication: the warm mix in the 10 s after a story is published (every public
  cache is emptied by the new catalogue version).

wrk runs with `--timeout 60s` (a slow request is counted, not dropped), and the database is
idle before every run. Each row's throughput is shown as a share of the /healthz floor of the
same run, each cold figure at the large size against the small one, and the workers' memory.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
GROOTTES = [int(n) for n in os.environ.get("BENCH_GROOTTES", "10000,100000").split(",")]
DUUR = os.environ.get("BENCH_DUUR", "10s")
VERBINDINGEN = 16
WARM = [
    ("/healthz", "vloer"),
    ("/", "home"),
    ("/inspiraties/", "warm"),
    ("/inspiraties/?werkmodel=buddywerking&provincie=antwerpen", "warm"),
    ("/inspiraties/?q=eenzaamheid", "warm"),
    ("DETAIL", "warm"),
]
KOUD = ["catalogus", "zoeken", "detail"]
# Pages that are not cached at all, one request alone: (path, name, p99 target in ms).
ONBEWAARD = [(f"/in-cijfers/{time.localtime().tm_year - 1}/", "BAZ in cijfers", 1000)]
# Targets of issue 15: share of the /healthz floor, and p99 of one request alone (ms).
DOEL_VLOER = {"warm": 0.50, "home": 0.50, "catalogus": 0.03, "zoeken": 0.02, "detail": 0.10}
DOEL_P99_ALLEEN = {"catalogus": 150, "zoeken": 300, "detail": 80}
DOEL_NA_PUBLICATIE_P99 = 500
DOEL_GEHEUGEN_MB = 250


def omgeving(database: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "BAZ_TESTING"}}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-" + "s" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"{PG}/{database}",
        SITE_URL="http://127.0.0.1",
        HTTPS="0",
        EMAIL_HOST="localhost",
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="database",
    )
    return env


def sh(*args: str, env: dict | None = None) -> str:
    resultaat = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if resultaat.returncode != 0:
        sys.exit(f"{' '.join(args)} faalde:\n{resultaat.stdout}\n{resultaat.stderr}")
    return resultaat.stdout


def psql(sql: str, database: str = "postgres") -> str:
    return sh("psql", f"{PG}/{database}", "-Atqc", sql).strip()


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def databank_rustig(database: str) -> None:
    """Wait until no other query runs in `database` (the previous run's stragglers)."""
    for _ in range(600):
        bezig = psql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state = 'active' AND pid <> pg_backend_pid()",
            database,
        )
        if bezig == "0":
            return
        time.sleep(0.1)


def wrk(url: str, *, soort: str = "", verbindingen: int = VERBINDINGEN, duur: str = DUUR):
    """(req/s, p50 ms, p99 ms) of one wrk run; `soort` takes the URLs from bench/koud.lua."""
    args = ["wrk", f"-t{min(2, verbindingen)}", f"-c{verbindingen}", f"-d{duur}"]
    args += ["--latency", "--timeout", "60s"]
    if soort:
        args += ["-s", str(ROOT / "bench" / "koud.lua"), url, "--", soort]
    else:
        args.append(url)
    uit = sh(*args, env={**os.environ, "BENCH_OPTIES_MAP": OPTIES_MAP})
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))

    def ms(label: str) -> float:
        waarde, eenheid = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s|m)\b", uit).groups()
        return float(waarde) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[eenheid]

    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    if fouten:
        sys.exit(f"{url} ({soort or 'warm'}): {fouten.group(1)} antwoorden waren geen 2xx/3xx")
    if "Socket errors" in uit and "timeout" in uit:
        print(f"  let op: {url} ({soort}) had time-outs: {uit.splitlines()[-3:]}")
    return rps, ms("50"), ms("99")


def rss_mb(pid: int) -> list[float]:
    kinderen = sh("ps", "-o", "pid=", "--ppid", str(pid)).split()
    return [int(sh("ps", "-o", "rss=", "-p", k).strip()) / 1024 for k in kinderen]


OPTIES_MAP = tempfile.mkdtemp(prefix="baz-bench-")


def lua_lijst(waarden) -> str:
    return "{" + ",".join('"' + w.replace("\\", "").replace('"', "") + '"' for w in waarden) + "}"


def opties_schrijven(database: str, warm: list[str]) -> None:
    """bench/koud.lua's lists, read from the database: what visitors could really ask for."""
    gepubliceerd = "status = 'gepubliceerd' AND gepubliceerd_op <= now()"
    lijst = {
        "werkmodel": psql("SELECT slug FROM inspiraties_werkmodel", database).split(),
        "doelgroep": psql("SELECT slug FROM inspiraties_doelgroep", database).split(),
        "provincie": psql(
            f"SELECT DISTINCT provincie FROM inspiraties_inspiratie WHERE {gepubliceerd}", database
        ).split(),
        "thema": psql(
            "SELECT DISTINCT t.slug FROM taggit_tag t JOIN taggit_taggeditem i ON i.tag_id = t.id",
            database,
        ).split(),
        "slugs": psql(
            f"SELECT slug FROM inspiraties_inspiratie WHERE {gepubliceerd} "
            "ORDER BY random() LIMIT 20000",
            database,
        ).split(),
    }
    teksten = psql(
        f"SELECT zoektekst FROM inspiraties_inspiratie WHERE {gepubliceerd} "
        "ORDER BY random() LIMIT 400",
        database,
    )
    woorden = sorted({w for w in re.findall(r"[a-z]{5,}", teksten)})
    lijst["woorden"] = woorden[:: max(1, len(woorden) // 400)]
    lijst["warm"] = warm
    regels = ["return {"] + [f"  {naam} = {lua_lijst(w)}," for naam, w in lijst.items()] + ["}"]
    Path(OPTIES_MAP, "opties.lua").write_text("\n".join(regels))


class Redactie:
    """A Django process that is running before the publication, as the admin is when staff
    publish: the 10 s after it measure the publication and what it empties, not the start of
    a Python interpreter and Django on one of the two cores."""

    CODE = (
        "import sys\n"
        "from django.db import transaction\n"
        "from inspiraties.models import Inspiratie\n"
        "from inspiraties.services import inspiratie_status_zetten\n"
        "Inspiratie.objects.exists()\n"
        "print('klaar', flush=True)\n"
        "if not sys.stdin.readline():\n"  # the benchmark stopped before its publication
        "    sys.exit(0)\n"
        "i = Inspiratie.objects.filter(status='gepubliceerd').latest('pk')\n"
        # In one transaction: visitors never see the story gone (a 404 would stop wrk's run).
        "with transaction.atomic():\n"
        "    inspiratie_status_zetten(inspiratie=i, status='gearchiveerd')\n"
        "    inspiratie_status_zetten(inspiratie=i, status='gepubliceerd')\n"
        "print('gepubliceerd', flush=True)\n"
    )

    def __init__(self, env: dict):
        self.proces = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", self.CODE],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._verwacht("klaar")

    def _verwacht(self, regel: str) -> None:
        gelezen = self.proces.stdout.readline().strip()
        if gelezen != regel:
            self.proces.kill()
            raise SystemExit(f"bench: de redactie meldde {gelezen!r} in plaats van {regel!r}")

    def publiceren(self) -> None:
        """Archive the newest story and publish it again: the catalogue version changes."""
        self.proces.stdin.write("\n")
        self.proces.stdin.flush()
        self._verwacht("gepubliceerd")
        self.proces.wait(timeout=30)


def meet(grootte: int) -> dict:
    database = f"baz_bench_{grootte}"
    env = omgeving(database)
    psql(f"DROP DATABASE IF EXISTS {database}")
    psql(f"CREATE DATABASE {database}")
    sh(sys.executable, "manage.py", "migrate", "--no-input", "-v0", env=env)
    begin = time.monotonic()
    sh(
        sys.executable,
        "manage.py",
        "demo",
        "--zonder-accounts",
        "--inspiraties",
        str(grootte),
        env=env,
    )
    laadtijd = time.monotonic() - begin
    psql("VACUUM ANALYZE", database)
    totaal = int(psql("SELECT count(*) FROM inspiraties_inspiratie", database))
    slug = psql(
        "SELECT slug FROM inspiraties_inspiratie WHERE status='gepubliceerd' ORDER BY id DESC LIMIT 1",
        database,
    )
    warm = [f"/inspiraties/{slug}/" if pad == "DETAIL" else pad for pad, _ in WARM]
    opties_schrijven(database, warm[1:])
    poort = vrije_poort()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "baz.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{poort}",
            "--no-control-socket",
            "--access-logfile=-" if os.environ.get("BENCH_LOG") else "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    rijen, alleen = [], {}
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for pad, (_, soort) in zip(warm, WARM, strict=True):
            for _ in range(3):  # warm both workers
                urllib.request.urlopen(basis + pad, timeout=60).read()
            databank_rustig(database)
            rijen.append((pad, soort, *wrk(basis + pad)))
        for soort in KOUD:
            databank_rustig(database)
            rijen.append((f"koud: {soort}", soort, *wrk(basis + "/", soort=soort)))
        for soort in KOUD:
            databank_rustig(database)
            alleen[soort] = wrk(basis + "/", soort=soort, verbindingen=1)
        for pad, naam, _doel in ONBEWAARD:
            databank_rustig(database)
            alleen[naam] = wrk(basis + pad, verbindingen=1)
        # After a publication: the warm mix while every cache starts again.
        databank_rustig(database)
        uitkomst = {}
        draad = threading.Thread(
            target=lambda: uitkomst.update(mix=wrk(basis + "/", soort="warm", duur="10s"))
        )
        redactie = Redactie(env)
        databank_rustig(database)
        draad.start()
        time.sleep(1)
        redactie.publiceren()
        draad.join()
        rijen.append(("na een publicatie: warme mix", "na_publicatie", *uitkomst["mix"]))
        geheugen = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker still busy: the figures are already taken
            server.kill()
            server.wait()
    return {
        "grootte": totaal,
        "laadtijd": laadtijd,
        "rijen": rijen,
        "alleen": alleen,
        "geheugen": geheugen,
    }


def oordeel(soort: str, rps: float, vloer: float, p99: float) -> str:
    if soort == "na_publicatie":
        return "ok" if p99 < DOEL_NA_PUBLICATIE_P99 else f"p99 BOVEN {DOEL_NA_PUBLICATIE_P99} ms"
    if soort in DOEL_VLOER:
        doel = DOEL_VLOER[soort]
        return "ok" if rps / vloer >= doel else f"ONDER {doel:.0%}"
    return ""


def druk(meting: dict, klein: dict | None) -> None:
    vloer = meting["rijen"][0][2]
    print(f"\n== {meting['grootte']:,} inspiraties (geladen in {meting['laadtijd']:.0f} s)")
    kop = (
        f"{'pagina (16 verbindingen)':<60} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'÷ vloer':>8}"
    )
    print(kop + (f" {'÷ klein':>8}" if klein else "") + "  doel")
    for i, (pad, soort, rps, p50, p99) in enumerate(meting["rijen"]):
        regel = f"{pad[:60]:<60} {rps:>8.1f} {p50:>8.1f} {p99:>8.1f} {rps / vloer:>8.1%}"
        if klein:
            regel += f" {rps / klein['rijen'][i][2]:>8.0%}"
        print(regel + "  " + oordeel(soort, rps, vloer, p99))
    print(f"\n{'één verzoek alleen (1 verbinding)':<60} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    doelen = {**DOEL_P99_ALLEEN, **{naam: doel for _, naam, doel in ONBEWAARD}}
    for soort, (rps, p50, p99) in meting["alleen"].items():
        doel = doelen[soort]
        label = soort if soort not in DOEL_P99_ALLEEN else "koud: " + soort
        regel = f"{label:<60} {rps:>8.1f} {p50:>8.1f} {p99:>8.1f}"
        if klein:
            regel += f"  (klein: p99 {klein['alleen'][soort][2]:.1f} ms)"
        print(regel + "  " + ("ok" if p99 < doel else f"p99 BOVEN {doel} ms"))
    geheugen = meting["geheugen"]
    te_veel = any(mb >= DOEL_GEHEUGEN_MB for mb in geheugen)
    print(
        "geheugen per worker na de run: "
        + ", ".join(f"{mb:.0f} MB" for mb in geheugen)
        + (f"  BOVEN {DOEL_GEHEUGEN_MB} MB" if te_veel else "  ok")
    )


def main() -> None:
    for tool in ("wrk", "psql"):
        if not shutil.which(tool):
            sys.exit(f"{tool} ontbreekt (apt-get install -y wrk postgresql-client)")
    env = omgeving("postgres")
    sh(sys.executable, "manage.py", "collectstatic", "--no-input", "-v0", env=env)
    metingen = [meet(grootte) for grootte in sorted(GROOTTES)]
    klein = metingen[0] if len(metingen) > 1 else None
    for meting in metingen:
        druk(meting, klein if meting is not klein else None)
    if klein:
        groot = metingen[-1]
        print(f"\n== koud, {klein['grootte']:,} naast {groot['grootte']:,} (req/s; factor)")
        for soort in KOUD:
            a = next(r[2] for r in klein["rijen"] if r[1] == soort)
            b = next(r[2] for r in groot["rijen"] if r[1] == soort)
            factor = a / b if b else float("inf")
            print(
                f"{soort:<12} {a:>8.1f} {b:>8.1f}  ×{factor:.2f}  "
                + ("ok" if factor < 2 else "BOVEN ×2")
            )


if __name__ == "__main__":
    main()
