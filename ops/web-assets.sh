#!/usr/bin/env bash
# Installs the browser modules' npm packages (pinned in ClientApp/package-lock.json: SignalR's client, uPlot, esbuild
# that bundles them, axe-core for the browser tests). `dotnet build` then bundles ClientApp/src into wwwroot/dist.
# Idempotent: reinstalled only when the lock file changed (a copy of it marks a finished install).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/ops/prerequisites.sh"
ensure_node
app="$root/src/CareWatch.Server/ClientApp"
if ! cmp -s "$app/package-lock.json" "$app/node_modules/.installed-lock.json"; then
  (cd "$app" && npm ci --no-audit --no-fund --silent >&2 && cp package-lock.json node_modules/.installed-lock.json)
fi
