#!/usr/bin/env bash
# Installs the dashboard's browser libraries from npm (pinned in ClientApp/package-lock.json) and copies
# them into wwwroot/lib. Idempotent and quick when nothing changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/ops/prerequisites.sh"
ensure_node
app="$root/src/CareWatch.Server/ClientApp"
lib="$root/src/CareWatch.Server/wwwroot/lib"
if [ ! -d "$app/node_modules/@microsoft/signalr" ]; then
  (cd "$app" && npm ci --no-audit --no-fund --silent >&2)
fi
mkdir -p "$lib"
cp -u "$app/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" "$lib/signalr.min.js"
