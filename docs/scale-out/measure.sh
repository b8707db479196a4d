#!/usr/bin/env bash
# Sizes and lookup times of calls (10 M rows, the schema's indexes) and call_events (6 M rows =
# 500 000 calls × 12 events) in an EMPTY scratch PostgreSQL; takes ~10 minutes and ~10 GB.
#   docs/scale-out/measure.sh            (PGHOST/PGPORT/PGUSER of the scratch server, e.g. PGPORT=55432 PGUSER=postgres)
# A scratch server from the embedded binaries (as a non-root user):
#   initdb -D /tmp/pgscratch -U postgres -A trust && pg_ctl -D /tmp/pgscratch -o '-p 55432 -c fsync=off' start
set -euo pipefail
cd "$(dirname "$0")"
for script in call-events-size.sql call-events-lookups.sql call-events-lookups.sql call-events-delete-a-week.sql \
              calls-size.sql calls-lookups.sql calls-lookups.sql calls-lookups.sql; do
  echo "== $script"
  psql -X -v ON_ERROR_STOP=1 -f "$script" | grep -E "Time:|Execution Time|Scan using|rows|MB|^ *[0-9]" || true
done
echo "load average: $(cat /proc/loadavg)"
