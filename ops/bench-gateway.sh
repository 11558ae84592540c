#!/usr/bin/env bash
# The gateway benchmark behind `ops/bench.sh gateway`: a private PostgreSQL, the CareWatch server (Release)
# and the firmware simulator's load mode, all on loopback (127.0.0.0/8), and in the same run the raw broker reference:
# Debian's mosquitto with TLS and QoS 1, driven by the same load client (issue 14: CareWatch's rate as a share of what
# a plain broker acknowledges on this machine; CPU of the server and of its PostgreSQL cluster together). Every step is
# bounded in time and the script stops everything it started, by pid, also on Ctrl-C. Prints rows of the table in
# docs/benchmarks.md (| Figure | Target | Anchor | Measured | Command |); raw logs stay in .carewatch/bench-gateway.
#
#   ops/bench.sh gateway [--rate-watches N] [--rate-batch-seconds S] [--rate-seconds D] [--rate-warmup-seconds W]
#                        [--ceiling-watches N] [--ceiling-seconds D]   saturation run, CareWatch and mosquitto (0: skip)
#                        [--no-raw-broker]   skip the mosquitto reference
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
ensure_openssl
apt_install curl bc

command_line="ops/bench.sh gateway${*:+ $*}"
rate_watches=3000 rate_batch=1 rate_seconds=60 rate_warmup=60 hold_counts="5000 20000 50000" hold_seconds=30 per_process="" server_env="" server_wrapper="" own_seniors=""
ceiling_watches=10000 ceiling_seconds=30 raw_broker=1
while [ $# -gt 0 ]; do
  case "$1" in
    --ceiling-watches) ceiling_watches=$2; shift 2 ;;
    --ceiling-seconds) ceiling_seconds=$2; shift 2 ;;
    --no-raw-broker) raw_broker=""; shift ;;
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
if [ -n "$raw_broker" ] && [ "$ceiling_watches" -gt 0 ]; then ensure_mosquitto; fi

# Every connection is a file descriptor on both sides: raise the soft limit as far as the hard one allows.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fd_limit=$(ulimit -n)
per_process=${per_process:-$(( fd_limit - 500 ))}

state="$root/.carewatch/bench-gateway"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
server_pid="" wrapper_pid="" broker_pid="" sim_pids=() pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  for pid in "${sim_pids[@]}" $server_pid $broker_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${sim_pids[@]}" $server_pid $wrapper_pid $broker_pid; do wait "$pid" 2>/dev/null || true; done
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP # the EXIT trap then stops what was started

bench_postgres "$pg_dir"

bench_build

# A fresh demo bureau key for this run (ops/new-api-key.sh): the server creates it for the seeded bureau, the
# simulator registers with it (CAREWATCH_API_KEY, not the command line).
export Demo__ApiKey="$(ops/new-api-key.sh)"
export CAREWATCH_API_KEY="$Demo__ApiKey"
http_port="" mqtt_port="" url="" target_ca="$state/pki/ca.crt"
start_server() {
  http_port=$(ops/free-port.sh); mqtt_port=$(ops/free-port.sh); url="http://127.0.0.1:$http_port/"
  # Demo seeding gives the seniors the watches are registered to; Info logs per connection would measure logging.
  Http__Port=$http_port Gateway__MqttPort=$mqtt_port Gateway__DataDirectory="$state" \
  Orleans__SiloPort=$(ops/free-port.sh) Orleans__GatewayPort=$(ops/free-port.sh) ASPNETCORE_ENVIRONMENT=Demo Demo__Seed=true Http__HttpsPort=0 RateLimits__ApiPermits=10000000 \
  Logging__LogLevel__Default=Warning \
  Gateway__MaxConnectionsPerAddress=0 Gateway__ConnectionsPerAddressPerMinute=0 \
    env $server_env $server_wrapper dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll >"$state/server-$1.log" 2>&1 &
  server_pid=$! wrapper_pid="" target_ca="$state/pki/ca.crt"
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
      --mqtt-port "$mqtt_port" --ca-file "$target_ca" --source-addresses 8 "$@" >"$state/$name-$i.log" 2>&1 &
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

# Each row is printed as soon as its figure is known, so a run stopped at a time limit keeps what it measured.
row() { echo "| $1 | $2 | $3 | $4 | \`$command_line\` |"; }
# Connections held: each connection costs the server one file descriptor, so a count above the server's
# open-file limit cannot be held by one process: it is capped (and said so) rather than left to time out.
server_cap=$(( fd_limit - 1000 ))
capped=""
for n in $hold_counts; do
  if [ "$n" -gt "$server_cap" ]; then
    row "Watches held connected, $n attempted" "50,000" "—" "not attempted: the open-file limit is $fd_limit per process here (hard limit, not raisable in this container), so one server process cannot hold more than about $server_cap; tried $server_cap instead"
    capped=$server_cap
  fi
done
effective=$(for n in $hold_counts $capped; do if [ "$n" -le "$server_cap" ]; then echo "$n"; fi; done)
hold_counts=$(echo "$effective" | sort -n | uniq | tr '\n' ' ')
largest=0
for n in $rate_watches $ceiling_watches $hold_counts; do if [ "$n" -gt "$largest" ]; then largest=$n; fi; done
start_server rate
if [ -n "$own_seniors" ]; then
  # Straight into the bench's own throwaway database, after the server created the schema and the demo bureau.
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d carewatch -qc "INSERT INTO seniors (id, bureau_id, display_name, time_zone, created_at)
    SELECT gen_random_uuid(), (SELECT id FROM bureaus ORDER BY created_at LIMIT 1), 'Bench senior ' || g, 'Europe/Amsterdam', now()
    FROM generate_series(1, $largest) g"
fi
echo "Registering $largest watches…" >&2
reg_start=$(date +%s.%N)
# In the background with a wait, here and below, so a signal (the no-argument run's time limit) stops at once.
timeout 600 "${sim[@]}" register --server "$url" --count "$largest" --out "$state/watches.txt" --parallelism 16 >&2 &
sim_pids=($!); wait "${sim_pids[0]}"; sim_pids=()
reg_seconds=$(echo "$(date +%s.%N) - $reg_start" | bc)

# What ingest costs, in a window inside one load run: the server's CPU and that of every process of its private
# PostgreSQL cluster, and the messages stored meanwhile (= acknowledged: PUBACK only after commit). One run, so the
# watches' TLS handshakes (the ramp-up) happen once and stay outside the window.
server_before=0 pg_before=0 server_after=0 pg_after=0 stored_before=0 stored_after=0 t_before=0 t_after=0
stored() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d carewatch -tAqc "SELECT count(*) FROM device_messages"; }
window_warmup=0 window_seconds=0 window_parts=1
part_server=() part_pg=() part_stored=()
# After the warm-up, window_parts consecutive windows of window_seconds / window_parts each: the CPU figure is the
# median of them (one load run, so the ramp-up is paid once); the whole window gives the rate.
measure_window() {
  sleep "$window_warmup" & wait $!
  stored_before=$(stored); t_before=$(date +%s.%N)
  server_before=$(cpu_seconds "$server_pid"); pg_before=$(pg_cpu_seconds "$pg_dir")
  part_server=("$server_before") part_pg=("$pg_before") part_stored=("$stored_before")
  local i
  for (( i = 0; i < window_parts; i++ )); do
    sleep "$(echo "$window_seconds / $window_parts" | bc -l)" & wait $!
    part_server+=("$(cpu_seconds "$server_pid")"); part_pg+=("$(pg_cpu_seconds "$pg_dir")"); part_stored+=("$(stored)")
  done
  server_after=${part_server[-1]} pg_after=${part_pg[-1]}
  t_after=$(date +%s.%N); stored_after=${part_stored[-1]}
}
per_10k() { echo "scale=3; $1 * 10000 / ($2 + 0.0001)" | bc | awk '{ printf "%.2f", $1 }'; }
rate_of() { grep -h ' RESULT ' "$state/$1"-*.log | grep -o ' rate=[0-9.]*' | cut -d= -f2 | awk '{ s += $1 } END { printf "%.0f", s }'; }
window_rate() { echo "($stored_after - $stored_before) / ($t_after - $t_before)" | bc -l | awk '{ printf "%.0f", $1 }'; }

# 1. CPU per message at 3,000 messages/s. A fresh server spends its first minutes compiling (tiered JIT, PGO
# re-compilation: 40 % of its CPU at 200 messages/s, seen with perf), so the window starts after a warm-up at the
# same load.
echo "Measuring: $rate_watches watches × 1 message every $rate_batch s, ${rate_seconds} s after ${rate_warmup} s of warm-up…" >&2
rate_parts=3
window_warmup=$rate_warmup window_seconds=$rate_seconds window_parts=$rate_parts
run_load "$rate_watches" rate measure_window --batch-seconds "$rate_batch" \
  --duration-seconds "$(( rate_warmup + rate_seconds + 3 ))" --report-seconds 10
accepted=$(( stored_after - stored_before )) rate=$(window_rate)
p50=$(round "$(max_result rate p50_ms)"); p99=$(round "$(max_result rate p99_ms)")
# Per window: "total server pg"; the median window's figures are reported, with the range of the totals.
windows=$(for (( i = 1; i <= rate_parts; i++ )); do
  n=$(( part_stored[i] - part_stored[i - 1] ))
  sv=$(per_10k "$(echo "${part_server[i]} - ${part_server[i - 1]}" | bc)" "$n")
  pg=$(per_10k "$(echo "${part_pg[i]} - ${part_pg[i - 1]}" | bc)" "$n")
  echo "$(echo "$sv + $pg" | bc) $sv $pg"
done | sort -n)
read -r total_10k server_10k pg_10k < <(echo "$windows" | sed -n "$(( (rate_parts + 1) / 2 ))p")
range_10k="$(echo "$windows" | head -1 | cut -d' ' -f1)–$(echo "$windows" | tail -1 | cut -d' ' -f1)"
per_cpu_second=$(echo "10000 / ($total_10k + 0.0001)" | bc)

# 2. The ceiling: more watches than the machine can serve, on the warm server; then the same client against mosquitto.
ceiling="" ceiling_10k=""
if [ "$ceiling_watches" -gt 0 ]; then
  echo "Ceiling: $ceiling_watches watches × 1 message/s, ${ceiling_seconds} s…" >&2
  window_warmup=3 window_seconds=$ceiling_seconds window_parts=1
  run_load "$ceiling_watches" ceiling measure_window --batch-seconds 1 --duration-seconds "$(( ceiling_seconds + 6 ))" \
    --report-seconds 10
  ceiling=$(window_rate)
  ceiling_p50=$(round "$(max_result ceiling p50_ms)") ceiling_p99=$(round "$(max_result ceiling p99_ms)")
  ceiling_10k=$(per_10k "$(echo "$server_after - $server_before + $pg_after - $pg_before" | bc)" \
    "$(( stored_after - stored_before ))")
fi

stop_server

row "Registering $largest watches through \`POST /api/devices\` (16 in flight)" "—" "19,000 in 15–17 s (2026-11-26)" "$(printf '%.0f' "$reg_seconds") s"
row "Accepted messages/s at $rate_watches watches × 1 message every $rate_batch s (TLS, QoS 1, PUBACK after commit; simulator on the same machine), ${rate_seconds} s after ${rate_warmup} s warm-up" "= offered" "2,989/s (2026-11-26, 3,000 offered)" "$rate/s ($accepted stored in the window; PUBACK p50 ${p50} ms, p99 ${p99} ms over the whole run)"
row "CPU per 10,000 accepted messages at $rate_watches watches × 1/$rate_batch s, server + PostgreSQL (utime + stime; PG summed over the cluster's process tree)" "≥ 10,000 messages per CPU-s (≤ 1.00 CPU-s)" "2.74 CPU-s (server 1.60 + PG 1.14; 2026-12-03, 60 s warm-up, one window)" "**$total_10k CPU-s**, median of $rate_parts consecutive windows (range $range_10k; server $server_10k + PG $pg_10k in the median one) = $per_cpu_second messages per CPU-s $(verdict "$per_cpu_second >= 10000")"

broker_rate="" broker_10k=""
if [ -n "$raw_broker" ] && [ "$ceiling_watches" -gt 0 ]; then
  echo "Raw broker reference: mosquitto, the same load client…" >&2
  bench_mosquitto "$state/mosquitto"
  mqtt_port=$broker_port target_ca="$state/mosquitto/ca.crt"
  b_before=0
  # mosquitto stores nothing: the acknowledged count is the simulators' own (RESULT lines), so the window is the
  # steady phase, from STEADY to the end of the run, and the CPU is sampled at both ends.
  broker_window() { b_before=$(cpu_seconds "$broker_pid"); }
  run_load "$ceiling_watches" broker-ceiling broker_window --batch-seconds 1 --duration-seconds "$ceiling_seconds" \
    --report-seconds 10
  broker_10k=$(per_10k "$(echo "$(cpu_seconds "$broker_pid") - $b_before" | bc)" "$(sum_result broker-ceiling accepted)")
  broker_rate=$(rate_of broker-ceiling)
  b_p50=$(round "$(max_result broker-ceiling p50_ms)") b_p99=$(round "$(max_result broker-ceiling p99_ms)")
  kill "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; broker_pid=""
  row "Raw broker ceiling: mosquitto $(mosquitto -h 2>/dev/null | awk '/version/ { print $3; exit }'), TLS (RSA-2048 like the gateway), QoS 1, no persistence, the same load client, $ceiling_watches watches × 1 message/s offered" "— (reference)" "—" "$broker_rate/s acknowledged (PUBACK p50 ${b_p50} ms, p99 ${b_p99} ms); broker CPU $broker_10k CPU-s per 10,000 acknowledged"
fi
if [ "$ceiling_watches" -gt 0 ]; then
  share="no reference (--no-raw-broker)" anchor="—"
  if [ -n "$broker_rate" ] && [ "$broker_rate" -gt 0 ]; then
    pct=$(( 100 * ceiling / broker_rate ))
    share="$pct % of the raw broker $(verdict "$pct >= 50")"
    anchor="mosquitto, same run and client: $broker_rate/s"
  fi
  row "Ingest ceiling: accepted messages/s at $ceiling_watches watches × 1 message/s offered, ${ceiling_seconds} s on the warm server" "≥ 50 % of the raw broker" "$anchor" "**$ceiling/s** = $share (PUBACK p50 ${ceiling_p50} ms, p99 ${ceiling_p99} ms; $ceiling_10k CPU-s per 10,000, server + PG)"
fi
# 3. Connections held; server memory per connected watch on a fresh server per count, so heaps kept
# from earlier runs do not hide growth.
for n in $hold_counts; do
  start_server "hold-$n"
  sleep 5 # let start-up allocations settle before the baseline
  rss_before=$(rss_kb "$server_pid") rss_steady=0 held_at_steady=0
  sample_rss() {
    rss_steady=$(rss_kb "$server_pid")
    held_at_steady=$(grep -h ' STEADY ' "$state/hold-$n"-*.log | grep -o 'connected=[0-9]*' | cut -d= -f2 | awk '{ s += $1 } END { printf "%d", s }')
  }
  echo "Holding $n watches for ${hold_seconds} s…" >&2
  run_load "$n" "hold-$n" sample_rss --batch-seconds 60 --duration-seconds "$hold_seconds" --report-seconds 10 --connect-parallelism 32
  held_end=$(sum_result "hold-$n" connected)
  failures=$(sum_result "hold-$n" connect_failures)
  per_watch="-"
  [ "$held_at_steady" -gt 0 ] && per_watch="$(( (rss_steady - rss_before) / held_at_steady )) KB"
  row "Watches held connected, $n attempted (MQTT/TLS, 8 loopback source addresses, $(( (n + per_process - 1) / per_process )) simulator process(es))" "50,000" "19,000 of 19,000 (2026-11-26; 20,000-descriptor cap)" "$held_at_steady after ramp-up, $held_end after ${hold_seconds} s ($failures failed connect attempts) $(verdict "$held_end >= 50000")"
  kb=${per_watch% KB}
  row "Server memory per connected watch at $n attempted (RSS $(( rss_before / 1024 )) → $(( rss_steady / 1024 )) MB)" "≤ 20 KB" "35 KB at 5,000 (2026-11-26)" "$per_watch $( [ "$kb" != "-" ] && verdict "$kb <= 20")"
  stop_server
done

echo "Gateway benchmark, $(date -u +%F), $(nproc) cores, open-file limit $fd_limit per process${server_env:+, server environment: $server_env}${own_seniors:+, one senior per watch}" >&2
