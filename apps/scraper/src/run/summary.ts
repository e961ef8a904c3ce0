import type { RunStatus } from "@paperpulse/schema";

export type PageFailure = { url: string; code: string; message: string };

/** What a run did: printed by the CLI (and as the last line with --json) and returned by the library. */
export type RunSummary = {
  runId: number;
  command: string;
  status: Exclude<RunStatus, "queued" | "running">;
  pages: number;
  pagesFailed: number;
  /** Pages answered "304 Not Modified" to a conditional request: stored as the unchanged listing they stand for. */
  unchanged: number;
  items: number;
  newPapers: number;
  snapshots: number;
  requests: number;
  /**
   * HTTP requests per day of listings the run covered (a week counts 7 days, a month its days), retries included;
   * null for runs that cover no days (imports, trending).
   */
  requestsPerDay: number | null;
  durationMs: number;
  errorCode: string | null;
  error: string | null;
  failures: PageFailure[];
};

export type Progress = {
  done: number;
  total: number | null;
  label: string;
  items: number;
  newPapers: number;
};

export type ProgressListener = (progress: Progress) => void;

export function decideStatus(pages: number, pagesFailed: number): RunSummary["status"] {
  if (pagesFailed === 0) return "succeeded";
  return pagesFailed < pages ? "partial" : "failed";
}
