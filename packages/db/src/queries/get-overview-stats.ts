import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

export type OverviewStats = {
  papers: number;
  /** Distinct organisations among the matching papers. */
  organizations: number;
  upvotes: number;
  /** YYYY-MM-DD of the first and last matching daily dates, null without papers. */
  firstDay: string | null;
  lastDay: string | null;
  /** The newest capture of any matching paper (its last_seen_at). */
  lastCaptureAt: Date | null;
};

/** Headline numbers of the papers matching the filters. */
export async function getOverviewStats(db: Db, filters: Filters): Promise<OverviewStats> {
  const [row] = await db
    .select({
      papers: sql`count(*)`.mapWith(Number),
      organizations: sql`count(distinct ${papers.organizationName})`.mapWith(Number),
      upvotes: sql`coalesce(sum(${papers.upvotes}), 0)`.mapWith(Number),
      firstDay: sql<string | null>`to_char(min(${papers.dailyDate}), 'YYYY-MM-DD')`,
      lastDay: sql<string | null>`to_char(max(${papers.dailyDate}), 'YYYY-MM-DD')`,
      lastCaptureAt: sql<Date | null>`max(${papers.lastSeenAt})`.mapWith(papers.lastSeenAt),
    })
    .from(papers)
    .where(papersWhere(filters));
  return {
    papers: row?.papers ?? 0,
    organizations: row?.organizations ?? 0,
    upvotes: row?.upvotes ?? 0,
    firstDay: row?.firstDay ?? null,
    lastDay: row?.lastDay ?? null,
    lastCaptureAt: row?.lastCaptureAt ?? null,
  };
}
