import { createDb, type DbHandle, selectRows } from "@paperpulse/db";
import { describeEachDatabase } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { parseScraperEnv } from "../config/env.ts";
import { loadScheduleConfig } from "./schedule-config.ts";
import { startScheduler } from "./start-scheduler.ts";

const load = (variables: Record<string, string>) => loadScheduleConfig(parseScraperEnv(variables));

describeEachDatabase("the scheduler", (getDb, kind, getUrl) => {
  let server: HfTestServer;
  beforeAll(async () => {
    server = await startHfTestServer();
    // Slow answers keep a run active while the other triggers arrive.
    server.route("/api/daily_papers", () => (res) => {
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("[]"), 150);
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("runs one of 20 simultaneous triggers from two schedulers; the others get its run id", async () => {
    const config = load({ PAPERPULSE_REFRESH_DAYS: "2", PAPERPULSE_SCHEDULE_DAILY: "off" });
    // A second scheduler as another process would have it: on Postgres its own connection pool.
    let second: DbHandle | undefined;
    if (kind === "postgres") second = await createDb({ databaseUrl: getUrl() });
    const otherDb = second?.db ?? getDb();
    const fetcher = { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true };
    const schedulers = [getDb(), otherDb].map((db) => startScheduler(db, { config, fetcher, log: () => {} }));
    try {
      const apiCalls = () => server.requests.filter((r) => r.path === "/api/daily_papers").length;
      const before = apiCalls();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => schedulers[i % 2]?.trigger("refresh") ?? Promise.reject()),
      );
      const started = results.filter((r) => r.started);
      expect(started).toHaveLength(1);
      expect(new Set(results.map((r) => r.runId))).toEqual(new Set([started[0]?.runId]));
      const summary = await started[0]?.done;
      expect(summary).toMatchObject({ status: "succeeded", pages: 3 });
      // One run's requests only: three days, each one empty page.
      expect(apiCalls() - before).toBe(3);
      const [count] = await selectRows<{ n: number }>(
        getDb(),
        sql`select count(*)::int as n from scrape_runs`,
      );
      expect(count?.n).toBe(1);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
      await second?.close();
    }
  });

  it("fires jobs on their cron schedule and shows the next run times", async () => {
    const config = load({
      PAPERPULSE_SCHEDULE_REFRESH: "* * * * * *",
      PAPERPULSE_SCHEDULE_DAILY: "off",
      PAPERPULSE_REFRESH_DAYS: "1",
    });
    const lines: string[] = [];
    const scheduler = startScheduler(getDb(), {
      config,
      fetcher: { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true },
      log: (line) => lines.push(line),
    });
    const [job] = scheduler.jobs();
    expect(job?.next?.getTime()).toBeGreaterThan(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await scheduler.stop();
    const runs = await selectRows<{ trigger: string; status: string }>(
      getDb(),
      sql`select trigger, status from scrape_runs where trigger = 'schedule'`,
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    expect(lines.some((l) => /refresh succeeded/.test(l))).toBe(true);
  });
});
