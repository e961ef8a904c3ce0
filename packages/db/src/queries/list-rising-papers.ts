import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { featuredAt } from "./featured-at.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { getLastSuccessAt } from "./get-freshness.ts";
import {
  type PaperSummary,
  type PaperSummaryRow,
  selectPaperSummary,
  toPaperSummary,
} from "./paper-summary.ts";

/** The windows upvotes are gained over, ending at the newest capture. */
export const risingWindows = ["24h", "7d"] as const;
export type RisingWindow = (typeof risingWindows)[number];

const windowInterval: Record<RisingWindow, SQL> = {
  "24h": sql`interval '24 hours'`,
  "7d": sql`interval '7 days'`,
};

export type RisingPaperRow = PaperSummary & {
  /** Upvotes gained over the last 24 hours and 7 days; null when the history cannot say (see listRisingPapers). */
  gained24h: number | null;
  gained7d: number | null;
  /** Upvotes per hour since the paper's daily date began (UTC), at least one hour. */
  perHour: number;
  /** Place among its day's papers by upvotes; 1 is the day's most upvoted. */
  dayRank: number | null;
  /** Hugging Face's own place for it in the newest listing that showed it, when captured. */
  rank: number | null;
};

export type RisingPapers = {
  /** The newest capture: the windows end here, so an archive reads as it did when captured. */
  asOf: Date | null;
  rows: RisingPaperRow[];
};

/**
 * The papers that gained the most upvotes over a window ending at the newest capture, from the snapshots: latest
 * upvotes minus the upvotes in effect at the window's start (snapshots keep changes only, so the value in effect is
 * the newest snapshot at or before it). A paper with no snapshot before the window gained all its upvotes in it when
 * it was featured inside the window; otherwise (first captured long after it was featured, by a backfill) its gain
 * is unknown, null, and it sorts last rather than counting its whole history as gained.
 *
 * Only papers captured inside the last 7 days can have gained anything: they are found by last_seen_at among the
 * papers, then two index probes each into the snapshots, whatever the history holds.
 */
export async function listRisingPapers(
  db: Db,
  filters: Filters,
  options: { window: RisingWindow; limit: number },
): Promise<RisingPapers> {
  const asOf = await getLastSuccessAt(db);
  if (!asOf) return { asOf, rows: [] };
  const now = sql`${asOf.toISOString()}::timestamptz`;
  const where = papersWhere(filters);
  const gained = (window: RisingWindow, start: string) => sql`case
      when ${sql.raw(start)}.upvotes is not null then c.upvotes - ${sql.raw(start)}.upvotes
      when c.featured_at > ${now} - ${windowInterval[window]} then c.upvotes end`;
  const startValue = (window: RisingWindow) => sql`(select s.upvotes from paper_snapshots s
      where s.paper_id = c.id and s.captured_at <= ${now} - ${windowInterval[window]}
      order by s.captured_at desc limit 1)`;
  const rows = await selectRows<
    PaperSummaryRow & {
      gained_24h: number | string | null;
      gained_7d: number | string | null;
      per_hour: number | string;
      day_rank: number | null;
      rank: number | null;
    }
  >(
    db,
    sql`with candidates as (
        select papers.id, papers.title, papers.daily_date, papers.organization_name, papers.upvotes,
          papers.comments, papers.day_rank, ${featuredAt(sql`papers.daily_date`)} as featured_at
        from papers
        where papers.last_seen_at > ${now} - interval '7 days' ${where ? sql`and ${where}` : sql``}
      ),
      measured as (
        select c.*, ${gained("24h", "d")} as gained_24h, ${gained("7d", "w")} as gained_7d,
          c.upvotes / greatest(1, extract(epoch from ${now} - c.featured_at) / 3600) as per_hour,
          (select s.rank from paper_snapshots s where s.paper_id = c.id order by s.captured_at desc limit 1) as rank
        from candidates c
        left join lateral (select ${startValue("24h")} as upvotes) d on true
        left join lateral (select ${startValue("7d")} as upvotes) w on true
      )
      select ${selectPaperSummary("measured")},
        gained_24h, gained_7d, per_hour, day_rank, rank
      from measured
      order by ${options.window === "24h" ? sql`gained_24h` : sql`gained_7d`} desc nulls last, upvotes desc, id
      limit ${options.limit}`,
  );
  return {
    asOf,
    rows: rows.map((row) => ({
      ...toPaperSummary(row),
      gained24h: row.gained_24h === null ? null : Number(row.gained_24h),
      gained7d: row.gained_7d === null ? null : Number(row.gained_7d),
      perHour: Number(row.per_hour),
      dayRank: row.day_rank === null ? null : Number(row.day_rank),
      rank: row.rank === null ? null : Number(row.rank),
    })),
  };
}
