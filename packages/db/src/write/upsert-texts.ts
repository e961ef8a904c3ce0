import { paperTexts } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types.ts";
import type { CapturedPaper } from "./capture.ts";

/**
 * Abstracts, AI summaries and keywords, merged as the papers' other fields are: the newest capture's non-null
 * value wins, an older capture only fills a gap. Runs before the papers upsert, so the papers' last_seen_at is
 * still the newest capture merged so far. A row is written only when a value changes: a re-capture of the same
 * texts (every hourly refresh) writes nothing, and the trigram index is not touched.
 */
export async function upsertTexts(tx: DbOrTx, items: CapturedPaper[], capturedAt: Date): Promise<void> {
  const newer = sql`${capturedAt.toISOString()}::timestamptz >= coalesce(
    (select p.last_seen_at from papers p where p.id = excluded.paper_id), '-infinity')`;
  const merged = (column: string) => {
    const current = sql`paper_texts.${sql.identifier(column)}`;
    const incoming = sql`excluded.${sql.identifier(column)}`;
    return sql`case when ${newer} then coalesce(${incoming}, ${current}) else coalesce(${current}, ${incoming}) end`;
  };
  await tx
    .insert(paperTexts)
    .values(
      items.map((p) => ({
        paperId: p.id,
        summary: p.summary,
        aiSummary: p.aiSummary,
        aiKeywords: p.aiKeywords,
      })),
    )
    .onConflictDoUpdate({
      target: paperTexts.paperId,
      set: { summary: merged("summary"), aiSummary: merged("ai_summary"), aiKeywords: merged("ai_keywords") },
      setWhere: sql`(${merged("summary")}, ${merged("ai_summary")}, ${merged("ai_keywords")})
        is distinct from (paper_texts.summary, paper_texts.ai_summary, paper_texts.ai_keywords)`,
    });
}
