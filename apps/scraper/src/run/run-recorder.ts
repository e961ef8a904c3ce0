import {
  type Capture,
  type Db,
  type FailedPageInput,
  finishRun,
  heartbeatRun,
  type PageInfo,
  recordFailedPage,
  type SaveResult,
  type SnapshotMode,
  type StartRunInput,
  saveCapture,
  saveCaptures,
  startRun,
} from "@paperpulse/db";
import { getLogger } from "../log/logger.ts";
import { syncTopicCatalog } from "../topics/index.ts";
import { checkCaptureDates } from "./check-capture-dates.ts";
import { isStorageFull, StorageFullError } from "./storage-full.ts";
import { decideStatus, type PageFailure, type ProgressListener, type RunSummary } from "./summary.ts";
import { tidy } from "./tidy.ts";

export type RunRecorder = {
  runId: number;
  /** Stores a parsed page; throws ParseError (BAD_DATE) when its dates are impossible, storing nothing. */
  savePage: (page: PageInfo, capture: Capture) => Promise<SaveResult>;
  /**
   * Stores several parsed pages in one transaction (an import's files, read ahead of the database). When that
   * fails they are stored one by one, so one bad page costs only itself, as with savePage.
   */
  savePages: (pages: readonly { page: PageInfo; capture: Capture }[]) => Promise<SaveResult[]>;
  failPage: (page: Omit<FailedPageInput, "runId">) => Promise<void>;
  /** Announces the next unit of work; `total` is null when unknown (e.g. a streamed archive). */
  step: (label: string, total: number | null) => void;
  finish: (options?: {
    requests?: number;
    /** Days of listings the run was asked for: requests per day of data are reported against them. */
    days?: number;
    errorCode?: string;
    error?: string;
  }) => Promise<RunSummary>;
};

const HEARTBEAT_MS = 20_000;

/** Records a run and its pages, and keeps the counts the summary and progress display need. */
export async function beginRun(
  db: Db,
  input: StartRunInput,
  onProgress?: ProgressListener,
  options: {
    /**
     * One snapshot per paper for the whole run: right for a run that fetches (its pages are minutes apart, and
     * listings repeat papers), not for an import, whose files are captures days apart.
     */
    snapshotOncePerPaper?: boolean;
    /** `every-capture` keeps a row per capture, as the store did before change-only snapshots (comparisons). */
    snapshots?: SnapshotMode;
  } = {},
): Promise<RunRecorder> {
  const started = performance.now();
  // The pages this run stores get topics from the reviewed taxonomy: the dashboard needs their labels too. Done
  // before the run is recorded, so a failure here leaves no run standing as "running".
  await syncTopicCatalog(db);
  const { id: runId } = await startRun(db, input);
  // Other processes take a run without heartbeats for a dead one; a long wait (Retry-After) must not look dead.
  const heartbeat = setInterval(() => {
    heartbeatRun(db, runId).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const failures: PageFailure[] = [];
  // Filled only after each page's transaction committed: a page rolled back leaves its papers free to be snapshotted.
  const snapshotted = options.snapshotOncePerPaper ? new Set<string>() : null;
  const counts = { pages: 0, pagesFailed: 0, unchanged: 0, items: 0, newPapers: 0, snapshots: 0 };
  let done = 0;
  let total: number | null = null;
  let label = "";
  const report = () => onProgress?.({ done, total, label, items: counts.items, newPapers: counts.newPapers });

  /** Logs a failed page and counts it towards the run's summary. */
  const noteFailure = (page: Omit<FailedPageInput, "runId">) => {
    getLogger().warn(
      {
        event: "request_failed",
        runId,
        url: page.url,
        status: page.statusCode ?? null,
        code: page.errorCode,
        reason: page.error,
      },
      "page failed",
    );
    counts.pages++;
    counts.pagesFailed++;
    failures.push({ url: page.url, code: page.errorCode, message: page.error });
  };

  const count = (result: SaveResult) => {
    for (const id of result.snapshotted) snapshotted?.add(id);
    counts.pages++;
    counts.items += result.items;
    counts.newPapers += result.newPapers;
    counts.snapshots += result.snapshots;
  };

  const recorder: RunRecorder = {
    runId,
    async savePage(page, capture) {
      checkCaptureDates(capture);
      let result: SaveResult;
      try {
        result = await saveCapture(db, {
          runId,
          page,
          capture,
          ...(snapshotted ? { snapshotted } : {}),
          ...(options.snapshots ? { snapshots: options.snapshots } : {}),
        });
      } catch (error) {
        if (!isStorageFull(error)) throw error;
        const full = new StorageFullError(error);
        const failed = {
          ...page,
          listingDate: capture.listingDate,
          capturedAt: capture.capturedAt,
          errorCode: full.code,
          error: full.message,
        };
        // Recorded when the little room left allows it (the page's own rows were rolled back); said either way.
        await recordFailedPage(db, { ...failed, runId }).catch(() => {});
        noteFailure(failed);
        throw full;
      }
      count(result);
      if (page.statusCode === 304) counts.unchanged++;
      return result;
    },
    async savePages(pages) {
      for (const { capture } of pages) checkCaptureDates(capture);
      let results: SaveResult[] = [];
      // A run that snapshots each paper once needs each page committed before the next: one by one.
      if (snapshotted) {
        for (const { page, capture } of pages) results.push(await recorder.savePage(page, capture));
        return results;
      }
      try {
        results = await saveCaptures(
          db,
          pages.map(({ page, capture }) => ({
            runId,
            page,
            capture,
            ...(options.snapshots ? { snapshots: options.snapshots } : {}),
          })),
        );
      } catch {
        // Nothing of the batch was stored: each page again on its own, where a failure is recorded as its own.
        results = [];
        for (const { page, capture } of pages) results.push(await recorder.savePage(page, capture));
        return results;
      }
      for (const result of results) count(result);
      return results;
    },
    async failPage(page) {
      await recordFailedPage(db, { ...page, runId });
      noteFailure(page);
    },
    step(nextLabel, nextTotal) {
      if (label !== "") done++;
      label = nextLabel;
      total = nextTotal;
      report();
    },
    async finish(options = {}) {
      clearInterval(heartbeat);
      if (label !== "") done++;
      report();
      const fromPages = decideStatus(counts.pages, counts.pagesFailed);
      // A run stopped by its own error (budget, rate limit) did not do all it was asked: at best partial.
      const status = options.errorCode
        ? counts.pages > counts.pagesFailed
          ? "partial"
          : "failed"
        : fromPages;
      const error = options.error ?? (failures.length > 0 ? summarizeFailures(failures) : undefined);
      const errorCode = options.errorCode ?? failures[0]?.code;
      try {
        await finishRun(db, runId, {
          status,
          requests: options.requests ?? 0,
          ...(error === undefined ? {} : { error }),
          ...(errorCode === undefined ? {} : { errorCode }),
        });
      } catch (finishing) {
        // With the disk full even this small update may find no room: the summary still says what happened, and
        // the run, left "running" with its process gone, is marked abandoned by the next one.
        if (!isStorageFull(finishing)) throw finishing;
      }
      if (counts.pages > counts.pagesFailed) await tidy(db);
      const summary = {
        runId,
        command: input.command,
        status,
        ...counts,
        requests: options.requests ?? 0,
        requestsPerDay: options.days
          ? Math.round(((options.requests ?? 0) / options.days) * 100) / 100
          : null,
        durationMs: Math.round(performance.now() - started),
        errorCode: errorCode ?? null,
        error: error ?? null,
        failures,
      };
      const { failures: _, ...line } = summary;
      getLogger()[status === "succeeded" ? "info" : "warn"](
        { event: "run", trigger: input.trigger, ...line },
        "run finished",
      );
      return summary;
    },
  };
  return recorder;
}

function summarizeFailures(failures: PageFailure[]): string {
  const first = failures[0];
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more failed pages)` : "";
  return first ? `${first.url}: ${first.message}${more}` : "";
}
