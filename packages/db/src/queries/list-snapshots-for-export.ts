import { paperSnapshots, papers } from "@paperpulse/schema";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import type { PaperSnapshot } from "./list-paper-snapshots.ts";

/**
 * The snapshots of every paper matching the filters, by paper id then capture time, in keyset batches over the
 * (paper_id, captured_at) unique index: the whole history streams in constant memory.
 */
export async function* listSnapshotsForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number } = {},
): AsyncGenerator<PaperSnapshot[]> {
  const batchSize = options.batchSize ?? 2000;
  let after: { paperId: string; capturedAt: Date } | undefined;
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
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { paperId: last.paperId, capturedAt: last.capturedAt };
  }
}
