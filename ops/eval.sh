#!/usr/bin/env bash
# Evaluation benchmark of the inactivity detectors (issue 4): the learned model, when present, and the
# timer baselines, on ../shared/data/depresjon and a simulated cohort (or on the --data folders given).
# Usage: ops/eval.sh [--data DIR]... [--report FILE] [--json FILE] [--chart FILE] [--seed N] [--quick] [--no-model]
# The committed report: ops/eval.sh --report docs/detection.md --json docs/detection.json
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Other sessions build in the same checkout: one build at a time, only this project (and what it references).
mkdir -p .carewatch
if ! flock .carewatch/build.lock dotnet build src/CareWatch.Evaluation -c Release -v quiet -nologo -clp:ErrorsOnly >&2; then
  echo "eval.sh: the build failed" >&2
  exit 1
fi
# The report names the code it measured, including uncommitted detector changes when there are any.
rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src/CareWatch.Detection 2>/dev/null || rev="$rev + uncommitted changes in src/CareWatch.Detection"
export CAREWATCH_EVAL_REVISION="$rev"
exec dotnet src/CareWatch.Evaluation/bin/Release/net10.0/carewatch-eval.dll "$@"
