import { createDb, type DbHandle } from "@paperpulse/db";
import { runBackfill } from "../src/backfill/run-backfill.ts";
import { scrapeTargets } from "../src/run/scrape-targets.ts";
import { planJob } from "../src/schedule/plan-job.ts";
import { listDays, type Target } from "../src/sources/targets.ts";
import { listingApiRoute, startHfTestServer } from "../testing/hf-test-server.ts";
import { buildSyntheticArchive } from "../testing/synthetic-archive.ts";
import type { BenchModule } from "./bench-module.ts";

/**
 * Requests per day of data against a stand-in of the API serving a synthetic year (8 to 20 papers a weekday):
 * a backfill of 2025 and one hourly refresh (today and 14 days back), through day listings one by one (the plan
 * before week and month listings) and through the planned listings, side by side.
 */
async function run(): Promise<boolean> {
  const year = buildSyntheticArchive({ days: 261, end: "2025-12-31", captureHours: [480] });
  const server = await startHfTestServer();
  server.route("/api/daily_papers", listingApiRoute(year.captures.flatMap((capture) => capture.items)));
  const fetcher = { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true, maxRequests: 1_000 };
  const now = () => new Date("2026-02-01T12:00:00Z");
  const requestsOf = async (work: (handle: DbHandle) => Promise<unknown>) => {
    const handle = await createDb({ dataDir: "memory", databaseUrl: undefined });
    const before = server.requests.length;
    try {
      await work(handle);
      return server.requests.length - before;
    } finally {
      await handle.close();
    }
  };
  const scrape = (targets: Target[]) => (handle: DbHandle) =>
    scrapeTargets(handle.db, targets, { source: "api", trigger: "cli", command: "bench", fetcher, now });
  try {
    const days = listDays("2025-01-01", "2025-12-31");
    const backfillByDay = await requestsOf(scrape(days.map((value) => ({ kind: "date", value }))));
    const backfill = await requestsOf((handle) =>
      runBackfill(handle.db, {
        from: days[0] ?? "",
        to: days.at(-1) ?? "",
        force: false,
        source: "api",
        fetcher,
        now,
      }),
    );
    const refreshAt = new Date("2025-12-17T09:00:00Z");
    const config = { enabled: true, jobs: [], refreshDays: 14, source: "api" as const };
    // The same days as the page source plans them: one listing per day.
    const refreshByDay = await requestsOf(
      scrape(planJob("refresh", { ...config, source: "page" }, refreshAt)),
    );
    const refresh = await requestsOf(scrape(planJob("refresh", config, refreshAt)));
    const line = (label: string, requests: number, perDays: number) =>
      console.log(
        `${label.padEnd(40)} ${String(requests).padStart(4)} requests = ${(requests / perDays).toFixed(2)} per day of data`,
      );
    line("backfill of 2025, day by day", backfillByDay, 365);
    line("backfill of 2025, planned listings", backfill, 365);
    line("one refresh of 15 days, day by day", refreshByDay, 15);
    line("one refresh of 15 days, planned listings", refresh, 15);
    console.log(`hourly refresh: ${refreshByDay * 24} requests a day day by day, ${refresh * 24} planned`);
    return true;
  } finally {
    await server.close();
  }
}

export const requestsBench: BenchModule = { name: "requests", run };
