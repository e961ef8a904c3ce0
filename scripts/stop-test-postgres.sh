#!/usr/bin/env bash
# Stops a server started by start-test-postgres.sh and removes its folder.
set -u
dir=${1:-${PGTEST_DIR:-}}
[ -n "$dir" ] && [ -d "$dir/data" ] || exit 0
bin=${PGTEST_BIN:-$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | tail -n 1)")}
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1
else "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1; fi
rm -rf "$dir"
