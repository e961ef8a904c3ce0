import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hfFixture, openServerDb } from "@paperpulse/db/testing";
import { importWithCli } from "./import";
import { engines, type SeededTarget } from "./seeded-targets";
import { type RunningDashboard, startDashboard } from "./server";

/**
 * The recorded archive's .tar.gz files (../shared/fixtures/hf/archive). Throws when they are absent: a test built on
 * real captures must not pass by having nothing to read.
 */
export function archiveFiles(): string[] {
  const dir = hfFixture("archive");
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".tar.gz")) : [];
  if (files.length === 0) throw new Error(`the recorded archive is absent: no .tar.gz in ${dir}`);
  return files.map((name) => join(dir, name));
}

export type StartedArchive = { server: RunningDashboard; cleanup: () => Promise<void> };
export type ArchiveTarget = Omit<SeededTarget, "start"> & { start: () => Promise<StartedArchive> };

/**
 * The built dashboard on the recorded archive, imported with `pnpm scrape import` as a user would: once into an
 * embedded PGlite folder, once into a database of its own on the Postgres server at TEST_DATABASE_URL.
 */
export function archiveTargets(archives: string[]): ArchiveTarget[] {
  return [
    {
      ...engines.pglite,
      start: async () => {
        const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-archive-"));
        try {
          await importWithCli(dataDir, archives);
          const server = await startDashboard({ dataDir });
          return { server, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
        } catch (error) {
          rmSync(dataDir, { recursive: true, force: true });
          throw error;
        }
      },
    },
    {
      ...engines.postgres,
      start: async () => {
        const handle = await openServerDb();
        try {
          if (!handle.url) throw new Error("the test database has no URL");
          await importWithCli("", archives, handle.url);
          const server = await startDashboard({ databaseUrl: handle.url });
          return { server, cleanup: () => handle.close() };
        } catch (error) {
          await handle.close();
          throw error;
        }
      },
    },
  ];
}
