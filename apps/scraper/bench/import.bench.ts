import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createDb, type DbHandle } from "@paperpulse/db";
import { hfFixture, openServerDb } from "@paperpulse/db/testing";
import { importPaths } from "../src/import/import-paths.ts";
import { readTarMembers } from "../src/import/read-tar-members.ts";
import { parseBody } from "../src/run/parse-body.ts";
import type { BenchModule } from "./bench-module.ts";

/**
 * Import rate of the shared archive (561 recorded API responses, 9,621 items) into in-memory PGlite and into a
 * fresh database on the Postgres server at TEST_DATABASE_URL, beside the baseline of reading and parsing the same
 * archive without storing it, all in one process.
 */
async function run(): Promise<boolean> {
  const dir = hfFixture("archive");
  if (!existsSync(dir)) {
    console.error(`\n!!! CANNOT RUN: the archive folder ${dir} is absent (see fixtures/hf/SOURCES.md)\n`);
    return false;
  }
  const archive = join(dir, readdirSync(dir).find((f) => f.endsWith(".tar.gz")) ?? "");

  const parseStart = performance.now();
  let items = 0;
  for await (const member of readTarMembers(archive, (name) => name.endsWith(".json"))) {
    items += parseBody("api", member.body.toString("utf8")).papers.length;
  }
  const parseRate = items / ((performance.now() - parseStart) / 1000);
  console.log(`${"baseline: read + parse only".padEnd(34)} ${fmt(parseRate)} items/s (${items} items)`);

  const targets: [string, () => Promise<DbHandle>][] = [["import into PGlite (in memory)", openPglite]];
  if (process.env.TEST_DATABASE_URL) targets.push(["import into Postgres", openServerDb]);
  else console.log("import into Postgres: not measured (set TEST_DATABASE_URL to a Postgres server)");
  for (const [label, open] of targets) {
    const handle = await open();
    try {
      const first = await timeImport(handle, archive);
      const again = await timeImport(handle, archive);
      console.log(
        `${label.padEnd(34)} ${fmt(first.rate)} items/s (${(first.rate / parseRate).toFixed(2)}x of parse), ` +
          `again (nothing new) ${fmt(again.rate)} items/s; ${first.newPapers} papers, ${first.snapshots} snapshots`,
      );
    } finally {
      await handle.close();
    }
  }
  return true;
}

function openPglite(): Promise<DbHandle> {
  return createDb({ dataDir: "memory", databaseUrl: undefined });
}

async function timeImport(handle: DbHandle, archive: string) {
  const start = performance.now();
  const summary = await importPaths(handle.db, [archive], { command: "bench" });
  if (summary.status !== "succeeded") throw new Error(`import ${summary.status}: ${summary.error}`);
  return { rate: summary.items / ((performance.now() - start) / 1000), ...summary };
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString("en").padStart(7);
}

export const importBench: BenchModule = { name: "import", run };
