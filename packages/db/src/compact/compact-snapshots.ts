import { sql } from "drizzle-orm";
import { bumpDataVersionStatement } from "../aggregates/data-version.ts";
import { tidyAfterRun } from "../maintain.ts";
import { rowsOf, selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { sendAll } from "../write/send-all.ts";

export type CompactOptions = {
  /** Count what would go without removing anything (and without moving where a compaction resumes). */
  dryRun?: boolean;
  /** Papers per transaction. */
  batchPapers?: number;
  onProgress?: (progress: CompactProgress) => void;
};

export type CompactProgress = { papers: number; totalPapers: number; removed: number };

export type CompactSummary = {
  dryRun: boolean;
  /** The paper id this run started after (an interrupted compaction resumes there), or null from the start. */
  resumedAfter: string | null;
  papers: number;
  snapshotsBefore: number;
  /** Snapshots that repeat the one before them: removed, or with dryRun, that would be. */
  removed: number;
  /** The share of the snapshots table's bytes those rows take, estimated from the average row. */
  bytesFreed: number;
};

const DEFAULT_BATCH = 500;

/**
 * Rewrites a database filled with one snapshot per capture to the change-only history the store now keeps: a
 * snapshot whose upvotes, comments, stars and rank equal the one before it goes, and the paper's confirmed_at
 * takes its last capture time, so curves, exports and medians say the same (values hold until they change).
 *
 * Papers are done in id order, a batch per transaction, each recording where it got to: interrupted, the next run
 * resumes after the last batch that committed; nothing is ever half done. Page and run counters drop by the rows
 * removed from them, so they still count the rows that exist.
 */
export async function compactSnapshots(db: Db, options: CompactOptions = {}): Promise<CompactSummary> {
  const batch = options.batchPapers ?? DEFAULT_BATCH;
  const dryRun = options.dryRun ?? false;
  const [state] = await selectRows<{
    through: string | null;
    papers: string | number;
    snapshots: string | number;
  }>(
    db,
    sql`select (select compacted_through from data_state where id = 1) as through,
          (select count(*) from papers) as papers, (select count(*) from paper_snapshots) as snapshots`,
  );
  const resumedAfter = state?.through ?? null;
  const totalPapers = Number(state?.papers ?? 0);
  const summary: CompactSummary = {
    dryRun,
    resumedAfter,
    papers: 0,
    snapshotsBefore: Number(state?.snapshots ?? 0),
    removed: 0,
    bytesFreed: 0,
  };
  let cursor = resumedAfter ?? "";
  for (;;) {
    const step = dryRun ? await countBatch(db, cursor, batch) : await compactBatch(db, cursor, batch);
    if (step.lastId === null) break;
    cursor = step.lastId;
    summary.papers += step.papers;
    summary.removed += step.removed;
    options.onProgress?.({ papers: summary.papers, totalPapers, removed: summary.removed });
  }
  summary.bytesFreed = await estimateBytes(db, summary.removed, summary.snapshotsBefore);
  if (!dryRun) {
    await db.execute(sql`update data_state set compacted_through = null where id = 1`);
    // The space of the removed rows is reused once vacuumed: Postgres's autovacuum sees to it, an embedded
    // database is vacuumed now.
    if (summary.removed > 0) await tidyAfterRun(db, { force: true });
  }
  return summary;
}

type BatchResult = { lastId: string | null; papers: number; removed: number };

/** The snapshots of the next papers after `cursor`, each marked when it repeats the one before it. */
function markedSnapshots(cursor: string, batch: number) {
  return sql`chosen as (select id from papers where id > ${cursor} order by id limit ${batch}),
    marked as (
      select s.id, s.paper_id, s.captured_at, s.run_id, s.page_id,
        row_number() over w > 1
          and s.upvotes = lag(s.upvotes) over w and s.comments = lag(s.comments) over w
          and s.github_stars is not distinct from lag(s.github_stars) over w
          and s.rank is not distinct from lag(s.rank) over w as repeat
      from paper_snapshots s where s.paper_id in (select id from chosen)
      window w as (partition by s.paper_id order by s.captured_at, s.id)
    )`;
}

async function countBatch(db: Db, cursor: string, batch: number): Promise<BatchResult> {
  const [row] = await selectRows<{
    last_id: string | null;
    papers: string | number;
    removed: string | number;
  }>(
    db,
    sql`with ${markedSnapshots(cursor, batch)}
      select (select max(id) from chosen) as last_id, (select count(*) from chosen) as papers,
        (select count(*) from marked where repeat) as removed`,
  );
  return {
    lastId: row?.last_id ?? null,
    papers: Number(row?.papers ?? 0),
    removed: Number(row?.removed ?? 0),
  };
}

async function compactBatch(db: Db, cursor: string, batch: number): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const [result] = await sendAll(tx, [
      sql`with ${markedSnapshots(cursor, batch)},
        last_capture as (select paper_id, max(captured_at) as last_at from marked group by paper_id),
        confirmed as (
          update papers p set confirmed_at = greatest(p.confirmed_at, l.last_at)
          from last_capture l
          where p.id = l.paper_id and p.confirmed_at is distinct from greatest(p.confirmed_at, l.last_at)
        ),
        removed as (delete from paper_snapshots where id in (select id from marked where repeat) returning run_id, page_id),
        pages as (
          update scrape_pages p set snapshots = p.snapshots - r.n
          from (select page_id, count(*) as n from removed group by page_id) r where p.id = r.page_id
        ),
        runs as (
          update scrape_runs u set snapshots = u.snapshots - r.n
          from (select run_id, count(*) as n from removed group by run_id) r where u.id = r.run_id
        )
        select (select max(id) from chosen) as last_id, (select count(*) from chosen) as papers,
          (select count(*) from removed) as removed`,
    ]);
    const [row] = rowsOf<{ last_id: string | null; papers: string | number; removed: string | number }>(
      result,
    );
    const lastId = row?.last_id ?? null;
    const removed = Number(row?.removed ?? 0);
    if (lastId !== null) {
      await sendAll(tx, [
        sql`update data_state set compacted_through = ${lastId} where id = 1`,
        ...(removed > 0 ? [bumpDataVersionStatement()] : []),
      ]);
    }
    return { lastId, papers: Number(row?.papers ?? 0), removed };
  });
}

/** Bytes the removed rows took in the snapshots table and its indexes, by the average row. */
async function estimateBytes(db: Db, removed: number, rowsBefore: number): Promise<number> {
  if (removed === 0 || rowsBefore === 0) return 0;
  const [row] = await selectRows<{ bytes: string | number }>(
    db,
    sql`select pg_total_relation_size('paper_snapshots') as bytes`,
  );
  return Math.round((Number(row?.bytes ?? 0) / rowsBefore) * removed);
}
