#!/usr/bin/env bash
# The alert latency benchmark behind `ops/bench.sh alerts` (issue 11, point 8): a private PostgreSQL, the CareWatch
# server (Release) and the simulator's bench-alerts mode on loopback. N seniors with one watch each; every watch
# presses SOS once, at an even pace of R alerts per minute, while B boards listen on the alerts hub (issue 14: the
# dashboard fan-out to 500 SignalR clients). Prints a row of the table in docs/benchmarks.md
# (| Figure | Target | Anchor | Measured | Command |). Stops everything it started, also on Ctrl-C.
#
#   ops/bench.sh alerts [--seniors N] [--alerts-per-minute R] [--boards B] [--why TEXT]   (defaults 1000, 1000, 1)
#   --why says in the figure what the rate stands for (a city's peak, a stress test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
source ops/bench-lib.sh
ensure_postgres
apt_install curl bc

seniors=1000 rate=1000 boards=1 why=""
while [ $# -gt 0 ]; do
  case "$1" in
    --boards) boards=$2; shift 2 ;;
    --seniors) seniors=$2; shift 2 ;;
    --alerts-per-minute) rate=$2; shift 2 ;;
    --why) why=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command_line="ops/bench.sh alerts --seniors $seniors --alerts-per-minute $rate --boards $boards"

state="$root/.carewatch/bench-alerts"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
server_pid="" child_pid="" pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  for pid in $child_pid $server_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP # the EXIT trap then stops what was started

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
# In the background with a wait, here and below, so a signal (the no-argument run's time limit) stops at once.
timeout 300 "${sim[@]}" register --server "$url" --count "$seniors" --out "$state/watches.txt" --parallelism 16 >&2 &
child_pid=$!; wait "$child_pid"; child_pid=""
echo "Measuring: $seniors SOS presses at $rate per minute, $boards board(s) listening…" >&2
cpu_before=$(cpu_seconds "$server_pid")
# The simulator's CPU (its watches and boards share the 2 cores with the server): bash's `times` sums the waited-for
# children (timeout, and the simulator it waited for), so the difference around the run is the simulator's.
# `times` must run in this shell, not in a $(…) subshell, whose children are its own.
children_cpu() { tail -1 "$state/times" | awk '{ for (i = 1; i <= 2; i++) { split($i, t, "m"); s += t[1] * 60 + t[2] } } END { printf "%.2f", s }'; }
times >"$state/times"; sim_before=$(children_cpu)
timeout --signal=INT 900 "${sim[@]}" bench-alerts --connections-file "$state/watches.txt" --server "$url" \
  --mqtt-port "$mqtt_port" --ca-file "$state/pki/ca.crt" --alerts-per-minute "$rate" --boards "$boards" \
  >"$state/bench.log" &
child_pid=$!; wait "$child_pid"; child_pid=""
cat "$state/bench.log" >&2
cpu_after=$(cpu_seconds "$server_pid")
times >"$state/times"; sim_cpu=$(echo "$(children_cpu) - $sim_before" | bc)
line=$(grep ' *RESULT ' "$state/bench.log" | tail -1)
get() { echo "$line" | grep -o " $1=[0-9.]*" | cut -d= -f2; }
expected=$(( $(get sent) * boards ))
echo "Alert benchmark, $(date -u +%F), $(nproc) cores" >&2
figure="SOS press to the board's SignalR push (alert latency): $seniors seniors, one SOS each at $rate/min, TLS, one board"
anchor="p50 30.3 ms, p99 87.3 ms (2026-12-02, 1,000 SOS at 1,000/min, one board)"
if [ "$boards" -gt 1 ]; then
  figure="Dashboard fan-out: SOS press to each of $boards boards' SignalR push, $seniors seniors, one SOS each at $rate/min"
  anchor="one board: p99 87.3 ms (2026-12-02)"
fi
[ -n "$why" ] && figure="$figure ($why)"
p99=$(get p99_ms)
echo "| $figure | p99 ≤ 500 ms | $anchor | p50 $(get p50_ms) ms, **p99 $p99 ms** $(verdict "${p99:-999999} <= 500 && $(get received) == $expected"), max $(get max_ms) ms; $(get received) of $expected pushes received; $(get pushes) alert pushes in all; server CPU $(echo "$cpu_after - $cpu_before" | bc) s, simulator CPU $sim_cpu s | \`$command_line\` |"
