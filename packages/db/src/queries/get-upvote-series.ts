import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { bucketStart, type Granularity } from "./granularity.ts";

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

/** Upvotes and papers per daily date, ISO week or month: total, median and 90th percentile of latest upvotes. */
export async function getUpvoteSeries(
  db: Db,
  filters: Filters,
  granularity: Granularity = "day",
): Promise<UpvotePoint[]> {
  const bucket = bucketStart(papers.dailyDate, granularity);
  return db
    .select({
      date: bucket,
      papers: sql`count(*)`.mapWith(Number),
      upvotes: sql`coalesce(sum(${papers.upvotes}), 0)`.mapWith(Number),
      median: sql`percentile_cont(0.5) within group (order by ${papers.upvotes})`.mapWith(Number),
      p90: sql`percentile_cont(0.9) within group (order by ${papers.upvotes})`.mapWith(Number),
    })
    .from(papers)
    .where(papersWhere(filters))
    .groupBy(bucket)
    .orderBy(bucket);
}
