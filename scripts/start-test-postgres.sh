#!/usr/bin/env bash
# Starts a throwaway Postgres server on 127.0.0.1 for the tests and prints `export TEST_DATABASE_URL=…`.
# Usage: eval "$(bash scripts/start-test-postgres.sh)"; stop it with: bash scripts/stop-test-postgres.sh "$PGTEST_DIR"
set -euo pipefail

bin=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && bin="$dir"; done
if [ -z "$bin" ] && command -v initdb >/dev/null; then bin=$(dirname "$(command -v initdb)"); fi
[ -n "$bin" ] || { echo "start-test-postgres: no PostgreSQL server binaries (apt-get install -y postgresql)" >&2; exit 1; }

dir=$(mktemp -d /tmp/paperpulse-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# Postgres refuses to run as root: run it as the postgres user when we are root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 30

echo "export PGTEST_DIR=$dir PGTEST_BIN=$bin"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
