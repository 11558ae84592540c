#!/usr/bin/env bash
# The PostgreSQL backup and restore drill of docs/operations.md, on throwaway clusters on loopback: proves that the
# documented commands bring data back. Two ways, both checked by counting rows:
#   1. pg_basebackup + WAL archiving (point-in-time recovery): a cluster archives its WAL, a base backup is taken,
#      rows are written after it, and a restore of the base backup replaying the archive must have them too.
#   2. pg_dump -Fc / pg_restore of the database into a fresh one.
# Everything lives under .carewatch/restore-drill and every cluster it starts is stopped on exit (also on Ctrl-C).
#
#   ops/restore-drill.sh          exit 0 and "restore drill passed" when both restores hold every row
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
ensure_postgres
PG_BIN=${CAREWATCH_PG_BIN:-/usr/lib/postgresql/15/bin}

state="$root/.carewatch/restore-drill"
primary="$state/primary" restored="$state/restored" archive="$state/wal-archive" base="$state/base"
started=()
cleanup() {
  trap - INT TERM HUP EXIT
  for dir in "${started[@]}"; do ops/pg-cluster.sh stop "$dir" >/dev/null 2>&1 || true; done
}
trap cleanup INT TERM HUP EXIT
for dir in "$primary" "$restored"; do ops/pg-cluster.sh stop "$dir" >/dev/null 2>&1 || true; done
rm -rf "$state"; mkdir -p "$archive" "$base"
owner=$(id -un); [ "$(id -u)" -eq 0 ] && owner=postgres
chown "$owner" "$archive"
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
q() { timeout 60 psql -h 127.0.0.1 -p "$1" -U postgres -d "${3:-drill}" -tAqc "$2"; }

# 1. A cluster that archives every finished WAL segment (the production settings of docs/operations.md).
port=$(ops/free-port.sh)
ops/pg-cluster.sh start "$primary" "$port"; started+=("$primary")
q "$port" "ALTER SYSTEM SET archive_mode = on" postgres
q "$port" "ALTER SYSTEM SET archive_command = 'test ! -f $archive/%f && cp %p $archive/%f'" postgres
timeout 60 ops/pg-cluster.sh stop "$primary"
timeout 60 ops/pg-cluster.sh start "$primary" "$port"
q "$port" "CREATE DATABASE drill" postgres
q "$port" "CREATE TABLE minute_activity_copy (n int PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
           INSERT INTO minute_activity_copy (n) SELECT generate_series(1, 10000)"

# 2. The base backup (as in production: compressed tar, WAL fetched into it), then more rows after it.
timeout 300 pg_basebackup -h 127.0.0.1 -p "$port" -U postgres -D "$base" -Ft -z -X fetch -c fast
q "$port" "INSERT INTO minute_activity_copy (n) SELECT generate_series(10001, 12000)"
expected=$(q "$port" "SELECT count(*) FROM minute_activity_copy")
q "$port" "SELECT pg_switch_wal()" >/dev/null # closes the segment holding the last rows, so it is archived
archived="SELECT coalesce(last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1), false) FROM pg_stat_archiver"
for _ in $(seq 1 60); do [ "$(q "$port" "$archived" postgres)" = t ] && break; sleep 0.5; done

# 3. pg_dump of the database (the logical backup), before the primary goes.
timeout 300 pg_dump -h 127.0.0.1 -p "$port" -U postgres -d drill -Fc -f "$state/drill.dump"
timeout 60 ops/pg-cluster.sh stop "$primary"

# 4. Restore: unpack the base backup into an empty data directory, replay the archive, start.
mkdir -p "$restored"
tar -xzf "$base/base.tar.gz" -C "$restored"
cat >>"$restored/postgresql.auto.conf" <<CONF
restore_command = 'cp $archive/%f %p'
archive_mode = off
CONF
touch "$restored/recovery.signal"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$restored"
chmod 700 "$restored"
rport=$(ops/free-port.sh)
timeout 120 ops/pg-cluster.sh start "$restored" "$rport"; started+=("$restored")
for _ in $(seq 1 120); do [ "$(q "$rport" "SELECT pg_is_in_recovery()" postgres)" = f ] && break; sleep 0.5; done
got=$(q "$rport" "SELECT count(*) FROM minute_activity_copy")
echo "point-in-time restore: $got of $expected rows" >&2

# 5. The logical backup into a fresh database of the restored cluster.
q "$rport" "CREATE DATABASE drill_from_dump" postgres
timeout 300 pg_restore -h 127.0.0.1 -p "$rport" -U postgres -d drill_from_dump --no-owner "$state/drill.dump"
from_dump=$(q "$rport" "SELECT count(*) FROM minute_activity_copy" drill_from_dump)
echo "pg_dump/pg_restore: $from_dump of $expected rows" >&2

[ "$got" = "$expected" ] && [ "$from_dump" = "$expected" ] || { echo "restore drill FAILED" >&2; exit 1; }
echo "restore drill passed"
