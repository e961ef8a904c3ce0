import { papers } from "@paperpulse/schema";
import { eq } from "drizzle-orm";
import type { Db } from "../types.ts";

export type PaperSummary = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  upvotes: number;
  comments: number;
};

/** One paper by its id, or null when it is unknown. */
export async function getPaper(db: Db, id: string): Promise<PaperSummary | null> {
  const [row] = await db
    .select({
      id: papers.id,
      title: papers.title,
      dailyDate: papers.dailyDate,
      organization: papers.organizationName,
      upvotes: papers.upvotes,
      comments: papers.comments,
    })
    .from(papers)
    .where(eq(papers.id, id))
    .limit(1);
  return row ?? null;
}
