import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type PaperSnapshot = {
  paperId: string;
  capturedAt: Date;
  upvotes: number;
  comments: number;
};

/**
 * One paper's history in time order: each change of its values, then, when a later capture confirmed the latest
 * values, that capture with them (snapshots keep changes only; values hold until the next one).
 */
export async function listPaperSnapshots(db: Db, paperId: string): Promise<PaperSnapshot[]> {
  const rows = await selectRows<{
    paper_id: string;
    captured_at: string | Date;
    upvotes: number;
    comments: number;
  }>(
    db,
    sql`with own as (
          select paper_id, captured_at, upvotes, comments, id,
            row_number() over (order by captured_at desc, id desc) = 1 as latest
          from paper_snapshots where paper_id = ${paperId}
        )
        select paper_id, captured_at, upvotes, comments, id from own
        union all
        select own.paper_id, p.confirmed_at, own.upvotes, own.comments, own.id
        from own join papers p on p.id = own.paper_id
        where own.latest and p.confirmed_at > own.captured_at
        order by captured_at, id`,
  );
  return rows.map((row) => ({
    paperId: row.paper_id,
    capturedAt: new Date(row.captured_at),
    upvotes: row.upvotes,
    comments: row.comments,
  }));
}

/**
 * The row that closes a paper's history when a capture after its last snapshot confirmed its values, else null.
 */
export function confirmedRow(last: PaperSnapshot, confirmedAt: Date | null): PaperSnapshot | null {
  if (!confirmedAt || confirmedAt.getTime() <= last.capturedAt.getTime()) return null;
  return { ...last, capturedAt: confirmedAt };
}
