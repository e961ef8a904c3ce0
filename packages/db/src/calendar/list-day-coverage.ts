import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type DayCoverage = {
  date: string;
  /** Runs that stored this day's listing whole (or a range covering it), and how many items it held. */
  okPages: number;
  items: number;
  /** Runs in which a page for this day failed. */
  failedPages: number;
  /** The latest successful capture of the day, if any. */
  lastCapturedAt: Date | null;
};

/**
 * Every day from `from` to `to` (both included) with what the runs captured for it: its own day listing, and any
 * week or month listing whose range covered it. A run counts for a day once: failed if any of its pages for the day
 * failed (a listing paged in several requests is whole only when every page stored), else stored. Items are the
 * day listings' items, and for a day a range covered, the papers stored under that day. `runId` counts one run only.
 */
export async function listDayCoverage(
  db: Db,
  from: string,
  to: string,
  options: { runId?: number } = {},
): Promise<DayCoverage[]> {
  const ofRun = options.runId === undefined ? sql`true` : sql`p.run_id = ${options.runId}`;
  const rows = await selectRows<{
    date: string;
    ok_pages: number;
    items: number;
    failed_pages: number;
    last_captured_at: string | Date | null;
  }>(
    db,
    sql`with days as (
          select d::date as day from generate_series(${from}::date, ${to}::date, interval '1 day') as d
        ),
        hits as (
          select days.day, p.run_id, p.error_code, p.items, p.captured_at, false as ranged
          from days join scrape_pages p on p.listing_date = days.day and p.listing_end is null and ${ofRun}
          union all
          -- A range starts at most 31 days before a day it covers: the listing-date index finds its pages.
          select days.day, p.run_id, p.error_code, 0, p.captured_at, true
          from days join scrape_pages p
            on p.listing_date between days.day - 31 and days.day and p.listing_end >= days.day and ${ofRun}
        ),
        per_run as (
          select day, run_id, bool_or(error_code is not null) as failed,
            coalesce(sum(items) filter (where error_code is null), 0) as items,
            bool_or(ranged and error_code is null) as ranged,
            max(captured_at) filter (where error_code is null) as last_at
          from hits group by day, run_id
        )
        select to_char(days.day, 'YYYY-MM-DD') as date,
          count(r.run_id) filter (where not r.failed)::int as ok_pages,
          (coalesce(sum(r.items) filter (where not r.failed), 0)
            + case when bool_or(r.ranged and not r.failed)
                then (select count(*) from papers where daily_date = days.day) else 0 end)::int as items,
          count(r.run_id) filter (where r.failed)::int as failed_pages,
          max(r.last_at) filter (where not r.failed) as last_captured_at
        from days left join per_run r on r.day = days.day
        group by days.day order by days.day`,
  );
  return rows.map((r) => ({
    date: r.date,
    okPages: r.ok_pages,
    items: r.items,
    failedPages: r.failed_pages,
    lastCapturedAt: r.last_captured_at === null ? null : new Date(r.last_captured_at),
  }));
}

/** The earliest listing date any run captured, or null on an empty database. */
export async function getFirstListingDate(db: Db): Promise<string | null> {
  const [row] = await selectRows<{ first: string | null }>(
    db,
    sql`select min(listing_date)::text as first from scrape_pages where error_code is null`,
  );
  return row?.first ?? null;
}
