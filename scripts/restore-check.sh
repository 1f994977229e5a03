#!/usr/bin/env bash
# Proves that a dump of scripts/backup.sh can be restored: restores it into a scratch database on
# the server of DATABASE_URL, runs `manage.py migrate --check` against it (no migration missing
# or unapplied), prints the rows of the key tables, and drops the scratch database again (also
# when a step fails).
#
#   DATABASE_URL=postgres://user:pw@host:5432/baz scripts/restore-check.sh FILE.dump
#
# The database user needs CREATEDB. The production database itself is only read.
# Output: one line "table rows" per key table on stdout; exit status 0 when all checks pass.
# SCRATCH_DB names the scratch database (default baz_herstelcontrole_<pid>); PYTHON is the
# command that runs manage.py (default: uv run --frozen python).
set -euo pipefail
cd "$(dirname "$0")/.."

dump="${1:?gebruik: scripts/restore-check.sh FILE.dump}"
[ -r "$dump" ] || { echo "restore-check.sh: $dump is niet leesbaar" >&2; exit 2; }
DATABASE_URL="${DATABASE_URL:-}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "restore-check.sh: zet DATABASE_URL=postgres://gebruiker@host:5432/naam" >&2; exit 2 ;;
esac

scratch="${SCRATCH_DB:-baz_herstelcontrole_$$}"
[[ "$scratch" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore-check.sh: ongeldige SCRATCH_DB" >&2; exit 2; }
# The same server and credentials, another database name (keep ?options).
zonder_query="${DATABASE_URL%%\?*}"
query="${DATABASE_URL:${#zonder_query}}"
scratch_url="${zonder_query%/*}/$scratch$query"
PYTHON="${PYTHON:-uv run --frozen python}"

sql() { PGOPTIONS="-c client_min_messages=warning" psql --no-psqlrc --quiet --tuples-only --no-align --set=ON_ERROR_STOP=1 "$@"; }
opruimen() {
  sql --dbname="$DATABASE_URL" -c "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)" >/dev/null \
    || echo "restore-check.sh: kon $scratch niet verwijderen" >&2
}

sql --dbname="$DATABASE_URL" -c "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)" >/dev/null
sql --dbname="$DATABASE_URL" -c "CREATE DATABASE \"$scratch\"" >/dev/null
trap opruimen EXIT

echo "restore-check.sh: herstellen in $scratch" >&2
pg_restore --no-owner --no-acl --exit-on-error --dbname="$scratch_url" "$dump"

echo "restore-check.sh: manage.py migrate --check" >&2
# BAZ_TESTING: only the database matters here, not the mail or HTTPS settings (as in `make test`).
BAZ_TESTING=1 DATABASE_URL="$scratch_url" $PYTHON manage.py migrate --check >&2

tabellen=(
  django_migrations auth_user baz_gemeente
  inspiraties_werkmodel inspiraties_inspiratie
  workshops_workshop workshops_sessie workshops_aanvraag workshops_inschrijving
  netwerken_netwerk netwerken_deelnemer netwerken_interesse
)
query_aantallen=""
for tabel in "${tabellen[@]}"; do
  query_aantallen+="${query_aantallen:+ UNION ALL }SELECT '$tabel', count(*) FROM $tabel"
done
aantallen="$(sql --field-separator=' ' --dbname="$scratch_url" -c "$query_aantallen")"
echo "$aantallen"

werkmodellen="$(awk '$1 == "inspiraties_werkmodel" {print $2}' <<<"$aantallen")"
migraties="$(awk '$1 == "django_migrations" {print $2}' <<<"$aantallen")"
if [ "$werkmodellen" != 6 ] || [ "$migraties" -eq 0 ]; then
  echo "restore-check.sh: FOUT: de herstelde database is onvolledig" >&2
  exit 1
fi
echo "restore-check.sh: OK, $dump is herstelbaar ($scratch wordt verwijderd)" >&2
