# The BAZ platform. Two commands: `make run` and `make test`.
PORT ?= 8000
SHELL := /bin/bash
# uv from PATH, or installed with pip for the project's Python (.python-version) on first use.
UV = $(shell command -v uv 2>/dev/null || echo python3 -m uv)
DEV_ENV := DEBUG=1
# Links in mails, canonical and OpenGraph tags follow the port of `make run PORT=...`.
RUN_ENV = $(DEV_ENV) SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}

.PHONY: run test bench backup-check lint clean uv

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv

.venv: pyproject.toml uv.lock | uv
	@$(UV) sync --frozen --quiet
	@touch .venv

## make run: environment, migrations, demo content, then the site on http://127.0.0.1:$(PORT)
run: .venv
	@$(RUN_ENV) $(UV) run --frozen python manage.py migrate --no-input -v0
	@$(RUN_ENV) $(UV) run --frozen python manage.py demo
	@echo ""
	@echo "  BurgersAanZet draait op http://127.0.0.1:$(PORT)/  (beheer: http://127.0.0.1:$(PORT)/beheer/)"
	@echo ""
	@$(RUN_ENV) $(UV) run --frozen python manage.py runserver 127.0.0.1:$(PORT)

## make test: lint, migrations check and the whole test suite (browser tests included)
test: .venv
	@$(UV) run --frozen ruff check .
	@$(UV) run --frozen ruff format --check --quiet .
	@BAZ_TESTING=1 $(UV) run --frozen python manage.py makemigrations --check --dry-run -v1
	@$(UV) run --frozen pytest $(PYTEST_ARGS)

## make bench: the catalogue under load at 1,000 and 100,000 inspiraties (PostgreSQL, gunicorn, wrk)
bench: .venv
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	@$(UV) run --frozen python bench/bench.py

## make backup-check: back up DATABASE_URL (PostgreSQL) to backups/, restore it into a scratch database and check it
backup-check: .venv
	@dump=$$(scripts/backup.sh) && PYTHON="$(UV) run --frozen python" scripts/restore-check.sh "$$dump"

lint: .venv
	@$(UV) run --frozen ruff check --fix .
	@$(UV) run --frozen ruff format .

clean:
	rm -rf .venv staticfiles media db.sqlite3
