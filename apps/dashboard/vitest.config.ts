import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The integration tests start `next start` and Chromium, and PGlite takes seconds to open.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each integration file starts its own server: side by side on two cores they only slow each other down.
    fileParallelism: false,
  },
});
