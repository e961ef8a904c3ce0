import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { DbOrTx } from "../types.ts";

/** A paper's computed topics and keywords, with the text they were computed from. */
export type PaperTopicsInput = {
  id: string;
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
 * saveCapture passes only the papers of which this capture is the newest, so their stored title is the captured
 * one; a paper is still skipped when its capture lacks an abstract or keywords that the stored row has (the store
 * keeps the older ones), so topics computed from less text never replace topics computed from the full text.
 * Retopic computes from the stored text itself and passes `fromStoredText`.
 */
export async function savePaperTopics(
  tx: DbOrTx,
  papers: readonly PaperTopicsInput[],
  options: { fromStoredText?: boolean } = {},
): Promise<SavePaperTopicsResult> {
  const rows = papers
    .filter((paper) => paper.topics !== undefined || paper.keywords !== undefined)
    .map((paper) => ({
      paper_id: paper.id,
      topics: paper.topics === undefined ? null : [...new Set(paper.topics)],
      keywords: paper.keywords === undefined ? null : [...new Set(paper.keywords)],
      has_summary: options.fromStoredText || paper.summary !== null,
      has_keywords: options.fromStoredText || paper.aiKeywords !== null,
    }));
  if (rows.length === 0) return { topicsChanged: 0, keywordsChanged: 0 };
  const input = sql`select r.paper_id, r.topics, r.keywords
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(paper_id text, topics text[], keywords text[], has_summary boolean, has_keywords boolean)
    join papers p on p.id = r.paper_id
    where (r.has_summary or p.summary is null) and (r.has_keywords or p.ai_keywords is null)`;
  // Data-modifying CTEs run once each, against the same snapshot: the delete sees the rows as they were and the
  // insert skips rows that already exist, so counting the papers either touched tells which ones changed. A paper
  // without keywords has no keywords row. The deletes find their rows per paper through the key (a lateral lookup,
  // then by ctid): a join let the planner scan the whole table for every page, as PGlite, never analysed, did.
  const [result] = await selectRows<{ topics_changed: number | string; keywords_changed: number | string }>(
    tx,
    sql`with input as (${input}),
      wanted_topics as (
        select i.paper_id, t.topic from input i cross join lateral unnest(i.topics) as t(topic)
        where i.topics is not null),
      removed_topics as (
        delete from paper_topics where ctid = any(array(
          select x.ctid from input i
          cross join lateral (select ctid, topic from paper_topics pt where pt.paper_id = i.paper_id offset 0) x
          where i.topics is not null and not (x.topic = any(i.topics))))
        returning paper_id),
      added_topics as (
        insert into paper_topics (paper_id, topic) select paper_id, topic from wanted_topics
        on conflict do nothing returning paper_id),
      saved_keywords as (
        insert into paper_keywords (paper_id, keywords)
        select paper_id, keywords from input where cardinality(keywords) > 0
        on conflict (paper_id) do update set keywords = excluded.keywords
        where paper_keywords.keywords is distinct from excluded.keywords
        returning paper_id),
      removed_keywords as (
        delete from paper_keywords where ctid = any(array(
          select x.ctid from input i
          cross join lateral (select ctid from paper_keywords pk where pk.paper_id = i.paper_id offset 0) x
          where cardinality(i.keywords) = 0))
        returning paper_id)
    select
      (select count(distinct paper_id) from (select paper_id from removed_topics
        union all select paper_id from added_topics) c) as topics_changed,
      (select count(*) from saved_keywords) + (select count(*) from removed_keywords) as keywords_changed`,
  );
  return {
    topicsChanged: Number(result?.topics_changed ?? 0),
    keywordsChanged: Number(result?.keywords_changed ?? 0),
  };
}
