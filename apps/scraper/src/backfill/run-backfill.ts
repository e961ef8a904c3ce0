import { type Db, listDayCoverage } from "@paperpulse/db";
import type { FetcherOptions } from "../fetch/create-fetcher.ts";
import { type ScrapeOptions, scrapeTargets } from "../run/scrape-targets.ts";
import type { ProgressListener, RunSummary } from "../run/summary.ts";
import { planListings } from "../sources/plan-listings.ts";
import type { SourceKind, Target } from "../sources/targets.ts";
import { planBackfill } from "./plan-backfill.ts";

export type BackfillOptions = {
  from: string;
  to: string;
  force: boolean;
  source: SourceKind;
  fetcher: FetcherOptions;
  raw?: ScrapeOptions["raw"];
  render?: ScrapeOptions["render"];
  onProgress?: ProgressListener;
  now?: () => Date;
};

export type BackfillResult = {
  days: number;
  skipped: number;
  run: RunSummary | null;
  /** Per fetched day: papers stored, no papers that day (a valid empty listing), or failed. */
  withPapers: string[];
  noPapers: string[];
  failed: string[];
};

/** Fetches the days from `from` to `to` not yet captured after they settled, as one run. */
export async function runBackfill(db: Db, options: BackfillOptions): Promise<BackfillResult> {
  const coverage = await listDayCoverage(db, options.from, options.to);
  const days = planBackfill(coverage, options.force);
  const result: BackfillResult = {
    days: coverage.length,
    skipped: coverage.length - days.length,
    run: null,
    withPapers: [],
    noPapers: [],
    failed: [],
  };
  if (days.length === 0) return result;
  // Through the API, month and week listings where they take fewer requests than their days; each paper still
  // files under its own day, and every day is accounted for below as if fetched alone.
  const targets: Target[] =
    options.source === "api" ? planListings(days) : days.map((value) => ({ kind: "date", value }));
  result.run = await scrapeTargets(db, targets, {
    source: options.source,
    trigger: "cli",
    command: `backfill ${options.from} ${options.to}${options.force ? " --force" : ""}`,
    fetcher: options.fetcher,
    ...(options.raw ? { raw: options.raw } : {}),
    ...(options.render ? { render: options.render } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const outcome = await listDayCoverage(db, options.from, options.to, { runId: result.run.runId });
  const byDay = new Map(outcome.map((day) => [day.date, day]));
  for (const date of days) {
    const day = byDay.get(date);
    if (!day || day.failedPages > 0 || day.okPages === 0) result.failed.push(date);
    else if (day.items === 0) result.noPapers.push(date);
    else result.withPapers.push(date);
  }
  return result;
}
