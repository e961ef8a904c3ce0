import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../../rows.ts";
import type { Db } from "../../types.ts";
import { featuredAt } from "../featured-at.ts";
import { type CaptureGap, findCaptureGaps, listCaptureTimes } from "./capture-times.ts";
import { hasEnoughCaptures, type Reach, reachOf } from "./reach.ts";

export type CurvePoint = {
  /** Hours since the paper was featured (the start of its daily date, UTC). */
  hours: number;
  upvotes: number;
  comments: number;
  /** Hugging Face's place for the paper in the listing it was captured from (1 first), when captured. */
  rank: number | null;
  /**
   * The last capture that confirmed the latest values, after the snapshot that recorded them: snapshots keep
   * changes only, and the values held from each one until the next.
   */
  confirmed?: true;
};

export type MedianPoint = {
  /**
   * Whole hours since the day's papers were featured. Each paper counts at every hour from its first capture to
   * its last confirmed one, with the values of its latest snapshot by the end of that hour (values hold until they
   * change). Hours are those where some paper of the day changed or was last confirmed; in between, the median
   * stays as it was.
   */
  hours: number;
  upvotes: number;
  comments: number;
  /** How many papers of the day had been captured by then and were still followed (confirmed later on). */
  papers: number;
};

export type PaperCurves = {
  /** Where the hours count from: the start of the paper's daily date (UTC), when Hugging Face featured it. */
  featuredAt: Date | null;
  points: CurvePoint[];
  /** Median over the papers of the same daily date (this one included), hour by hour since they were featured. */
  median: MedianPoint[];
  /** How many papers share the daily date. */
  dayPapers: number;
  /** How many captures saw the paper, and over how many hours from the first to the last. */
  captures: { count: number; spanHours: number };
  /** Stretches with no capture of the paper: its values there are unknown, and its line breaks. */
  gaps: CaptureGap[];
  /** At least three captures spanning a day: fewer say nothing about how fast the paper gained its upvotes. */
  enoughCaptures: boolean;
  /** When the paper first reached 50% and 90% of its latest upvotes; null without enough captures. */
  hoursTo50: Reach | null;
  hoursTo90: Reach | null;
};

/**
 * A paper's upvote and comment curves from its snapshots (x = hours since it was featured), ending at its last
 * confirmed capture, against the median curve of the papers featured on the same daily date, with the stretches
 * nobody captured it and when it reached half and most of its upvotes.
 */
export async function getPaperCurves(db: Db, paperId: string): Promise<PaperCurves> {
  const points = await selectRows<{
    hours: number | string;
    upvotes: number;
    comments: number;
    rank: number | null;
    confirmed: boolean;
  }>(
    db,
    sql`with own as (
          select s.captured_at, s.upvotes, s.comments, s.rank, s.id, ${featuredAt(sql`p.daily_date`)} as first_at,
            row_number() over (order by s.captured_at desc, s.id desc) = 1 as latest
          from paper_snapshots s join papers p on p.id = s.paper_id where s.paper_id = ${paperId}
        )
        select extract(epoch from (captured_at - first_at)) / 3600.0 as hours, upvotes, comments, rank,
          false as confirmed, captured_at, id
        from own
        union all
        select extract(epoch from (p.confirmed_at - own.first_at)) / 3600.0, own.upvotes, own.comments, own.rank, true,
          p.confirmed_at, own.id
        from own join papers p on p.id = ${paperId}
        where own.latest and p.confirmed_at > own.captured_at
        order by captured_at, id`,
  );
  const median = await selectRows<{
    hours: number | string;
    upvotes: number | string;
    comments: number | string;
    papers: number | string;
  }>(db, medianQuery(paperId));
  const [day] = await selectRows<{ n: number | string; featured_at: Date | string | null }>(
    db,
    sql`select count(*) as n, (select ${featuredAt(sql`p.daily_date`)} from papers p where p.id = ${paperId}) as featured_at
        from papers where daily_date = (select daily_date from papers where id = ${paperId})`,
  );
  const times = await listCaptureTimes(db, paperId);
  const curve: CurvePoint[] = points.map((p) => ({
    hours: Number(p.hours),
    upvotes: p.upvotes,
    comments: p.comments,
    rank: p.rank === null ? null : Number(p.rank),
    ...(p.confirmed ? { confirmed: true as const } : {}),
  }));
  const featured = day?.featured_at ? new Date(day.featured_at) : null;
  const first = times[0];
  const last = times.at(-1);
  const enoughCaptures = hasEnoughCaptures(times);
  return {
    featuredAt: featured,
    points: curve,
    median: median.map((m) => ({
      hours: Number(m.hours),
      upvotes: Number(m.upvotes),
      comments: Number(m.comments),
      papers: Number(m.papers),
    })),
    dayPapers: Number(day?.n ?? 0),
    captures: {
      count: times.length,
      spanHours: first && last ? (last.getTime() - first.getTime()) / 3_600_000 : 0,
    },
    gaps: featured ? findCaptureGaps(times, featured) : [],
    enoughCaptures,
    hoursTo50: enoughCaptures ? reachOf(curve, 0.5) : null,
    hoursTo90: enoughCaptures ? reachOf(curve, 0.9) : null,
  };
}

/**
 * The day's median curve, values carried forward: each paper's state at the end of an hour is its latest
 * snapshot by then, so a paper whose values did not change in an hour still counts there, as it did when every
 * capture was a row. The hours computed are those where a paper changed or was last confirmed.
 */
function medianQuery(paperId: string) {
  const hourOf = (at: SQL) => sql`floor(extract(epoch from (${at} - first_at)) / 3600.0)`;
  return sql`with day_papers as (
      select p.id, p.confirmed_at, ${featuredAt(sql`p.daily_date`)} as first_at from papers p
      where p.daily_date = (select daily_date from papers where id = ${paperId})
    ),
    snaps as (
      select s.paper_id, s.captured_at, s.upvotes, s.comments, d.confirmed_at, d.first_at
      from paper_snapshots s join day_papers d on d.id = s.paper_id
    ),
    -- A paper with several snapshots in one hour counts there with its last.
    hourly as (
      select distinct on (paper_id, hour) paper_id, hour, upvotes, comments
      from (select *, ${hourOf(sql`captured_at`)} as hour from snaps) x
      order by paper_id, hour, captured_at desc
    ),
    followed as (
      select paper_id, min(${hourOf(sql`captured_at`)}) as first_hour,
        max(${hourOf(sql`greatest(captured_at, coalesce(confirmed_at, captured_at))`)}) as last_hour
      from snaps group by paper_id
    ),
    hours as (select hour from hourly union select last_hour from followed),
    filled as (
      select f.paper_id, h.hour, hy.upvotes, hy.comments,
        count(hy.hour) over (partition by f.paper_id order by h.hour) as run
      from followed f join hours h on h.hour between f.first_hour and f.last_hour
      left join hourly hy on hy.paper_id = f.paper_id and hy.hour = h.hour
    ),
    carried as (
      select hour,
        first_value(upvotes) over (partition by paper_id, run order by hour) as upvotes,
        first_value(comments) over (partition by paper_id, run order by hour) as comments
      from filled
    )
    select hour as hours,
      percentile_cont(0.5) within group (order by upvotes) as upvotes,
      percentile_cont(0.5) within group (order by comments) as comments,
      count(*) as papers
    from carried group by hour order by hour`;
}
