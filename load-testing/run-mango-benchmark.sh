#!/usr/bin/env bash
# Mango webhook benchmark (signed webhooks, open loop over ≥ 64 keep-alive connections): see pipeline-benchmark.sh.
#   load-testing/run-mango-benchmark.sh RATE SECONDS [name=value …]
set -eu
RATE=${1:-3000}; SECS=${2:-60}; shift $(( $# < 2 ? $# : 2 ))
exec "$(dirname "$0")/pipeline-benchmark.sh" mango "$RATE" "$SECS" "$@"
