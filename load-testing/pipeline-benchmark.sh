#!/usr/bin/env bash
# Call-pipeline benchmark: starts the load tool and the CRM on a fresh data directory with the
# default settings (only what the run needs is set: data directory, admin password, port, and the
# PBX credentials the tool plays with), streams calls open loop, prints the report.
#   load-testing/pipeline-benchmark.sh ami|mango RATE SECONDS [name=value …]
# The named scripts (run-ami-benchmark.sh, run-mango-benchmark.sh, run-ringhold-benchmark.sh) call
# this one. Options: see docs/benchmarks.md. Build first:
#   mvn -B -q -Dui.skip=true -DskipTests package && mvn -B -q -f load-testing/pom.xml package
set -eu
MODE=${1:?ami or mango}; RATE=${2:?RATE per second}; SECS=${3:?SECONDS}; shift 3
case "$MODE" in ami|mango) ;; *) echo "mode is ami or mango"; exit 2 ;; esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
PASSWORD="Bench-Admin-Password"
PORT=${BENCH_PORT:-18080}
AMI_PORT=${BENCH_AMI_PORT:-15038}
MANGO_KEY="bench-vpbx-api-key"; MANGO_SALT="bench-vpbx-api-salt"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)"
git -C "$ROOT" diff --quiet HEAD -- src pom.xml || COMMIT="$COMMIT + uncommitted changes in src/"
echo "commit $COMMIT; $(date -u '+%Y-%m-%d %H:%M:%S UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
echo "service jar $(stat -c '%y' "$ROOT/target/callcentre-crm.jar" | cut -d. -f1)"
# copies, so that rebuilding meanwhile cannot pull classes from under the running processes
cp "$ROOT/load-testing/target/load-test.jar" "$WORK/load-test.jar"
cp "$ROOT/target/callcentre-crm.jar" "$WORK/callcentre-crm.jar"

java ${LOAD_JAVA_OPTS:-} -jar "$WORK/load-test.jar" mode="$MODE" rate="$RATE" seconds="$SECS" \
  service="http://127.0.0.1:$PORT" adminPassword="$PASSWORD" serviceLog="$WORK/service.log" servicePidFile="$WORK/service.pid" \
  amiPort="$AMI_PORT" mangoKey="$MANGO_KEY" mangoSalt="$MANGO_SALT" "$@" &
LOAD=$!
if [ "$MODE" = ami ]; then
  export CRM_AMI_HOST=127.0.0.1 CRM_AMI_PORT=$AMI_PORT CRM_AMI_USERNAME=bench CRM_AMI_SECRET=bench
else
  export CRM_MANGO_API_KEY=$MANGO_KEY CRM_MANGO_API_SALT=$MANGO_SALT
fi
CRM_DATA_DIR="$WORK/data" CRM_ADMIN_PASSWORD=$PASSWORD MICRONAUT_SERVER_PORT=$PORT \
  java ${JAVA_OPTS:-} -jar "$WORK/callcentre-crm.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
echo $SERVICE > "$WORK/service.pid"
STATUS=0
wait $LOAD || STATUS=$?
kill $SERVICE; wait $SERVICE || true
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${KEEP_DATA:-}" ] || rm -rf "$WORK/data" "$WORK"/*.jar
echo "service log: $WORK/service.log"
exit $STATUS
