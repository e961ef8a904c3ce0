import { papers } from "@paperpulse/schema";
import { asc, sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

export type DailyUpvotes = {
  /** YYYY-MM-DD */
  date: string;
  /** Sum of the day's papers' latest upvotes. */
  upvotes: number;
  papers: number;
};

/** Upvotes per daily date: the sum of each paper's latest captured upvotes, and how many papers the day had. */
export async function getDailyUpvotes(db: Db, filters: Filters): Promise<DailyUpvotes[]> {
  return db
    .select({
      date: papers.dailyDate,
      upvotes: sql`coalesce(sum(${papers.upvotes}), 0)`.mapWith(Number),
      papers: sql`count(*)`.mapWith(Number),
    })
    .from(papers)
    .where(papersWhere(filters))
    .groupBy(papers.dailyDate)
    .orderBy(asc(papers.dailyDate));
}
