import { paperSnapshots } from "@paperpulse/schema";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../types.ts";

export type PaperSnapshot = {
  paperId: string;
  capturedAt: Date;
  upvotes: number;
  comments: number;
};

/** One paper's captures in time order: its upvote and comment curve. */
export async function listPaperSnapshots(db: Db, paperId: string): Promise<PaperSnapshot[]> {
  return db
    .select({
      paperId: paperSnapshots.paperId,
      capturedAt: paperSnapshots.capturedAt,
      upvotes: paperSnapshots.upvotes,
      comments: paperSnapshots.comments,
    })
    .from(paperSnapshots)
    .where(eq(paperSnapshots.paperId, paperId))
    .orderBy(asc(paperSnapshots.capturedAt), asc(paperSnapshots.id));
}
