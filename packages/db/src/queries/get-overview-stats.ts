import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import { toDate } from "../to-date.ts";
import type { Db } from "../types.ts";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere } from "./filters.ts";

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

type Row = {
  papers: number | string;
  organizations: number | string;
  upvotes: number | string;
  first_day: string | null;
  last_day: string | null;
  last_capture_at: string | Date | null;
};

/**
 * Headline numbers of the papers matching the filters. With no filter but dates they add up the precomputed days,
 * and the organisations are counted from each one's all-time row, asking the papers only whether it published in
 * the range (one index step each), instead of collecting the organisation of every paper.
 */
export async function getOverviewStats(db: Db, filters: Filters): Promise<OverviewStats> {
  const [row] = isDateOnly(filters) ? await fromDays(db, filters) : await fromPapers(db, filters);
  return {
    papers: Number(row?.papers ?? 0),
    organizations: Number(row?.organizations ?? 0),
    upvotes: Number(row?.upvotes ?? 0),
    firstDay: row?.first_day ?? null,
    lastDay: row?.last_day ?? null,
    lastCaptureAt: toDate(row?.last_capture_at ?? null),
  };
}

function fromDays(db: Db, filters: Filters): Promise<Row[]> {
  const range = dayRangeWhere(sql`daily_date`, filters);
  const published = dayRangeWhere(sql`p.daily_date`, filters);
  const organizations = published
    ? sql`(select count(*) from org_stats o where exists (
          select 1 from papers p where p.organization_name = o.name and ${published}))`
    : sql`(select count(*) from org_stats)`;
  return selectRows<Row>(
    db,
    sql`select coalesce(sum(papers), 0) as papers, ${organizations} as organizations,
          coalesce(sum(upvotes), 0) as upvotes, to_char(min(daily_date), 'YYYY-MM-DD') as first_day,
          to_char(max(daily_date), 'YYYY-MM-DD') as last_day, max(last_seen_at) as last_capture_at
        from daily_stats ${range ? sql`where ${range}` : sql``}`,
  );
}

function fromPapers(db: Db, filters: Filters): Promise<Row[]> {
  const where = papersWhere(filters);
  return selectRows<Row>(
    db,
    sql`select count(*) as papers, count(distinct ${papers.organizationName}) as organizations,
          coalesce(sum(${papers.upvotes}), 0) as upvotes, to_char(min(${papers.dailyDate}), 'YYYY-MM-DD') as first_day,
          to_char(max(${papers.dailyDate}), 'YYYY-MM-DD') as last_day, max(${papers.lastSeenAt}) as last_capture_at
        from ${papers} ${where ? sql`where ${where}` : sql``}`,
  );
}
