import { sql } from "drizzle-orm";
import { selectRows } from "../../rows.ts";
import type { Db } from "../../types.ts";

/**
 * When the paper was seen, from its first snapshot to its last confirmed capture. Snapshots keep changes only, so
 * they alone undercount: every good listing capture covering the paper's daily date in between saw it too (a day's
 * listing holds all of that day's papers). Listing pages start at most a month before the day they cover.
 */
export async function listCaptureTimes(db: Db, paperId: string): Promise<Date[]> {
  const rows = await selectRows<{ at: Date | string }>(
    db,
    sql`with own as (
          select p.daily_date, min(s.captured_at) as first_at,
            greatest(max(s.captured_at), coalesce(p.confirmed_at, max(s.captured_at))) as last_at
          from papers p join paper_snapshots s on s.paper_id = p.id
          where p.id = ${paperId}
          group by p.daily_date, p.confirmed_at
        )
        select captured_at as at from paper_snapshots where paper_id = ${paperId}
        union
        select sp.captured_at from scrape_pages sp join own on true
        where sp.error_code is null
          and sp.listing_date between own.daily_date - 31 and own.daily_date
          and coalesce(sp.listing_end, sp.listing_date) >= own.daily_date
          and sp.captured_at between own.first_at and own.last_at
        union
        select p.confirmed_at from papers p where p.id = ${paperId} and p.confirmed_at is not null
        order by 1`,
  );
  return rows.map((row) => new Date(row.at));
}

export type CaptureGap = { fromHours: number; toHours: number };

/** Below this, a pause between captures is the schedule's rhythm, not a gap, however regular the rest. */
const minGapHours = 3;
/** A pause this many times the usual one between captures is a gap: nobody looked, so nothing is known there. */
const gapFactor = 3;

/**
 * The stretches without captures, in hours since `origin`: pauses longer than three times the median pause (and
 * over three hours), so a daily scrape's days are not gaps but an hourly scrape's missing afternoon is.
 */
export function findCaptureGaps(times: readonly Date[], origin: Date): CaptureGap[] {
  const hours = times.map((at) => (at.getTime() - origin.getTime()) / 3_600_000);
  const pauses = hours.slice(1).map((h, i) => h - (hours[i] as number));
  if (pauses.length < 2) return [];
  const sorted = [...pauses].sort((a, b) => a - b);
  const usual = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const limit = Math.max(minGapHours, usual * gapFactor);
  const gaps: CaptureGap[] = [];
  pauses.forEach((pause, i) => {
    if (pause > limit) gaps.push({ fromHours: hours[i] as number, toHours: hours[i + 1] as number });
  });
  return gaps;
}
