import { paperSnapshots, papers } from "@paperpulse/schema";
import { and, asc, gt, sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { confirmedRow, type PaperSnapshot } from "./list-paper-snapshots.ts";

/**
 * The history of every paper matching the filters, by paper id then capture time, in constant memory. Each paper's
 * changes are followed by its last confirmed capture when that came later (see listPaperSnapshots).
 */
export async function* listSnapshotsForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number; papersPerChunk?: number } = {},
): AsyncGenerator<PaperSnapshot[]> {
  // The last snapshot seen of the paper the previous batch ended on: its closing row comes once the paper ends.
  let open: { last: PaperSnapshot; confirmedAt: Date | null } | undefined;
  for await (const rows of listSnapshotRows(db, filters, options)) {
    const confirmed = await readConfirmed(db, rows);
    const out: PaperSnapshot[] = [];
    for (const row of rows) {
      if (open && open.last.paperId !== row.paperId) {
        const closing = confirmedRow(open.last, open.confirmedAt);
        if (closing) out.push(closing);
      }
      out.push(row);
      open = { last: row, confirmedAt: confirmed.get(row.paperId) ?? null };
    }
    if (out.length > 0) yield out;
  }
  const closing = open ? confirmedRow(open.last, open.confirmedAt) : null;
  if (closing) yield [closing];
}

/**
 * The stored snapshots of the matching papers, in order. The papers are found first, a chunk of ids at a time in id
 * order, then their snapshots in keyset batches over the (paper_id, captured_at) index: walking the whole index
 * and dropping the snapshots of other papers would read ten million rows to export one organisation's.
 */
async function* listSnapshotRows(
  db: Db,
  filters: Filters,
  options: { batchSize?: number; papersPerChunk?: number },
): AsyncGenerator<PaperSnapshot[]> {
  const batchSize = options.batchSize ?? 2000;
  const papersPerChunk = options.papersPerChunk ?? 200;
  let afterId: string | undefined;
  for (;;) {
    const chunk = await db
      .select({ id: papers.id })
      .from(papers)
      .where(and(papersWhere(filters), afterId === undefined ? undefined : gt(papers.id, afterId)))
      .orderBy(asc(papers.id))
      .limit(papersPerChunk);
    let ids = chunk.map((row) => row.id);
    let after: { paperId: string; capturedAt: Date } | undefined;
    while (ids.length > 0) {
      // The papers from the one the last batch ended in: that one's snapshots after where it stopped, the others'
      // all. (A row comparison beside the list of ids makes Postgres walk the index far past the batch.)
      const rows: PaperSnapshot[] = await db
        .select({
          paperId: paperSnapshots.paperId,
          capturedAt: paperSnapshots.capturedAt,
          upvotes: paperSnapshots.upvotes,
          comments: paperSnapshots.comments,
        })
        .from(paperSnapshots)
        .where(
          and(
            sql`${paperSnapshots.paperId} = any(${textArray(ids)})`,
            after
              ? sql`(${paperSnapshots.paperId} <> ${after.paperId} or ${paperSnapshots.capturedAt} > ${after.capturedAt.toISOString()}::timestamptz)`
              : undefined,
          ),
        )
        .orderBy(asc(paperSnapshots.paperId), asc(paperSnapshots.capturedAt))
        .limit(batchSize);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) break;
      after = { paperId: last.paperId, capturedAt: last.capturedAt };
      ids = ids.slice(ids.indexOf(last.paperId));
    }
    const lastId = chunk.at(-1)?.id;
    if (lastId === undefined || chunk.length < papersPerChunk) return;
    afterId = lastId;
  }
}

/** The confirmed_at of the papers of a batch, in one lookup by key. */
async function readConfirmed(db: Db, rows: PaperSnapshot[]): Promise<Map<string, Date>> {
  if (rows.length === 0) return new Map();
  const ids = [...new Set(rows.map((row) => row.paperId))];
  const found = await selectRows<{ id: string; confirmed_at: string | Date }>(
    db,
    sql`select id, confirmed_at from papers where id = any(${textArray(ids)}) and confirmed_at is not null`,
  );
  return new Map(found.map((row) => [row.id, new Date(row.confirmed_at)]));
}
