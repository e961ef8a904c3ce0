import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db, type DbHandle, type SnapshotMode, selectRows } from "@paperpulse/db";
import { openServerDb } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { importPaths } from "../src/import/import-paths.ts";
import { writeSyntheticArchive } from "../testing/synthetic-archive.ts";
import type { BenchModule } from "./bench-module.ts";

/**
 * Bytes of snapshot history per paper-day after a simulated month of hourly refreshes (every weekday listing of
 * October 2026 captured every hour for two weeks, cut at the month's end), stored as changes only against one row
 * per capture, side by side in one run: the same synthetic captures imported both ways.
 */
async function run(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-storage-bench-"));
  try {
    const archive = writeSyntheticArchive(dir, {
      days: 22,
      end: "2026-10-30",
      captureHours: Array.from({ length: 14 * 24 }, (_, i) => i + 1),
      until: new Date("2026-10-31T23:59:59Z"),
    });
    const captures = archive.captures.length;
    const items = archive.captures.reduce((sum, c) => sum + c.items.length, 0);
    const engine = process.env.TEST_DATABASE_URL ? "Postgres" : "PGlite (in memory)";
    console.log(
      `${captures} captures of ${archive.papers.length} papers (${items} paper captures), on ${engine}`,
    );
    const measured: Record<SnapshotMode, Storage> = {
      "every-capture": await measure(dir, "every-capture"),
      changes: await measure(dir, "changes"),
    };
    for (const mode of ["every-capture", "changes"] as const) {
      const m = measured[mode];
      console.log(
        `${(mode === "changes" ? "changes only" : "one row per capture").padEnd(20)} ${String(m.rows).padStart(7)} rows, ` +
          `${(m.bytes / 2 ** 20).toFixed(2).padStart(6)} MB (table and indexes), ` +
          `${Math.round(m.bytes / m.paperDays)
            .toLocaleString("en")
            .padStart(6)} bytes per paper-day ` +
          `(${m.paperDays.toFixed(0)} paper-days of history)`,
      );
    }
    const full = measured["every-capture"];
    const changes = measured.changes;
    console.log(
      `changes only: ${(full.rows / changes.rows).toFixed(1)}x fewer rows, ` +
        `${(full.bytes / changes.bytes).toFixed(1)}x fewer bytes per paper-day`,
    );
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Storage = { rows: number; bytes: number; paperDays: number };

async function measure(dir: string, snapshots: SnapshotMode): Promise<Storage> {
  const handle: DbHandle = process.env.TEST_DATABASE_URL
    ? await openServerDb()
    : await createDb({ dataDir: "memory", databaseUrl: undefined });
  try {
    const summary = await importPaths(handle.db, [dir], {
      command: `storage bench (${snapshots})`,
      snapshots,
    });
    if (summary.status !== "succeeded") throw new Error(`import ${summary.status}: ${summary.error}`);
    return await readStorage(handle.db);
  } finally {
    await handle.close();
  }
}

/** Rows and bytes (heap and indexes, after VACUUM) of the snapshots, and the paper-days of history they cover. */
async function readStorage(db: Db): Promise<Storage> {
  await db.execute(sql`vacuum (analyze) paper_snapshots`);
  const [row] = await selectRows<{ rows: string | number; bytes: string | number; days: string | number }>(
    db,
    sql`select (select count(*) from paper_snapshots) as rows,
          pg_total_relation_size('paper_snapshots') as bytes,
          (select sum(extract(epoch from (coalesce(p.confirmed_at, s.last_at) - s.first_at)) / 86400.0)
           from papers p join (select paper_id, min(captured_at) as first_at, max(captured_at) as last_at
                               from paper_snapshots group by paper_id) s on s.paper_id = p.id) as days`,
  );
  return { rows: Number(row?.rows ?? 0), bytes: Number(row?.bytes ?? 0), paperDays: Number(row?.days ?? 0) };
}

export const storageBench: BenchModule = { name: "storage", run };
