import { defineConfig } from "vitest/config";

// PGlite takes seconds to start and a Postgres database is created per test file.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
