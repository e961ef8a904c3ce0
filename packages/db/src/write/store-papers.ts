import { type SQL, sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import type { Capture, CapturedPaper } from "./capture.ts";
import { newestNonNull } from "./newest-non-null.ts";
import { planEachTime } from "./send-all.ts";

/**
 * The statements that write a capture's organisations and papers. Rows travel as one JSON parameter per statement,
 * so each statement's text is the same for every page: the driver prepares it once, and nothing is built per row
 * on the client (building a row-by-row insert cost more than the database spent on it). They are read with
 * json_to_recordset, not jsonb_to_recordset: a page of abstracts is read once instead of first converted to jsonb,
 * which took twice as long on PGlite.
 */

/**
 * Hugging Face spells some organisations differently over time (`Meta`, `meta`): names match whatever their case
 * (Postgres's lower(), the one the unique index on lower(name) uses, decides what "the same name" is), and an
 * organisation keeps the spelling stored first, or for a name new to the database the first in this capture, so
 * that one organisation is one row, one leaderboard entry, one line. Decided in the database, in the statement that
 * stores them, so a capture needs no round trip to learn the stored spellings first; the papers upsert, which runs
 * after it, files each paper under the stored spelling (see `storedSpelling`).
 */
export function upsertOrganizationsStatement(items: readonly CapturedPaper[], capturedAt: Date): SQL | null {
  const rows = items.flatMap((item, ord) =>
    item.organization
      ? [
          {
            ord,
            name: item.organization.name,
            fullname: item.organization.fullname,
            avatar: item.organization.avatar,
          },
        ]
      : [],
  );
  if (rows.length === 0) return null;
  const at = capturedAt.toISOString();
  // Per name: the stored or first spelling, with the fullname and avatar of its last mention in the capture.
  return sql`insert into organizations (name, fullname, avatar, first_seen_at, last_seen_at)
    select distinct on (lower(g.name)) coalesce(o.name, first_value(g.name) over spelling), g.fullname, g.avatar,
      ${at}::timestamptz, ${at}::timestamptz
    from json_to_recordset(${JSON.stringify(rows)}::json) as g(ord int, name text, fullname text, avatar text)
    left join organizations o on lower(o.name) = lower(g.name)
    window spelling as (partition by lower(g.name) order by g.ord)
    order by lower(g.name), g.ord desc
    on conflict (name) do update set
      fullname = ${newestNonNull("organizations", "fullname")},
      avatar = ${newestNonNull("organizations", "avatar")},
      first_seen_at = least(organizations.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(organizations.last_seen_at, excluded.last_seen_at)`;
}

/** The stored spelling of an organisation name; the organisations upsert has stored every name of the capture. */
function storedSpelling(name: SQL): SQL {
  return sql`(select o.name from organizations o where lower(o.name) = lower(${name}))`;
}

export type UpsertedPaper = {
  id: string;
  inserted: boolean;
  newest: boolean;
  daily_date: string;
  organization: string | null;
};

/**
 * Inserts or merges the papers; returns each one's id, whether this statement inserted it, whether this capture
 * is its newest, and its day and organisation after the merge. `confirming` are the papers whose capture counts as
 * a sighting of their latest snapshot's values (not those a run already snapshotted: see saveCapture).
 */
export function upsertPapersStatement(
  items: readonly CapturedPaper[],
  capture: Capture,
  confirming: ReadonlySet<string>,
): SQL {
  // A day listing dates the papers that do not say their day; a week or month listing cannot.
  const fallbackDate =
    (capture.listingEnd ? null : capture.listingDate) ?? capture.capturedAt.toISOString().slice(0, 10);
  const at = capture.capturedAt.toISOString();
  const rows = items.map((p) => ({
    id: p.id,
    title: p.title,
    published_at: p.publishedAt?.toISOString() ?? null,
    daily_date: p.dailyDate,
    organization_name: p.organization?.name ?? null,
    submitted_by: p.submittedBy,
    github_repo: p.githubRepo,
    github_stars: p.githubStars,
    project_page: p.projectPage,
    upvotes: p.upvotes,
    comments: p.comments,
    confirms: confirming.has(p.id),
  }));
  const newer = sql`excluded.last_seen_at >= papers.last_seen_at`;
  const latest = (column: string) =>
    sql`case when ${newer} then excluded.${sql.identifier(column)} else papers.${sql.identifier(column)} end`;
  return sql`insert into papers (id, title, published_at, daily_date, daily_date_exact, organization_name,
      submitted_by, github_repo, github_stars, project_page, upvotes, comments, first_seen_at, last_seen_at,
      confirmed_at)
    select r.id, r.title, r.published_at, coalesce(r.daily_date, ${fallbackDate}::date), r.daily_date is not null,
      ${storedSpelling(sql`r.organization_name`)}, r.submitted_by, r.github_repo, r.github_stars, r.project_page, r.upvotes, r.comments,
      ${at}::timestamptz, ${at}::timestamptz, case when r.confirms then ${at}::timestamptz end
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id text, title text, published_at timestamptz,
      daily_date date, organization_name text, submitted_by text, github_repo text, github_stars int,
      project_page text, upvotes int, comments int, confirms boolean)
    on conflict (id) do update set
      title = ${latest("title")},
      upvotes = ${latest("upvotes")},
      comments = ${latest("comments")},
      published_at = ${newestNonNull("papers", "published_at")},
      organization_name = ${newestNonNull("papers", "organization_name")},
      submitted_by = ${newestNonNull("papers", "submitted_by")},
      github_repo = ${newestNonNull("papers", "github_repo")},
      github_stars = ${newestNonNull("papers", "github_stars")},
      project_page = ${newestNonNull("papers", "project_page")},
      -- submittedOnDailyAt is authoritative; a listing date is only a hint, and weekend listings repeat Friday's
      -- papers, so among hints the earliest listing wins. The result does not depend on arrival order.
      daily_date = case
        when excluded.daily_date_exact and not papers.daily_date_exact then excluded.daily_date
        when papers.daily_date_exact and not excluded.daily_date_exact then papers.daily_date
        when excluded.daily_date_exact then (case when ${newer} then excluded.daily_date else papers.daily_date end)
        else least(papers.daily_date, excluded.daily_date) end,
      daily_date_exact = papers.daily_date_exact or excluded.daily_date_exact,
      first_seen_at = least(papers.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(papers.last_seen_at, excluded.last_seen_at),
      -- Only ever later: an older capture arriving late confirms nothing about the latest values. A paper stored
      -- before change-only snapshots starts from its last snapshot.
      confirmed_at = case when excluded.confirmed_at is null then papers.confirmed_at
        else greatest(coalesce(papers.confirmed_at,
          (select max(s.captured_at) from paper_snapshots s where s.paper_id = papers.id)), excluded.confirmed_at) end
    returning id, (xmax = 0) as inserted, (last_seen_at = ${at}::timestamptz) as newest,
      to_char(daily_date, 'YYYY-MM-DD') as daily_date, organization_name as organization`;
}

/** Where the papers were before this capture: their day or organisation can change, and both need recomputing. */
export function placesBeforeStatement(ids: readonly string[]): SQL {
  return planEachTime(sql`select to_char(daily_date, 'YYYY-MM-DD') as daily_date, organization_name from papers
    where id = any(${textArray(ids)})`);
}

/**
 * Replaces the authors of the papers of which this capture is the newest (a capture that shows only a count,
 * listing cards, leaves them alone). Two statements: delete, then insert. One JSON parameter instead of four per
 * row: a listing holds thousands of author rows, far past the 65,535 parameters a statement may bind.
 */
export function replaceAuthorsStatements(
  items: readonly CapturedPaper[],
  inserted: ReadonlySet<string>,
): SQL[] {
  const withAuthors = items.filter((p) => p.authors !== null);
  if (withAuthors.length === 0) return [];
  const statements: SQL[] = [];
  // A paper this capture inserted has no authors to delete.
  const known = withAuthors.filter((p) => !inserted.has(p.id)).map((p) => p.id);
  if (known.length > 0)
    statements.push(sql`delete from paper_authors where paper_id = any(${textArray(known)})`);
  const rows = withAuthors.flatMap((p) =>
    (p.authors ?? []).map((author, position) => ({
      paper_id: p.id,
      position,
      name: author.name,
      hf_user: author.hfUser,
    })),
  );
  if (rows.length > 0) {
    statements.push(sql`insert into paper_authors (paper_id, position, name, hf_user)
      select paper_id, position, name, hf_user
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(paper_id text, position int, name text, hf_user text)`);
  }
  return statements;
}
