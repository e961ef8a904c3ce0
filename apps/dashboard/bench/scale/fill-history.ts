import { type Db, selectRows } from "@paperpulse/db";
import { sql } from "drizzle-orm";

export type HistoryScale = {
  /** Snapshots the database should hold in all (the imported captures included). */
  snapshots: number;
  /** Hours between two simulated refresh runs: 1 is the real schedule, 10 a tenth of its runs and pages. */
  runEveryHours: number;
  /** Pages each simulated refresh run recorded (the real one fetches about 30). */
  pagesPerRun: number;
};

export type HistoryCounts = { papers: number; snapshots: number; runs: number; pages: number };

/**
 * Adds what three years of the hourly refresh leave behind to a database that holds the imported scale archive:
 * snapshots between each paper's first and last capture (upvotes growing from the first capture's to the latest,
 * so that every paper's latest values stay its newest snapshot's), and the refresh runs with their pages. Written
 * in SQL rather than through the scraper: a real refresh of 10 million snapshots would take weeks of schedule.
 */
export async function fillHistory(
  db: Db,
  scale: HistoryScale,
  log: (line: string) => void,
): Promise<HistoryCounts> {
  const runIds = await addRefreshRuns(db, scale);
  const before = await countRows(db);
  const perPaper = Math.max(0, Math.ceil((scale.snapshots - before.snapshots) / Math.max(1, before.papers)));
  const quarters = await selectRows<{ q: string }>(
    db,
    sql`select distinct to_char(date_trunc('quarter', daily_date::timestamp), 'YYYY-MM-DD') as q
        from papers order by 1`,
  );
  for (const [index, { q }] of quarters.entries()) {
    await db.execute(sql`
      insert into paper_snapshots (paper_id, captured_at, upvotes, comments, run_id)
      select p.id,
        p.first_seen_at + (p.last_seen_at - p.first_seen_at) * (g::float8 / (${perPaper} + 1)),
        f.upvotes + floor((p.upvotes - f.upvotes) * (g::float8 / (${perPaper} + 1)))::int,
        f.comments + floor((p.comments - f.comments) * (g::float8 / (${perPaper} + 1)))::int,
        ${runIds.first}::int + ((hashtext(p.id) & 1073741823) + g) % ${runIds.count}::int
      from papers p
        cross join lateral (
          select s.upvotes, s.comments from paper_snapshots s
          where s.paper_id = p.id order by s.captured_at limit 1
        ) f
        cross join generate_series(1, ${perPaper}::int) g
      where p.daily_date >= ${q}::date and p.daily_date < ${q}::date + interval '3 months'
        and p.last_seen_at > p.first_seen_at
      on conflict do nothing`);
    log(`  snapshots: quarter ${index + 1} of ${quarters.length} (${q})`);
  }
  // What autovacuum (Postgres) or the tidy after every run (PGlite) leaves: reclaimed rows, fresh statistics.
  await db.execute(sql`vacuum analyze`);
  return countRows(db);
}

async function addRefreshRuns(db: Db, scale: HistoryScale): Promise<{ first: number; count: number }> {
  const [range] = await selectRows<{ first: number | string; count: number | string }>(
    db,
    sql`with added as (
          insert into scrape_runs (trigger, command, plan, status, started_at, finished_at, heartbeat_at, pid, host,
            pages_total, items, snapshots, requests)
          select 'schedule', 'refresh', '{"job":"refresh"}'::jsonb, 'succeeded', t, t + interval '40 seconds',
            t + interval '40 seconds', 1, 'scale-bench', ${scale.pagesPerRun}::int, ${scale.pagesPerRun * 30}::int,
            0, ${scale.pagesPerRun}::int
          from generate_series(now() - interval '3 years', now() - interval '1 hour',
            make_interval(hours => ${scale.runEveryHours}::int)) t
          returning id)
        select min(id) as first, count(*) as count from added`,
  );
  const first = Number(range?.first);
  const count = Number(range?.count);
  await db.execute(sql`
    insert into scrape_pages (run_id, url, kind, listing_date, captured_at, status_code, duration_ms, bytes, items,
      snapshots, error_code, error)
    select r.id,
      'https://huggingface.co/api/daily_papers?date=' || to_char(r.started_at - make_interval(days => i / 2), 'YYYY-MM-DD')
        || '&p=' || (i % 2) || '&limit=100',
      'api', (r.started_at - make_interval(days => i / 2))::date, r.started_at + make_interval(secs => i),
      case when (r.id + i) % 211 = 0 then 503 else 200 end, 250 + (r.id + i) % 400, 90000 + (r.id * i) % 60000,
      case when (r.id + i) % 211 = 0 then 0 else 30 end, 0,
      case when (r.id + i) % 211 = 0 then 'HTTP_ERROR' end,
      case when (r.id + i) % 211 = 0 then 'HTTP 503 after 3 attempts' end
    from scrape_runs r cross join generate_series(0, ${scale.pagesPerRun - 1}::int) i
    where r.id >= ${first} and r.id < ${first + count}`);
  return { first, count };
}

export async function countRows(db: Db): Promise<HistoryCounts> {
  const [row] = await selectRows<Record<keyof HistoryCounts, number | string>>(
    db,
    sql`select (select count(*) from papers) as papers, (select count(*) from paper_snapshots) as snapshots,
          (select count(*) from scrape_runs) as runs, (select count(*) from scrape_pages) as pages`,
  );
  return {
    papers: Number(row?.papers ?? 0),
    snapshots: Number(row?.snapshots ?? 0),
    runs: Number(row?.runs ?? 0),
    pages: Number(row?.pages ?? 0),
  };
}
