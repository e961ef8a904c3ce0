import { papers } from "@paperpulse/schema";
import { asc, desc } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { type PaperSummary, paperSummaryColumns } from "./paper-summary.ts";

/** The most upvoted papers (latest capture) matching the filters; ties broken by newest day, then id. */
export async function listTopPapers(db: Db, filters: Filters & { limit: number }): Promise<PaperSummary[]> {
  return db
    .select(paperSummaryColumns)
    .from(papers)
    .where(papersWhere(filters))
    .orderBy(desc(papers.upvotes), desc(papers.dailyDate), asc(papers.id))
    .limit(filters.limit);
}
