import { papers } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere } from "./filters.ts";
import { bucketStart, type Granularity } from "./granularity.ts";
import { splitPeriods } from "./periods.ts";

export type UpvotePoint = {
  /** First day of the bucket, YYYY-MM-DD (the daily date itself for `day`). */
  date: string;
  papers: number;
  /** Sum of the bucket's papers' latest upvotes. */
  upvotes: number;
  /** Median of the papers' latest upvotes (continuous: the mean of the middle two for an even count). */
  median: number;
  /** 90th percentile of the papers' latest upvotes (continuous, as `percentile_cont(0.9)`). */
  p90: number;
};

type Row = {
  date: string;
  papers: number | string;
  upvotes: number | string;
  median: number | string;
  p90: number | string;
};

/**
 * Upvotes and papers per daily date, ISO week or month: total, median and 90th percentile of latest upvotes. With
 * no filter but dates, whole periods come from the precomputed daily and period tables and only the days of a
 * period the range cuts are aggregated from the papers; any other filter aggregates the matching papers.
 */
export async function getUpvoteSeries(
  db: Db,
  filters: Filters,
  granularity: Granularity = "day",
): Promise<UpvotePoint[]> {
  if (!isDateOnly(filters)) return toPoints(await aggregatePapers(db, papersWhere(filters), granularity));
  if (granularity === "day") {
    const range = dayRangeWhere(sql`daily_date`, filters);
    return toPoints(
      await selectRows<Row>(
        db,
        sql`select to_char(daily_date, 'YYYY-MM-DD') as date, papers, upvotes, median, p90 from daily_stats
            ${range ? sql`where ${range}` : sql``} order by daily_date`,
      ),
    );
  }
  const split = splitPeriods(filters, granularity);
  const whole = split.whole
    ? await selectRows<Row>(
        db,
        sql`select to_char(period_start, 'YYYY-MM-DD') as date, papers, upvotes, median, p90 from period_stats
            where granularity = ${granularity} and ${dayRangeWhere(sql`period_start`, split.whole) ?? sql`true`}`,
      )
    : [];
  const edges =
    split.edges.length > 0
      ? await aggregatePapers(
          db,
          sql`(${sql.join(
            split.edges.map((edge) => dayRangeWhere(papers.dailyDate, edge) ?? sql`true`),
            sql` or `,
          )})`,
          granularity,
        )
      : [];
  return toPoints([...whole, ...edges].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
}

/** The figures of the papers matching `where`, aggregated per bucket. */
function aggregatePapers(db: Db, where: SQL | undefined, granularity: Granularity): Promise<Row[]> {
  const bucket = bucketStart(papers.dailyDate, granularity);
  return selectRows<Row>(
    db,
    sql`select ${bucket} as date, count(*) as papers, coalesce(sum(${papers.upvotes}), 0) as upvotes,
          percentile_cont(0.5) within group (order by ${papers.upvotes}) as median,
          percentile_cont(0.9) within group (order by ${papers.upvotes}) as p90
        from ${papers} ${where ? sql`where ${where}` : sql``}
        group by 1 order by 1`,
  );
}

function toPoints(rows: Row[]): UpvotePoint[] {
  return rows.map((row) => ({
    date: row.date,
    papers: Number(row.papers),
    upvotes: Number(row.upvotes),
    median: Number(row.median),
    p90: Number(row.p90),
  }));
}
