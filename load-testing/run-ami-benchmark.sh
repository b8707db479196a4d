#!/usr/bin/env bash
# AMI ingest benchmark (the tool plays Asterisk's AMI server): see pipeline-benchmark.sh.
#   load-testing/run-ami-benchmark.sh RATE SECONDS [OPERATORS] [name=value …]
set -eu
RATE=${1:-20000}; SECS=${2:-60}; shift $(( $# < 2 ? $# : 2 ))
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then set -- "operators=$1" "${@:2}"; fi
exec "$(dirname "$0")/pipeline-benchmark.sh" ami "$RATE" "$SECS" "$@"
