import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  compactSnapshots,
  type Db,
  type DbHandle,
  getPaperCurves,
  listSnapshotsForExport,
  type PaperSnapshot,
  selectRows,
} from "@paperpulse/db";
import {
  describeOnServer,
  describeWithFixtures,
  hfFixture,
  openMemoryDb,
  openServerDb,
} from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticArchive } from "../../testing/synthetic-archive.ts";
import { importPaths } from "./import-paths.ts";

// Change-only snapshots against one row per capture, the storage before them: the same captures stored both ways
// must tell the same story. Every stored change is a capture of the full history, and every capture's values are
// those of the latest change at or before it ("values hold until they change"); first and last (confirmed) times
// agree; hours to 50% and 90% agree exactly; so do the exports and the day medians, read the same way.

type Point = { at: number; values: readonly number[] };

/** `compact` says the same as `full`: each of its points is one of full's, and full's values hold at every time. */
function expectSameStory(full: Point[], compact: Point[], what: string) {
  expect(compact.length, what).toBeGreaterThan(0);
  expect(compact[0], `${what}: first`).toEqual(full[0]);
  expect(compact.at(-1)?.at, `${what}: last time`).toBe(full.at(-1)?.at);
  const fullAt = new Map(full.map((p) => [p.at, p.values]));
  for (const point of compact) expect(fullAt.get(point.at), `${what} at ${point.at}`).toEqual(point.values);
  let i = 0;
  for (const point of full) {
    while (i + 1 < compact.length && (compact[i + 1]?.at ?? Infinity) <= point.at) i++;
    expect(compact[i]?.values, `${what}: held at ${point.at}`).toEqual(point.values);
  }
}

async function exportHistory(db: Db): Promise<Map<string, Point[]>> {
  const byPaper = new Map<string, Point[]>();
  for await (const batch of listSnapshotsForExport(db, { orgs: [] }, { batchSize: 500 })) {
    for (const row of batch as PaperSnapshot[]) {
      const points = byPaper.get(row.paperId) ?? [];
      points.push({ at: row.capturedAt.getTime(), values: [row.upvotes, row.comments] });
      byPaper.set(row.paperId, points);
    }
  }
  return byPaper;
}

async function countSnapshots(db: Db): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(db, sql`select count(*) as n from paper_snapshots`);
  return Number(row?.n ?? 0);
}

async function snapshotTable(db: Db) {
  return selectRows<{ paper_id: string; at: string; upvotes: number; comments: number; rank: number | null }>(
    db,
    sql`select paper_id, to_char(captured_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at, upvotes,
          comments, rank from paper_snapshots order by paper_id, captured_at`,
  );
}

async function confirmedTimes(db: Db) {
  return selectRows<{ id: string; at: string | null }>(
    db,
    sql`select id, to_char(confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') as at from papers order by id`,
  );
}

type Curves = Awaited<ReturnType<typeof getPaperCurves>>;

/** One paper's curves, hours to 50/90% and day median, from the full history (a) and the compact one (b). */
function expectSameCurves(a: Curves, b: Curves, id: string) {
  const curve = (points: Curves["points"]) =>
    points.map((p) => ({ at: Math.round(p.hours * 3_600_000), values: [p.upvotes, p.comments] }));
  expectSameStory(curve(a.points), curve(b.points), `curve of ${id}`);
  expect([b.hoursTo50, b.hoursTo90], `hours to 50/90% of ${id}`).toEqual([a.hoursTo50, a.hoursTo90]);
  // Captures are counted from the listing pages as well as the snapshots: dropping unchanged snapshots loses none.
  expect([b.captures, b.gaps, b.enoughCaptures], `captures of ${id}`).toEqual([
    a.captures,
    a.gaps,
    a.enoughCaptures,
  ]);
  const median = (points: Curves["median"]) =>
    points.map((p) => ({ at: p.hours, values: [p.upvotes, p.comments, p.papers] }));
  expectSameStory(median(a.median), median(b.median), `median of ${id}'s day`);
  expect(b.dayPapers).toBe(a.dayPapers);
}

/** Curves, hours to 50/90% and medians of the given papers, both ways. */
async function compareCurves(full: Db, compact: Db, ids: string[]) {
  for (const id of ids)
    expectSameCurves(await getPaperCurves(full, id), await getPaperCurves(compact, id), id);
}

async function compareExports(full: Db, compact: Db) {
  const a = await exportHistory(full);
  const b = await exportHistory(compact);
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  for (const [id, points] of a) expectSameStory(points, b.get(id) ?? [], `export of ${id}`);
}

describe("change-only snapshots on a simulated month of hourly refreshes", () => {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-hourly-"));
  // Eight weekdays, each listing captured every hour for two weeks (as the hourly refresh does), cut at the end.
  const archive = writeSyntheticArchive(dir, {
    days: 8,
    papersPerDay: [6, 10],
    end: "2026-10-30",
    captureHours: Array.from({ length: 336 }, (_, i) => i + 1),
    until: new Date("2026-10-31T00:00:00Z"),
  });
  const handles: DbHandle[] = [];
  let full: Db;
  let compact: Db;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) handles.push(await openMemoryDb());
    [full, compact] = handles.map((h) => h.db) as [Db, Db];
    const a = await importPaths(full, [dir], { command: "every capture", snapshots: "every-capture" });
    const b = await importPaths(compact, [dir], { command: "changes only" });
    expect([a.status, b.status]).toEqual(["succeeded", "succeeded"]);
  }, 300_000);

  afterAll(async () => {
    for (const handle of handles) await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores at least 5 times fewer snapshot rows", async () => {
    const items = archive.captures.reduce((sum, c) => sum + c.items.length, 0);
    expect(await countSnapshots(full)).toBe(items);
    const rows = await countSnapshots(compact);
    expect(rows * 5).toBeLessThanOrEqual(items);
  });

  it("tells the same story in curves, hours to 50/90%, medians and exports", async () => {
    await compareCurves(
      full,
      compact,
      archive.papers.filter((_, i) => i % 3 === 0).map((p) => p.id),
    );
    await compareExports(full, compact);
  }, 120_000);

  it("compacts the one-row-per-capture database into exactly what change-only storage holds, resumably", async () => {
    const before = await countSnapshots(full);
    const dry = await compactSnapshots(full, { dryRun: true, batchPapers: 7 });
    expect(await countSnapshots(full)).toBe(before);
    expect(dry.removed).toBe(before - (await countSnapshots(compact)));
    // Stopped after the first batches (as an interrupted run would be): the next run resumes where it stopped.
    const ids = archive.papers.map((p) => p.id).sort();
    const stoppedAt = ids[20] ?? "";
    await full.execute(sql`update data_state set compacted_through = ${stoppedAt} where id = 1`);
    const resumed = await compactSnapshots(full, { batchPapers: 7 });
    expect(resumed.resumedAfter).toBe(stoppedAt);
    expect(resumed.papers).toBe(ids.length - 21);
    const rest = await compactSnapshots(full, { batchPapers: 7 });
    expect(rest.resumedAfter).toBeNull();
    expect(resumed.removed + rest.removed).toBe(dry.removed);
    expect(await snapshotTable(full)).toEqual(await snapshotTable(compact));
    expect(await confirmedTimes(full)).toEqual(await confirmedTimes(compact));
    const counters = await selectRows<{ snapshots: number; stored: number }>(
      full,
      sql`select r.snapshots, (select count(*)::int from paper_snapshots s where s.run_id = r.id) as stored
          from scrape_runs r`,
    );
    for (const run of counters) expect(run.stored).toBe(run.snapshots);
    const again = await compactSnapshots(full, { dryRun: true });
    expect(again.removed).toBe(0);
  }, 120_000);
});

describeWithFixtures("change-only snapshots on the recorded archive", () => {
  describeOnServer("[postgres]", () => {
    let handle: DbHandle;
    let ids: string[] = [];

    beforeAll(async () => {
      const dir = hfFixture("archive");
      const file = join(dir, readdirSync(dir).find((name) => name.endsWith(".tar.gz")) ?? "");
      handle = await openServerDb();
      // The archive as recorded, then captured again a day after its last file: every paper seen twice, most
      // with the same counts. Stored a row per capture, as before change-only snapshots.
      const later = new Date("2026-08-23T00:00:00Z");
      for (const capturedAt of [undefined, later]) {
        const summary = await importPaths(handle.db, [file], {
          snapshots: "every-capture",
          ...(capturedAt ? { capturedAt } : {}),
        });
        expect(summary.status).toBe("succeeded");
      }
      const rows = await selectRows<{ id: string }>(handle.db, sql`select id from papers order by id`);
      ids = rows.map((row) => row.id).filter((_, i) => i % 97 === 0);
    }, 300_000);

    afterAll(async () => {
      await handle?.close();
    });

    it("compacts to fewer rows telling the same story in curves, hours to 50/90%, medians and exports", async () => {
      const db = handle.db;
      const curves = new Map<string, Curves>();
      for (const id of ids) curves.set(id, await getPaperCurves(db, id));
      const exported = await exportHistory(db);
      const before = await countSnapshots(db);
      const summary = await compactSnapshots(db);
      expect(summary.removed).toBeGreaterThan(0);
      expect(await countSnapshots(db)).toBe(before - summary.removed);
      expect(ids.length).toBeGreaterThan(50);
      for (const id of ids) {
        const full = curves.get(id);
        expect(full, id).toBeDefined();
        if (full) expectSameCurves(full, await getPaperCurves(db, id), id);
      }
      const after = await exportHistory(db);
      expect([...after.keys()].sort()).toEqual([...exported.keys()].sort());
      for (const [id, points] of exported) expectSameStory(points, after.get(id) ?? [], `export of ${id}`);
    }, 300_000);
  });
});
