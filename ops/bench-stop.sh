#!/usr/bin/env bash
# The stop benchmark behind `ops/bench.sh stop`: how long the Release server takes from SIGTERM to exit, without
# and with watches connected (the firmware simulator's load mode, one message per watch and second), how long it
# went on storing (= acknowledging) telemetry after SIGTERM, and what it logged while stopping. A private
# PostgreSQL on loopback; everything it starts is stopped by pid, also on Ctrl-C. Prints markdown rows.
#
#   ops/bench.sh stop [--watches "0 40 1000"] [--runs 3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
source ops/bench-lib.sh
ensure_postgres
apt_install curl

watch_counts="0 40 1000" runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --watches) watch_counts=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

state="$root/.carewatch/bench-stop"
rm -rf "$state"; mkdir -p "$state"; chmod 755 "$root/.carewatch" "$state"
server_pid="" sim_pid="" pg_dir="$state/pg"
cleanup() {
  trap - INT TERM HUP EXIT
  for pid in $sim_pid $server_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $sim_pid $server_pid; do wait "$pid" 2>/dev/null || true; done
  ops/pg-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup INT TERM HUP EXIT

bench_postgres "$pg_dir"
psql_q() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d carewatch -tAqc "$1"; }

bench_build

http_port="" mqtt_port="" url="" log=""
# A fresh demo bureau key for this run (ops/new-api-key.sh): the server creates it for the seeded bureau, the
# simulator registers with it (CAREWATCH_API_KEY, not the command line).
export Demo__ApiKey="$(ops/new-api-key.sh)"
export CAREWATCH_API_KEY="$Demo__ApiKey"
start_server() {
  http_port=$(ops/free-port.sh); mqtt_port=$(ops/free-port.sh)
  url="http://127.0.0.1:$http_port/"; log="$state/server-$1.log"
  # Warnings, plus the host's and the gateway's own account of the stop.
  env Http__Port="$http_port" Gateway__MqttPort="$mqtt_port" Gateway__DataDirectory="$state" \
    Orleans__SiloPort="$(ops/free-port.sh)" Orleans__GatewayPort="$(ops/free-port.sh)" ASPNETCORE_ENVIRONMENT=Demo Demo__Seed=true \
    Http__HttpsPort=0 RateLimits__ApiPermits=10000000 \
    Gateway__MaxConnectionsPerAddress=0 Gateway__ConnectionsPerAddressPerMinute=0 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
    Logging__LogLevel__CareWatch.Gateway.Mqtt.GatewayMqttServer=Information \
    dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    curl -fs "${url}health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready in 120 s" >&2; exit 1
}
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc | awk '{ printf "%.1f", $1 }'; }

largest=0
for n in $watch_counts; do if [ "$n" -gt "$largest" ]; then largest=$n; fi; done
if [ "$largest" -gt 0 ]; then
  start_server register
  # The demo seeder creates the bureau's key just after the schema is ready.
  for _ in $(seq 1 60); do
    curl -fs -H "X-Api-Key: $CAREWATCH_API_KEY" "${url}api/seniors" 2>/dev/null | grep -q '"id"' && break
    sleep 0.5
  done
  echo "Registering $largest watches…" >&2
  "${sim[@]}" register --server "$url" --count "$largest" --out "$state/watches.txt" --parallelism 16 >&2
  kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
fi

echo "| Watches connected | SIGTERM to exit (each run) | Telemetry stored after SIGTERM \
| All watches disconnected (1-s reports) | Logged while stopping |"
echo "|---|---|---|---|---|"
for n in $watch_counts; do
  times=() stored_after="" disconnected=""
  : >"$state/stop-notes-$n.txt"
  for run in $(seq 1 "$runs"); do
    start_server "$n-$run"
    if [ "$n" -gt 0 ]; then
      "${sim[@]}" load --connections-file "$state/watches.txt" --watches "$n" --batch-seconds 1 --duration-seconds 600 \
        --report-seconds 1 --mqtt-port "$mqtt_port" --ca-file "$state/pki/ca.crt" >"$state/load-$n-$run.log" 2>&1 &
      sim_pid=$!
      for _ in $(seq 1 600); do grep -q ' STEADY ' "$state/load-$n-$run.log" && break; sleep 0.5; done
      sleep 5 # a few seconds of steady telemetry
    fi
    t0=$(now); kill -TERM "$server_pid"; wait "$server_pid" || true; t1=$(now); server_pid=""
    sigterm_epoch=${t0%.*}
    times+=("$(secs "$t0" "$t1")")
    if [ "$n" -gt 0 ]; then
      sleep 2 # let the simulator report its view of the stop
      # Stored = acknowledged (PUBACK only after commit): how long after SIGTERM did that go on?
      last=$(psql_q "SELECT coalesce(round((extract(epoch FROM max(received_at)) - $t0)::numeric, 2)::text, 'none')
                     FROM device_messages WHERE received_at >= to_timestamp($t0)")
      count=$(psql_q "SELECT count(*) FROM device_messages WHERE received_at >= to_timestamp($t0)")
      stored_after="$stored_after${stored_after:+; }$count msgs, last at +${last} s"
      # First report line after SIGTERM with nobody connected (the simulator logs HH:mm:ss each second).
      gone=$(awk -v t="$(date -d "@$sigterm_epoch" +%H:%M:%S)" '$1 >= t && / 0\/[0-9,]+ connected/ { print $1; exit }' \
        "$state/load-$n-$run.log")
      gone=${gone:++$(( $(date -d "$gone" +%s) - sigterm_epoch )) s}
      disconnected="$disconnected${disconnected:+; }${gone:-not seen}"
      kill -TERM "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; sim_pid=""
    fi
    awk '/Application is shutting down/ { on = 1 } on && /(warn|fail|crit|disconnecting)/' "$log" \
      | sed -E 's/^[0-9:]+ //; s/\|/\\|/g' | cut -c1-140 | sort -u >>"$state/stop-notes-$n.txt"
    echo "  $n watches, run $run: ${times[-1]} s" >&2
  done
  # Each distinct line once, with the number of runs that logged it.
  notes=$(sort "$state/stop-notes-$n.txt" | uniq -c \
    | awk '{ c = $1; $1 = ""; print substr($0, 2) " (" c "×)" }' | paste -sd ';' -)
  echo "| $n | $(IFS=/; echo "${times[*]}") s | ${stored_after:-—} | ${disconnected:-—} | ${notes:-nothing} |"
done
