#!/usr/bin/env bash
# Prints a new random CareWatch bureau API key (cwk_<16 hex>_<64 hex>: a public id and a 256-bit secret), in the
# format ApiKeyFormat parses. The demo and the benchmarks give it to the server as Demo:ApiKey, which creates it for
# the demo bureau, and to the simulator as CAREWATCH_API_KEY. Treat the output as a secret.
set -euo pipefail
printf 'cwk_%s_%s\n' "$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" "$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
