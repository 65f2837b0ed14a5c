#!/usr/bin/env bash
# Sourced, not run: a throwaway PostgreSQL cluster the way the test fixture (tests/MlMentorBot.Tests/Storage/PostgresCluster.cs)
# starts one: Debian's newest /usr/lib/postgresql/<version>/bin, initdb as the postgres user when we are root (initdb refuses
# root), a temporary folder, a free loopback port, fsync off (a benchmark database is disposable), stopped on pg_cluster_stop.
#   . bench/scale-out/pg-cluster.sh; pg_cluster_start; pg_cluster_create_db NAME   -> prints an Npgsql connection string
pg_cluster_start() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries missing; install them with: sudo apt-get install -y postgresql" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/mlmentorbot-bench-pg-XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local as=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; as=(runuser -u postgres --); fi
  PG_AS=("${as[@]}")
  "${as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
}

pg_cluster_create_db() {
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $1" >/dev/null
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1"
}

pg_cluster_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
