import { type SQL, sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import type { Capture, CapturedPaper } from "./capture.ts";
import { newestNonNull } from "./newest-non-null.ts";

/**
 * The statements that write a capture's organisations and papers. Rows travel as one JSON parameter per statement,
 * so each statement's text is the same for every page: the driver prepares it once, and nothing is built per row
 * on the client (building a row-by-row insert cost more than the database spent on it).
 */

/** Each organisation name with the spelling already stored for it in any case, if any. */
export function storedSpellingsStatement(names: readonly string[]): SQL {
  // Postgres's lower(), the one the unique index on lower(name) uses, decides what "the same name" is.
  return sql`select i.name as given, lower(i.name) as key, o.name as stored
    from unnest(${textArray(names)}) with ordinality as i(name, ord)
    left join organizations o on lower(o.name) = lower(i.name)
    order by i.ord`;
}

export type SpellingRow = { given: string; key: string; stored: string | null };

/**
 * Hugging Face spells some organisations differently over time (`Meta`, `meta`): names match whatever their case,
 * and a paper takes the spelling stored first (or, for a name new to the database, the first in this capture), so
 * that one organisation is one row, one leaderboard entry, one line.
 */
export function applySpellings(items: CapturedPaper[], rows: readonly SpellingRow[]): CapturedPaper[] {
  const spelling = new Map<string, string>();
  for (const row of rows) if (!spelling.has(row.key)) spelling.set(row.key, row.stored ?? row.given);
  const chosen = new Map(rows.map((row) => [row.given, spelling.get(row.key) ?? row.given]));
  return items.map((item) => {
    const name = item.organization ? chosen.get(item.organization.name) : undefined;
    return item.organization && name && name !== item.organization.name
      ? { ...item, organization: { ...item.organization, name } }
      : item;
  });
}

export function upsertOrganizationsStatement(items: readonly CapturedPaper[], capturedAt: Date): SQL | null {
  const byName = new Map<string, NonNullable<CapturedPaper["organization"]>>();
  for (const item of items) if (item.organization) byName.set(item.organization.name, item.organization);
  if (byName.size === 0) return null;
  const at = capturedAt.toISOString();
  return sql`insert into organizations (name, fullname, avatar, first_seen_at, last_seen_at)
    select r.name, r.fullname, r.avatar, ${at}::timestamptz, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify([...byName.values()])}::jsonb) as r(name text, fullname text, avatar text)
    on conflict (name) do update set
      fullname = ${newestNonNull("organizations", "fullname")},
      avatar = ${newestNonNull("organizations", "avatar")},
      first_seen_at = least(organizations.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(organizations.last_seen_at, excluded.last_seen_at)`;
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
      r.organization_name, r.submitted_by, r.github_repo, r.github_stars, r.project_page, r.upvotes, r.comments,
      ${at}::timestamptz, ${at}::timestamptz, case when r.confirms then ${at}::timestamptz end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, title text, published_at timestamptz,
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
  return sql`select to_char(daily_date, 'YYYY-MM-DD') as daily_date, organization_name from papers
    where id = any(${textArray(ids)})`;
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
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(paper_id text, position int, name text, hf_user text)`);
  }
  return statements;
}
