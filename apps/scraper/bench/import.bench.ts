import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "@paperpulse/db";
import { copyAllRows, hfFixture, openServerDb, readAllRows } from "@paperpulse/db/testing";
import { importPaths } from "../src/import/import-paths.ts";
import { readTarMembers } from "../src/import/read-tar-members.ts";
import { parseBody } from "../src/run/parse-body.ts";
import { writeSyntheticArchive } from "../testing/synthetic-archive.ts";
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
    // One run of each is at the mercy of whatever else the machine does (runs here vary by ±15%): import and COPY
    // alternate, each into a fresh database, and the ratio reported is the median of the rounds' ratios.
    const rounds: { rate: number; copyRate: number }[] = [];
    let last: Awaited<ReturnType<typeof timeImport>> | undefined;
    let copiedRows = 0;
    let againRate = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const handle = await open();
      const target = await open();
      try {
        last = await timeImport(handle, archive);
        // The same rows, loaded with COPY into a fresh database of the same schema: the fastest way in.
        const copied = await copyAllRows(target, await readAllRows(handle));
        copiedRows = copied.rows;
        rounds.push({ rate: last.rate, copyRate: last.items / (copied.ms / 1000) });
        if (round === ROUNDS - 1) againRate = (await timeImport(handle, archive)).rate;
      } finally {
        await handle.close();
        await target.close();
      }
    }
    const ratios = rounds.map((r) => r.rate / r.copyRate).sort((a, b) => a - b);
    const rate = median(rounds.map((r) => r.rate));
    const copyRate = median(rounds.map((r) => r.copyRate));
    console.log(`${label} (median of ${ROUNDS} rounds, import and COPY alternating):`);
    console.log(
      `  import                     ${fmt(rate)} items/s  = ${pct(median(ratios))} of COPY ` +
        `(rounds ${ratios.map((r) => pct(r).trim()).join(", ")}), ${pct(rate / parseRate)} of parse only ` +
        `(${last?.newPapers} papers, ${last?.snapshots} snapshots)`,
    );
    console.log(`  COPY of the same rows      ${fmt(copyRate)} items/s  (${copiedRows} rows in every table)`);
    console.log(`  import again (nothing new) ${fmt(againRate)} items/s`);
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

const ROUNDS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`.padStart(4);
}

function fmt(rate: number): string {
  return Math.round(rate).toLocaleString("en").padStart(7);
}

export const importBench: BenchModule = { name: "import", run };
