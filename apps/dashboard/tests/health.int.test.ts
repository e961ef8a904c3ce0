import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeOnServer, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningDashboard, startDashboard } from "./support/server";

// GET /api/health, for process managers and containers: 200 while the database answers, 503 when it does not.

type Health = {
  status: string;
  database: { reachable: boolean; engine?: string; latencyMs?: number; error?: string };
  lastSuccessfulCapture: string | null;
  schedule?: {
    enabled: boolean;
    runsHere: boolean;
    jobs: { name: string; cron: string; next: string | null }[];
  };
};

const health = async (server: RunningDashboard | undefined) => {
  if (!server) throw new Error("server not started");
  const response = await fetch(`${server.url}/api/health`);
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: (await response.json()) as Health,
  };
};

describe("health of an embedded dashboard", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-health-"));
    // Scheduling on, far away: the schedule is reported, nothing fires.
    server = await startDashboard(
      { dataDir },
      {
        env: {
          PAPERPULSE_SCHEDULE: "on",
          PAPERPULSE_SCHEDULE_REFRESH: "0 0 1 1 *",
          PAPERPULSE_SCHEDULE_DAILY: "off",
        },
      },
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers 200 with the database, the last capture and the schedule, never cached", async () => {
    const { status, cache, body } = await health(server);
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    // Nothing captured yet while the schedule expects captures: stale, but up.
    expect(body).toMatchObject({
      status: "stale",
      database: { reachable: true, engine: "pglite" },
      lastSuccessfulCapture: null,
      schedule: { enabled: true, runsHere: true },
    });
    expect(body.schedule?.jobs).toEqual([
      { name: "refresh", cron: "0 0 1 1 *", next: `${new Date().getUTCFullYear() + 1}-01-01T00:00:00.000Z` },
    ]);
  });
});

describeOnServer("health of a dashboard in server mode", () => {
  let database: TestDbHandle | undefined;
  let server: RunningDashboard | undefined;

  beforeAll(async () => {
    database = await openServerDb();
    if (!database.url) throw new Error("the test database has no URL");
    server = await startDashboard({ databaseUrl: database.url });
  });

  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it("answers 503, naming the cause, once the database is gone", async () => {
    expect((await health(server)).body).toMatchObject({ status: "ok", database: { engine: "postgres" } });
    // Dropped (its connections terminated): what a lost server looks like from here.
    await database?.close();
    database = undefined;
    const { status, body } = await health(server);
    expect(status).toBe(503);
    expect(body.status).toBe("down");
    expect(body.database.reachable).toBe(false);
    expect(body.database.error).toMatch(/does not exist|terminat|connect/i);
  });
});
