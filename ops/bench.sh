#!/usr/bin/env bash
# Benchmarks whose figures go into docs/benchmarks.md. Each prints rows of its table
# (| Figure | Target | Anchor | Measured | Command |); narrative and profiles live in docs/performance-notes.md.
#   ops/bench.sh                                    every benchmark below in one bounded run (≤ 10 minutes, loopback
#                                                   only, shorter durations than the defaults), regenerating
#                                                   docs/benchmarks.md; raw logs in .carewatch/bench (ops/bench-all.sh)
#   ops/bench.sh training [--people N] [--days D]   learned model at fleet scale (default 1,000 × 30 days)
#   ops/bench.sh detection                          the evaluation harness (same as ops/eval.sh; report to stdout)
#   ops/bench.sh gateway [options]                  MQTT gateway: messages/s, CPU per message (server + PostgreSQL),
#                                                   the mosquitto reference, connections held (ops/bench-gateway.sh)
#   ops/bench.sh stop [--watches "0 40 1000"]       SIGTERM to exit, with and without watches connected (ops/bench-stop.sh)
#   ops/bench.sh alerts [--seniors N] [--alerts-per-minute R] [--boards B]   SOS to B boards' SignalR push (ops/bench-alerts.sh)
#   ops/bench.sh seniors-board                      /Seniors with 2,000 seniors in Chromium (ops/bench-seniors-board.sh)
#   ops/bench.sh storage [--people N] [--days D]    bytes per senior-day and the 30-day read (ops/bench-storage.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ $# -eq 0 ]; then exec ops/bench-all.sh; fi
what=$1
shift
mkdir -p .carewatch
if [ "$what" = gateway ]; then exec ops/bench-gateway.sh "$@"; fi
if [ "$what" = stop ]; then exec ops/bench-stop.sh "$@"; fi
if [ "$what" = alerts ]; then exec ops/bench-alerts.sh "$@"; fi
if [ "$what" = seniors-board ]; then exec ops/bench-seniors-board.sh "$@"; fi
if [ "$what" = storage ]; then exec ops/bench-storage.sh "$@"; fi
source ops/bench-lib.sh
bench_build_eval
case "$what" in
  training) exec dotnet "$eval_dll" bench-training "$@" ;;
  detection) exec dotnet "$eval_dll" "$@" ;;
  *) echo "usage: ops/bench.sh [training|detection|gateway|stop|alerts|seniors-board|storage [options]]" >&2; exit 2 ;;
esac
