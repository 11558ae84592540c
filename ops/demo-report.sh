#!/usr/bin/env bash
# Prints the demo bureau's weekly response-time report (GET /api/reports/response-times) as the demo supervisor
# sees it: signs in through the sign-in page over HTTPS (the report is for supervisors; the demo's API key is an
# integration's and may not read it), then asks for the week. Run it while ops/demo.sh runs.
#   ops/demo-report.sh [WEEK]     WEEK as 2026-W49; default this week on the bureau's clock (the server's own default is the last full week)
# Environment: CAREWATCH_HTTPS_PORT (default: the port the running demo wrote to .carewatch/demo-https-port, else 5443).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.carewatch"
week=${1:-$(TZ=Asia/Shanghai date +%G-W%V)} # the demo bureau's week, on its clock
port=${CAREWATCH_HTTPS_PORT:-$(cat "$state/demo-https-port" 2>/dev/null || echo 5443)}
base="https://localhost:$port"
[ -s "$state/demo-password" ] || { echo "no .carewatch/demo-password: start ops/demo.sh first" >&2; exit 1; }
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
web() { curl -fsS --cacert "$state/pki/ca.crt" -b "$jar" -c "$jar" "$@"; }
token=$(web "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 \
  | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || { echo "the sign-in page at $base has no form token" >&2; exit 1; }
# The password goes through stdin-fed form data (not the command line, which every user sees in ps).
printf 'UserName=demo-supervisor&__RequestVerificationToken=%s&Password=' "$token" | cat - "$state/demo-password" \
  | tr -d '\n' | web -o /dev/null --data-binary @- "$base/Account/Login"
web "$base/api/reports/response-times?week=$week"
echo
