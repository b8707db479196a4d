# Sourced by generate-stats-data.sh and run-stats-benchmark.sh: start and stop the CRM on a data
# directory, and find the port of its embedded PostgreSQL.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PASSWORD=${CRM_ADMIN_PASSWORD:-Bench-Admin-Password}
PORT=${BENCH_PORT:-18090}

# start_service DATA_DIR LOG: starts the service, waits until /health answers, sets SERVICE_PID and PG_PORT
start_service() {
  local t0=$(date +%s)
  CRM_DATA_DIR="$1" CRM_ADMIN_PASSWORD=$PASSWORD MICRONAUT_SERVER_PORT=$PORT \
    java ${JAVA_OPTS:-} -jar "$ROOT/target/callcentre-crm.jar" > "$2" 2>&1 &
  SERVICE_PID=$!
  until curl -fs "http://127.0.0.1:$PORT/health" > /dev/null; do
    kill -0 $SERVICE_PID 2> /dev/null || { echo "the service stopped; see $2"; exit 1; }
    sleep 1
  done
  PG_PORT=$(grep -o 'Embedded PostgreSQL on port [0-9]*' "$2" | grep -o '[0-9]*$')
  echo "service up in $(( $(date +%s) - t0 )) s (PostgreSQL on port $PG_PORT; log $2)"
}

stop_service() {
  [ -z "${SERVICE_PID:-}" ] || { kill $SERVICE_PID; wait $SERVICE_PID || true; }
  SERVICE_PID=
}
# a failed step ends the script with its status, and never leaves the service running
trap stop_service EXIT
