import { papers } from "@paperpulse/schema";
import { asc, desc } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

export type TopPaper = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  upvotes: number;
  comments: number;
};

/** The most upvoted papers (latest capture) matching the filters; ties broken by newest day, then id. */
export async function listTopPapers(db: Db, filters: Filters & { limit: number }): Promise<TopPaper[]> {
  return db
    .select({
      id: papers.id,
      title: papers.title,
      dailyDate: papers.dailyDate,
      organization: papers.organizationName,
      upvotes: papers.upvotes,
      comments: papers.comments,
    })
    .from(papers)
    .where(papersWhere(filters))
    .orderBy(desc(papers.upvotes), desc(papers.dailyDate), asc(papers.id))
    .limit(filters.limit);
}
