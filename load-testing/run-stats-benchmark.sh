#!/usr/bin/env bash
# Statistics and call-list benchmark on a data directory filled by generate-stats-data.sh: starts
# the CRM on it, times every stats endpoint and GET /api/calls, and the same figures by plain SQL
# without indexes or rollups (the baseline), then stops the CRM. A failed request or a baseline
# that disagrees with the endpoint fails the script.
#   load-testing/run-stats-benchmark.sh DATA_DIR [benchmark options, e.g. threads=2 requests=300 callThreads=16]
set -eu
DATA=$(realpath "${1:?DATA_DIR}"); shift
source "$(dirname "$0")/stats-service.sh"
cp "$ROOT/load-testing/target/load-test.jar" "$DATA/load-test.jar"
start_service "$DATA" "$DATA/service-benchmark.log"
java -cp "$DATA/load-test.jar" org.callcentre.loadtest.StatsBenchmark service="http://127.0.0.1:$PORT" adminPassword="$PASSWORD" \
  jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" "$@"
stop_service
