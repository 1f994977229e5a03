"""`make bench`: the catalogue under load at 1,000 and 100,000 inspiraties, on PostgreSQL.

For each size: a fresh PostgreSQL database, `manage.py demo --inspiraties N`, then the site as
in production (gunicorn, two workers, DEBUG=0) and wrk at 16 connections on each page. Prints
requests per second, p50 and p99 latency, each page's throughput as a share of the /healthz
floor, how throughput at the large size compares with the small one, and worker memory.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
GROOTTES = [int(n) for n in os.environ.get("BENCH_GROOTTES", "1000,100000").split(",")]
DUUR = os.environ.get("BENCH_DUUR", "10s")
VERBINDINGEN = 16
PAGINAS = [
    ("/healthz", "vloer"),
    ("/", "home"),
    ("/inspiraties/", "catalogus"),
    ("/inspiraties/?werkmodel=buddywerking&provincie=antwerpen", "catalogus"),
    ("/inspiraties/?q=eenzaamheid", "zoeken"),
    ("/inspiraties/?pagina=2000", "catalogus"),
    ("DETAIL", "detail"),
]
DOEL = {"catalogus": 0.25, "zoeken": 0.10}


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
    )
    return env


def sh(*args: str, env: dict | None = None, quiet: bool = False) -> str:
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


def wrk(url: str) -> tuple[float, float, float]:
    uit = sh("wrk", "-t2", f"-c{VERBINDINGEN}", f"-d{DUUR}", "--latency", url)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))

    def ms(label: str) -> float:
        waarde, eenheid = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", uit).groups()
        return float(waarde) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[eenheid]

    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    if fouten:
        sys.exit(f"{url}: {fouten.group(1)} antwoorden waren geen 2xx/3xx")
    return rps, ms("50"), ms("99")


def rss_mb(pid: int) -> list[float]:
    kinderen = sh("ps", "-o", "pid=", "--ppid", str(pid)).split()
    return [int(sh("ps", "-o", "rss=", "-p", k).strip()) / 1024 for k in kinderen]


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
    totaal = int(psql("SELECT count(*) FROM inspiraties_inspiratie", database))
    slug = psql(
        "SELECT slug FROM inspiraties_inspiratie WHERE status='gepubliceerd' ORDER BY id DESC LIMIT 1",
        database,
    )
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
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        rijen = []
        for pad, soort in PAGINAS:
            pad = f"/inspiraties/{slug}/" if pad == "DETAIL" else pad
            for _ in range(3):  # warm both workers
                urllib.request.urlopen(basis + pad, timeout=30).read()
            rijen.append((pad, soort, *wrk(basis + pad)))
        geheugen = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return {"grootte": totaal, "laadtijd": laadtijd, "rijen": rijen, "geheugen": geheugen}


def druk(meting: dict, klein: dict | None) -> None:
    vloer = meting["rijen"][0][2]
    print(f"\n== {meting['grootte']:,} inspiraties (geladen in {meting['laadtijd']:.0f} s)")
    kop = f"{'pagina':<58} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'÷ vloer':>8}"
    if klein:
        kop += f" {'÷ klein':>8}"
    print(kop)
    for i, (pad, soort, rps, p50, p99) in enumerate(meting["rijen"]):
        regel = f"{pad:<58} {rps:>8.0f} {p50:>8.1f} {p99:>8.1f} {rps / vloer:>7.0%} "
        if klein:
            regel += f" {rps / klein['rijen'][i][2]:>7.0%} "
        oordeel = []
        if soort in DOEL:
            oordeel.append("ok" if rps / vloer >= DOEL[soort] else f"ONDER {DOEL[soort]:.0%}")
        if p99 >= 100:
            oordeel.append("p99 TE HOOG")
        print(regel + " ".join(oordeel))
    print(
        "geheugen per worker na de run: " + ", ".join(f"{mb:.0f} MB" for mb in meting["geheugen"])
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


if __name__ == "__main__":
    main()
