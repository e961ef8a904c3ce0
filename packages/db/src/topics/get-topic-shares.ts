import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere, topicIn } from "../queries/filters.ts";
import { bucketStart, type Granularity } from "../queries/granularity.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type TopicPeriod = {
  /** First day of the month (or ISO week), YYYY-MM-DD. */
  period: string;
  /** Papers matching the filters in that period, with or without a topic: the denominator of every share. */
  papers: number;
};

export type TopicShareRow = {
  period: string;
  topic: string;
  /** Papers of the period that have the topic. */
  papers: number;
  /** papers / the period's papers, 0..1. A paper may have several topics, so shares do not add up to 1. */
  share: number;
};

export type TopicShares = {
  periods: TopicPeriod[];
  /** Topics present in the range, in taxonomy order. */
  topics: string[];
  /** One row per period and topic (zeros included), periods in order, topics in `topics` order. */
  rows: TopicShareRow[];
};

/**
 * Share of papers per topic per month (or week): how much of the listing each topic takes, for a trend chart.
 * The papers counted are those matching the filters; `filters.topics` do not narrow the papers (each share
 * would be 1) but pick the topics to return, one line each on the same denominator. With no other filter but dates, the precomputed papers per day
 * (and per day and topic) are added up: counts, unlike medians, add up exactly over any range.
 */
export async function getTopicShares(
  db: Db,
  filters: Filters,
  options: { granularity?: Exclude<Granularity, "day"> } = {},
): Promise<TopicShares> {
  const counted = { ...filters, topics: undefined };
  const granularity = options.granularity ?? "month";
  const { periodRows, counts } = isDateOnly(counted)
    ? await countFromDays(db, filters, granularity)
    : await countPapers(db, filters, granularity);
  const order = await selectRows<{ slug: string }>(db, sql`select slug from topics order by position`);
  const position = new Map(order.map((row, index) => [row.slug, index]));
  const topics = [...new Set(counts.map((row) => row.topic))].sort(
    (a, b) => (position.get(a) ?? order.length) - (position.get(b) ?? order.length) || a.localeCompare(b),
  );
  const byKey = new Map(counts.map((row) => [`${row.period} ${row.topic}`, Number(row.papers)]));
  const periods = periodRows.map((row) => ({ period: row.period, papers: Number(row.papers) }));
  const rows = periods.flatMap(({ period, papers: total }) =>
    topics.map((topic) => {
      const count = byKey.get(`${period} ${topic}`) ?? 0;
      return { period, topic, papers: count, share: total > 0 ? count / total : 0 };
    }),
  );
  return { periods, topics, rows };
}

type PeriodCount = { period: string; papers: number | string };
type TopicCount = { period: string; topic: string; papers: number | string };

async function countFromDays(
  db: Db,
  filters: Filters,
  granularity: Exclude<Granularity, "day">,
): Promise<{ periodRows: PeriodCount[]; counts: TopicCount[] }> {
  const range = dayRangeWhere(sql`daily_date`, filters);
  const bucket = bucketStart(sql`daily_date`, granularity);
  const periodRows = await selectRows<PeriodCount>(
    db,
    sql`select ${bucket} as period, sum(papers) as papers from daily_stats ${range ? sql`where ${range}` : sql``}
        group by 1 order by 1`,
  );
  const counts = await selectRows<TopicCount>(
    db,
    sql`select ${bucket} as period, topic, sum(papers) as papers from topic_day_stats
        where true ${range ? sql`and ${range}` : sql``} ${filters.topics?.length ? sql`and ${topicIn(sql`topic`, filters.topics)}` : sql``}
        group by 1, 2`,
  );
  return { periodRows, counts };
}

async function countPapers(
  db: Db,
  filters: Filters,
  granularity: Exclude<Granularity, "day">,
): Promise<{ periodRows: PeriodCount[]; counts: TopicCount[] }> {
  const where = papersWhere({ ...filters, topics: undefined });
  const bucket = bucketStart(papers.dailyDate, granularity);
  const periodRows = await selectRows<PeriodCount>(
    db,
    sql`select ${bucket} as period, count(*) as papers from ${papers} ${where ? sql`where ${where}` : sql``}
        group by 1 order by 1`,
  );
  const counts = await selectRows<TopicCount>(
    db,
    sql`select ${bucket} as period, pt.topic, count(*) as papers
        from paper_topics pt join ${papers} on ${papers.id} = pt.paper_id
        where true ${where ? sql`and ${where}` : sql``} ${filters.topics?.length ? sql`and ${topicIn(sql`pt.topic`, filters.topics)}` : sql``}
        group by 1, 2`,
  );
  return { periodRows, counts };
}
