#!/usr/bin/env bash
# The seniors board benchmark behind `ops/bench.sh seniors-board` (issue 12, point 3): the real server on a private
# PostgreSQL with 2,000 seniors, /Seniors in Debian's Chromium through Playwright. Time to first render (median of 5
# page loads) and the cost of applying SignalR pushes in the page, with per-frame batching and content-visibility and
# without (?bench=plain). Prints markdown rows for docs/benchmarks.md (tests/…/Wwwroot/SeniorsBoardBenchmark.cs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
ensure_postgres
ensure_chromium
pg_dir="$root/.carewatch/bench-seniors-board/pg"
port=$(ops/free-port.sh)
rm -rf "$pg_dir"; mkdir -p "$(dirname "$pg_dir")"
cleanup() { ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true; }
trap cleanup INT TERM HUP EXIT
CAREWATCH_PG_FSYNC=off ops/pg-cluster.sh start "$pg_dir" "$port" >&2
ops/web-assets.sh
flock .carewatch/build.lock dotnet build tests/CareWatch.Server.Tests -c Release -v quiet -nologo -clp:ErrorsOnly >&2
CAREWATCH_BENCH=seniors-board CAREWATCH_REPO_ROOT="$root" \
CAREWATCH_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" \
  dotnet test tests/CareWatch.Server.Tests -c Release --no-build --filter "FullyQualifiedName~SeniorsBoardBenchmark" \
  --logger "console;verbosity=detailed" | grep -E '^\s*\|' | sed 's/^\s*//'
