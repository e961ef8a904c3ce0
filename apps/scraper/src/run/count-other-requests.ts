import { hostname } from "node:os";
import { type Db, listRecentRequests } from "@paperpulse/db";
import type { RateLimiter } from "../fetch/rate-limiter.ts";

/**
 * In server mode the scheduler daemon, the dashboards and CLI runs are separate processes, likely behind one IP,
 * each with its own limiter. Before a run sends anything, the requests of other processes' runs that finished within
 * the rate window are counted against this process's budget, as if all sent at the moment their run finished
 * (the latest they can have been sent, so they leave the window last). Runs never overlap, so finished runs are all
 * there is to count.
 */
export async function countOtherProcessesRequests(db: Db, limiter: RateLimiter): Promise<void> {
  const here = hostname();
  for (const run of await listRecentRequests(db, limiter.windowMs)) {
    // This process's own requests were counted as they were sent.
    if (run.pid === process.pid && run.host === here) continue;
    const origin = originOf(run.plan.baseUrl);
    if (origin === null) continue;
    const kind = run.plan.source === "api" ? "api" : "page";
    limiter.countElsewhere(`run ${run.runId}`, origin, kind, run.requests, run.ageMs);
  }
}

function originOf(baseUrl: unknown): string | null {
  if (typeof baseUrl !== "string") return null;
  try {
    return new URL(baseUrl).origin;
  } catch {
    return null;
  }
}
