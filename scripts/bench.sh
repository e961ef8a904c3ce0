#!/usr/bin/env bash
# `pnpm bench`: every package's benchmarks, with a throwaway Postgres server when one can be started here.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ] && compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  eval "$(bash scripts/start-test-postgres.sh)"
  trap 'bash scripts/stop-test-postgres.sh "$PGTEST_DIR"' EXIT
fi
pnpm exec turbo run bench --concurrency=1 "$@"
