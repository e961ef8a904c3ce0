import { type SQL, sql } from "drizzle-orm";
import { bumpDataVersionStatement } from "../aggregates/data-version.ts";
import { aggregateStatements } from "../aggregates/refresh-aggregates.ts";
import { rowsOf } from "../rows.ts";
import { paperTopicsStatement } from "../topics/save-paper-topics.ts";
import type { Db, DbOrTx } from "../types.ts";
import { appendSnapshotsStatement, type SnapshotMode } from "./append-snapshots.ts";
import type { Capture } from "./capture.ts";
import { sendAll } from "./send-all.ts";
import {
  placesBeforeStatement,
  replaceAuthorsStatements,
  type UpsertedPaper,
  upsertOrganizationsStatement,
  upsertPapersStatement,
} from "./store-papers.ts";
import { upsertTextsStatement } from "./upsert-texts.ts";

export type { SnapshotMode } from "./append-snapshots.ts";

export type PageInfo = {
  url: string;
  kind: "page" | "api" | "file";
  statusCode?: number | null;
  durationMs?: number | null;
  bytes?: number | null;
  contentHash?: string | null;
  rendered?: boolean;
};

export type SaveResult = {
  pageId: number;
  items: number;
  newPapers: number;
  snapshots: number;
  /** The papers that got a snapshot from this capture. */
  snapshotted: string[];
};

type CaptureInput = {
  runId: number;
  page: PageInfo;
  capture: Capture;
  /**
   * Papers that already have a snapshot from this run: a listing that repeats them (a weekend day shows the last
   * weekday's papers) updates them but adds no second snapshot seconds after the first.
   */
  snapshotted?: ReadonlySet<string>;
  /** `changes` (default): a capture equal to the latest snapshot adds none. */
  snapshots?: SnapshotMode;
};

/**
 * Stores one capture in one transaction: organisations, papers, their texts and authors upserted, a snapshot
 * appended for each paper whose values changed (see appendSnapshotsStatement), the aggregates of the days and
 * organisations it touched recomputed, the page recorded and the run's counters advanced. Storing the same capture
 * again writes no new paper, organisation or snapshot. Captures may arrive out of time order: the newest capture's
 * values win.
 */
export async function saveCapture(db: Db, input: CaptureInput): Promise<SaveResult> {
  const [result] = await saveCaptures(db, [input]);
  if (!result) throw new Error("storing the capture returned nothing");
  return result;
}

/**
 * Stores several captures, in order, in one transaction, as saveCapture stores each, with the aggregates of all of
 * them recomputed once at the end: an import stores its files in batches, and recomputing a month's figures once
 * per batch instead of once per file is most of what it saves. All of them are stored or none.
 */
export async function saveCaptures(db: Db, inputs: readonly CaptureInput[]): Promise<SaveResult[]> {
  return db.transaction(async (tx) => {
    const results: SaveResult[] = [];
    const days = new Set<string>();
    const orgs = new Set<string>();
    let papersWritten = 0;
    const pending: Promise<void>[] = [];
    for (const input of inputs) {
      let written: Awaited<ReturnType<typeof writeCapture>>;
      try {
        written = await writeCapture(tx, input);
      } catch (error) {
        // A capture still finishing may have failed first and aborted the transaction: its error is the cause.
        for (const done of pending) await done;
        throw error;
      }
      pending.push(written.done);
      results.push(written.result);
      for (const day of written.days) days.add(day);
      for (const org of written.orgs) orgs.add(org);
      papersWritten += written.result.items;
    }
    for (const done of pending) await done;
    if (papersWritten > 0) {
      await sendAll(tx, [
        ...aggregateStatements({ days: [...days], orgs: [...orgs] }),
        bumpDataVersionStatement(papersWritten),
      ]);
    }
    return results;
  });
}

/**
 * Everything of one capture but the aggregates, in two round trips whatever the page holds: the page row, what
 * the papers were before, the organisations, texts and papers; then authors, topics, snapshots and counters, sent
 * at once and finished by `done`. Returns the days and organisations whose aggregates it changed.
 */
async function writeCapture(
  tx: DbOrTx,
  input: CaptureInput,
): Promise<{ result: SaveResult; days: string[]; orgs: string[]; done: Promise<void> }> {
  const { runId, page, capture } = input;
  const papers = dedupeById(capture.papers);
  const ids = papers.map((p) => p.id);
  const pageStatement = insertPageStatement(runId, page, capture, papers.length);
  if (papers.length === 0) {
    const [pageRows] = await sendAll(tx, [pageStatement, countPageStatement(runId, 0)]);
    const result: SaveResult = {
      pageId: pageIdOf(pageRows),
      items: 0,
      newPapers: 0,
      snapshots: 0,
      snapshotted: [],
    };
    return { result, days: [], orgs: [], done: Promise.resolve() };
  }
  const snapshotted = input.snapshotted;
  const fresh = snapshotted ? papers.filter((p) => !snapshotted.has(p.id)) : papers;
  const written = await sendAll(
    tx,
    [
      pageStatement,
      placesBeforeStatement(ids),
      upsertOrganizationsStatement(papers, capture.capturedAt),
      // Texts first: they merge on the papers' last_seen_at as it was before this capture.
      upsertTextsStatement(papers, capture.capturedAt),
      upsertPapersStatement(papers, capture, new Set(fresh.map((p) => p.id))),
    ].filter((statement): statement is SQL => statement !== null),
  );
  const [pageRows, beforeRows] = written;
  const pageId = pageIdOf(pageRows);
  const result: SaveResult = { pageId, items: papers.length, newPapers: 0, snapshots: 0, snapshotted: [] };
  const upserted = rowsOf<UpsertedPaper>(written.at(-1));
  const inserted = new Set(upserted.filter((row) => row.inserted).map((row) => row.id));
  const newest = new Set(upserted.filter((row) => row.newest).map((row) => row.id));
  result.newPapers = inserted.size;
  const ofNewest = papers.filter((p) => newest.has(p.id));
  const topics = paperTopicsStatement(ofNewest, { insertedIds: inserted });
  const snapshotStatement = appendSnapshotsStatement({
    items: fresh,
    capturedAt: capture.capturedAt,
    runId,
    pageId,
    inserted,
    newPapers: result.newPapers,
    itemCount: papers.length,
    mode: input.snapshots ?? "changes",
  });
  // Not waited for here: nothing the next capture sends depends on these answers, so the server runs them while
  // the next capture's statements are prepared (the server keeps the order; the caller awaits `done`).
  const done = sendAll(tx, [
    ...replaceAuthorsStatements(ofNewest, inserted),
    ...(topics ? [topics] : []),
    ...(capture.trending ? [trendingEntriesStatement(pageId, papers)] : []),
    snapshotStatement,
  ]).then((results) => {
    result.snapshotted = rowsOf<{ paper_id: string }>(results.at(-1)).map((row) => row.paper_id);
    result.snapshots = result.snapshotted.length;
  });
  // A failure surfaces where `done` is awaited; until then it must not count as unhandled.
  done.catch(() => {});
  const before = rowsOf<{ daily_date: string; organization_name: string | null }>(beforeRows);
  return {
    result,
    days: unique([...before.map((row) => row.daily_date), ...upserted.map((row) => row.daily_date)]),
    orgs: unique([...before.map((row) => row.organization_name), ...upserted.map((row) => row.organization)]),
    done,
  };
}

function pageIdOf(rows: unknown): number {
  const pageId = rowsOf<{ id: number }>(rows)[0]?.id;
  if (pageId === undefined) throw new Error("inserting the page record returned nothing");
  return pageId;
}

function insertPageStatement(runId: number, page: PageInfo, capture: Capture, items: number): SQL {
  return sql`insert into scrape_pages (run_id, url, kind, listing_date, listing_end, captured_at, status_code,
      duration_ms, bytes, content_hash, rendered, items)
    values (${runId}, ${page.url}, ${page.kind}, ${capture.listingDate}::date, ${capture.listingEnd ?? null}::date,
      ${capture.capturedAt.toISOString()}::timestamptz, ${page.statusCode ?? null}::int,
      ${page.durationMs ?? null}::int, ${page.bytes ?? null}::int, ${page.contentHash ?? null}::text,
      ${page.rendered ?? false}, ${items})
    returning id`;
}

/** The trending listing's order, as captured: each paper at its place in the listing. */
function trendingEntriesStatement(pageId: number, papers: readonly Capture["papers"][number][]): SQL {
  const rows = JSON.stringify(papers.map((paper) => ({ position: paper.rank, id: paper.id })));
  return sql`insert into trending_entries (page_id, position, paper_id)
    select ${pageId}, x.position, x.id from json_to_recordset(${rows}::json) as x(position int, id text)
    on conflict do nothing`;
}

/** The run's counters for a page that held no papers. */
function countPageStatement(runId: number, items: number): SQL {
  return sql`update scrape_runs set pages_total = pages_total + 1, items = items + ${items}, heartbeat_at = now()
    where id = ${runId}`;
}

/** The same paper twice in one listing (or a weekend repeat inside one response) counts once: first wins. */
export function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

function unique<T>(values: readonly T[]): Exclude<T, null>[] {
  return [...new Set(values)].filter((value): value is Exclude<T, null> => value !== null);
}
