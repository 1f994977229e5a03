"""Production settings pass Django's deployment checklist, and bad values fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTIE = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-productiesleutel-die-lang-genoeg-is-0123456789",
    "ALLOWED_HOSTS": "burgersaanzet.be",
    "DATABASE_URL": "sqlite:///:memory:",
    "SITE_URL": "https://burgersaanzet.be",
    "EMAIL_HOST": "smtp.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Not the test run's own settings: BAZ_TESTING, and DJANGO_ALLOW_ASYNC_UNSAFE that the
    # browser tests set for Playwright (check --deploy rightly rejects it in production).
    weg = {"DEBUG", "BAZ_TESTING", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_schoon_met_productie_instellingen():
    resultaat = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTIE)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "System check identified no issues" in resultaat.stdout


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "kort"}, "SECRET_KEY must be at least 50 characters"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set"),
        ({"DEBUG": "misschien"}, "DEBUG must be a boolean"),
        ({"DATABASE_URL": "mysql://x/y"}, "DATABASE_URL must start with"),
        ({"EMAIL_PORT": "vijf"}, "EMAIL_PORT must be an integer"),
        ({"SITE_URL": "burgersaanzet.be"}, "SITE_URL must start with"),
    ],
)
def test_foute_instellingen_stoppen_de_start_met_uitleg(wijziging, melding):
    resultaat = manage("check", **{**PRODUCTIE, **wijziging})
    assert resultaat.returncode != 0
    assert "ImproperlyConfigured" in resultaat.stderr
    assert melding in resultaat.stderr
