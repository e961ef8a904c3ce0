import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import {
  type PaperSummary,
  type PaperSummaryRow,
  selectPaperSummary,
  toPaperSummary,
} from "./paper-summary.ts";

/** A paper of the listing with its latest counts, as stored (the trending capture's or a later one's). */
export type TrendingRow = PaperSummary & { position: number };

export type LatestTrending = {
  /** When the newest trending listing was captured; null when it never was. */
  capturedAt: Date | null;
  /** How many papers it held, before the filters. */
  listed: number;
  /** Its papers matching the filters, in its order. */
  rows: TrendingRow[];
};

/** The newest captured trending listing, in Hugging Face's order, narrowed by the views' filters. */
export async function getLatestTrending(db: Db, filters: Filters): Promise<LatestTrending> {
  // The newest trending capture: every page of it (an API listing may take several, all of one capture time).
  // Its pages are found through the index of good captures by time, its entries through their key.
  const [latest] = await selectRows<{ captured_at: Date | string }>(
    db,
    sql`select captured_at from scrape_pages where id = (select max(page_id) from trending_entries)`,
  );
  if (!latest) return { capturedAt: null, listed: 0, rows: [] };
  const capturedAt = new Date(latest.captured_at);
  const pages = sql`select id from scrape_pages
    where error_code is null and captured_at = ${capturedAt.toISOString()}::timestamptz`;
  const where = papersWhere(filters);
  const [count] = await selectRows<{ listed: number | string }>(
    db,
    sql`select count(*) as listed from trending_entries where page_id in (${pages})`,
  );
  const rows = await selectRows<PaperSummaryRow & { position: number | string }>(
    db,
    sql`with listed as (
          select e.paper_id, row_number() over (order by e.page_id, e.position) as position
          from trending_entries e where e.page_id in (${pages})
        )
        select listed.position, ${selectPaperSummary()}
        from listed join papers on papers.id = listed.paper_id
        ${where ? sql`where ${where}` : sql``}
        order by listed.position`,
  );
  return {
    capturedAt,
    listed: Number(count?.listed ?? 0),
    rows: rows.map((row) => ({ ...toPaperSummary(row), position: Number(row.position) })),
  };
}
