#!/usr/bin/env bash
# Measures time from `java -jar` to GET /health 200 on an existing data directory, and the idle RSS
# of the JVM. Usage: docs/measure-startup.sh [runs]   (build the jar first)
set -euo pipefail
runs="${1:-5}"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/callcentre-crm.jar"
work="$(mktemp -d)"
cd "$work"
export CRM_ADMIN_PASSWORD="measure-admin-password"
for i in $(seq 0 "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" > "run$i.log" 2>&1 & pid=$!
  until curl -sf -o /dev/null localhost:${MICRONAUT_SERVER_PORT:-8080}/health; do sleep 0.05; done
  end=$(date +%s%N)
  sleep 10
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  # run 0 creates the data directory; it is not counted
  [ "$i" -gt 0 ] && echo "run $i: $(( (end - start) / 1000000 )) ms to /health, idle RSS ${rss} MB"
  kill "$pid"; wait "$pid" || true
done
rm -rf "$work"
