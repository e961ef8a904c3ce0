import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { DbOrTx } from "../types.ts";

/** A paper's computed topics and keywords, with the text they were computed from. */
export type PaperTopicsInput = {
  id: string;
  title: string;
  summary: string | null;
  aiKeywords: string[] | null;
  /** Topic slugs; undefined leaves the stored ones alone. */
  topics?: string[] | undefined;
  /** Normalised keywords; undefined leaves the stored ones alone. */
  keywords?: string[] | undefined;
};

export type SavePaperTopicsResult = {
  /** Papers whose set of topics changed (rows added or removed). */
  topicsChanged: number;
  /** Papers whose set of keywords changed. */
  keywordsChanged: number;
};

/**
 * Makes the stored topics and keywords of these papers equal to the given ones, in one statement: rows that are no
 * longer wanted are deleted, new ones inserted, unchanged ones left untouched, so storing the same capture again
 * writes nothing. All rows travel as one JSON parameter (see replaceAuthors in save-capture.ts).
 *
 * With `matchStoredText` (the default), a paper is only written when the text its topics were computed from is
 * the text now stored on its papers row: an older capture, or one without an abstract, must not overwrite topics
 * computed from the newest full text. Retopic reads that text from the database and may pass false.
 */
export async function savePaperTopics(
  tx: DbOrTx,
  papers: readonly PaperTopicsInput[],
  options: { matchStoredText?: boolean } = {},
): Promise<SavePaperTopicsResult> {
  const matchStoredText = options.matchStoredText ?? true;
  const rows = papers
    .filter((paper) => paper.topics !== undefined || paper.keywords !== undefined)
    .map((paper) => ({
      paper_id: paper.id,
      topics: paper.topics === undefined ? null : [...new Set(paper.topics)],
      keywords: paper.keywords === undefined ? null : [...new Set(paper.keywords)],
      ...(matchStoredText
        ? { title: paper.title, summary: paper.summary, ai_keywords: paper.aiKeywords }
        : {}),
    }));
  if (rows.length === 0) return { topicsChanged: 0, keywordsChanged: 0 };
  const input = matchStoredText
    ? sql`select r.paper_id, r.topics, r.keywords
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r(paper_id text, topics jsonb, keywords jsonb, title text, summary text, ai_keywords jsonb)
        join papers p on p.id = r.paper_id
        where p.title = r.title and p.summary is not distinct from r.summary
          and p.ai_keywords is not distinct from r.ai_keywords`
    : sql`select r.paper_id, r.topics, r.keywords
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(paper_id text, topics jsonb, keywords jsonb)
        join papers p on p.id = r.paper_id`;
  // Data-modifying CTEs run once each, against the same snapshot: the deletes see the rows as they were, the
  // inserts skip rows that already exist; counting the papers either touched tells which ones changed.
  const [result] = await selectRows<{ topics_changed: number | string; keywords_changed: number | string }>(
    tx,
    sql`with input as (${input}),
      wanted_topics as (
        select i.paper_id, t.value as topic from input i cross join lateral jsonb_array_elements_text(i.topics) t
        where i.topics is not null),
      wanted_keywords as (
        select i.paper_id, k.value as keyword from input i cross join lateral jsonb_array_elements_text(i.keywords) k
        where i.keywords is not null),
      removed_topics as (
        delete from paper_topics pt using input i
        where pt.paper_id = i.paper_id and i.topics is not null
          and not exists (select 1 from wanted_topics w where w.paper_id = pt.paper_id and w.topic = pt.topic)
        returning pt.paper_id),
      added_topics as (
        insert into paper_topics (paper_id, topic) select paper_id, topic from wanted_topics
        on conflict do nothing returning paper_id),
      removed_keywords as (
        delete from paper_keywords pk using input i
        where pk.paper_id = i.paper_id and i.keywords is not null
          and not exists (select 1 from wanted_keywords w where w.paper_id = pk.paper_id and w.keyword = pk.keyword)
        returning pk.paper_id),
      added_keywords as (
        insert into paper_keywords (paper_id, keyword) select paper_id, keyword from wanted_keywords
        on conflict do nothing returning paper_id)
    select
      (select count(distinct paper_id) from (select paper_id from removed_topics
        union all select paper_id from added_topics) c) as topics_changed,
      (select count(distinct paper_id) from (select paper_id from removed_keywords
        union all select paper_id from added_keywords) c) as keywords_changed`,
  );
  return {
    topicsChanged: Number(result?.topics_changed ?? 0),
    keywordsChanged: Number(result?.keywords_changed ?? 0),
  };
}
