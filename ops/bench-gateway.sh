#!/usr/bin/env bash
# The gateway benchmark behind `ops/bench.sh gateway`: a private PostgreSQL, the CareWatch server (Release)
# and the firmware simulator's load mode, all on loopback (127.0.0.0/8). Every step is bounded in time and
# the script stops everything it started, by pid, also on Ctrl-C. Prints markdown rows for docs/benchmarks.md.
#
#   ops/bench.sh gateway [--rate-watches N] [--rate-batch-seconds S] [--rate-seconds D] [--rate-warmup-seconds W]
#                        [--hold "5000 20000 50000"] [--hold-seconds D] [--per-process N]
#                        [--server-env "NAME=value …"]   extra environment for the server (e.g. DOTNET_gcServer=0)
#                        [--server-wrapper "CMD …"]  run the server under CMD, e.g. "heaptrack -o FILE" (native heap
#                                          profile); RSS and CPU are read from the server process itself
#                        [--own-seniors]   one senior per watch (inserted into the private database: the API
#                                          creates no seniors); default: watches share the 5 demo seniors
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
source ops/bench-lib.sh
ensure_postgres
apt_install curl

rate_watches=8000 rate_batch=1 rate_seconds=60 rate_warmup=60 hold_counts="5000 20000 50000" hold_seconds=30 per_process="" server_env="" server_wrapper="" own_seniors=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rate-watches) rate_watches=$2; shift 2 ;;
    --rate-batch-seconds) rate_batch=$2; shift 2 ;;
    --rate-seconds) rate_seconds=$2; shift 2 ;;
    --rate-warmup-seconds) rate_warmup=$2; shift 2 ;;
    --hold) hold_counts=$2; shift 2 ;;
    --hold-seconds) hold_seconds=$2; shift 2 ;;
    --per-process) per_process=$2; shift 2 ;;
    --server-env) server_env=$2; shift 2 ;;
    --server-wrapper) server_wrapper=$2; shift 2 ;;
    --own-seniors) own_seniors=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Every connection is a file descriptor on both sides: raise the soft limit as far as the hard one allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fd_limit=$(ulimit -n)
per_process=${per_process:-$(( fd_limit - 500 ))}

state="$root/.carewatch/bench-gateway"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
server_pid="" wrapper_pid="" sim_pids=() pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  for pid in "${sim_pids[@]}" $server_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${sim_pids[@]}" $server_pid $wrapper_pid; do wait "$pid" 2>/dev/null || true; done
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup INT TERM HUP EXIT

bench_postgres "$pg_dir"

bench_build

# A fresh demo bureau key for this run (ops/new-api-key.sh): the server creates it for the seeded bureau, the
# simulator registers with it (CAREWATCH_API_KEY, not the command line).
export Demo__ApiKey="$(ops/new-api-key.sh)"
export CAREWATCH_API_KEY="$Demo__ApiKey"
http_port="" mqtt_port="" url=""
start_server() {
  http_port=$(ops/free-port.sh); mqtt_port=$(ops/free-port.sh); url="http://127.0.0.1:$http_port/"
  # Demo seeding gives the seniors the watches are registered to; Info logs per connection would measure logging.
  Http__Port=$http_port Gateway__MqttPort=$mqtt_port Gateway__DataDirectory="$state" \
  Orleans__SiloPort=$(ops/free-port.sh) Orleans__GatewayPort=$(ops/free-port.sh) ASPNETCORE_ENVIRONMENT=Demo Demo__Seed=true Http__HttpsPort=0 RateLimits__ApiPermits=10000000 \
  Logging__LogLevel__Default=Warning \
  Gateway__MaxConnectionsPerAddress=0 Gateway__ConnectionsPerAddressPerMinute=0 \
    env $server_env $server_wrapper dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll >"$state/server-$1.log" 2>&1 &
  server_pid=$! wrapper_pid=""
  if [ -n "$server_wrapper" ]; then # measure and stop the server itself, not the wrapper
    wrapper_pid=$server_pid server_pid=""
    for _ in $(seq 1 100); do
      server_pid=$(pgrep -n -f '^(/[^ ]*/)?dotnet src/CareWatch.Server/bin/' || true)
      [ -n "$server_pid" ] && [ "$server_pid" != "$wrapper_pid" ] && break
      server_pid=""; sleep 0.2
    done
    [ -n "$server_pid" ] || { echo "the server did not start under '$server_wrapper'" >&2; exit 1; }
  fi
  for _ in $(seq 1 120); do
    curl -fs -H "X-Api-Key: $CAREWATCH_API_KEY" "${url}api/seniors" 2>/dev/null | grep -q '"id"' && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $state/server-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready in 60 s" >&2; exit 1
}
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  if [ -n "$wrapper_pid" ]; then wait "$wrapper_pid" 2>/dev/null || true; else wait "$server_pid" 2>/dev/null || true; fi
  server_pid="" wrapper_pid=""
}
cpu_seconds() { # utime + stime of a process, in seconds
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat"
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# Runs `total` watches split over processes of at most $per_process each; waits until all reached STEADY,
# calls the hook named in $3, then waits for them to stop by themselves (bounded by `timeout`).
run_load() {
  local total=$1 name=$2 on_steady=$3; shift 3
  sim_pids=()
  local first=0 i=0 n
  while [ "$first" -lt "$total" ]; do
    n=$(( total - first < per_process ? total - first : per_process ))
    timeout --signal=INT 900 "${sim[@]}" load --connections-file "$state/watches.txt" --first-watch "$first" --watches "$n" \
      --mqtt-port "$mqtt_port" --ca-file "$state/pki/ca.crt" --source-addresses 8 "$@" >"$state/$name-$i.log" 2>&1 &
    sim_pids+=($!); first=$(( first + n )); i=$(( i + 1 ))
  done
  local procs=$i
  for _ in $(seq 1 1200); do
    [ "$(cat "$state/$name"-*.log | grep -c '^.* STEADY ')" -ge "$procs" ] && break
    sleep 0.5
  done
  $on_steady
  for pid in "${sim_pids[@]}"; do wait "$pid" || true; done
  sim_pids=()
}
sum_result() { { grep -h ' RESULT ' "$state/$1"-*.log | grep -o " $2=[0-9.]*" | cut -d= -f2 || true; } | awk '{ s += $1 } END { printf "%d", s }'; }
max_result() { { grep -h ' RESULT ' "$state/$1"-*.log | grep -o " $2=[0-9.-]*" | cut -d= -f2 || true; } | sort -g | tail -1; }

rows=()
# Connections held: each connection costs the server one file descriptor, so a count above the server's
# open-file limit cannot be held by one process: it is capped (and said so) rather than left to time out.
server_cap=$(( fd_limit - 1000 ))
capped=""
for n in $hold_counts; do
  if [ "$n" -gt "$server_cap" ]; then
    rows+=("| Watches held connected, $n attempted | not attempted: the open-file limit is $fd_limit per process here (hard limit, not raisable in this container), so one server process cannot hold more than about $server_cap; tried $server_cap instead |")
    capped=$server_cap
  fi
done
effective=$(for n in $hold_counts $capped; do if [ "$n" -le "$server_cap" ]; then echo "$n"; fi; done)
hold_counts=$(echo "$effective" | sort -n | uniq | tr '\n' ' ')
largest=0
for n in $rate_watches $hold_counts; do if [ "$n" -gt "$largest" ]; then largest=$n; fi; done
start_server rate
if [ -n "$own_seniors" ]; then
  # Straight into the bench's own throwaway database, after the server created the schema and the demo bureau.
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d carewatch -qc "INSERT INTO seniors (id, bureau_id, display_name, time_zone, created_at)
    SELECT gen_random_uuid(), (SELECT id FROM bureaus ORDER BY created_at LIMIT 1), 'Bench senior ' || g, 'Europe/Amsterdam', now()
    FROM generate_series(1, $largest) g"
fi
echo "Registering $largest watches…" >&2
reg_start=$(date +%s.%N)
"${sim[@]}" register --server "$url" --count "$largest" --out "$state/watches.txt" --parallelism 16 >&2
reg_seconds=$(echo "$(date +%s.%N) - $reg_start" | bc)

# 1. Throughput: accepted messages/s and server CPU per 10,000 messages. A fresh server spends its first
# minutes compiling (tiered JIT, PGO re-compilation: 40 % of its CPU at 200 messages/s, seen with perf), so
# the same load runs for a warm-up first and only the run after it is measured.
if [ "$rate_warmup" -gt 0 ]; then
  echo "Warming up: $rate_watches watches for ${rate_warmup} s…" >&2
  run_load "$rate_watches" warmup true --batch-seconds "$rate_batch" --duration-seconds "$rate_warmup" --report-seconds 10
fi
cpu_before=0
sample_cpu() { cpu_before=$(cpu_seconds "$server_pid"); }
run_load "$rate_watches" rate sample_cpu --batch-seconds "$rate_batch" --duration-seconds "$rate_seconds" --report-seconds 10
cpu_after=$(cpu_seconds "$server_pid")
accepted=$(sum_result rate accepted)
rate=$(grep -h ' RESULT ' "$state"/rate-*.log | grep -o ' rate=[0-9.]*' | cut -d= -f2 | awk '{ s += $1 } END { printf "%.0f", s }')
p50=$(max_result rate p50_ms); p99=$(max_result rate p99_ms)
cpu_per_10k=$(echo "scale=2; ($cpu_after - $cpu_before) * 10000 / ($accepted + 0.0001)" | bc)
stop_server

rows+=("| Registering $largest watches through \`POST /api/devices\` (16 in flight) | $(printf '%.0f' "$reg_seconds") s |")
rows+=("| Accepted telemetry messages/s: $rate_watches watches × 1 message every $rate_batch s, TLS, simulator on the same machine, ${rate_seconds} s steady after ${rate_warmup} s of warm-up | $rate/s ($accepted accepted; PUBACK p50 ${p50} ms, p99 ${p99} ms) |")
rows+=("| Server CPU-seconds per 10,000 accepted messages (same run) | $cpu_per_10k s |")

# 2. Connections held; server memory per connected watch on a fresh server per count, so heaps kept
# from earlier runs do not hide growth.
for n in $hold_counts; do
  start_server "hold-$n"
  sleep 5 # let start-up allocations settle before the baseline
  rss_before=$(rss_kb "$server_pid") rss_steady=0 held_at_steady=0
  sample_rss() {
    rss_steady=$(rss_kb "$server_pid")
    held_at_steady=$(grep -h ' STEADY ' "$state/hold-$n"-*.log | grep -o 'connected=[0-9]*' | cut -d= -f2 | awk '{ s += $1 } END { printf "%d", s }')
  }
  run_load "$n" "hold-$n" sample_rss --batch-seconds 60 --duration-seconds "$hold_seconds" --report-seconds 10 --connect-parallelism 32
  held_end=$(sum_result "hold-$n" connected)
  failures=$(sum_result "hold-$n" connect_failures)
  per_watch="-"
  [ "$held_at_steady" -gt 0 ] && per_watch="$(( (rss_steady - rss_before) / held_at_steady )) KB"
  rows+=("| Watches held connected, $n attempted (MQTT/TLS, 8 loopback source addresses, $(( (n + per_process - 1) / per_process )) simulator process(es)) | $held_at_steady after ramp-up, $held_end after ${hold_seconds} s ($failures failed connect attempts) |")
  rows+=("| Server memory per connected watch at $n attempted (RSS $(( rss_before / 1024 )) → $(( rss_steady / 1024 )) MB) | $per_watch |")
  stop_server
done

echo
echo "Gateway benchmark, $(date -u +%F), $(nproc) cores, open-file limit $fd_limit per process${server_env:+, server environment: $server_env}${own_seniors:+, one senior per watch}"
echo
echo "| What | Measured |"
echo "|---|---|"
printf '%s\n' "${rows[@]}"
