#!/usr/bin/env bash
# Starts a private PostgreSQL for development and tests, installing the Debian packages when they are
# missing. The server runs as the unprivileged user "postgres" (created if needed), listens on loopback
# only and keeps its data under .pg/ in the repository. Prints the connection string on stdout.
#   scripts/pg.sh start | stop | url
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${CASEGRAINS_PG_PORT:-55432}"
DATA="$PWD/.pg/data"
URL="Host=127.0.0.1;Port=$PORT;Username=casegrains;Password=casegrains;Database=casegrains"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "Installing PostgreSQL (Debian packages)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin=$(pg_bin)
  mkdir -p "$PWD/.pg"
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$PWD/.pg"
    # the server user must be able to reach the data directory through the checkout's parents
    local p="$PWD"; while [ "$p" != "/" ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    local pwfile
    pwfile=$(mktemp); echo casegrains > "$pwfile"; chmod 644 "$pwfile"
    as_owner "$bin/initdb" -D "$DATA" -U casegrains --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    # A burst of reminder steps writes a full-page image of nearly every page it touches (each of a hundred thousand
    # cases' pages, once). Compressed with pglz ("on") they took 15% of the server's CPU in the burst; lz4 (PostgreSQL
    # 15 and later, built with lz4) compresses them at a fraction of that; uncompressed they doubled the WAL and were no faster.
    local compression=on
    case "$("$bin/pg_config" --version 2>/dev/null) $("$bin/pg_config" --configure 2>/dev/null)" in
      "PostgreSQL "1[5-9]*--with-lz4* | "PostgreSQL "[2-9][0-9]*--with-lz4*) compression=lz4 ;;
    esac
    cat >> "$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PWD/.pg'
max_connections = 300
shared_buffers = 1GB
fsync = on
wal_compression = $compression
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
  fi
  if ! as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$PWD/.pg/server.log" -w -t 60 start >/dev/null
  fi
  PGPASSWORD=casegrains "$bin/psql" -h 127.0.0.1 -p "$PORT" -U casegrains -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='casegrains'" | grep -q 1 ||
    PGPASSWORD=casegrains "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U casegrains casegrains
  echo "$URL"
}

stop() {
  local bin
  bin=$(pg_bin)
  [ -f "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "$URL" ;;
  *) echo "usage: scripts/pg.sh start|stop|url" >&2; exit 2 ;;
esac
