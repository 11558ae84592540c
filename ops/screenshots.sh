#!/usr/bin/env bash
# Regenerates docs/screens/: the main screens (sign-in, alerts, a senior's page, a relative's page) in English, German
# and Chinese, rendered by the real server with arranged data in Debian's Chromium (Wwwroot/ScreenshotTests.cs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source ops/prerequisites.sh
ensure_cjk_fonts
mkdir -p docs/screens
CAREWATCH_SCREENSHOTS="$root/docs/screens" ops/test.sh --filter "FullyQualifiedName~Wwwroot.ScreenshotTests"
ls -1 docs/screens
