import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db, exportedTables, selectRows } from "@paperpulse/db";
import {
  describeWhen,
  exportSeedTimes,
  openServerDb,
  readParquetFile,
  seedExportData,
  type TestDbHandle,
} from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv } from "../../testing/cli-env.ts";
import { runCli as runCliProcess } from "../../testing/run-cli.ts";

const runCli = (env: NodeJS.ProcessEnv, ...args: string[]) => runCliProcess(args, env);

/** Rows per table, straight from the database. */
async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of exportedTables) {
    const [row] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    );
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

type Engine = {
  kind: "pglite" | "postgres";
  available: boolean;
  /** Seeds a database; returns the CLI's environment for it, its row counts and how to drop it. */
  open: () => Promise<{ env: NodeJS.ProcessEnv; counts: Record<string, number>; close: () => Promise<void> }>;
};

const engines: Engine[] = [
  {
    kind: "pglite",
    available: true,
    open: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-export-all-db-"));
      const handle = await createDb({
        dataDir,
        databaseUrl: undefined,
        holder: "the export-all test's seed",
      });
      let counts: Record<string, number>;
      try {
        await seedExportData(handle.db);
        counts = await countRows(handle.db);
      } finally {
        await handle.close();
      }
      return {
        env: cliEnv(dataDir, "https://huggingface.invalid"),
        counts,
        close: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    kind: "postgres",
    available: Boolean(process.env.TEST_DATABASE_URL),
    open: async () => {
      const handle: TestDbHandle = await openServerDb();
      await seedExportData(handle.db);
      const counts = await countRows(handle.db);
      const env = cliEnv("/nonexistent", "https://huggingface.invalid", { DATABASE_URL: handle.url ?? "" });
      return { env, counts, close: () => handle.close() };
    },
  },
];

// Each step is a CLI process of its own: bounded at 120 s, as a loaded machine takes tens of seconds to start one.
for (const engine of engines) {
  describeWhen(
    engine.available,
    "TEST_DATABASE_URL is not set (no Postgres server)",
    `pnpm scrape export-all [${engine.kind}]`,
    () => {
      let opened: Awaited<ReturnType<Engine["open"]>> | undefined;
      const out = mkdtempSync(join(tmpdir(), "paperpulse-export-all-out-"));
      const dir = join(out, "tables");
      const env = () => opened?.env ?? {};

      beforeAll(async () => {
        opened = await engine.open();
      }, 120_000);
      afterAll(async () => {
        await opened?.close();
        rmSync(out, { recursive: true, force: true });
      });

      it("writes every table as Parquet, with a JSON summary and progress on stderr", {
        timeout: 150_000,
      }, async () => {
        const result = await runCli(env(), "export-all", dir, "--json");
        expect(result.code, result.stderr).toBe(0);
        const summary = result.last as { tables: { table: string; rows: number }[]; rows: number };
        expect(Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]))).toEqual(opened?.counts);
        expect(result.stderr).toContain(`paper_snapshots: ${opened?.counts.paper_snapshots} rows`);
        expect(readdirSync(dir).sort()).toEqual(exportedTables.map((t) => `${t.name}.parquet`).sort());
        for (const { name } of exportedTables) {
          expect((await readParquetFile(join(dir, `${name}.parquet`))).rows.length, name).toBe(
            opened?.counts[name],
          );
        }
        const papers = await readParquetFile(join(dir, "papers.parquet"));
        expect(papers.rows.map((row) => [row.id, row.upvotes, row.daily_date_exact])).toEqual([
          ["2601.00010", 9, true],
          ["2601.00020", 5, true],
          ["2601.00030", 1, false],
        ]);
        const snapshots = await readParquetFile(join(dir, "paper_snapshots.parquet"));
        expect(snapshots.rows[0]?.captured_at).toEqual(exportSeedTimes.first);
        const authors = await readParquetFile(join(dir, "paper_authors.parquet"));
        expect(authors.rows.map((row) => row.hf_user)).toEqual(["ada-ex", null, "cy"]);
      });

      it("refuses to replace the files without --force, and replaces them with it", {
        timeout: 150_000,
      }, async () => {
        const before = statSync(join(dir, "papers.parquet")).mtimeMs;
        const refused = await runCli(env(), "export-all", dir, "--json");
        expect(refused.code).toBe(1);
        expect(refused.last?.code).toBe("EXPORT_EXISTS");
        expect(String(refused.last?.error)).toMatch(/--force/);
        expect(statSync(join(dir, "papers.parquet")).mtimeMs).toBe(before);
        const forced = await runCli(env(), "export-all", dir, "--force", "--json");
        expect(forced.code, forced.stderr).toBe(0);
        expect(readdirSync(dir).filter((name) => !name.endsWith(".parquet"))).toEqual([]);
      });
    },
  );
}

describe("pnpm scrape export-all, refused", { timeout: 150_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-export-all-locked-"));
  const out = join(dataDir, "out");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("needs a DIR (exit 2, saying so)", async () => {
    const result = await runCli(cliEnv(dataDir, "https://huggingface.invalid"), "export-all", "--json");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/export-all needs the DIR/);
  });

  it("says who holds the embedded database, and writes nothing", async () => {
    const holder = await createDb({
      dataDir,
      databaseUrl: undefined,
      holder: "the Paperpulse dashboard (pnpm start)",
    });
    try {
      const result = await runCli(
        cliEnv(dataDir, "https://huggingface.invalid"),
        "export-all",
        out,
        "--json",
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by the Paperpulse dashboard \(pnpm start\)/);
      expect(() => readdirSync(out)).toThrow();
    } finally {
      await holder.close();
    }
  });
});
