import { defineConfig } from "vitest/config";

// PGlite takes seconds to start and a Postgres database is created per test file. Runs inside the tests write no
// structured log lines (the CLI test asks for them where it checks them).
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 60_000, env: { PAPERPULSE_LOG: "off" } },
});
