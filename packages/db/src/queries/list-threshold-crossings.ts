import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

export type ThresholdCrossing = {
  id: string;
  title: string;
  dailyDate: string;
  organization: string | null;
  upvotes: number;
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
  const rows = await selectRows<{
    id: string;
    title: string;
    daily_date: string;
    organization: string | null;
    upvotes: number;
    crossed_at: Date | string;
  }>(
    db,
    sql`select c.id, c.title, to_char(c.daily_date, 'YYYY-MM-DD') as daily_date, c.organization_name as organization,
          c.upvotes, s.captured_at as crossed_at
        from (
          select papers.id, papers.title, papers.daily_date, papers.organization_name, papers.upvotes from papers
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
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    dailyDate: row.daily_date,
    organization: row.organization,
    upvotes: Number(row.upvotes),
    crossedAt: new Date(row.crossed_at),
  }));
}
