import { type DbHandle, selectRows } from "@paperpulse/db";
import { openMemoryDb } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { robotsRoute, statusReply } from "../../testing/fault-routes.ts";
import { testFetcherOptions } from "../../testing/fetcher-test-options.ts";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { scrapeTargets } from "../run/scrape-targets.ts";
import type { Target } from "../sources/targets.ts";
import { createRateLimiter } from "./rate-limiter.ts";

// How a whole run reacts: a page robots.txt forbids fails alone; being rate-limited ends the run.

const day = (value: string): Target => ({ kind: "date", value });

// A synthetic listing page in Hugging Face's markup: the DailyPapers payload as an HTML-escaped attribute.
function listingPage(date: string, ids: string[]): string {
  const props = {
    date: `${date}T00:00:00.000Z`,
    dailyPapers: ids.map((id, i) => ({
      paper: { id, title: `Synthetic ${id}`, authors: [{ name: "Ada Example" }], upvotes: 10 - i },
      numComments: i,
    })),
  };
  const escaped = JSON.stringify(props).replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  return `<!doctype html><html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escaped}"></div></body></html>`;
}

let server: HfTestServer;
let handle: DbHandle;
beforeEach(async () => {
  server = await startHfTestServer();
  for (const [date, ids] of [
    ["2025-06-02", ["2506.00001", "2506.00002"]],
    ["2025-06-03", ["2506.00003"]],
    ["2025-06-04", ["2506.00004"]],
  ] as const) {
    server.route(`/papers/date/${date}`, () => ({ body: listingPage(date, [...ids]) }));
  }
});
afterEach(async () => {
  await server.close();
});
// One database for the file (PGlite takes seconds to start): each test looks only at its own run's rows.
beforeAll(async () => {
  handle = await openMemoryDb();
});
afterAll(async () => {
  await handle.close();
});

const run = (targets: Target[]) =>
  scrapeTargets(handle.db, targets, {
    source: "page",
    trigger: "cli",
    command: "test",
    fetcher: testFetcherOptions(server.baseUrl, { maxWaitMs: 500 }),
  });

/** The papers a run stored: a snapshot, or (values unchanged since an earlier test's run) a confirmation. */
const storedIds = async (runId: number) =>
  (
    await selectRows<{ id: string }>(
      handle.db,
      sql`select paper_id as id from paper_snapshots where run_id = ${runId}
          union
          select id from papers
          where confirmed_at in (select captured_at from scrape_pages where run_id = ${runId} and error_code is null)
          order by id`,
    )
  ).map((r) => r.id);

describe("politeness in a run", () => {
  it("records its requests, and counts those of another process's recent run against its budget", async () => {
    const limiter = createRateLimiter({ windowMs: 1_500, pageLoads: 3, apiCalls: 3 });
    const fetcher = testFetcherOptions(server.baseUrl, { rateLimiter: limiter });
    const options = { source: "page" as const, trigger: "cli" as const, command: "test", fetcher };
    const own = await scrapeTargets(handle.db, [day("2025-06-02")], options);
    const [recorded] = await selectRows<{ requests: number }>(
      handle.db,
      sql`select requests from scrape_runs where id = ${own.runId}`,
    );
    expect(recorded?.requests).toBe(1);
    // A run of the scheduler daemon (another pid) that just sent 3 page loads to the same site fills the budget.
    await handle.db.execute(sql`insert into scrape_runs (trigger, command, plan, status, finished_at, pid, host, requests)
      values ('schedule', 'refresh', ${JSON.stringify({ source: "page", baseUrl: server.baseUrl })}::jsonb,
        'succeeded', now(), ${process.pid + 1}, 'another-host', 3)`);
    const started = performance.now();
    const before = server.requests.length;
    const next = await scrapeTargets(handle.db, [day("2025-06-03")], options);
    expect(next.status).toBe("succeeded");
    const listing = server.requests.slice(before).find((r) => r.path === "/papers/date/2025-06-03");
    // Its first request waits until the other run's requests leave the 1.5 s window.
    expect((listing?.at ?? 0) - started).toBeGreaterThanOrEqual(1_200);
  });

  it("fails a page robots.txt disallows, without requesting it, and goes on with the rest", async () => {
    server.route("/robots.txt", robotsRoute("User-agent: paperpulse\nDisallow: /papers/date/2025-06-03\n"));
    const summary = await run([day("2025-06-02"), day("2025-06-03"), day("2025-06-04")]);
    expect(summary).toMatchObject({ status: "partial", pages: 3, pagesFailed: 1, requests: 2 });
    expect(summary.failures).toEqual([
      expect.objectContaining({ code: "ROBOTS_DISALLOWED", url: `${server.baseUrl}/papers/date/2025-06-03` }),
    ]);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/robots.txt",
      "/papers/date/2025-06-02",
      "/papers/date/2025-06-04",
    ]);
    expect(await storedIds(summary.runId)).toEqual(["2506.00001", "2506.00002", "2506.00004"]);
  });

  it("ends the run as rate-limited when asked to wait beyond the cap, leaving the next pages alone", async () => {
    server.route("/papers/date/2025-06-03", () => statusReply(429, { "retry-after": "3600" }));
    const started = performance.now();
    const summary = await run([day("2025-06-02"), day("2025-06-03"), day("2025-06-04")]);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(summary).toMatchObject({ status: "partial", errorCode: "RATE_LIMITED", pagesFailed: 1 });
    expect(summary.error).toMatch(/3600 s wait, beyond the cap/);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/robots.txt",
      "/papers/date/2025-06-02",
      "/papers/date/2025-06-03",
    ]);
    expect(await storedIds(summary.runId)).toEqual(["2506.00001", "2506.00002"]);
  });

  it("ends the run when robots.txt cannot be read, requesting no page", async () => {
    server.route("/robots.txt", () => statusReply(500));
    const summary = await run([day("2025-06-02"), day("2025-06-03")]);
    expect(summary).toMatchObject({ status: "failed", errorCode: "ROBOTS_UNAVAILABLE", requests: 0 });
    expect(server.requests.every((r) => r.path === "/robots.txt")).toBe(true);
    expect(await storedIds(summary.runId)).toEqual([]);
  });
});
