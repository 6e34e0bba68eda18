#!/usr/bin/env bash
# Restores an archive made by ops/backup.sh into a NEW database (it refuses an existing one: never restore over a
# live database; point the nodes at the restored one, or rename it, once it has been checked).
#
#   ops/restore.sh FILE DATABASE
#
# Connection settings from the libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). The checksum written by
# backup.sh is verified first. Exit status 0 only when every object was restored (--exit-on-error).
set -euo pipefail
file=${1:?usage: ops/restore.sh FILE DATABASE}
db=${2:?usage: ops/restore.sh FILE DATABASE}
if [ -f "$file.sha256" ]; then
  (cd "$(dirname "$file")" && sha256sum --check --quiet "$(basename "$file").sha256")
fi
createdb "$db"
pg_restore --exit-on-error --no-owner --no-privileges --jobs=2 --dbname="$db" "$file"
psql --quiet --no-psqlrc --dbname="$db" --command="ANALYZE" > /dev/null
echo "restored $file into $db"
