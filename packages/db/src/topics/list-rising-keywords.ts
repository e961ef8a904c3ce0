import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { type Filters, isDateOnly, papersWhere } from "../queries/filters.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type KeywordPeriod = "week" | "month" | "quarter";

export type RisingKeywordOptions = {
  /** Length of the current window when the filters give no `from` (default month). */
  period?: KeywordPeriod;
  /** Papers a keyword needs in the current window to be listed (default 3). */
  minCount?: number;
  /** How many keywords to return (default 20). */
  limit?: number;
};

export type KeywordWindow = {
  from: string;
  to: string /** Papers matching the filters in the window. */;
  papers: number;
};

export type RisingKeyword = {
  keyword: string;
  /** Papers with the keyword in the current window, and their share of the window's papers. */
  papers: number;
  share: number;
  previousPapers: number;
  previousShare: number;
  /** Relative change of the share (0.5 = half as common again); null when the keyword is new. */
  growth: number | null;
};

export type RisingKeywords = { current: KeywordWindow; previous: KeywordWindow; keywords: RisingKeyword[] };

/**
 * Keywords whose share of papers grew most from the previous window to the current one. The current window is
 * the filters' `from`..`to`; without `to` it ends on the latest daily date, without `from` it spans `period`. The
 * previous window is as long and ends the day before. Shares, not counts, are compared, so a busier month does
 * not make every keyword rise; a keyword needs `minCount` papers now, and ranks by its share ratio smoothed by one
 * paper on each side (new keywords with many papers first, never a keyword seen once). Other filters (organisations,
 * topic, text, upvotes) narrow the papers of both windows alike.
 */
export async function listRisingKeywords(
  db: Db,
  filters: Filters,
  options: RisingKeywordOptions = {},
): Promise<RisingKeywords> {
  const where = papersWhere({ ...filters, from: undefined, to: undefined });
  const andWhere = where ? sql`and ${where}` : sql``;
  let to = filters.to;
  if (!to) {
    const [latest] = await selectRows<{ latest: string | null }>(
      db,
      sql`select max(${papers.dailyDate})::text as latest from ${papers} where true ${andWhere}`,
    );
    to = latest?.latest ?? new Date().toISOString().slice(0, 10);
  }
  const from = filters.from ?? windowStart(to, options.period ?? "month");
  const days = Math.max(1, daysBetween(from, to) + 1);
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -days);
  const minCount = options.minCount ?? 3;

  const [totals] = await selectRows<{ current: number | string | null; previous: number | string | null }>(
    db,
    isDateOnly(filters)
      ? sql`select sum(papers) filter (where daily_date >= ${from}) as current,
              sum(papers) filter (where daily_date < ${from}) as previous
            from daily_stats where daily_date between ${previousFrom} and ${to}`
      : sql`select count(*) filter (where ${papers.dailyDate} >= ${from}) as current,
              count(*) filter (where ${papers.dailyDate} < ${from}) as previous
            from ${papers} where ${papers.dailyDate} between ${previousFrom} and ${to} ${andWhere}`,
  );
  const current = Number(totals?.current ?? 0);
  const previous = Number(totals?.previous ?? 0);
  const rows = await selectRows<{ keyword: string; current: number | string; previous: number | string }>(
    db,
    sql`with counts as (
        select k.keyword,
          count(*) filter (where ${papers.dailyDate} >= ${from}) as current,
          count(*) filter (where ${papers.dailyDate} < ${from}) as previous
        from paper_keywords pk join ${papers} on ${papers.id} = pk.paper_id
          cross join lateral unnest(pk.keywords) as k(keyword)
        where ${papers.dailyDate} between ${previousFrom} and ${to} ${andWhere}
        group by k.keyword)
      select keyword, current, previous from counts
      where current >= ${minCount}
        and (current + 1)::float8 * (${previous}::float8 + 1) > (previous + 1)::float8 * (${current}::float8 + 1)
      order by ((current + 1)::float8 / (${current}::float8 + 1)) / ((previous + 1)::float8 / (${previous}::float8 + 1)) desc,
        current desc, keyword
      limit ${options.limit ?? 20}`,
  );
  return {
    current: { from, to, papers: current },
    previous: { from: previousFrom, to: previousTo, papers: previous },
    keywords: rows.map((row) => {
      const now = Number(row.current);
      const before = Number(row.previous);
      const share = current > 0 ? now / current : 0;
      const previousShare = previous > 0 ? before / previous : 0;
      return {
        keyword: row.keyword,
        papers: now,
        share,
        previousPapers: before,
        previousShare,
        growth: before > 0 && previousShare > 0 ? share / previousShare - 1 : null,
      };
    }),
  };
}

/** The first day of the window of `period` ending on `to` (both included). */
export function windowStart(to: string, period: KeywordPeriod): string {
  if (period === "week") return addDays(to, -6);
  const months = period === "month" ? 1 : 3;
  const date = new Date(`${to}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  // 31 March back one month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return addDays(date.toISOString().slice(0, 10), 1);
}

function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
