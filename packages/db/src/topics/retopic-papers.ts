import { papers, paperTexts, scrapeRuns } from "@paperpulse/schema";
import { asc, eq, gt, sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { refreshTopicStats } from "../aggregates/refresh-aggregates.ts";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type PaperTopicsInput, type SavePaperTopicsResult, savePaperTopics } from "./save-paper-topics.ts";

/** The stored text topics are computed from. */
export type PaperText = { id: string; title: string; summary: string | null; aiKeywords: string[] | null };

/** One batch of papers in id order, after `afterId`: retopic walks every paper this way (keyset, no offsets). */
export async function listPaperTexts(
  db: Db,
  options: { afterId?: string; limit: number },
): Promise<PaperText[]> {
  return db
    .select({
      id: papers.id,
      title: papers.title,
      summary: paperTexts.summary,
      aiKeywords: paperTexts.aiKeywords,
    })
    .from(papers)
    .leftJoin(paperTexts, eq(paperTexts.paperId, papers.id))
    .where(options.afterId === undefined ? undefined : gt(papers.id, options.afterId))
    .orderBy(asc(papers.id))
    .limit(options.limit);
}

export async function countPapers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql`count(*)`.mapWith(Number) }).from(papers);
  return row?.n ?? 0;
}

/**
 * Writes one retopic batch and counts its papers on the run (items) in the same transaction, so the run's count
 * always matches what was committed; the run's heartbeat moves with it, and the papers per day and topic of the
 * batch's days are recomputed when a topic changed.
 */
export async function saveRetopicBatch(
  db: Db,
  runId: number,
  batch: readonly PaperTopicsInput[],
): Promise<SavePaperTopicsResult> {
  return db.transaction(async (tx) => {
    const result = await savePaperTopics(tx, batch, { fromStoredText: true });
    if (result.topicsChanged > 0 || result.keywordsChanged > 0) {
      const days = await selectRows<{ day: string }>(
        tx,
        sql`select distinct to_char(daily_date, 'YYYY-MM-DD') as day from papers
            where id = any(${textArray(batch.map((p) => p.id))})`,
      );
      await refreshTopicStats(
        tx,
        days.map((row) => row.day),
      );
      await bumpDataVersion(tx);
    }
    await tx
      .update(scrapeRuns)
      .set({ items: sql`${scrapeRuns.items} + ${batch.length}`, heartbeatAt: sql`now()` })
      .where(sql`${scrapeRuns.id} = ${runId}`);
    return result;
  });
}
