#!/usr/bin/env bash
# The alert latency benchmark behind `ops/bench.sh alerts` (issue 11, point 8): a private PostgreSQL, the CareWatch
# server (Release) and the simulator's bench-alerts mode on loopback. N seniors with one watch each; every watch
# presses SOS once, at an even pace of R alerts per minute, while one board listens on the alerts hub. Prints a
# markdown row for docs/benchmarks.md. Stops everything it started, also on Ctrl-C.
#
#   ops/bench.sh alerts [--seniors N] [--alerts-per-minute R]     (defaults 1000 and 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
source ops/bench-lib.sh
ensure_postgres
apt_install curl

seniors=1000 rate=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --seniors) seniors=$2; shift 2 ;;
    --alerts-per-minute) rate=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

state="$root/.carewatch/bench-alerts"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
server_pid="" pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  [ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup INT TERM HUP EXIT

bench_postgres "$pg_dir"

bench_build

export Demo__ApiKey="$(ops/new-api-key.sh)"
export CAREWATCH_API_KEY="$Demo__ApiKey"
http_port=$(ops/free-port.sh); mqtt_port=$(ops/free-port.sh); url="http://127.0.0.1:$http_port/"
Http__Port=$http_port Gateway__MqttPort=$mqtt_port Gateway__DataDirectory="$state" \
Orleans__SiloPort=$(ops/free-port.sh) Orleans__GatewayPort=$(ops/free-port.sh) ASPNETCORE_ENVIRONMENT=Demo Demo__Seed=true \
Http__HttpsPort=0 RateLimits__ApiPermits=10000000 Logging__LogLevel__Default=Warning \
Gateway__MaxConnectionsPerAddress=0 Gateway__ConnectionsPerAddressPerMinute=0 \
  dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll >"$state/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs -H "X-Api-Key: $CAREWATCH_API_KEY" "${url}api/seniors" 2>/dev/null | grep -q '"id"' && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $state/server.log" >&2; exit 1; }
  sleep 0.5
done
# One senior per watch, straight into the bench's own throwaway database (the API creates no seniors).
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d carewatch -qc "INSERT INTO seniors (id, bureau_id, display_name, time_zone, created_at)
  SELECT gen_random_uuid(), (SELECT id FROM bureaus ORDER BY created_at LIMIT 1), 'Bench senior ' || g, 'Europe/Berlin', now()
  FROM generate_series(1, $seniors) g"
echo "Registering $seniors watches…" >&2
"${sim[@]}" register --server "$url" --count "$seniors" --out "$state/watches.txt" --parallelism 16 >&2
echo "Measuring: $seniors SOS presses at $rate per minute…" >&2
cpu_before=$(awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$server_pid/stat")
timeout --signal=INT 900 "${sim[@]}" bench-alerts --connections-file "$state/watches.txt" --server "$url" \
  --mqtt-port "$mqtt_port" --ca-file "$state/pki/ca.crt" --alerts-per-minute "$rate" | tee "$state/bench.log" >&2
cpu_after=$(awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$server_pid/stat")
line=$(grep ' *RESULT ' "$state/bench.log" | tail -1)
get() { echo "$line" | grep -o " $1=[0-9.]*" | cut -d= -f2; }
echo
echo "Alert benchmark, $(date -u +%F), $(nproc) cores"
echo
echo "| What | Measured |"
echo "|---|---|"
echo "| SOS press to the board's SignalR push: $seniors seniors, one SOS each at $rate/min, TLS, one board on the hub, simulator on the same machine | p50 $(get p50_ms) ms, p99 $(get p99_ms) ms, max $(get max_ms) ms; $(get received) of $(get sent) pushes received; server CPU $(echo "$cpu_after - $cpu_before" | bc) s over the run |"
