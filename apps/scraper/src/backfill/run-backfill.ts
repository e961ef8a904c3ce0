import { type Db, listDayCoverage, listRunPages } from "@paperpulse/db";
import type { FetcherOptions } from "../fetch/create-fetcher.ts";
import { type ScrapeOptions, scrapeTargets } from "../run/scrape-targets.ts";
import type { ProgressListener, RunSummary } from "../run/summary.ts";
import type { SourceKind } from "../sources/targets.ts";
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
  result.run = await scrapeTargets(
    db,
    days.map((value) => ({ kind: "date", value })),
    {
      source: options.source,
      trigger: "cli",
      command: `backfill ${options.from} ${options.to}${options.force ? " --force" : ""}`,
      fetcher: options.fetcher,
      ...(options.raw ? { raw: options.raw } : {}),
      ...(options.render ? { render: options.render } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  const byDay = new Map<string, { items: number; failed: boolean }>();
  for (const page of await listRunPages(db, result.run.runId)) {
    if (!page.listingDate) continue;
    const day = byDay.get(page.listingDate) ?? { items: 0, failed: false };
    day.items += page.items;
    day.failed ||= page.errorCode !== null;
    byDay.set(page.listingDate, day);
  }
  for (const date of days) {
    const day = byDay.get(date);
    if (!day || day.failed) result.failed.push(date);
    else if (day.items === 0) result.noPapers.push(date);
    else result.withPapers.push(date);
  }
  return result;
}
