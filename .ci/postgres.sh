#!/usr/bin/env bash
# Install (if needed) and start a PostgreSQL server on 127.0.0.1 for the test suite, create the
# test database, and print its SQLAlchemy URL as the last line of stdout:
#
#   export NEWSGRAPH_TEST_PG="$(.ci/postgres.sh | tail -n1)"
#
# Idempotent: safe to run when the server is already installed and running.  Loopback only, with
# "trust" authentication for 127.0.0.1 — this is a throwaway CI server, never a production setup.
# Needs root (apt-get, editing /etc/postgresql).  Env: PGPORT (default 5432), PGDB (newsgraph_test).
set -euo pipefail

PORT="${PGPORT:-5432}"
DB="${PGDB:-newsgraph_test}"

log() { echo "[postgres.sh] $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql from the Debian archive"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
CLUSTER=main
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" -p "$PORT" >&2
fi
CONF="/etc/postgresql/$VERSION/$CLUSTER"
HBA="$CONF/pg_hba.conf"
MARK="# newsgraph-ci: trust loopback"
if ! grep -qF "$MARK" "$HBA"; then
  log "allowing passwordless connections from 127.0.0.1 only"
  { echo "$MARK"; echo "host all all 127.0.0.1/32 trust"; cat "$HBA"; } > "$HBA.new"
  mv "$HBA.new" "$HBA"
  chown postgres:postgres "$HBA"
fi
# listen on loopback only, on the chosen port; enough connections for 4+ concurrent writers
mkdir -p "$CONF/conf.d"
cat > "$CONF/conf.d/newsgraph-ci.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 100
fsync = off                # test data only: speed over durability
synchronous_commit = off
CONF
chown -R postgres:postgres "$CONF/conf.d"

if pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  pg_ctlcluster "$VERSION" "$CLUSTER" reload >&2
else
  log "starting cluster $VERSION/$CLUSTER on 127.0.0.1:$PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  if pg_isready -h 127.0.0.1 -p "$PORT" -q; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2

if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  log "creating database $DB"
  psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE \"$DB\"" >&2
fi

echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
