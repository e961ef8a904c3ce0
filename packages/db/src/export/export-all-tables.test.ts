import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases.ts";
import { exportSeedTimes, seedExportData } from "../../testing/export-seed.ts";
import { readParquetFile } from "../../testing/read-parquet.ts";
import { selectRows } from "../rows.ts";
import { ExportAllError, exportAllTables, exportedTables } from "./export-all-tables.ts";

describeEachDatabase("export-all to Parquet", (getDb) => {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-export-all-"));
  const read = (table: string) => readParquetFile(join(dir, `${table}.parquet`));

  beforeAll(async () => {
    await seedExportData(getDb());
    // Batches of two rows: every table of more than two rows is read in several keyset steps, composite keys too.
    await exportAllTables(getDb(), dir, { batchSize: 2 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one file per table, each with every row of its table", async () => {
    expect(readdirSync(dir).sort()).toEqual(exportedTables.map((t) => `${t.name}.parquet`).sort());
    for (const { name } of exportedTables) {
      const [count] = await selectRows<{ n: number }>(
        getDb(),
        sql`select count(*)::int as n from ${sql.identifier(name)}`,
      );
      const file = await read(name);
      expect(file.rows.length, name).toBe(count?.n);
    }
    // Two day captures, and the trending one that moved two papers' ranks.
    expect((await read("paper_snapshots")).rows.length).toBe(7);
  });

  it("keeps the stored values with their types: text ids, integers, UTC timestamps, dates, booleans, lists", async () => {
    const papers = await read("papers");
    expect(papers.types).toMatchObject({
      id: "BYTE_ARRAY UTF8",
      daily_date: "INT32 DATE",
      daily_date_exact: "BOOLEAN",
      upvotes: "INT32",
      first_seen_at: "INT64 TIMESTAMP_MILLIS",
    });
    expect(
      papers.rows.map((row) => [row.id, row.daily_date_exact, row.upvotes, row.organization_name]),
    ).toEqual([
      ["2601.00010", true, 9, "ByteDance-Seed"],
      ["2601.00020", true, 5, "solo-lab"],
      ["2601.00030", false, 1, null],
    ]);
    const first = papers.rows[0] ?? {};
    expect(first.first_seen_at).toEqual(exportSeedTimes.first);
    expect(first.daily_date).toEqual(new Date("2026-01-05T00:00:00.000Z"));
    expect(first.title).toBe("Exported paper 2601.00010 — ünïcode");

    const snapshots = await read("paper_snapshots");
    expect(snapshots.types.id).toBe("INT64");
    expect(
      snapshots.rows.map((row) => [
        row.paper_id,
        (row.captured_at as Date).toISOString(),
        row.upvotes,
        row.rank,
      ]),
    ).toEqual([
      ["2601.00010", exportSeedTimes.first.toISOString(), 3, 2],
      ["2601.00020", exportSeedTimes.first.toISOString(), 5, 1],
      ["2601.00010", exportSeedTimes.second.toISOString(), 9, 1],
      ["2601.00020", exportSeedTimes.second.toISOString(), 5, 2],
      ["2601.00030", exportSeedTimes.second.toISOString(), 1, 3],
      ["2601.00030", exportSeedTimes.trending.toISOString(), 1, 1],
      ["2601.00010", exportSeedTimes.trending.toISOString(), 9, 2],
    ]);

    const authors = await read("paper_authors");
    expect(
      authors.rows.map((row) => [row.paper_id, row.position, row.name, row.hf_user, row.author_key]),
    ).toEqual([
      ["2601.00010", 0, "Ada Example", "ada-ex", "u:ada-ex"],
      ["2601.00010", 1, "Bo Example", null, "n:bo example"],
      ["2601.00020", 0, "Cy Example", "cy", "u:cy"],
    ]);
    const keywords = await read("paper_keywords");
    expect(keywords.types.keywords).toBe("LIST");
    expect(keywords.rows.find((row) => row.paper_id === "2601.00010")?.keywords).toEqual([
      "diffusion model",
      "video",
    ]);
    const runs = await read("scrape_runs");
    expect(runs.rows[0]?.plan).toEqual({});
    expect(runs.rows[0]?.command).toBe("test");
    expect(runs.rows[0]?.status).toBe("succeeded");
    const trending = await read("trending_entries");
    expect(trending.rows.map((row) => [row.position, row.paper_id])).toEqual([
      [1, "2601.00030"],
      [2, "2601.00010"],
    ]);
    const members = await read("org_group_members");
    expect(members.rows.find((row) => row.org_name === "ByteDance-Seed")?.group_name).toBe("ByteDance");
  });

  it("refuses to replace files unless forced, leaving them as they were", async () => {
    const papersFile = join(dir, "papers.parquet");
    const before = statSync(papersFile).mtimeMs;
    const refused = await exportAllTables(getDb(), dir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExportAllError);
    expect((refused as ExportAllError).code).toBe("EXPORT_EXISTS");
    expect((refused as Error).message).toContain("papers.parquet");
    expect(statSync(papersFile).mtimeMs).toBe(before);

    const summary = await exportAllTables(getDb(), dir, { force: true });
    expect(summary.tables.find((t) => t.table === "paper_snapshots")?.rows).toBe(7);
    expect(readdirSync(dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("refuses a path that is a file, and takes an empty file's name", async () => {
    const other = mkdtempSync(join(tmpdir(), "paperpulse-export-other-"));
    try {
      writeFileSync(join(other, "not-a-folder"), "x");
      const refused = await exportAllTables(getDb(), join(other, "not-a-folder")).catch((e: unknown) => e);
      expect((refused as ExportAllError).code).toBe("EXPORT_DIR");
      writeFileSync(join(other, "papers.parquet"), "");
      await exportAllTables(getDb(), other);
      expect((await readParquetFile(join(other, "papers.parquet"))).rows.length).toBe(3);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
