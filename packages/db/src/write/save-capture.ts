import {
  organizations,
  paperAuthors,
  paperSnapshots,
  papers,
  scrapePages,
  scrapeRuns,
} from "@paperpulse/schema";
import { inArray, sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { refreshAggregates } from "../aggregates/refresh-aggregates.ts";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import { savePaperTopics } from "../topics/save-paper-topics.ts";
import type { Db, DbOrTx } from "../types.ts";
import type { Capture, CapturedPaper } from "./capture.ts";
import { newestNonNull } from "./newest-non-null.ts";
import { upsertTexts } from "./upsert-texts.ts";

export type PageInfo = {
  url: string;
  kind: "page" | "api" | "file";
  statusCode?: number | null;
  durationMs?: number | null;
  bytes?: number | null;
  contentHash?: string | null;
  rendered?: boolean;
};

export type SaveResult = {
  pageId: number;
  items: number;
  newPapers: number;
  snapshots: number;
  /** The papers that got a snapshot from this capture. */
  snapshotted: string[];
};

/**
 * Stores one capture in one transaction: organisations, papers, their texts and authors upserted, exactly one
 * snapshot per paper appended, the aggregates of the days and organisations it touched recomputed, the page
 * recorded and the run's counters advanced. Storing the same capture again writes no new paper, organisation or
 * snapshot. Captures may arrive out of time order: the newest capture's values win.
 */
export async function saveCapture(
  db: Db,
  input: {
    runId: number;
    page: PageInfo;
    capture: Capture;
    /**
     * Papers that already have a snapshot from this run: a listing that repeats them (a weekend day shows the
     * last weekday's papers) updates them but adds no second snapshot seconds after the first.
     */
    snapshotted?: ReadonlySet<string>;
  },
): Promise<SaveResult> {
  const { runId, page, capture } = input;
  return db.transaction(async (tx) => {
    const items = await useStoredSpellings(tx, dedupeById(capture.papers));
    const [pageRow] = await tx
      .insert(scrapePages)
      .values({
        runId,
        url: page.url,
        kind: page.kind,
        listingDate: capture.listingDate,
        capturedAt: capture.capturedAt,
        statusCode: page.statusCode ?? null,
        durationMs: page.durationMs ?? null,
        bytes: page.bytes ?? null,
        contentHash: page.contentHash ?? null,
        rendered: page.rendered ?? false,
        items: items.length,
      })
      .returning({ id: scrapePages.id });
    if (!pageRow) throw new Error("inserting the page record returned nothing");
    const result: SaveResult = {
      pageId: pageRow.id,
      items: items.length,
      newPapers: 0,
      snapshots: 0,
      snapshotted: [],
    };
    if (items.length > 0) {
      // Where the papers were before this capture: a paper's day or organisation can change, and both the old and
      // the new ones need their aggregates recomputed.
      const before = await selectRows<{ daily_date: string; organization_name: string | null }>(
        tx,
        sql`select to_char(daily_date, 'YYYY-MM-DD') as daily_date, organization_name from papers
            where id = any(${textArray(items.map((p) => p.id))})`,
      );
      await upsertOrganizations(tx, items, capture.capturedAt);
      // Texts first: they merge on the papers' last_seen_at as it was before this capture.
      await upsertTexts(tx, items, capture.capturedAt);
      const upserted = await upsertPapers(tx, items, capture);
      result.newPapers = upserted.filter((row) => row.inserted).length;
      const newest = new Set(upserted.filter((row) => row.newest).map((row) => row.id));
      await replaceAuthors(
        tx,
        items.filter((p) => newest.has(p.id)),
      );
      await savePaperTopics(
        tx,
        items.filter((p) => newest.has(p.id)),
        { insertedIds: new Set(upserted.filter((row) => row.inserted).map((row) => row.id)) },
      );
      const fresh = input.snapshotted ? items.filter((p) => !input.snapshotted?.has(p.id)) : items;
      result.snapshotted = await appendSnapshots(tx, fresh, capture.capturedAt, runId, pageRow.id);
      result.snapshots = result.snapshotted.length;
      await refreshAggregates(tx, {
        days: unique([...before.map((row) => row.daily_date), ...upserted.map((row) => row.dailyDate)]),
        orgs: unique(
          [...before, ...upserted.map((row) => ({ organization_name: row.organization }))].map(
            (row) => row.organization_name,
          ),
        ),
      });
      await bumpDataVersion(tx, items.length);
      await tx
        .update(scrapePages)
        .set({ newPapers: result.newPapers, snapshots: result.snapshots })
        .where(sql`${scrapePages.id} = ${pageRow.id}`);
    }
    await tx
      .update(scrapeRuns)
      .set({
        pagesTotal: sql`${scrapeRuns.pagesTotal} + 1`,
        items: sql`${scrapeRuns.items} + ${result.items}`,
        newPapers: sql`${scrapeRuns.newPapers} + ${result.newPapers}`,
        snapshots: sql`${scrapeRuns.snapshots} + ${result.snapshots}`,
        heartbeatAt: sql`now()`,
      })
      .where(sql`${scrapeRuns.id} = ${runId}`);
    return result;
  });
}

/** The same paper twice in one listing (or a weekend repeat inside one response) counts once: first wins. */
export function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/**
 * Hugging Face spells some organisations differently over time (`Meta`, `meta`): names match whatever their case,
 * and a paper takes the spelling stored first (or, for a name new to the database, the first in this capture), so
 * that one organisation is one row, one leaderboard entry, one line.
 */
async function useStoredSpellings(tx: DbOrTx, items: CapturedPaper[]): Promise<CapturedPaper[]> {
  const names = unique(items.map((item) => item.organization?.name ?? null));
  if (names.length === 0) return items;
  // Postgres's lower(), the one the unique index on lower(name) uses, decides what "the same name" is.
  const rows = await selectRows<{ given: string; key: string; stored: string | null }>(
    tx,
    sql`select i.name as given, lower(i.name) as key, o.name as stored
        from unnest(${textArray(names)}) with ordinality as i(name, ord)
        left join organizations o on lower(o.name) = lower(i.name)
        order by i.ord`,
  );
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

async function upsertOrganizations(tx: DbOrTx, items: CapturedPaper[], capturedAt: Date): Promise<void> {
  const byName = new Map<string, NonNullable<CapturedPaper["organization"]>>();
  for (const item of items) if (item.organization) byName.set(item.organization.name, item.organization);
  if (byName.size === 0) return;
  await tx
    .insert(organizations)
    .values([...byName.values()].map((org) => ({ ...org, firstSeenAt: capturedAt, lastSeenAt: capturedAt })))
    .onConflictDoUpdate({
      target: organizations.name,
      set: {
        fullname: newestNonNull("organizations", "fullname"),
        avatar: newestNonNull("organizations", "avatar"),
        firstSeenAt: sql`least(organizations.first_seen_at, excluded.first_seen_at)`,
        lastSeenAt: sql`greatest(organizations.last_seen_at, excluded.last_seen_at)`,
      },
    });
}

type UpsertedPaper = {
  id: string;
  inserted: boolean;
  newest: boolean;
  dailyDate: string;
  organization: string | null;
};

async function upsertPapers(tx: DbOrTx, items: CapturedPaper[], capture: Capture): Promise<UpsertedPaper[]> {
  const fallbackDate = capture.listingDate ?? capture.capturedAt.toISOString().slice(0, 10);
  const rows = items.map((p) => ({
    id: p.id,
    title: p.title,
    publishedAt: p.publishedAt,
    dailyDate: p.dailyDate ?? fallbackDate,
    dailyDateExact: p.dailyDate !== null,
    organizationName: p.organization?.name ?? null,
    submittedBy: p.submittedBy,
    githubRepo: p.githubRepo,
    githubStars: p.githubStars,
    projectPage: p.projectPage,
    upvotes: p.upvotes,
    comments: p.comments,
    firstSeenAt: capture.capturedAt,
    lastSeenAt: capture.capturedAt,
  }));
  const newer = sql`excluded.last_seen_at >= papers.last_seen_at`;
  const latest = (column: string) =>
    sql`case when ${newer} then excluded.${sql.identifier(column)} else papers.${sql.identifier(column)} end`;
  return tx
    .insert(papers)
    .values(rows)
    .onConflictDoUpdate({
      target: papers.id,
      set: {
        title: latest("title"),
        upvotes: latest("upvotes"),
        comments: latest("comments"),
        publishedAt: newestNonNull("papers", "published_at"),
        organizationName: newestNonNull("papers", "organization_name"),
        submittedBy: newestNonNull("papers", "submitted_by"),
        githubRepo: newestNonNull("papers", "github_repo"),
        githubStars: newestNonNull("papers", "github_stars"),
        projectPage: newestNonNull("papers", "project_page"),
        // submittedOnDailyAt is authoritative; a listing date is only a hint, and weekend listings repeat
        // Friday's papers, so among hints the earliest listing wins. The result does not depend on arrival order.
        dailyDate: sql`case
          when excluded.daily_date_exact and not papers.daily_date_exact then excluded.daily_date
          when papers.daily_date_exact and not excluded.daily_date_exact then papers.daily_date
          when excluded.daily_date_exact then (case when ${newer} then excluded.daily_date else papers.daily_date end)
          else least(papers.daily_date, excluded.daily_date) end`,
        dailyDateExact: sql`papers.daily_date_exact or excluded.daily_date_exact`,
        firstSeenAt: sql`least(papers.first_seen_at, excluded.first_seen_at)`,
        lastSeenAt: sql`greatest(papers.last_seen_at, excluded.last_seen_at)`,
      },
    })
    .returning({
      id: papers.id,
      // xmax is 0 for a row this statement inserted, non-zero for one it updated.
      inserted: sql<boolean>`(xmax = 0)`,
      newest: sql<boolean>`(${papers.lastSeenAt} = ${capture.capturedAt.toISOString()}::timestamptz)`,
      dailyDate: papers.dailyDate,
      organization: papers.organizationName,
    });
}

function unique<T>(values: readonly T[]): Exclude<T, null>[] {
  return [...new Set(values)].filter((value): value is Exclude<T, null> => value !== null);
}

async function replaceAuthors(tx: DbOrTx, items: CapturedPaper[]): Promise<void> {
  const withAuthors = items.filter((p) => p.authors !== null);
  if (withAuthors.length === 0) return;
  await tx.delete(paperAuthors).where(
    inArray(
      paperAuthors.paperId,
      withAuthors.map((p) => p.id),
    ),
  );
  const rows = withAuthors.flatMap((p) =>
    (p.authors ?? []).map((author, position) => ({
      paper_id: p.id,
      position,
      name: author.name,
      hf_user: author.hfUser,
    })),
  );
  if (rows.length === 0) return;
  // One JSON parameter instead of four per row: a listing holds thousands of author rows, far past the 65,535
  // parameters a statement may bind, and binding them one by one is what made imports slow.
  await tx.execute(sql`insert into paper_authors (paper_id, position, name, hf_user)
    select paper_id, position, name, hf_user
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(paper_id text, position int, name text, hf_user text)`);
}

async function appendSnapshots(
  tx: DbOrTx,
  items: CapturedPaper[],
  capturedAt: Date,
  runId: number,
  pageId: number,
): Promise<string[]> {
  if (items.length === 0) return [];
  const inserted = await tx
    .insert(paperSnapshots)
    .values(
      items.map((p) => ({
        paperId: p.id,
        capturedAt,
        upvotes: p.upvotes,
        comments: p.comments,
        githubStars: p.githubStars,
        rank: p.rank,
        runId,
        pageId,
      })),
    )
    .onConflictDoNothing({ target: [paperSnapshots.paperId, paperSnapshots.capturedAt] })
    .returning({ paperId: paperSnapshots.paperId });
  return inserted.map((row) => row.paperId);
}
