#!/usr/bin/env bash
# Ring-hold benchmark: interleaved calls whose ring lasts seconds (3–8 s), so that screen-pops are
# timed on calls still ringing; AMI or Mango. See pipeline-benchmark.sh.
#   load-testing/run-ringhold-benchmark.sh ami|mango RATE SECONDS [name=value …]
set -eu
MODE=${1:?ami or mango}; RATE=${2:-1000}; SECS=${3:-60}; shift $(( $# < 3 ? $# : 3 ))
exec "$(dirname "$0")/pipeline-benchmark.sh" "$MODE" "$RATE" "$SECS" profile=ringhold "$@"
