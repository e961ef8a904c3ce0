import { type SQL, sql } from "drizzle-orm";
import type { CapturedPaper } from "./capture.ts";

/**
 * What a snapshot holds besides its paper and time. Two captures with the same values are one state of the paper:
 * only a change is a new snapshot.
 */
const values = ["upvotes", "comments", "github_stars", "rank"] as const;

export type SnapshotMode = "changes" | "every-capture";

/**
 * Appends the captured papers' snapshots and advances the page's and the run's counters, in one statement; returns
 * the ids of the papers that got a snapshot.
 *
 * With `changes` (the default) a capture equal to the snapshot in effect at its time (the paper's latest at or
 * before it) writes nothing: the papers upsert moved the paper's confirmed_at instead, and the history keeps every
 * change, not every repetition. A capture that arrives late, between two snapshots, and differs from the one
 * before it is inserted; the one after it goes if it now repeats it. So no snapshot ever equals the one before it,
 * and for counts that only grow the stored history is the same whatever order the captures arrive in. (Values
 * that go back and forth, a rank, can lose a step when captures arrive out of order: a capture dropped as a repeat
 * is not there to restore the old value after a late one lands before it. Live runs capture in time order.)
 * `every-capture` keeps one row per capture, the storage before change-only snapshots (for comparisons).
 */
export function appendSnapshotsStatement(input: {
  items: readonly CapturedPaper[];
  capturedAt: Date;
  runId: number;
  pageId: number;
  /** Papers this capture inserted: they have no snapshot yet, so none is looked up for them. */
  inserted: ReadonlySet<string>;
  newPapers: number;
  itemCount: number;
  mode: SnapshotMode;
}): SQL {
  const at = sql`${input.capturedAt.toISOString()}::timestamptz`;
  const rows = input.items.map((p) => ({
    paper_id: p.id,
    upvotes: p.upvotes,
    comments: p.comments,
    github_stars: p.githubStars,
    rank: p.rank,
    new: input.inserted.has(p.id),
  }));
  const own = sql.raw(values.map((column) => `i.${column}`).join(", "));
  const tuple = (alias: string) => sql.raw(`(${values.map((column) => `${alias}.${column}`).join(", ")})`);
  const every = input.mode === "every-capture";
  return sql`with input as (
      select r.paper_id, r.upvotes, r.comments, r.github_stars, r.rank, r.new
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(paper_id text, upvotes int, comments int, github_stars int, rank int, new boolean)
    ),
    around as (
      select i.paper_id, ${own}, b.captured_at as before_at, ${tuple("b")} as before_values,
        a.id as after_id, ${tuple("a")} as after_values
      from input i
      left join lateral (
        select captured_at, ${sql.raw(values.join(", "))} from paper_snapshots s
        where not i.new and s.paper_id = i.paper_id and s.captured_at <= ${at} order by s.captured_at desc limit 1
      ) b on true
      left join lateral (
        select id, ${sql.raw(values.join(", "))} from paper_snapshots s
        where not i.new and s.paper_id = i.paper_id and s.captured_at > ${at} order by s.captured_at limit 1
      ) a on true
    ),
    changed as (
      select * from around
      where ${every ? sql`true` : sql`before_at is null or (before_at < ${at} and ${tuple("around")} is distinct from before_values)`}
    ),
    added as (
      insert into paper_snapshots (paper_id, captured_at, upvotes, comments, github_stars, rank, run_id, page_id)
      select paper_id, ${at}, ${sql.raw(values.join(", "))}, ${input.runId}, ${input.pageId}
      from changed
      on conflict (paper_id, captured_at) do nothing
      returning paper_id
    ),
    repeated as (
      delete from paper_snapshots where ${
        every
          ? sql`false`
          : sql`id = any(array(
        select after_id from changed
        where after_id is not null and ${tuple("changed")} is not distinct from after_values))`
      }
      returning run_id, page_id
    ),
    -- Counters move for this page and run, and back for the pages and runs whose snapshot became a repeat: each
    -- row is updated once, as one statement must.
    page as (
      update scrape_pages p set
        new_papers = case when p.id = ${input.pageId} then ${input.newPapers} else p.new_papers end,
        snapshots = p.snapshots + case when p.id = ${input.pageId} then (select count(*) from added) else 0 end
          - (select count(*) from repeated r where r.page_id = p.id)
      where p.id = ${input.pageId} or p.id in (select page_id from repeated)
    ),
    run as (
      update scrape_runs r set
        pages_total = r.pages_total + case when r.id = ${input.runId} then 1 else 0 end,
        items = r.items + case when r.id = ${input.runId} then ${input.itemCount} else 0 end,
        new_papers = r.new_papers + case when r.id = ${input.runId} then ${input.newPapers} else 0 end,
        snapshots = r.snapshots + case when r.id = ${input.runId} then (select count(*) from added) else 0 end
          - (select count(*) from repeated x where x.run_id = r.id),
        heartbeat_at = case when r.id = ${input.runId} then now() else r.heartbeat_at end
      where r.id = ${input.runId} or r.id in (select run_id from repeated)
    )
    select paper_id from added`;
}
