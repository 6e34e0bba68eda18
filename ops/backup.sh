#!/usr/bin/env bash
# Backs up the Doudi database (business tables and Camunda's ACT_* tables: one database, one consistent snapshot)
# into a pg_dump custom-format archive, checks that the archive reads back, and writes its SHA-256 next to it.
#
#   ops/backup.sh DATABASE [FILE]
#
# DATABASE is a name or a connection string (postgresql://user@host:5432/doudi); host, port, user and password
# otherwise come from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass). Run it against
# the replica to keep load off the primary (docs/operations.md). The nodes may keep running: pg_dump reads one
# snapshot. Exit status 0 only when the archive is complete and readable.
set -euo pipefail
db=${1:?usage: ops/backup.sh DATABASE [FILE]}
file=${2:-doudi-$(date -u +%Y%m%dT%H%M%SZ).dump}
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" --dbname="$db"
pg_restore --list "$file.partial" > /dev/null
mv "$file.partial" "$file"
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
echo "$file"
