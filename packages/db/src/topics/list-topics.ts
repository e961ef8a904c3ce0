import { sql } from "drizzle-orm";
import { dayRangeWhere, type Filters, isDateOnly, noFilters, papersWhere } from "../queries/filters.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type TopicSummary = {
  slug: string;
  /** The taxonomy's label; the slug itself for a topic that papers still carry but the taxonomy dropped. */
  label: string;
  description: string | null;
  /** Papers matching the filters (the topic filter aside) that have this topic. */
  papers: number;
};

/**
 * Every topic of the catalogue, with zero papers too, plus any topic stored on papers but no longer in the
 * catalogue, in taxonomy order. `filters.topics` is ignored: this is the list a topic is picked from. With no other
 * filter but dates, the precomputed papers per day and topic are added up.
 */
export async function listTopics(db: Db, filters: Filters = noFilters): Promise<TopicSummary[]> {
  const counted = { ...filters, topics: undefined };
  const where = papersWhere(counted);
  const range = dayRangeWhere(sql`daily_date`, filters);
  const counts = isDateOnly(counted)
    ? sql`select topic, sum(papers) as papers from topic_day_stats ${range ? sql`where ${range}` : sql``}
          group by topic`
    : sql`select pt.topic, count(*) as papers
          from paper_topics pt join papers on papers.id = pt.paper_id
          ${where ? sql`where ${where}` : sql``}
          group by pt.topic`;
  const rows = await selectRows<{
    slug: string;
    label: string;
    description: string | null;
    papers: number | string;
  }>(
    db,
    sql`with counts as (${counts})
      select coalesce(t.slug, c.topic) as slug, coalesce(t.label, c.topic) as label, t.description,
        coalesce(c.papers, 0) as papers
      from topics t full join counts c on c.topic = t.slug
      order by t.position nulls last, coalesce(t.slug, c.topic)`,
  );
  return rows.map((row) => ({ ...row, papers: Number(row.papers) }));
}
