import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import {
  type PaperSummary,
  type PaperSummaryRow,
  selectPaperSummary,
  toPaperSummary,
} from "./paper-summary.ts";

export type ThresholdCrossing = PaperSummary & {
  /** The first capture that saw the paper at or above the threshold. */
  crossedAt: Date;
};

/** How many of the most recently featured papers above the threshold are looked at for their crossing time. */
const candidates = 200;

/**
 * The papers matching the filters that reached `upvotes`, newest crossing first: when each was first captured at
 * or above it. Papers cross within days of being featured, so the crossings are looked for among the 200 most
 * recently featured papers above the threshold, each through its own snapshots in time order (an index range),
 * rather than across every snapshot stored.
 */
export async function listThresholdCrossings(
  db: Db,
  filters: Filters,
  options: { upvotes: number; limit: number },
): Promise<ThresholdCrossing[]> {
  const where = papersWhere({ ...filters, minUpvotes: Math.max(options.upvotes, filters.minUpvotes ?? 0) });
  const rows = await selectRows<PaperSummaryRow & { crossed_at: Date | string }>(
    db,
    sql`select ${selectPaperSummary("c")}, s.captured_at as crossed_at
        from (
          select papers.id, papers.title, papers.daily_date, papers.organization_name, papers.upvotes, papers.comments
          from papers
          ${where ? sql`where ${where}` : sql``}
          order by papers.daily_date desc, papers.id desc limit ${candidates}
        ) c
        cross join lateral (
          select captured_at from paper_snapshots s
          where s.paper_id = c.id and s.upvotes >= ${options.upvotes}
          order by s.captured_at limit 1
        ) s
        order by s.captured_at desc, c.id limit ${options.limit}`,
  );
  return rows.map((row) => ({ ...toPaperSummary(row), crossedAt: new Date(row.crossed_at) }));
}
