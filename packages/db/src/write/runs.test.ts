import { hostname } from "node:os";
import { scrapeRuns } from "@paperpulse/schema";
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/index.ts";
import type { Db } from "../types.ts";
import { finishRun, getRun, RunActiveError, STALE_RUN_MS, startRun } from "./runs.ts";

const input = { trigger: "manual" as const, command: "test", plan: {} };

async function clear(db: Db) {
  await db.execute(sql`truncate paper_snapshots, scrape_pages, scrape_runs cascade`);
}

describeEachDatabase("one run at a time", (getDb) => {
  it("admits one of 20 simultaneous starts; the others learn which run is active", async () => {
    const db = getDb();
    await clear(db);
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => startRun(db, input)));
    const started = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.id] : []));
    expect(started).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(outcome.reason).toBeInstanceOf(RunActiveError);
        expect((outcome.reason as RunActiveError).run.id).toBe(started[0]);
      }
    }
    const rows = await db.select().from(scrapeRuns);
    expect(rows).toHaveLength(1);
    await finishRun(db, started[0] ?? 0, { status: "succeeded" });
    const next = await startRun(db, input);
    expect(next.id).toBeGreaterThan(started[0] ?? 0);
    await finishRun(db, next.id, { status: "succeeded" });
  });

  it("marks a run whose process died as abandoned, then starts the next", async () => {
    const db = getDb();
    await clear(db);
    // A pid far above the kernel's limit belongs to no process.
    const [dead] = await db
      .insert(scrapeRuns)
      .values({ ...input, status: "running", pid: 99_999_999, host: hostname() })
      .returning();
    const next = await startRun(db, input);
    expect(await getRun(db, dead?.id ?? 0)).toMatchObject({ status: "abandoned", errorCode: "ABANDONED" });
    await finishRun(db, next.id, { status: "succeeded" });
  });

  it("marks a run on another machine abandoned only once its heartbeat is stale", async () => {
    const db = getDb();
    await clear(db);
    const [remote] = await db
      .insert(scrapeRuns)
      .values({ ...input, status: "running", pid: 1, host: "another-machine" })
      .returning();
    await expect(startRun(db, input)).rejects.toBeInstanceOf(RunActiveError);
    await db
      .update(scrapeRuns)
      .set({ heartbeatAt: new Date(Date.now() - STALE_RUN_MS - 1_000) })
      .where(eq(scrapeRuns.id, remote?.id ?? 0));
    const next = await startRun(db, input);
    expect(await getRun(db, remote?.id ?? 0)).toMatchObject({ status: "abandoned" });
    await finishRun(db, next.id, { status: "succeeded" });
  });
});
