import { type SQL, sql } from "drizzle-orm";
import type { Filters } from "../src/queries/filters.ts";
import { selectRows } from "../src/rows.ts";
import type { Db } from "../src/types.ts";

/**
 * The dashboard's figures computed the plain way, from the base tables alone (papers, paper_texts, paper_topics,
 * paper_keywords, organizations) and never from the precomputed ones: every paper aggregated per request, day
 * ranks by a window over all papers. Tests hold the loaders to these numbers, on both engines.
 */

/** The papers the filters select, as a subquery of papers rows (`p`), written without the loaders' helpers. */
function matching(filters: Filters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.orgs.length > 0)
    conditions.push(
      sql`p.organization_name in (${sql.join(
        filters.orgs.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
  if (filters.from) conditions.push(sql`p.daily_date >= ${filters.from}::date`);
  if (filters.to) conditions.push(sql`p.daily_date <= ${filters.to}::date`);
  if (filters.minUpvotes !== undefined) conditions.push(sql`p.upvotes >= ${filters.minUpvotes}`);
  if (filters.topics?.length)
    conditions.push(
      sql`exists (select 1 from paper_topics pt where pt.paper_id = p.id and pt.topic = any(${anyTopic(filters.topics)}))`,
    );
  if (filters.q) {
    // strpos on lower(): a substring test that involves no LIKE pattern at all.
    const q = filters.q.toLowerCase();
    conditions.push(
      sql`(strpos(lower(p.title), ${q}) > 0 or strpos(lower(coalesce(t.summary, '')), ${q}) > 0)`,
    );
  }
  return sql`(select p.* from papers p left join paper_texts t on t.paper_id = p.id
    where ${sql.join(conditions, sql` and `)})`;
}

function bucket(column: SQL, granularity: "day" | "week" | "month"): SQL {
  if (granularity === "day") return sql`to_char(${column}, 'YYYY-MM-DD')`;
  return sql`to_char(date_trunc(${granularity}, ${column}::timestamp), 'YYYY-MM-DD')`;
}

export async function plainOverviewStats(db: Db, filters: Filters) {
  const [row] = await selectRows<Record<string, string | number | Date | null>>(
    db,
    sql`select count(*) as papers, count(distinct m.organization_name) as organizations,
          coalesce(sum(m.upvotes), 0) as upvotes, to_char(min(m.daily_date), 'YYYY-MM-DD') as first_day,
          to_char(max(m.daily_date), 'YYYY-MM-DD') as last_day, max(m.last_seen_at) as last_capture_at
        from ${matching(filters)} m`,
  );
  const last = row?.last_capture_at ?? null;
  return {
    papers: Number(row?.papers),
    organizations: Number(row?.organizations),
    upvotes: Number(row?.upvotes),
    firstDay: (row?.first_day as string | null) ?? null,
    lastDay: (row?.last_day as string | null) ?? null,
    lastCaptureAt: last === null ? null : new Date(last as string),
  };
}

export async function plainUpvoteSeries(db: Db, filters: Filters, granularity: "day" | "week" | "month") {
  const rows = await selectRows<Record<string, string | number>>(
    db,
    sql`select ${bucket(sql`m.daily_date`, granularity)} as date, count(*) as papers, sum(m.upvotes) as upvotes,
          percentile_cont(0.5) within group (order by m.upvotes) as median,
          percentile_cont(0.9) within group (order by m.upvotes) as p90
        from ${matching(filters)} m group by 1 order by 1`,
  );
  return rows.map((r) => ({
    date: String(r.date),
    papers: Number(r.papers),
    upvotes: Number(r.upvotes),
    median: Number(r.median),
    p90: Number(r.p90),
  }));
}

export async function plainTopPapers(db: Db, filters: Filters, limit: number) {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`select m.id from ${matching(filters)} m order by m.upvotes desc, m.daily_date desc, m.id limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** The ids of one page in a sort, and the total. */
export async function plainPaperPage(
  db: Db,
  filters: Filters,
  sort: { column: "upvotes" | "comments" | "daily_date" | "title"; desc: boolean },
  page: number,
  pageSize: number,
) {
  const order = sql`${sql.raw(`m.${sort.column}`)} ${sql.raw(sort.desc ? "desc" : "asc")}, m.id`;
  const rows = await selectRows<{ id: string }>(
    db,
    sql`select m.id from ${matching(filters)} m order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [count] = await selectRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${matching(filters)} m`,
  );
  return { ids: rows.map((r) => r.id), total: Number(count?.n) };
}

export async function plainOrgLeaderboard(
  db: Db,
  filters: Filters,
  sort: "papers" | "upvotes" | "median" | "top10",
  limit: number,
) {
  const orderColumn = {
    papers: "papers",
    upvotes: "upvotes",
    median: "median_upvotes",
    top10: "top10_share",
  }[sort];
  const rows = await selectRows<Record<string, string | number | null>>(
    db,
    sql`with ranked as (
          select id, row_number() over (partition by daily_date order by upvotes desc, id) as day_rank,
            count(*) over (partition by daily_date) as day_papers
          from papers
        ),
        chosen as (
          select m.organization_name as org, m.daily_date, m.upvotes, r.day_rank, r.day_papers
          from ${matching(filters)} m join ranked r on r.id = m.id where m.organization_name is not null
        ),
        per_org as (
          select org, count(*) as papers, sum(upvotes) as upvotes,
            percentile_cont(0.5) within group (order by upvotes) as median_upvotes,
            count(*) filter (where day_rank <= 10) as top10_papers
          from chosen group by org
        ),
        slots as (
          select org, sum(least(10, day_papers)) as top10_slots
          from (select distinct org, daily_date, day_papers from chosen) d group by org
        )
        select per_org.org as name, per_org.papers, per_org.upvotes, per_org.median_upvotes, per_org.top10_papers,
          slots.top10_slots, per_org.top10_papers::float8 / nullif(slots.top10_slots, 0) as top10_share
        from per_org join slots on slots.org = per_org.org
        order by ${sql.raw(orderColumn)} desc, per_org.org limit ${limit}`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    papers: Number(r.papers),
    upvotes: Number(r.upvotes),
    medianUpvotes: Number(r.median_upvotes),
    top10Papers: Number(r.top10_papers),
    top10Slots: Number(r.top10_slots),
  }));
}

/** Papers per period of the top organisations and of all the others (org null), as [period, org, papers]. */
export async function plainOrgActivity(db: Db, filters: Filters, granularity: "week" | "month", top: number) {
  const ranked = await selectRows<{ org: string }>(
    db,
    sql`select m.organization_name as org from ${matching(filters)} m where m.organization_name is not null
        group by 1 order by count(*) desc, 1 limit ${top}`,
  );
  const orgs = ranked.map((r) => r.org);
  const series =
    orgs.length > 0
      ? sql`case when m.organization_name in (${sql.join(
          orgs.map((o) => sql`${o}`),
          sql`, `,
        )}) then m.organization_name end`
      : sql`null::text`;
  const rows = await selectRows<{ period: string; org: string | null; papers: string | number }>(
    db,
    sql`select ${bucket(sql`m.daily_date`, granularity)} as period, ${series} as org, count(*) as papers
        from ${matching(filters)} m where m.organization_name is not null group by 1, 2`,
  );
  return { orgs, rows: rows.map((r) => ({ period: r.period, org: r.org, papers: Number(r.papers) })) };
}

/** Papers per period, and per period and topic (the topic filter picks the topic, it does not narrow papers). */
export async function plainTopicCounts(db: Db, filters: Filters, granularity: "week" | "month") {
  const papers = { ...filters, topics: undefined };
  const periods = await selectRows<{ period: string; papers: string | number }>(
    db,
    sql`select ${bucket(sql`m.daily_date`, granularity)} as period, count(*) as papers
        from ${matching(papers)} m group by 1 order by 1`,
  );
  const counts = await selectRows<{ period: string; topic: string; papers: string | number }>(
    db,
    sql`select ${bucket(sql`m.daily_date`, granularity)} as period, pt.topic, count(*) as papers
        from ${matching(papers)} m join paper_topics pt on pt.paper_id = m.id
        ${filters.topics?.length ? sql`where pt.topic = any(${anyTopic(filters.topics)})` : sql``} group by 1, 2`,
  );
  return {
    periods: periods.map((r) => ({ period: r.period, papers: Number(r.papers) })),
    counts: counts.map((r) => ({ period: r.period, topic: r.topic, papers: Number(r.papers) })),
  };
}

/** Matching papers per topic (the topic filter aside). */
export async function plainTopicTotals(db: Db, filters: Filters) {
  const rows = await selectRows<{ topic: string; papers: string | number }>(
    db,
    sql`select pt.topic, count(*) as papers from ${matching({ ...filters, topics: undefined })} m
        join paper_topics pt on pt.paper_id = m.id group by 1`,
  );
  return new Map(rows.map((r) => [r.topic, Number(r.papers)]));
}

/** Papers per keyword in a window (from, to both included), and the papers of the window. */
export async function plainKeywordCounts(db: Db, filters: Filters, from: string, to: string) {
  const window = { ...filters, from, to };
  const [total] = await selectRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${matching(window)} m`,
  );
  const rows = await selectRows<{ keyword: string; papers: string | number }>(
    db,
    sql`select k.keyword, count(*) as papers from ${matching(window)} m
        join paper_keywords pk on pk.paper_id = m.id cross join lateral unnest(pk.keywords) as k(keyword)
        group by 1`,
  );
  return { papers: Number(total?.n), keywords: new Map(rows.map((r) => [r.keyword, Number(r.papers)])) };
}

/** Every organisation with its papers and upvotes over all time. */
export async function plainOrganizations(db: Db) {
  const rows = await selectRows<{ name: string; papers: string | number; upvotes: string | number }>(
    db,
    sql`select o.name, count(p.id) as papers, coalesce(sum(p.upvotes), 0) as upvotes
        from organizations o left join papers p on p.organization_name = o.name
        group by o.name order by count(p.id) desc, o.name`,
  );
  return rows.map((r) => ({ name: r.name, papers: Number(r.papers), upvotes: Number(r.upvotes) }));
}

/** An array of topic slugs written out as `array[…]::text[]`, independent of the product's own condition. */
function anyTopic(topics: readonly string[]) {
  return sql`array[${sql.join(
    topics.map((topic) => sql`${topic}`),
    sql`, `,
  )}]::text[]`;
}
