#!/usr/bin/env bash
# AMI ingest benchmark: starts the load tool (it plays Asterisk's AMI server) and the CRM on a fresh
# data directory, streams queue calls, prints the report.
#   load-testing/run-ami-benchmark.sh RATE SECONDS OPERATORS
# Build first: mvn -B -DskipTests package && (cd load-testing && mvn -B package)
set -eu
RATE=${1:-20000}; SECS=${2:-60}; OPS=${3:-100}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
PASSWORD="Bench-Admin-Password"
java -jar "$ROOT/load-testing/target/load-test.jar" service=http://127.0.0.1:18080 adminPassword=$PASSWORD \
  amiPort=15038 rate="$RATE" seconds="$SECS" operators="$OPS" servicePidFile="$WORK/service.pid" &
LOAD=$!
sleep 1
CRM_DATA_DIR="$WORK/data" CRM_ADMIN_PASSWORD=$PASSWORD CRM_AMI_HOST=127.0.0.1 CRM_AMI_PORT=15038 \
  CRM_AMI_USERNAME=bench CRM_AMI_SECRET=bench MICRONAUT_SERVER_PORT=18080 \
  java ${JAVA_OPTS:-} -jar "$ROOT/target/callcentre-crm.jar" > "$WORK/service.log" 2>&1 &
echo $! > "$WORK/service.pid"
wait $LOAD || true
kill "$(cat "$WORK/service.pid")"; wait || true
echo "service log: $WORK/service.log"
