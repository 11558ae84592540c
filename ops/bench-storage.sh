#!/usr/bin/env bash
# The storage benchmark behind `ops/bench.sh storage` (issue 14, point 1): a private PostgreSQL on loopback, filled
# through the real TelemetryWriter with a simulated fleet and with Depresjon (read in place), then bytes per
# senior-day and the 30-day read, per-minute rows (before) against day rows (after). Bounded in time; stops the
# database it started, also on Ctrl-C. Markdown rows for docs/benchmarks.md on stdout, progress on stderr.
#
#   ops/bench.sh storage [--people N] [--days D] [--before-people N] [--depresjon DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
source ops/bench-lib.sh
ensure_postgres
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

state="$root/.carewatch/bench-storage"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup INT TERM HUP EXIT

# Durability is not what is measured here; fsync off keeps the fill from waiting on the disk.
CAREWATCH_PG_FSYNC=off bench_postgres "$pg_dir" >&2

bench_build_eval
timeout 600 dotnet "$eval_dll" bench-storage \
  --connection "$ConnectionStrings__CareWatch" "$@"
