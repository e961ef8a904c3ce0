import { hostname } from "node:os";
import { type RunStatus, type RunTrigger, scrapePages, scrapeRuns } from "@paperpulse/schema";
import { and, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { isProcessAlive } from "../process-alive.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type StartRunInput = { trigger: RunTrigger; command: string; plan: Record<string, unknown> };

/** A run stopped heartbeating this long ago: its process is gone (or hung) and its run is abandoned. */
export const STALE_RUN_MS = 2 * 60_000;

export class RunActiveError extends Error {
  readonly code = "RUN_ACTIVE";
  constructor(readonly run: RunRow) {
    super(
      `run #${run.id} (${run.command}, ${run.trigger}) is already running since ${run.startedAt.toISOString()} ` +
        `on ${run.host ?? "?"} pid ${run.pid ?? "?"}: one run at a time`,
    );
    this.name = "RunActiveError";
  }
}

/**
 * Records a run as running, unless one is running already: then throws RunActiveError naming that run. The
 * database decides (a unique index admits one running run), so this holds across processes and machines. Runs
 * whose process died (same host, pid gone) or stopped heartbeating are marked abandoned first.
 */
export async function startRun(db: Db, input: StartRunInput): Promise<{ id: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await abandonDeadRuns(db);
    const [row] = await db
      .insert(scrapeRuns)
      .values({ ...input, status: "running", pid: process.pid, host: hostname() })
      .onConflictDoNothing()
      .returning({ id: scrapeRuns.id });
    if (row) {
      // The runs view lists it: views cached on the data version go stale.
      await bumpDataVersion(db);
      return row;
    }
    const [active] = await db.select().from(scrapeRuns).where(eq(scrapeRuns.status, "running"));
    if (active) throw new RunActiveError(active);
    // The active run finished between our insert and our look: try again.
  }
  throw new Error("could not start a run: runs keep starting and finishing around this one");
}

/** Marks as abandoned the running runs whose process is gone: dead pid on this host, or no heartbeat lately. */
export async function abandonDeadRuns(db: Db, staleMs = STALE_RUN_MS): Promise<number[]> {
  const running = await db.select().from(scrapeRuns).where(eq(scrapeRuns.status, "running"));
  const now = Date.now();
  const dead = running.filter(
    (run) =>
      now - run.heartbeatAt.getTime() > staleMs ||
      (run.host === hostname() && run.pid !== null && run.pid !== process.pid && !isProcessAlive(run.pid)),
  );
  for (const run of dead) {
    await db
      .update(scrapeRuns)
      .set({
        status: "abandoned",
        finishedAt: sql`now()`,
        errorCode: "ABANDONED",
        error: `the process running it (pid ${run.pid ?? "?"} on ${run.host ?? "?"}) stopped before it finished`,
      })
      .where(and(eq(scrapeRuns.id, run.id), eq(scrapeRuns.status, "running")));
  }
  if (dead.length > 0) await bumpDataVersion(db);
  return dead.map((run) => run.id);
}

/** Tells other processes this run is alive; a run without heartbeats for STALE_RUN_MS counts as abandoned. */
export async function heartbeatRun(db: Db, runId: number): Promise<void> {
  await db.update(scrapeRuns).set({ heartbeatAt: sql`now()` }).where(eq(scrapeRuns.id, runId));
}

export type FinishRunInput = {
  status: Exclude<RunStatus, "queued" | "running">;
  /** HTTP requests sent, retries included. */
  requests?: number;
  error?: string;
  errorCode?: string;
};

export async function finishRun(db: Db, runId: number, input: FinishRunInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(scrapeRuns)
      .set({
        status: input.status,
        finishedAt: sql`now()`,
        heartbeatAt: sql`now()`,
        requests: input.requests ?? 0,
        error: input.error ?? null,
        errorCode: input.errorCode ?? null,
      })
      .where(eq(scrapeRuns.id, runId));
    // Every view's banner says whether the last run found Hugging Face's markup changed: cached views go stale.
    await bumpDataVersion(tx);
  });
}

export type RecentRequests = {
  runId: number;
  pid: number | null;
  host: string | null;
  plan: Record<string, unknown>;
  requests: number;
  /** How long ago the run finished, by the database's clock: machines' clocks may disagree. */
  ageMs: number;
};

/** Runs that sent requests and finished less than `windowMs` ago: their requests still count in a rate window. */
export async function listRecentRequests(db: Db, windowMs: number): Promise<RecentRequests[]> {
  const rows = await selectRows<{
    id: number;
    pid: number | null;
    host: string | null;
    plan: Record<string, unknown>;
    requests: number;
    age_ms: number | string;
  }>(
    db,
    sql`select id, pid, host, plan, requests,
          extract(epoch from (now() - finished_at)) * 1000 as age_ms
        from scrape_runs
        where requests > 0 and finished_at > now() - ${windowMs} * interval '1 millisecond'`,
  );
  return rows.map((row) => ({
    runId: row.id,
    pid: row.pid,
    host: row.host,
    plan: row.plan,
    requests: row.requests,
    ageMs: Math.max(0, Number(row.age_ms)),
  }));
}

export type FailedPageInput = {
  runId: number;
  url: string;
  kind: "page" | "api" | "file";
  listingDate: string | null;
  /** The last day of a week or month listing (see Capture.listingEnd). */
  listingEnd?: string | null;
  capturedAt: Date;
  errorCode: string;
  error: string;
  statusCode?: number | null;
  durationMs?: number | null;
  bytes?: number | null;
  contentHash?: string | null;
  rendered?: boolean;
};

/** Records a page that produced no rows (fetch or parse failed) and counts it against its run. */
export async function recordFailedPage(db: Db, input: FailedPageInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(scrapePages).values({
      runId: input.runId,
      url: input.url,
      kind: input.kind,
      listingDate: input.listingDate,
      listingEnd: input.listingEnd ?? null,
      capturedAt: input.capturedAt,
      statusCode: input.statusCode ?? null,
      durationMs: input.durationMs ?? null,
      bytes: input.bytes ?? null,
      contentHash: input.contentHash ?? null,
      rendered: input.rendered ?? false,
      errorCode: input.errorCode,
      error: input.error,
    });
    await tx
      .update(scrapeRuns)
      .set({
        pagesTotal: sql`${scrapeRuns.pagesTotal} + 1`,
        pagesFailed: sql`${scrapeRuns.pagesFailed} + 1`,
        heartbeatAt: sql`now()`,
      })
      .where(eq(scrapeRuns.id, input.runId));
    await bumpDataVersion(tx);
  });
}

export type RunRow = typeof scrapeRuns.$inferSelect;

/** The newest runs first; with `beforeId`, those older than that run (the next page of a listing). */
export async function listRuns(db: Db, limit = 20, beforeId?: number): Promise<RunRow[]> {
  return db
    .select()
    .from(scrapeRuns)
    .where(beforeId === undefined ? undefined : lt(scrapeRuns.id, beforeId))
    .orderBy(desc(scrapeRuns.id))
    .limit(limit);
}

export async function getRun(db: Db, runId: number): Promise<RunRow | undefined> {
  const [row] = await db.select().from(scrapeRuns).where(eq(scrapeRuns.id, runId));
  return row;
}

/** A run's pages in the order they were recorded; `limit` and `offset` page through a long run (an import). */
export async function listRunPages(db: Db, runId: number, window?: { limit: number; offset: number }) {
  const query = db.select().from(scrapePages).where(eq(scrapePages.runId, runId)).orderBy(scrapePages.id);
  return window ? query.limit(window.limit).offset(window.offset) : query;
}

/** How many pages a run recorded, failed ones included (one index range). */
export async function countRunPages(db: Db, runId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql`count(*)`.mapWith(Number) })
    .from(scrapePages)
    .where(eq(scrapePages.runId, runId));
  return row?.n ?? 0;
}

export type StoredPage = typeof scrapePages.$inferSelect;

/**
 * Pages whose raw body can be parsed again: by default those that failed to parse (schema drift, cut pages), else
 * every page with a content hash; optionally of one run. Oldest first, so captures are re-applied in time order.
 */
export async function listPagesForReparse(
  db: Db,
  options: { all: boolean; runId?: number | undefined },
): Promise<StoredPage[]> {
  const conditions = [isNotNull(scrapePages.contentHash)];
  if (!options.all) {
    conditions.push(inArray(scrapePages.errorCode, [...PARSE_ERROR_CODES]));
    // A body that a later reparse already stored needs no second look.
    conditions.push(
      sql`not exists (select 1 from scrape_pages done where done.content_hash = ${scrapePages.contentHash} and done.error_code is null)`,
    );
  }
  if (options.runId !== undefined) conditions.push(eq(scrapePages.runId, options.runId));
  return db
    .select()
    .from(scrapePages)
    .where(and(...conditions))
    .orderBy(scrapePages.capturedAt, scrapePages.id);
}

/** Error codes of pages that arrived but did not parse: a parser change may turn them into data. */
export const PARSE_ERROR_CODES = [
  "NO_LISTING",
  "TRUNCATED",
  "BAD_PAYLOAD",
  "BAD_JSON",
  "SCHEMA_DRIFT",
] as const;
