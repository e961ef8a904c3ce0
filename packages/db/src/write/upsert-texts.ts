import { type SQL, sql } from "drizzle-orm";
import type { CapturedPaper } from "./capture.ts";

/**
 * Abstracts, AI summaries and keywords, merged as the papers' other fields are: the newest capture's non-null
 * value wins, an older capture only fills a gap. Runs before the papers upsert, so the papers' last_seen_at is
 * still the newest capture merged so far. A row is written only when a value changes: a re-capture of the same
 * texts (every hourly refresh) writes nothing, and the trigram index is not touched.
 */
export function upsertTextsStatement(items: readonly CapturedPaper[], capturedAt: Date): SQL {
  const newer = sql`${capturedAt.toISOString()}::timestamptz >= coalesce(
    (select p.last_seen_at from papers p where p.id = excluded.paper_id), '-infinity')`;
  const merged = (column: string) => {
    const current = sql`paper_texts.${sql.identifier(column)}`;
    const incoming = sql`excluded.${sql.identifier(column)}`;
    return sql`case when ${newer} then coalesce(${incoming}, ${current}) else coalesce(${current}, ${incoming}) end`;
  };
  const rows = items.map((p) => ({
    paper_id: p.id,
    summary: p.summary,
    ai_summary: p.aiSummary,
    ai_keywords: p.aiKeywords,
  }));
  return sql`insert into paper_texts (paper_id, summary, ai_summary, ai_keywords)
    select r.paper_id, r.summary, r.ai_summary, r.ai_keywords
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(paper_id text, summary text, ai_summary text, ai_keywords jsonb)
    on conflict (paper_id) do update set
      summary = ${merged("summary")}, ai_summary = ${merged("ai_summary")}, ai_keywords = ${merged("ai_keywords")}
    where (${merged("summary")}, ${merged("ai_summary")}, ${merged("ai_keywords")})
      is distinct from (paper_texts.summary, paper_texts.ai_summary, paper_texts.ai_keywords)`;
}
