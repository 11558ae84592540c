#!/usr/bin/env bash
# A private PostgreSQL 15 cluster in a folder of its own, listening on loopback only.
#   ops/pg-cluster.sh start DIR PORT   initialise DIR if needed, then start (waits until it answers)
#   ops/pg-cluster.sh stop DIR         fast shutdown
#   ops/pg-cluster.sh status DIR
# As root, the server runs as the 'postgres' user, because initdb refuses root.
set -euo pipefail
PG_BIN=${CAREWATCH_PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?usage: pg-cluster.sh start|stop|status DIR [PORT]}
dir=${2:?data directory}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      # Trust on loopback is acceptable for a throwaway, loopback-only development cluster.
      as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -w -t 30 -l "$dir/server.log" \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=${CAREWATCH_PG_FSYNC:-on} -c max_connections=200" \
      start >/dev/null
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] || exit 0
    as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  status)
    as_owner "$PG_BIN/pg_ctl" -D "$dir" status
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
