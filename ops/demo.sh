#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, the CareWatch server and a simulated fleet of watches.
# Ctrl-C stops everything this script started, and nothing else.
#
# Environment (all optional):
#   CAREWATCH_DB          connection string of an existing database (else a private cluster under .carewatch/)
#   CAREWATCH_PG_PORT     port of that private cluster (default 55433)
#   CAREWATCH_HTTP_PORT   API port for programs on loopback, plain HTTP (default 5080)
#   CAREWATCH_HTTPS_PORT  board and API over HTTPS, also MQTT over wss (default 5443; a free port if it is taken)
#   CAREWATCH_MQTT_PORT   MQTT/TLS port for watches (default 8883; a free port is used if it is taken)
#   CAREWATCH_SMTP_PORT   port of the demo's local SMTP server, which keeps every e-mail (default 2525)
#   CAREWATCH_WATCHES     simulated watches (default 5, one per demo senior)
#   CAREWATCH_STILL_AFTER fixed inactivity rule used by day until the learned model is trained (default 02:00:00;
#                         at night the rule allows Monitoring:StillAlertAfterNight, 10 h)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
ensure_postgres
ensure_smtp
apt_install curl
ops/web-assets.sh

state="$root/.carewatch"
mkdir -p "$state"
chmod 755 "$state"
pids=()
started_cluster=""
started_smtp=""

cleanup() {
  trap - EXIT
  # A second Ctrl-C, a closed terminal or a broken pipe must not leave half of the demo running.
  trap '' INT TERM HUP PIPE
  echo; echo "Stopping the demo…" || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$started_smtp" ]; then ops/smtp-server.sh stop "$started_smtp" || true; fi
  if [ -n "$started_cluster" ]; then ops/pg-cluster.sh stop "$started_cluster" || true; fi
  echo "Stopped." || true
}
trap cleanup INT TERM HUP EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() { # preferred port, or a free one when it is taken
  if port_in_use "$1"; then ops/free-port.sh; else echo "$1"; fi
}

if [ -n "${CAREWATCH_DB:-}" ]; then
  db="$CAREWATCH_DB"
  echo "Using the database from CAREWATCH_DB."
else
  pg_port=${CAREWATCH_PG_PORT:-55433}
  if [ -f "$state/pg/postmaster.pid" ] && ops/pg-cluster.sh status "$state/pg" >/dev/null 2>&1; then
    echo "PostgreSQL already running in .carewatch/pg (left by an earlier run); using it."
    pg_port=$(sed -n '4p' "$state/pg/postmaster.pid")
  else
    ops/pg-cluster.sh start "$state/pg" "$pg_port"
    started_cluster="$state/pg"
    echo "PostgreSQL 15 on 127.0.0.1:$pg_port (data in .carewatch/pg)."
  fi
  # The cluster is private and loopback-only; create the database on first use.
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='carewatch'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE carewatch"
  db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=carewatch"
fi

echo "Building…"
dotnet build src/CareWatch.Server -c Release -v quiet -nologo -clp:ErrorsOnly
dotnet build firmware-sim/CareWatch.FirmwareSim -c Release -v quiet -nologo -clp:ErrorsOnly

http_port=$(pick_port "${CAREWATCH_HTTP_PORT:-5080}")
https_port=$(pick_port "${CAREWATCH_HTTPS_PORT:-5443}")
mqtt_port=$(pick_port "${CAREWATCH_MQTT_PORT:-8883}")
# The relatives' e-mail goes to a real SMTP server on loopback that keeps each message as a .eml file (the mails
# of earlier runs stay). One left running by an interrupted run is reused on its port.
maildir="$state/mail"
if [ ! -x ops/smtp-server.sh ]; then
  echo "ops/smtp-server.sh is missing: no e-mail in this demo (notifications by e-mail fail and show as dead letters)." >&2
elif ops/smtp-server.sh status "$maildir" >/dev/null 2>&1; then
  smtp_port=$(cat "$maildir/smtp-server.port")
else
  smtp_port=$(pick_port "${CAREWATCH_SMTP_PORT:-2525}")
  ops/smtp-server.sh start "$maildir" "$smtp_port"
  started_smtp="$maildir"
fi
if [ -n "${smtp_port:-}" ]; then
  # Plain SMTP is acceptable only because the server is on loopback.
  export Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Tls=None Smtp__From="CareWatch demo <alerts@carewatch-demo.test>"
fi
silo_port=$(ops/free-port.sh)
gateway_port=$(ops/free-port.sh)
export ConnectionStrings__CareWatch="$db"
export Http__Port="$http_port" Http__HttpsPort="$https_port" Gateway__MqttPort="$mqtt_port" Gateway__DataDirectory="$state"
# Links in relatives' e-mails open the board's HTTPS address (the plain port is for programs, and redirects anyway).
export Http__PublicBaseUrl="https://localhost:$https_port/"
export Orleans__SiloPort="$silo_port" Orleans__GatewayPort="$gateway_port"
if [ -n "${CAREWATCH_STILL_AFTER:-}" ]; then export Monitoring__StillAlertAfter="$CAREWATCH_STILL_AFTER"; fi
# Not Production: the server refuses to start there with demo settings (they are published here).
export ASPNETCORE_ENVIRONMENT=Demo Demo__Seed=true
# The demo accounts' password is made once per checkout and kept beside the database (mode 600, never committed),
# so there is no default password anywhere and a rerun signs in with the same one.
if [ ! -s "$state/demo-password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$state/demo-password")
fi
export Demo__Password="$(cat "$state/demo-password")"
# The demo bureau's API key, with which the simulator registers its watches (and this script reads the registry):
# generated once into .carewatch/ (mode 600, never committed), handed to the server, which creates it for the demo
# bureau, and to the simulator through the environment (not the command line, which every user sees in ps).
if [ ! -s "$state/demo-api-key" ]; then
  (umask 077; ops/new-api-key.sh > "$state/demo-api-key")
fi
export Demo__ApiKey="$(cat "$state/demo-api-key")"
export CAREWATCH_API_KEY="$Demo__ApiKey"
api() { curl -fs -H "X-Api-Key: $CAREWATCH_API_KEY" "$@"; }
dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll &
pids+=($!)

url="http://127.0.0.1:$http_port/"
for _ in $(seq 1 120); do
  curl -fs "${url}health/ready" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "The server exited; see its log above." >&2; exit 1; }
  sleep 0.5
done
curl -fs "${url}health/ready" >/dev/null || { echo "The server did not become ready in 60 s." >&2; exit 1; }
# The demo bureau is seeded just after the schema is ready; the fleet registers one watch per senior.
for _ in $(seq 1 60); do
  api "${url}api/seniors" 2>/dev/null | grep -q '"id"' && break
  sleep 0.5
done

board="https://localhost:$https_port/"
echo "$https_port" > "$state/demo-https-port" # for ops/demo-report.sh
echo
echo "  Board:      $board   (sign in; the certificate is from the demo's private CA: .carewatch/pki/ca.crt,"
echo "              trust it in the browser or accept the warning once)"
echo "  Sign-ins:   demo-staff       a caregiver on duty: the alert queue (take the inactivity alert from here)"
echo "              demo-supervisor  also the seniors, staff, rota and escalation under Administration"
echo "              demo-relative    Wang Shufen's son: his mother's state and alerts only (My relative)"
echo "              demo-admin       accounts and the model, no senior's data"
echo "  Password:   $Demo__Password   (kept in .carewatch/demo-password)"
echo "  Watches connect to mqtts://127.0.0.1:$mqtt_port (CA: .carewatch/pki/ca.crt)"
echo "  Chen Yuying (the first watch) collapsed during her waking hours and has lain still longer than any rule allows"
echo "  at this hour: within about 2 minutes her watch asks \"Are you OK?\", nobody answers, and after the 2-minute"
echo "  window the alert opens for the staff on duty (demo-staff), again after 60 s, and after 90 s her daughter is"
echo "  e-mailed (in Chinese) unless someone acknowledges first. Li Guoqiang (the second watch) has dozed off in his"
echo "  chair: his watch asks too, he presses OK after 20 s and the alert is cancelled. The others live their usual days."
if [ -n "${smtp_port:-}" ]; then
  echo "  Mailbox:    $maildir   (one .eml file per e-mail; SMTP on 127.0.0.1:$smtp_port)"
fi
echo "  Report:     ops/demo-report.sh   (this week's response times, signed in as demo-supervisor; it runs"
echo "              curl --cacert .carewatch/pki/ca.crt ${board}api/reports/response-times?week=$(TZ=Asia/Shanghai date +%G-W%V)"
echo "              with the sign-in cookie; the last full week is the default without ?week=)"
echo "  Press Ctrl-C to stop."
echo

watches=${CAREWATCH_WATCHES:-5}
# Each watch first uploads the history the server lacks (its offline buffer, as after an outage): a week on
# the first run, only the minutes since the previous run on a rerun. The watch identities (with their keys)
# and the still senior's onset are kept in .carewatch/sim-identities.json (mode 600), so a rerun reuses the
# same five watches and continues her story (a rerun keeps her emergency: same onset, same open alert). The
# second watch dozes: still as long, but he answers the watch's prompt after 20 s and gets up; a rerun does not
# make him doze again until he has been still long enough anew. Her stillness began while she was up, long enough ago to be
# abnormal at the hour the demo starts (5 h by day; 12 h at night, beyond the 10 h night limit): the real
# detection path raises the alert as soon as those minutes arrive, and it stays open while she stays still.
dotnet firmware-sim/CareWatch.FirmwareSim/bin/Release/net10.0/CareWatch.FirmwareSim.dll run \
  --server "$url" --mqtt-host 127.0.0.1 --mqtt-port "$mqtt_port" --ca-file "$state/pki/ca.crt" \
  --watches "$watches" --batch-seconds 30 --backfill-hours 167 \
  --still-watches 1 --dozing-watches 1 --ok-delay-seconds 20 --identities "$state/sim-identities.json" &
pids+=($!)

# Once every watch's history is in (each has stored minutes from the last ten minutes), train the learned
# model through the admin API (the nightly job would do the same at 02:30 UTC); until a model exists the
# monitors use the fixed rule. A rerun trains again; the new version replaces the one in service only if it
# evaluates no worse.
history_uploaded() {
  local now fresh=0 t
  now=$(date +%s)
  for t in $(api "${url}api/devices" 2>/dev/null | grep -o '"lastMinuteAt":"[^"]*"' | cut -d'"' -f4); do
    if [ $((now - $(date -d "$t" +%s))) -lt 600 ]; then fresh=$((fresh + 1)); fi
  done
  [ "$fresh" -ge "$watches" ]
}
(
  for _ in $(seq 1 60); do
    sleep 10
    history_uploaded || continue
    if result=$(dotnet src/CareWatch.Server/bin/Release/net10.0/CareWatch.Server.dll train-model 2>/dev/null); then
      echo "Learned model trained: $(echo "$result" | grep -o '"version": *[0-9]*' | head -1)," \
        "$(echo "$result" | grep -o '"reason": *"[^"]*"')"
      exit 0
    fi
  done
) &
pids+=($!)
wait "${pids[0]}"
