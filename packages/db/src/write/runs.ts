import { hostname } from "node:os";
import { type RunStatus, type RunTrigger, scrapePages, scrapeRuns } from "@paperpulse/schema";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../types.ts";

export type StartRunInput = { trigger: RunTrigger; command: string; plan: Record<string, unknown> };

/** Records a run as running; every scraper invocation (import included) is one run. */
export async function startRun(db: Db, input: StartRunInput): Promise<{ id: number }> {
  const [row] = await db
    .insert(scrapeRuns)
    .values({ ...input, status: "running", pid: process.pid, host: hostname() })
    .returning({ id: scrapeRuns.id });
  if (!row) throw new Error("inserting the run returned nothing");
  return row;
}

export type FinishRunInput = {
  status: Exclude<RunStatus, "queued" | "running">;
  error?: string;
  errorCode?: string;
};

export async function finishRun(db: Db, runId: number, input: FinishRunInput): Promise<void> {
  await db
    .update(scrapeRuns)
    .set({
      status: input.status,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      error: input.error ?? null,
      errorCode: input.errorCode ?? null,
    })
    .where(eq(scrapeRuns.id, runId));
}

export type FailedPageInput = {
  runId: number;
  url: string;
  kind: "page" | "api" | "file";
  listingDate: string | null;
  capturedAt: Date;
  errorCode: string;
  error: string;
  statusCode?: number | null;
  durationMs?: number | null;
  bytes?: number | null;
  contentHash?: string | null;
};

/** Records a page that produced no rows (fetch or parse failed) and counts it against its run. */
export async function recordFailedPage(db: Db, input: FailedPageInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(scrapePages).values({
      runId: input.runId,
      url: input.url,
      kind: input.kind,
      listingDate: input.listingDate,
      capturedAt: input.capturedAt,
      statusCode: input.statusCode ?? null,
      durationMs: input.durationMs ?? null,
      bytes: input.bytes ?? null,
      contentHash: input.contentHash ?? null,
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
  });
}

export type RunRow = typeof scrapeRuns.$inferSelect;

export async function listRuns(db: Db, limit = 20): Promise<RunRow[]> {
  return db.select().from(scrapeRuns).orderBy(desc(scrapeRuns.id)).limit(limit);
}

export async function getRun(db: Db, runId: number): Promise<RunRow | undefined> {
  const [row] = await db.select().from(scrapeRuns).where(eq(scrapeRuns.id, runId));
  return row;
}

export async function listRunPages(db: Db, runId: number) {
  return db.select().from(scrapePages).where(eq(scrapePages.runId, runId)).orderBy(scrapePages.id);
}
