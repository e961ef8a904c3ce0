import { listDayCoverage } from "@paperpulse/db";
import { describeEachDatabase } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type HfTestServer, listingApiRoute, startHfTestServer } from "../../testing/hf-test-server.ts";
import { buildSyntheticArchive } from "../../testing/synthetic-archive.ts";
import { classifyDay } from "./plan-backfill.ts";
import { runBackfill } from "./run-backfill.ts";

// A year of weekday listings (8 to 20 papers a day), served by a stand-in of the API that answers date=, week= and
// month= from the same items. Backfill goes month by month and still accounts for every day.
const year = buildSyntheticArchive({ days: 261, end: "2025-12-31", captureHours: [480] });
const items = year.captures.flatMap((capture) => capture.items);
const now = () => new Date("2026-02-01T12:00:00Z");

describeEachDatabase("backfill through month listings", (getDb) => {
  let server: HfTestServer;
  let failMarch = true;
  beforeAll(async () => {
    server = await startHfTestServer();
    const listing = listingApiRoute(items);
    server.route("/api/daily_papers", (request) => {
      // The second page of March fails once: its days must come out failed, and be fetched again.
      if (failMarch && request.query.get("month") === "2025-03" && request.query.get("p") === "1") {
        failMarch = false;
        return { status: 503, body: "unavailable" };
      }
      return listing(request);
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const backfill = () =>
    runBackfill(getDb(), {
      from: "2025-01-01",
      to: "2025-12-31",
      force: false,
      source: "api",
      fetcher: { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true, maxRequests: 300 },
      now,
    });

  it("fetches a year in at most 0.3 requests per day, every paper under its own day, a failed month kept failed", async () => {
    const result = await backfill();
    const requests = server.requests.filter((r) => r.path === "/api/daily_papers");
    expect(requests.every((r) => r.query.has("month"))).toBe(true);
    expect(requests.length / 365).toBeLessThanOrEqual(0.3);
    expect(result.run).toMatchObject({ status: "partial", pagesFailed: 1 });
    const march = Array.from({ length: 31 }, (_, i) => `2025-03-${String(i + 1).padStart(2, "0")}`);
    expect(result.failed).toEqual(march);
    expect(result.withPapers.length + result.noPapers.length).toBe(365 - 31);
    // Weekends hold no papers; every weekday outside March has its own.
    for (const day of result.noPapers) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    const coverage = await listDayCoverage(getDb(), "2025-01-01", "2025-12-31");
    const status = new Map(coverage.map((day) => [day.date, classifyDay(day)]));
    for (const day of march) expect(status.get(day), day).toBe("failed");
    expect(coverage.filter((day) => classifyDay(day) === "settled")).toHaveLength(365 - 31);
  });

  it("fetches the failed month again, then nothing, and files every paper under its submitted day", async () => {
    const before = server.requests.length;
    const retry = await backfill();
    expect(retry).toMatchObject({ skipped: 365 - 31, failed: [] });
    expect(server.requests.slice(before).every((r) => r.query.get("month") === "2025-03")).toBe(true);
    const again = await backfill();
    expect(again).toMatchObject({ skipped: 365, run: null });
    const coverage = await listDayCoverage(getDb(), "2025-01-01", "2025-12-31");
    expect(coverage.every((day) => classifyDay(day) === "settled")).toBe(true);
    const perDay = new Map<string, number>();
    for (const paper of year.papers) perDay.set(paper.dailyDate, (perDay.get(paper.dailyDate) ?? 0) + 1);
    for (const day of coverage) expect(day.items, day.date).toBe(perDay.get(day.date) ?? 0);
  });
});
