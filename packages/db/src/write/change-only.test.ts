import { sql } from "drizzle-orm";
import fc from "fast-check";
import { expect, it } from "vitest";
import { capturedPaper, describeEachDatabase } from "../../testing/index.ts";
import { listPaperSnapshots } from "../queries/list-paper-snapshots.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import type { Capture, CapturedPaper } from "./capture.ts";
import { finishRun, startRun } from "./runs.ts";
import { type SnapshotMode, saveCapture } from "./save-capture.ts";

const paper = capturedPaper;

const hour = (h: number) => new Date(Date.UTC(2025, 9, 2, 8) + h * 3_600_000);

function capture(h: number, papers: CapturedPaper[]): Capture {
  return { capturedAt: hour(h), listingDate: null, papers };
}

async function store(db: Db, captures: Capture[], snapshots: SnapshotMode = "changes") {
  const run = await startRun(db, { trigger: "cli", command: "test", plan: {} });
  const results = [];
  for (const [index, c] of captures.entries()) {
    results.push(
      await saveCapture(db, {
        runId: run.id,
        page: { url: `file:///c${index}.json`, kind: "file" },
        capture: c,
        snapshots,
      }),
    );
  }
  await finishRun(db, run.id, { status: "succeeded" });
  return results;
}

async function clear(db: Db) {
  await db.execute(
    sql`truncate paper_snapshots, paper_authors, paper_texts, papers, organizations, scrape_pages, scrape_runs,
      daily_stats, period_stats, topic_day_stats, org_stats cascade`,
  );
}

async function history(db: Db, id: string) {
  const rows = await selectRows<{ captured_at: string | Date; upvotes: number }>(
    db,
    sql`select captured_at, upvotes from paper_snapshots where paper_id = ${id} order by captured_at`,
  );
  return rows.map((row) => [new Date(row.captured_at).toISOString(), row.upvotes]);
}

async function confirmedAt(db: Db, id: string): Promise<string | null> {
  const [row] = await selectRows<{ confirmed_at: string | Date | null }>(
    db,
    sql`select confirmed_at from papers where id = ${id}`,
  );
  return row?.confirmed_at ? new Date(row.confirmed_at).toISOString() : null;
}

/** Every page and run counts exactly the snapshot rows that exist for it. */
async function expectCountersMatchRows(db: Db) {
  const pages = await selectRows<{ snapshots: number; stored: number }>(
    db,
    sql`select p.snapshots, (select count(*)::int from paper_snapshots s where s.page_id = p.id) as stored
        from scrape_pages p`,
  );
  for (const page of pages) expect(page.stored).toBe(page.snapshots);
  const runs = await selectRows<{ snapshots: number; stored: number }>(
    db,
    sql`select r.snapshots, (select count(*)::int from paper_snapshots s where s.run_id = r.id) as stored
        from scrape_runs r`,
  );
  for (const run of runs) expect(run.stored).toBe(run.snapshots);
}

describeEachDatabase("change-only snapshots", (getDb) => {
  it("writes a snapshot only when a value changes, and moves confirmed_at on the repeats", async () => {
    const db = getDb();
    await clear(db);
    const results = await store(db, [
      capture(0, [paper("2510.00001", 3)]),
      capture(1, [paper("2510.00001", 3)]),
      capture(2, [paper("2510.00001", 5)]),
      capture(3, [paper("2510.00001", 5)]),
      capture(4, [paper("2510.00001", 5, { rank: 2 })]),
      capture(5, [paper("2510.00001", 5, { rank: 2 })]),
    ]);
    expect(results.map((r) => r.snapshots)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(await history(db, "2510.00001")).toEqual([
      [hour(0).toISOString(), 3],
      [hour(2).toISOString(), 5],
      [hour(4).toISOString(), 5],
    ]);
    expect(await confirmedAt(db, "2510.00001")).toBe(hour(5).toISOString());
    // The history as read: the changes, then the last confirmed capture with the latest values.
    expect(
      (await listPaperSnapshots(db, "2510.00001")).map((s) => [s.capturedAt.toISOString(), s.upvotes]),
    ).toEqual([
      [hour(0).toISOString(), 3],
      [hour(2).toISOString(), 5],
      [hour(4).toISOString(), 5],
      [hour(5).toISOString(), 5],
    ]);
    await expectCountersMatchRows(db);
  });

  it("keeps every capture with every-capture, as the store did before", async () => {
    const db = getDb();
    await clear(db);
    const results = await store(
      db,
      [0, 1, 2].map((h) => capture(h, [paper("2510.00002", 7)])),
      "every-capture",
    );
    expect(results.map((r) => r.snapshots)).toEqual([1, 1, 1]);
  });

  it("fits a late capture into the history: a repeat of the one before is dropped, a change goes in and the next one goes if it now repeats", async () => {
    const db = getDb();
    await clear(db);
    await store(db, [capture(0, [paper("2510.00003", 1)]), capture(6, [paper("2510.00003", 4)])]);
    // Hour 2 repeats hour 0: nothing new.
    await store(db, [capture(2, [paper("2510.00003", 1)])]);
    expect(await history(db, "2510.00003")).toEqual([
      [hour(0).toISOString(), 1],
      [hour(6).toISOString(), 4],
    ]);
    // Hour 4 already had the value of hour 6: it goes in, hour 6 (now a repeat) goes, confirmed stays at 6.
    await store(db, [capture(4, [paper("2510.00003", 4)])]);
    expect(await history(db, "2510.00003")).toEqual([
      [hour(0).toISOString(), 1],
      [hour(4).toISOString(), 4],
    ]);
    expect(await confirmedAt(db, "2510.00003")).toBe(hour(6).toISOString());
    await expectCountersMatchRows(db);
  });

  it("ends with the same history whatever order the captures arrive in, for counts that only grow (property)", async () => {
    // Counts only grow (a late capture then lies between its neighbours' values): repeats come out the same in
    // any order. Values that go back and forth can fit in only as well as the stored changes allow (see
    // appendSnapshotsStatement).
    const db = getDb();
    const values = [2, 2, 5, 5, 5, 7, 7, 9];
    const captures = values.map((upvotes, h) =>
      capture(h, [paper("2510.00004", upvotes, { comments: h > 4 ? 1 : 0 }), paper("2510.00005", 9)]),
    );
    await clear(db);
    await store(db, captures);
    const inOrder = {
      a: await history(db, "2510.00004"),
      b: await history(db, "2510.00005"),
      confirmed: await confirmedAt(db, "2510.00004"),
    };
    expect(inOrder.a.map(([, upvotes]) => upvotes)).toEqual([2, 5, 7, 9]);
    expect(inOrder.b).toHaveLength(1);
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(captures, { minLength: captures.length, maxLength: captures.length }),
        async (order) => {
          await clear(db);
          await store(db, order);
          expect({
            a: await history(db, "2510.00004"),
            b: await history(db, "2510.00005"),
            confirmed: await confirmedAt(db, "2510.00004"),
          }).toEqual(inOrder);
          await expectCountersMatchRows(db);
        },
      ),
      { numRuns: 10 },
    );
  });
});
