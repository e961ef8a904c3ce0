import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type DayCoverage = {
  date: string;
  /** Pages of this listing date that stored without error, and how many items they held in all. */
  okPages: number;
  items: number;
  failedPages: number;
  /** The latest successful capture of the day, if any. */
  lastCapturedAt: Date | null;
};

/** Every day from `from` to `to` (both included) with what the runs captured for its listing. */
export async function listDayCoverage(db: Db, from: string, to: string): Promise<DayCoverage[]> {
  const rows = await selectRows<{
    date: string;
    ok_pages: number;
    items: number;
    failed_pages: number;
    last_captured_at: string | Date | null;
  }>(
    db,
    sql`select d::date::text as date,
          count(p.id) filter (where p.error_code is null)::int as ok_pages,
          coalesce(sum(p.items) filter (where p.error_code is null), 0)::int as items,
          count(p.id) filter (where p.error_code is not null)::int as failed_pages,
          max(p.captured_at) filter (where p.error_code is null) as last_captured_at
        from generate_series(${from}::date, ${to}::date, interval '1 day') as d
        left join scrape_pages p on p.listing_date = d::date
        group by d order by d`,
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
