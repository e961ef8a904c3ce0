import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type CurvePoint = {
  /** Hours since the paper was first captured (its first snapshot). */
  hours: number;
  upvotes: number;
  comments: number;
};

export type MedianPoint = {
  /** Whole hours since first capture: each paper's snapshots fall in the hour they were taken in. */
  hours: number;
  upvotes: number;
  comments: number;
  /** How many papers of the day had a capture in that hour. */
  papers: number;
};

export type PaperCurves = {
  points: CurvePoint[];
  /** Median over the papers of the same daily date (this one included), hour by hour since each one's first capture. */
  median: MedianPoint[];
  /** How many papers share the daily date. */
  dayPapers: number;
  /** Hours from the first capture until the paper first reached 50% and 90% of its latest upvotes. */
  hoursTo50: number | null;
  hoursTo90: number | null;
};

/**
 * A paper's upvote and comment curves from its snapshots (x = hours since first seen), against the median curve of
 * the papers featured on the same daily date. Hours are measured from each paper's own first snapshot.
 */
export async function getPaperCurves(db: Db, paperId: string): Promise<PaperCurves> {
  const points = await selectRows<{ hours: number | string; upvotes: number; comments: number }>(
    db,
    sql`select extract(epoch from (s.captured_at - min(s.captured_at) over ())) / 3600.0 as hours,
          s.upvotes, s.comments
        from paper_snapshots s
        where s.paper_id = ${paperId}
        order by s.captured_at, s.id`,
  );
  const median = await selectRows<{
    hours: number | string;
    upvotes: number | string;
    comments: number | string;
    papers: number | string;
  }>(
    db,
    sql`with day_papers as (
          select p.id from papers p
          where p.daily_date = (select daily_date from papers where id = ${paperId})
        ),
        since as (
          select s.paper_id, s.upvotes, s.comments,
            floor(extract(epoch from (s.captured_at - min(s.captured_at) over (partition by s.paper_id))) / 3600.0)
              as hour
          from paper_snapshots s join day_papers d on d.id = s.paper_id
        ),
        -- A paper captured twice within one hour counts once there, with its later values.
        per_paper as (
          select distinct on (paper_id, hour) paper_id, hour, upvotes, comments
          from since order by paper_id, hour, upvotes desc, comments desc
        )
        select hour as hours,
          percentile_cont(0.5) within group (order by upvotes) as upvotes,
          percentile_cont(0.5) within group (order by comments) as comments,
          count(*) as papers
        from per_paper group by hour order by hour`,
  );
  const [day] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from papers
        where daily_date = (select daily_date from papers where id = ${paperId})`,
  );
  const curve = points.map((p) => ({ hours: Number(p.hours), upvotes: p.upvotes, comments: p.comments }));
  return {
    points: curve,
    median: median.map((m) => ({
      hours: Number(m.hours),
      upvotes: Number(m.upvotes),
      comments: Number(m.comments),
      papers: Number(m.papers),
    })),
    dayPapers: Number(day?.n ?? 0),
    hoursTo50: hoursToShare(curve, 0.5),
    hoursTo90: hoursToShare(curve, 0.9),
  };
}

/**
 * Hours until the curve first reached `share` of its last value; null without points or when the last value is 0
 * (nothing to reach). The first capture counts: a paper first seen with all its upvotes reached them at hour 0.
 */
export function hoursToShare(points: CurvePoint[], share: number): number | null {
  const last = points.at(-1);
  if (!last || last.upvotes <= 0) return null;
  const target = share * last.upvotes;
  return points.find((point) => point.upvotes >= target)?.hours ?? null;
}
