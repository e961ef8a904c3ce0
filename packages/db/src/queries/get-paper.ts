import { papers } from "@paperpulse/schema";
import { eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type PaperSummary, paperSummaryColumns } from "./paper-summary.ts";

/** One paper by its id, or null when it is unknown. */
export async function getPaper(db: Db, id: string): Promise<PaperSummary | null> {
  const [row] = await db.select(paperSummaryColumns).from(papers).where(eq(papers.id, id)).limit(1);
  return row ?? null;
}
