#!/usr/bin/env bash
# Backs up the CRM's PostgreSQL database, restores the backup into a fresh copy and compares the
# row count of every table. Exit status 0 only when every count matches.
#
#   PGHOST=127.0.0.1 PGPORT=<port> PGUSER=postgres PGDATABASE=postgres scripts/backup-restore-check.sh <backup-dir>
#
# Two ways, chosen by what is installed:
#  - logical (pg_dump -Fc, then pg_restore into a new database on the same server) when pg_dump's
#    major version is at least the server's: the way for an external PostgreSQL 16 with
#    postgresql-client-16 installed;
#  - physical otherwise (online base backup through pg_backup_start/pg_backup_stop, tar of the data
#    directory and its WAL, restored into a new data directory and started on a spare port with
#    the server's own binaries). This is the way for the embedded server: its binaries carry no
#    pg_dump, and Debian 12's pg_dump 15 refuses a 16 server. It must run on the database's host,
#    as the user that owns the data directory; it needs psql (any version) and tar.
# Counts are compared as of the backup: run it when the service is quiet, or expect a table that
# was written meanwhile to differ.
set -euo pipefail

out="${1:?usage: $0 <backup-dir>}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
export PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"

# One exact "table count" line per table of the public schema, sorted.
row_counts() {
  local query
  query="$(psql "$@" -X -At -c "SELECT string_agg(format('SELECT %L, count(*) FROM public.%I', tablename, tablename), ' UNION ALL ' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")"
  psql "$@" -X -At -F ' ' -c "$query" | sort
}

compare() {
  if diff -u "$out/counts.source" "$out/counts.restored"; then
    echo "restore check passed: $(wc -l < "$out/counts.source") tables, $(awk '{s += $2} END {print s}' "$out/counts.source") rows, every count equal"
  else
    echo "restore check FAILED: row counts differ (above)" >&2
    exit 1
  fi
}

server_major="$(psql -X -At -c 'SHOW server_version_num')"
server_major="$((server_major / 10000))"
dump_major="$( (pg_dump --version 2>/dev/null || true) | grep -o '[0-9]\+' | head -1 || true)"

row_counts > "$out/counts.source"

if [ -n "$dump_major" ] && [ "$dump_major" -ge "$server_major" ]; then
  echo "logical backup with pg_dump $dump_major (server $server_major) into $out/crm.dump"
  pg_dump -Fc --no-owner -f "$out/crm.dump"
  check_db="crm_restore_check_$$"
  psql -X -q -c "CREATE DATABASE $check_db"
  trap 'psql -X -q -c "DROP DATABASE IF EXISTS '"$check_db"'"' EXIT
  pg_restore --no-owner --exit-on-error -d "$check_db" "$out/crm.dump"
  row_counts -d "$check_db" > "$out/counts.restored"
  compare
  exit 0
fi

echo "physical backup (pg_dump ${dump_major:-missing} cannot read a PostgreSQL $server_major server) into $out"
data_dir="$(psql -X -At -c 'SHOW data_directory')"
postmaster_pid="$(head -1 "$data_dir/postmaster.pid")"
pg_bin="$(dirname "$(readlink -f "/proc/$postmaster_pid/exe")")"

# One session from start to stop, as the non-exclusive low-level API requires; the data directory
# is copied while the server runs, and the WAL written meanwhile makes the copy consistent.
psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SELECT pg_backup_start('crm backup-restore-check', true) \g /dev/null
\! tar -C "$data_dir" --warning=no-file-changed --ignore-failed-read --exclude=./pg_wal/* --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./pg_replslot/* --exclude=./pg_stat_tmp/* -czf "$out/base.tar.gz" . || true
SELECT labelfile FROM pg_backup_stop(false) \g $out/backup_label
\! tar -C "$data_dir" -czf "$out/pg_wal.tar.gz" pg_wal
SQL

restore_dir="$(mktemp -d)"
port=$((40000 + RANDOM % 20000))
# PostgreSQL refuses to run as root: as root, the restored copy runs as nobody.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  as_owner=(runuser -u nobody --)
fi
cleanup() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$restore_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$restore_dir"
}
trap cleanup EXIT
mkdir -m 700 "$restore_dir/data"
tar -C "$restore_dir/data" -xzf "$out/base.tar.gz"
tar -C "$restore_dir/data" -xzf "$out/pg_wal.tar.gz"
cp "$out/backup_label" "$restore_dir/data/backup_label"
if [ "${#as_owner[@]}" -gt 0 ]; then
  chmod 755 "$restore_dir"
  chown -R nobody "$restore_dir"
fi
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$restore_dir/data" -l "$restore_dir/restore.log" -w -t 120 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$restore_dir" start >/dev/null
row_counts -h 127.0.0.1 -p "$port" > "$out/counts.restored"
compare
