import { paperSnapshots, papers } from "@paperpulse/schema";
import { and, asc, eq, sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { confirmedRow, type PaperSnapshot } from "./list-paper-snapshots.ts";

/**
 * The history of every paper matching the filters, by paper id then capture time, in keyset batches over the
 * (paper_id, captured_at) unique index: the whole history streams in constant memory. Each paper's changes are
 * followed by its last confirmed capture when that came later (see listPaperSnapshots).
 */
export async function* listSnapshotsForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number } = {},
): AsyncGenerator<PaperSnapshot[]> {
  const batchSize = options.batchSize ?? 2000;
  let after: { paperId: string; capturedAt: Date } | undefined;
  // The last snapshot seen of the paper the previous batch ended on: its closing row comes once the paper ends.
  let open: { last: PaperSnapshot; confirmedAt: Date | null } | undefined;
  for (;;) {
    const rows: PaperSnapshot[] = await db
      .select({
        paperId: paperSnapshots.paperId,
        capturedAt: paperSnapshots.capturedAt,
        upvotes: paperSnapshots.upvotes,
        comments: paperSnapshots.comments,
      })
      .from(paperSnapshots)
      .innerJoin(papers, eq(papers.id, paperSnapshots.paperId))
      .where(
        and(
          papersWhere(filters),
          after
            ? sql`(${paperSnapshots.paperId}, ${paperSnapshots.capturedAt}) > (${after.paperId}, ${after.capturedAt.toISOString()}::timestamptz)`
            : undefined,
        ),
      )
      .orderBy(asc(paperSnapshots.paperId), asc(paperSnapshots.capturedAt))
      .limit(batchSize);
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
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) {
      const closing = open ? confirmedRow(open.last, open.confirmedAt) : null;
      if (closing) out.push(closing);
      if (out.length > 0) yield out;
      return;
    }
    if (out.length > 0) yield out;
    after = { paperId: last.paperId, capturedAt: last.capturedAt };
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
