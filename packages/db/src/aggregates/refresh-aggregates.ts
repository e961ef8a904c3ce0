import { statPeriods } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";
import { periodEnd, periodStart } from "../queries/periods.ts";
import type { DbOrTx } from "../types.ts";
import { type AggregateScope, inDays, isEmpty } from "./scope.ts";

/**
 * Recomputes what the views read instead of aggregating every paper per request, for the days and organisations
 * in scope: each paper's rank in its day, the daily, weekly and monthly figures, papers per day and topic, and the
 * organisations' all-time figures. Runs inside the transaction that changed the papers, after their topics are
 * stored, so readers never see the papers and their aggregates disagree.
 */
export async function refreshAggregates(tx: DbOrTx, scope: AggregateScope): Promise<void> {
  for (const statement of aggregateStatements(scope)) await tx.execute(statement);
}

/**
 * The statements of a refresh, in the order they must run. None needs an earlier one's result on the client, so a
 * caller may send them all at once (saveCapture pipelines them with its own writes).
 */
export function aggregateStatements(scope: AggregateScope): SQL[] {
  if (isEmpty(scope)) return [];
  return [
    dayRanksStatement(scope),
    ...dailyStatsStatements(scope),
    ...periodStatsStatements(scope),
    ...topicDayStatsStatements(scope),
    ...orgStatsStatements(scope),
  ];
}

/** A day's ranking is by latest upvotes, ties by id, over every paper of the day. Unchanged ranks are not written. */
function dayRanksStatement(scope: AggregateScope): SQL {
  // The target is narrowed to the days as well, so that both sides of the join are read through the day index.
  return sql`
    with ranked as (
      select id, row_number() over (partition by daily_date order by upvotes desc, id) as day_rank
      from papers where ${inDays(sql`daily_date`, scope)}
    )
    update papers set day_rank = ranked.day_rank
    from ranked
    where papers.id = ranked.id and ${inDays(sql`papers.daily_date`, scope)}
      and papers.day_rank is distinct from ranked.day_rank`;
}

function dailyStatsStatements(scope: AggregateScope): SQL[] {
  return [
    sql`delete from daily_stats where ${inDays(sql`daily_date`, scope)}`,
    sql`
    insert into daily_stats (daily_date, papers, upvotes, median, p90, org_papers, last_seen_at)
    select daily_date, count(*), sum(upvotes),
      percentile_cont(0.5) within group (order by upvotes), percentile_cont(0.9) within group (order by upvotes),
      count(organization_name), max(last_seen_at)
    from papers where ${inDays(sql`daily_date`, scope)}
    group by daily_date`,
  ];
}

const periodFigures = sql`count(*), sum(upvotes), percentile_cont(0.5) within group (order by upvotes),
  percentile_cont(0.9) within group (order by upvotes), count(organization_name)`;

/** Weeks (ISO, from Monday) and months that hold a day in scope, recomputed whole from their papers. */
function periodStatsStatements(scope: AggregateScope): SQL[] {
  if (scope === "all") {
    return [
      sql`delete from period_stats`,
      ...statPeriods.map((granularity) => {
        const start = sql`date_trunc(${granularity}, daily_date::timestamp)::date`;
        return sql`
          insert into period_stats (granularity, period_start, papers, upvotes, median, p90, org_papers)
          select ${granularity}, ${start}, ${periodFigures} from papers group by 2`;
      }),
    ];
  }
  // One statement per period, each a range of the day index.
  const periods = new Map<
    string,
    { granularity: (typeof statPeriods)[number]; start: string; end: string }
  >();
  for (const day of scope.days) {
    for (const granularity of statPeriods) {
      const start = periodStart(day, granularity);
      periods.set(`${granularity} ${start}`, { granularity, start, end: periodEnd(start, granularity) });
    }
  }
  return [...periods.values()].flatMap(({ granularity, start, end }) => [
    sql`delete from period_stats where granularity = ${granularity} and period_start = ${start}::date`,
    sql`
      insert into period_stats (granularity, period_start, papers, upvotes, median, p90, org_papers)
      select ${granularity}, ${start}::date, ${periodFigures} from papers
      where daily_date >= ${start}::date and daily_date < ${end}::date
      having count(*) > 0`,
  ]);
}

function topicDayStatsStatements(scope: AggregateScope): SQL[] {
  return [
    sql`delete from topic_day_stats where ${inDays(sql`daily_date`, scope)}`,
    // Each paper's topics through the topics key: the days' papers first, never a scan of every topic row (the
    // `offset 0` keeps the planner from turning the lateral into a join that reads them all).
    sql`
    insert into topic_day_stats (daily_date, topic, papers)
    select p.daily_date, t.topic, count(*)
    from papers p cross join lateral (select topic from paper_topics pt where pt.paper_id = p.id offset 0) t
    where ${inDays(sql`p.daily_date`, scope)}
    group by p.daily_date, t.topic`,
  ];
}

/**
 * The organisations in scope, and every organisation with a paper on a day in scope: a day's ranks moving changes
 * the top-10 count of every organisation that published that day. Needs the day ranks and daily stats first.
 */
function orgStatsStatements(scope: AggregateScope): SQL[] {
  // In the database, not on the client: the organisations publishing on the days are read after this
  // transaction's own writes to the papers, without a round trip in between.
  const named = (column: SQL) =>
    scope === "all"
      ? sql`${column} is not null`
      : sql`${column} = any(array(
          select value from jsonb_array_elements_text(${JSON.stringify(scope.orgs)}::jsonb)
          union
          select distinct organization_name from papers
          where organization_name is not null and ${inDays(sql`daily_date`, scope)}))`;
  return [
    sql`delete from org_stats where ${named(sql`name`)}`,
    sql`
    with chosen as (
      select organization_name as org, daily_date, upvotes, day_rank from papers
      where ${named(sql`organization_name`)}
    ),
    slots as (
      select d.org, sum(least(10, s.papers)) as top10_slots
      from (select distinct org, daily_date from chosen) d join daily_stats s on s.daily_date = d.daily_date
      group by d.org
    )
    insert into org_stats (name, papers, upvotes, median, top10_papers, top10_slots, first_day, last_day)
    select c.org, count(*), sum(c.upvotes), percentile_cont(0.5) within group (order by c.upvotes),
      count(*) filter (where c.day_rank <= 10), coalesce(max(slots.top10_slots), 0), min(c.daily_date),
      max(c.daily_date)
    from chosen c left join slots on slots.org = c.org
    group by c.org`,
  ];
}

/** Papers per day and topic again, for the days in scope: retopic changes topics without touching the papers. */
export async function refreshTopicStats(tx: DbOrTx, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  for (const statement of topicDayStatsStatements({ days, orgs: [] })) await tx.execute(statement);
}
