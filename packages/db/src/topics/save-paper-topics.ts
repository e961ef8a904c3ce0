import { type SQL, sql } from "drizzle-orm";
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
  options: {
    fromStoredText?: boolean;
    /** Papers this transaction inserted: nothing is stored for them yet, so their rows are simply inserted. */
    insertedIds?: ReadonlySet<string>;
  } = {},
): Promise<SavePaperTopicsResult> {
  const statement = paperTopicsStatement(papers, options);
  if (!statement) return { topicsChanged: 0, keywordsChanged: 0 };
  const [result] = await selectRows<{ topics_changed: number | string; keywords_changed: number | string }>(
    tx,
    statement,
  );
  return {
    topicsChanged: Number(result?.topics_changed ?? 0),
    keywordsChanged: Number(result?.keywords_changed ?? 0),
  };
}

/**
 * The one statement savePaperTopics runs (null when there is nothing to store), for callers that send it along
 * with other statements. It returns one row: topics_changed, keywords_changed.
 */
export function paperTopicsStatement(
  papers: readonly PaperTopicsInput[],
  options: { fromStoredText?: boolean; insertedIds?: ReadonlySet<string> } = {},
): SQL | null {
  const rows = papers
    .filter((paper) => paper.topics !== undefined || paper.keywords !== undefined)
    .map((paper) => ({
      paper_id: paper.id,
      // Sorted as the database sorts them (collation "C": by code point), to compare with the stored set at once.
      topics: paper.topics === undefined ? null : [...new Set(paper.topics)].sort(),
      keywords: paper.keywords === undefined ? null : [...new Set(paper.keywords)],
      has_summary: options.fromStoredText || paper.summary !== null,
      has_keywords: options.fromStoredText || paper.aiKeywords !== null,
    }));
  if (rows.length === 0) return null;
  const fresh = rows.filter((row) => options.insertedIds?.has(row.paper_id));
  const known = rows.filter((row) => !options.insertedIds?.has(row.paper_id));
  const steps: SQL[] = [];
  const topicCounts: SQL[] = [];
  const keywordCounts: SQL[] = [];
  if (fresh.length > 0) {
    steps.push(
      sql`fresh as (
        select r.paper_id, r.topics, r.keywords
        from json_to_recordset(${JSON.stringify(fresh)}::json) as r(paper_id text, topics text[], keywords text[]))`,
      sql`fresh_topics as (
        insert into paper_topics (paper_id, topic)
        select f.paper_id, t.topic from fresh f cross join lateral unnest(f.topics) as t(topic)
        on conflict do nothing)`,
      sql`fresh_keywords as (
        insert into paper_keywords (paper_id, keywords)
        select paper_id, keywords from fresh where cardinality(keywords) > 0
        on conflict (paper_id) do update set keywords = excluded.keywords)`,
    );
    topicCounts.push(sql`(select count(*) from fresh where cardinality(topics) > 0)`);
    keywordCounts.push(sql`(select count(*) from fresh where cardinality(keywords) > 0)`);
  }
  if (known.length > 0) {
    steps.push(...compareAndWrite(known));
    topicCounts.push(sql`(select count(*) from changed_topics)`);
    keywordCounts.push(sql`(select count(*) from changed_keywords)`);
  }
  return sql`with ${sql.join(steps, sql`, `)}
    select ${sql.join(topicCounts, sql` + `)} as topics_changed, ${sql.join(keywordCounts, sql` + `)} as keywords_changed`;
}

/**
 * Papers that may have stored topics: each paper's stored texts, topics and keywords are read once, through the
 * keys (`offset 0` keeps the texts a per-paper lookup rather than a join the planner may make a scan), and compared
 * whole, so an unchanged paper (every re-capture of a paper) costs two lookups and nothing else.
 * Data-modifying CTEs run once each, against the same snapshot. Rows to delete are found per paper through the
 * key, then by ctid: a join let the planner scan the whole table for every page, as PGlite, never analysed, did.
 */
function compareAndWrite(rows: unknown[]): SQL[] {
  return [
    sql`input as (
      select r.paper_id, r.topics, r.keywords
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(paper_id text, topics text[], keywords text[], has_summary boolean, has_keywords boolean)
      join papers p on p.id = r.paper_id
      left join lateral (
        select summary, ai_keywords from paper_texts where paper_texts.paper_id = r.paper_id offset 0
      ) t on true
      where (r.has_summary or t.summary is null) and (r.has_keywords or t.ai_keywords is null))`,
    sql`stored as (
      select i.paper_id, i.topics, i.keywords,
        (select coalesce(array_agg(pt.topic order by pt.topic collate "C"), '{}') from paper_topics pt
          where pt.paper_id = i.paper_id) as old_topics,
        (select pk.keywords from paper_keywords pk where pk.paper_id = i.paper_id) as old_keywords
      from input i)`,
    sql`changed_topics as (
      select paper_id, topics, cardinality(old_topics) > 0 as had_topics from stored
      where topics is not null and topics is distinct from old_topics)`,
    sql`changed_keywords as (
      select paper_id, keywords, old_keywords is not null as had_keywords from stored
      where keywords is not null and keywords is distinct from coalesce(old_keywords, '{}'))`,
    sql`removed_topics as (
      delete from paper_topics where ctid = any(array(
        select x.ctid from changed_topics c
        cross join lateral (select ctid, topic from paper_topics pt where pt.paper_id = c.paper_id offset 0) x
        where c.had_topics and not (x.topic = any(c.topics)))))`,
    sql`added_topics as (
      insert into paper_topics (paper_id, topic)
      select c.paper_id, t.topic from changed_topics c cross join lateral unnest(c.topics) as t(topic)
      on conflict do nothing)`,
    sql`saved_keywords as (
      insert into paper_keywords (paper_id, keywords)
      select paper_id, keywords from changed_keywords where cardinality(keywords) > 0
      on conflict (paper_id) do update set keywords = excluded.keywords)`,
    sql`removed_keywords as (
      delete from paper_keywords where ctid = any(array(
        select x.ctid from changed_keywords c
        cross join lateral (select ctid from paper_keywords pk where pk.paper_id = c.paper_id offset 0) x
        where c.had_keywords and cardinality(c.keywords) = 0)))`,
  ];
}
