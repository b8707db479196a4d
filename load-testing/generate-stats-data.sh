#!/usr/bin/env bash
# Fills a fresh CRM data directory with a generated year (10 M calls, 2 M orders, 300 operators,
# 30 cities, 200 campaigns) for the statistics benchmark; the service then rebuilds its rollups.
#   load-testing/generate-stats-data.sh DATA_DIR [generator options, e.g. calls=1000000 orders=200000]
# Build first: mvn -B -DskipTests package && mvn -B -q -f load-testing/pom.xml package
set -eu
DATA=$(realpath -m "${1:?DATA_DIR}"); shift
source "$(dirname "$0")/stats-service.sh"
[ ! -e "$DATA/postgres" ] || { echo "$DATA already holds a database; give a new directory"; exit 1; }
mkdir -p "$DATA"
# a copy, so that rebuilding load-testing meanwhile cannot pull classes from under the running tool
cp "$ROOT/load-testing/target/load-test.jar" "$DATA/load-test.jar"
echo "load average: $(cat /proc/loadavg)"
start_service "$DATA" "$DATA/service-schema.log"     # Flyway creates the schema, the admin user is made
java -Xmx3g -cp "$DATA/load-test.jar" org.callcentre.loadtest.DataGenerator \
  jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" user=postgres "$@"
stop_service
echo "load average: $(cat /proc/loadavg)"
start_service "$DATA" "$DATA/service-rebuild.log"    # empties the statistics rollups, listens, counts them online
until grep -q 'Statistics rollups rebuilt' "$DATA/service-rebuild.log"; do
  kill -0 $SERVICE_PID 2> /dev/null || { echo "the service stopped; see $DATA/service-rebuild.log"; exit 1; }
  sleep 2
done
grep -hi 'statistics rollups' "$DATA/service-rebuild.log" || true
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "SELECT 'database: ' || pg_size_pretty(pg_database_size('postgres'))" 2> /dev/null || true
stop_service
echo "on disk: $(du -sh "$DATA/postgres" | cut -f1)"
