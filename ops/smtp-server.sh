#!/usr/bin/env bash
# A real SMTP server on loopback for tests and demos (ops/smtp-server.py on Debian's python3-aiosmtpd): every
# message it accepts is saved as one .eml file in MAILDIR. No TLS, no authentication: a sink, never a relay.
#   ops/smtp-server.sh start MAILDIR PORT   start (idempotent; waits until the port accepts connections)
#   ops/smtp-server.sh stop MAILDIR         stop it (SIGTERM, then SIGKILL after 10 s); the .eml files stay
#   ops/smtp-server.sh status MAILDIR
# Always /usr/bin/python3: a pyenv or virtualenv python on PATH does not see Debian's aiosmtpd (ensure_smtp in
# ops/prerequisites.sh installs it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PYTHON=${CAREWATCH_SMTP_PYTHON:-/usr/bin/python3}
cmd=${1:?usage: smtp-server.sh start|stop|status MAILDIR [PORT]}
dir=${2:?mail directory}
pid_file="$dir/smtp-server.pid"   # written by the server once its port is bound
port_file="$dir/smtp-server.port"

# The pid of the server of this MAILDIR if it runs (a stale file, or a pid reused by another program, is not it).
running_pid() {
  local pid
  pid=$(cat "$pid_file" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'smtp-server.py' \
    && echo "$pid"
}

accepts() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    if running_pid >/dev/null; then
      if [ "$(cat "$port_file" 2>/dev/null)" != "$port" ]; then
        echo "an SMTP server already runs for $dir on port $(cat "$port_file" 2>/dev/null)" >&2; exit 1
      fi
      exit 0
    fi
    rm -f "$pid_file"
    echo "$port" >"$port_file"
    # No open descriptor of the caller is inherited: a caller reading our output must not wait for the server.
    "$PYTHON" "$here/smtp-server.py" --maildir "$dir" --port "$port" </dev/null >>"$dir/smtp-server.log" 2>&1 &
    child=$!
    for _ in $(seq 1 300); do
      if [ -f "$pid_file" ] && accepts "$port"; then exit 0; fi
      if ! kill -0 "$child" 2>/dev/null; then
        echo "the SMTP server did not start:" >&2; tail -5 "$dir/smtp-server.log" >&2; exit 1
      fi
      sleep 0.1
    done
    echo "the SMTP server did not accept connections on 127.0.0.1:$port within 30 s" >&2
    kill "$child" 2>/dev/null || true
    exit 1
    ;;
  stop)
    pid=$(running_pid) || { rm -f "$pid_file"; exit 0; }
    kill -TERM "$pid" 2>/dev/null || true
    # running_pid, not kill -0: where nobody reaps orphans, an ended server lingers as a zombie without cmdline.
    for _ in $(seq 1 100); do
      running_pid >/dev/null || { rm -f "$pid_file"; exit 0; }
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do running_pid >/dev/null || break; sleep 0.1; done
    rm -f "$pid_file"
    ;;
  status)
    if pid=$(running_pid); then echo "running (pid $pid, port $(cat "$port_file" 2>/dev/null))"; else echo "stopped"; exit 3; fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
