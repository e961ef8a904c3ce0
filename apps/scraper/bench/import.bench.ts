import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "@paperpulse/db";
import { copyAllRows, hfFixture, openServerDb, readAllRows } from "@paperpulse/db/testing";
import { importPaths } from "../src/import/import-paths.ts";
import { readTarMembers } from "../src/import/read-tar-members.ts";
import { parseBody } from "../src/run/parse-body.ts";
import { writeSyntheticArchive } from "../src/testing/synthetic-archive.ts";
import type { BenchModule } from "./bench-module.ts";

/**
 * Import rate of the shared archive (561 recorded API responses, 9,621 items) into in-memory PGlite and into a
 * fresh database on the Postgres server at TEST_DATABASE_URL, beside two baselines in the same process: reading
 * and parsing the archive without storing it, and COPY of the rows the import stored into a fresh database.
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

  await warmUp();
  const targets: [string, () => Promise<DbHandle>][] = [["PGlite (in memory)", openPglite]];
  if (process.env.TEST_DATABASE_URL) targets.push(["Postgres", openServerDb]);
  else console.log("Postgres: not measured (set TEST_DATABASE_URL to a Postgres server)");
  for (const [label, open] of targets) {
    const handle = await open();
    const target = await open();
    try {
      const first = await timeImport(handle, archive);
      const again = await timeImport(handle, archive);
      // The same rows, loaded with COPY into a fresh database of the same schema: the fastest way in.
      const copied = await copyAllRows(target, await readAllRows(handle));
      const copyRate = first.items / (copied.ms / 1000);
      console.log(`${label}:`);
      console.log(
        `  import                     ${fmt(first.rate)} items/s  = ${pct(first.rate / copyRate)} of COPY, ` +
          `${pct(first.rate / parseRate)} of parse only (${first.newPapers} papers, ${first.snapshots} snapshots)`,
      );
      console.log(
        `  COPY of the same rows      ${fmt(copyRate)} items/s  (${copied.rows} rows in every table)`,
      );
      console.log(`  import again (nothing new) ${fmt(again.rate)} items/s`);
    } finally {
      await handle.close();
      await target.close();
    }
  }
  return true;
}

/**
 * Imports a small synthetic archive into a throwaway database first: the first import in a process also compiles
 * the code it runs (JavaScript and PGlite's WebAssembly), which COPY, timed after it, would not pay.
 */
async function warmUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-import-warm-up-"));
  const handle = await openPglite();
  try {
    writeSyntheticArchive(dir, { days: 20 });
    await importPaths(handle.db, [dir], { command: "warm-up" });
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
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

function pct(share: number): string {
  return `${Math.round(share * 100)}%`.padStart(4);
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString("en").padStart(7);
}

export const importBench: BenchModule = { name: "import", run };
