#!/usr/bin/env bash
# Point-in-time restore drill (docs/operations.md, "Point-in-time recovery"): on a throwaway PostgreSQL cluster in a
# temporary directory, with WAL archiving, take a base backup, write rows, note the time, write more rows, then
# restore the base backup plus the archived WAL to the noted time in a second throwaway cluster and require exactly
# the rows written before that time. Cleans up after itself; exits non-zero on any mismatch or failure.
#
#   ops/pitr-drill.sh            (PG_BIN defaults to /usr/lib/postgresql/15/bin)
#
# initdb and postgres refuse to run as root: started as root, the script runs itself as the user "postgres"
# (PITR_DRILL_USER) through runuser. Nothing outside the temporary directory is touched; the clusters listen on
# 127.0.0.1 on free ports only while the drill runs.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
RUN_AS="${PITR_DRILL_USER:-postgres}"

for tool in initdb pg_ctl pg_basebackup psql; do
  [ -x "$PG_BIN/$tool" ] || { echo "pitr-drill: $PG_BIN/$tool not found (set PG_BIN)" >&2; exit 2; }
done

if [ "$(id -u)" = 0 ]; then
  # the script is fed on stdin, so that user need not be able to read its path; "/" and /tmp, so that it need not
  # read root's working or temporary directory either (initdb refuses to start in a directory it cannot read)
  script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
  cd /
  exec runuser -u "$RUN_AS" -- env PG_BIN="$PG_BIN" TMPDIR=/tmp bash -s -- "$@" < "$script"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pitr-drill.XXXXXX")"
primary="$work/primary" restored="$work/restored" base="$work/base" archive="$work/wal"
mkdir -p "$archive"
cd "$work"

cleanup() {
  for d in "$restored" "$primary"; do
    [ -f "$d/postmaster.pid" ] && "$PG_BIN/pg_ctl" -D "$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
  echo "pitr-drill: no free port" >&2
  exit 2
}

sql() { # port, statement: one value, unaligned
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc "$2"
}

fail() {
  echo "pitr-drill: FAILED: $*" >&2
  for log in "$work"/*.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

port1="$(free_port)"
"$PG_BIN/initdb" -D "$primary" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$work/initdb.log" 2>&1 \
  || fail "initdb"
cat >>"$primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port1
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'
max_wal_senders = 4
fsync = off
EOF
"$PG_BIN/pg_ctl" -D "$primary" -l "$work/primary.log" -w start >/dev/null || fail "primary did not start"

sql "$port1" "CREATE TABLE drill (id int PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT clock_timestamp())"
sql "$port1" "INSERT INTO drill (id) SELECT g FROM generate_series(1, 100) g"

# the weekly base backup
"$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$port1" -U postgres -D "$base" -X stream --checkpoint=fast \
  >"$work/basebackup.log" 2>&1 || fail "pg_basebackup"

# after the backup: these rows exist only in the archived WAL
sql "$port1" "INSERT INTO drill (id) SELECT g FROM generate_series(101, 200) g"
sleep 0.2
target="$(sql "$port1" "SELECT clock_timestamp()")"
sleep 0.2
# the mistake to undo: written after the noted time
sql "$port1" "INSERT INTO drill (id) SELECT g FROM generate_series(201, 300) g"
last_wal="$(sql "$port1" "SELECT pg_walfile_name(pg_switch_wal())")"
for _ in $(seq 1 100); do
  [ -f "$archive/$last_wal" ] && break
  sleep 0.1
done
[ -f "$archive/$last_wal" ] || fail "WAL segment $last_wal was not archived"
[ "$(sql "$port1" "SELECT count(*) FROM drill")" = 300 ] || fail "the primary does not hold 300 rows"
"$PG_BIN/pg_ctl" -D "$primary" -m fast -w stop >/dev/null

# the restore: the base backup, the archive, the noted time
port2="$(free_port)"
cp -a "$base" "$restored"
chmod 700 "$restored"
cat >>"$restored/postgresql.auto.conf" <<EOF
port = $port2
archive_mode = off
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF
touch "$restored/recovery.signal"
"$PG_BIN/pg_ctl" -D "$restored" -l "$work/restored.log" -w -t 60 start >/dev/null || fail "the restore did not start"
for _ in $(seq 1 100); do
  [ "$(sql "$port2" "SELECT pg_is_in_recovery()")" = f ] && break
  sleep 0.1
done
[ "$(sql "$port2" "SELECT pg_is_in_recovery()")" = f ] || fail "recovery did not reach the target time"

got="$(sql "$port2" "SELECT count(*) || ' ' || min(id) || ' ' || max(id) FROM drill")"
late="$(sql "$port2" "SELECT count(*) FROM drill WHERE written_at > '$target'")"
[ "$got" = "200 1 200" ] || fail "restored to $target: expected rows 1..200 (200 rows), found count/min/max $got"
[ "$late" = 0 ] || fail "restored to $target: $late rows written after it"
echo "pitr-drill: passed: restored to $target, rows 1..200 present (100 from the base backup, 100 from archived WAL),"\
  "rows 201..300 written after it absent"
