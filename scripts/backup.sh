#!/usr/bin/env bash
# Back-up of the PostgreSQL database in DATABASE_URL: pg_dump in custom format (-Fc, compressed,
# restorable table by table with pg_restore). Prints the path of the dump on stdout.
#
#   DATABASE_URL=postgres://user:pw@host:5432/baz scripts/backup.sh [FILE]
#
# Without FILE the dump goes to $BACKUP_DIR (default: backups/) as baz-YYYYMMDD-HHMMSS.dump.
# The dump holds personal data: it is written readable for its owner only (umask 077), and only
# appears under its final name once pg_dump has succeeded.
set -euo pipefail
umask 077

DATABASE_URL="${DATABASE_URL:-}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "backup.sh: zet DATABASE_URL=postgres://gebruiker@host:5432/naam" >&2; exit 2 ;;
esac

doel="${1:-${BACKUP_DIR:-backups}/baz-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$doel")"
tijdelijk="$doel.onvolledig"
trap 'rm -f "$tijdelijk"' EXIT

# libpq understands postgres:// URLs (also with ?sslmode=... and other options).
pg_dump --format=custom --no-owner --no-acl --file="$tijdelijk" --dbname="$DATABASE_URL"
pg_restore --list "$tijdelijk" >/dev/null # the archive can be read back
mv "$tijdelijk" "$doel"
trap - EXIT
echo "backup.sh: $(du -h "$doel" | cut -f1) geschreven naar $doel" >&2
# The erasure log lives outside the database on purpose (a restore must not take it back in
# time). A copy beside the dump is for losing the server's disk: then restore the newest copy.
wislog="${WISLOG_PAD:-var/wislog.jsonl}"
if [ -f "$wislog" ]; then
  cp "$wislog" "$doel.wislog.jsonl"
  echo "backup.sh: wislog gekopieerd naar $doel.wislog.jsonl" >&2
fi
echo "$doel"
