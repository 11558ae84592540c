#!/usr/bin/env bash
# Runs every test of the solution against a throwaway private PostgreSQL cluster.
# Usage: ops/test.sh [extra 'dotnet test' arguments, e.g. --filter FullyQualifiedName~Storage]
# Ends with the line "N passed, N failed" (", N skipped" when any were skipped).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
ensure_postgres
ensure_smtp
ops/web-assets.sh
ensure_chromium
# The IoT Hub compatibility test drives the Azure IoT Node.js device SDK, pinned in tests/compat/package-lock.json.
# Reinstalled only when the lock file changed (a copy of it marks a finished install).
if ! cmp -s tests/compat/package-lock.json tests/compat/node_modules/.installed-lock.json; then
  (cd tests/compat && npm ci --no-audit --no-fund --silent >&2 && cp package-lock.json node_modules/.installed-lock.json)
fi

work=$(mktemp -d -t carewatch-test.XXXXXX)
chmod 755 "$work"
pgdata="$work/pg"
cleanup() {
  ops/pg-cluster.sh stop "$pgdata" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Another run (or another program) may take the port between choosing and binding: try again.
for attempt in 1 2 3 4 5; do
  port=$(ops/free-port.sh)
  if CAREWATCH_PG_FSYNC=off ops/pg-cluster.sh start "$pgdata" "$port"; then break; fi
  [ "$attempt" -eq 5 ] && { echo "could not start PostgreSQL" >&2; exit 1; }
done
echo "PostgreSQL 15 for tests on 127.0.0.1:$port" >&2

export CAREWATCH_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export CAREWATCH_REPO_ROOT="$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Two runs in one checkout share bin/ and obj/: build one at a time.
mkdir -p .carewatch
if ! flock .carewatch/build.lock dotnet build CareWatch.sln -c Debug -v quiet -nologo -clp:ErrorsOnly; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# Benchmarks (category Benchmark) are run by ops/bench.sh, not here: filtered out unless the caller filters itself.
filter=(--filter "Category!=Benchmark")
for arg in "$@"; do [ "$arg" = "--filter" ] && filter=(); done
set +e
dotnet test CareWatch.sln -c Debug --no-build -nologo -v quiet \
  --results-directory "$work/results" --logger "trx" --logger "console;verbosity=minimal" "${filter[@]}" "$@" \
  > "$work/test-output.txt" 2>&1
status=$?
set -e
# Minimal verbosity prints each failed test with its message and one summary line per test project.
grep -vE '^\s*$' "$work/test-output.txt" | head -600 || true

passed=0; failed=0; total=0
for trx in "$work"/results/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p"; }
  total=$(( total + $(get total) )); passed=$(( passed + $(get passed) )); failed=$(( failed + $(get failed) ))
done
skipped=$(( total - passed - failed ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A crashed test host or a build problem: show it and count it as a failure.
  tail -50 "$work/test-output.txt"
  failed=1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
