import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "@paperpulse/db";
import { openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { type RunningDashboard, startDashboard } from "./server";
import { seedSynthetic } from "./synthetic";

export type SeededTarget = {
  kind: "pglite" | "postgres";
  available: boolean;
  missing: string;
  start: () => Promise<StartedTarget>;
};
export type StartedTarget = { server: RunningDashboard; runId: number; cleanup: () => Promise<void> };

/** The two engines a dashboard test runs on, and whether this machine has each (Postgres needs TEST_DATABASE_URL). */
export const engines = {
  pglite: { kind: "pglite", available: true, missing: "" },
  postgres: {
    kind: "postgres",
    available: Boolean(process.env.TEST_DATABASE_URL),
    missing: "TEST_DATABASE_URL is not set (no Postgres server)",
  },
} as const satisfies Record<string, Omit<SeededTarget, "start">>;

/**
 * The built dashboard on the synthetic seed (./synthetic.ts), once on an embedded PGlite folder and once on the
 * Postgres server at TEST_DATABASE_URL (reported as missing without one), plus what `more` stores.
 */
export function seededTargets(
  env: Record<string, string> = {},
  /** More data stored after the seed, for one test file's needs. */
  more: (db: Db, runId: number) => Promise<void> = async () => {},
): SeededTarget[] {
  return [
    {
      ...engines.pglite,
      start: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-seeded-"));
        const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "a dashboard test's seed" });
        let runId = 0;
        try {
          runId = await seedSynthetic(handle.db);
          await more(handle.db, runId);
        } finally {
          await handle.close();
        }
        const server = await startDashboard({ dataDir }, { env });
        return { server, runId, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
    {
      ...engines.postgres,
      start: async () => {
        const handle: TestDbHandle = await openServerDb();
        const runId = await seedSynthetic(handle.db);
        await more(handle.db, runId);
        if (!handle.url) throw new Error("the test database has no URL");
        const server = await startDashboard({ databaseUrl: handle.url }, { env }).catch(
          async (error: unknown) => {
            await handle.close();
            throw error;
          },
        );
        return { server, runId, cleanup: () => handle.close() };
      },
    },
  ];
}
