import { getFreshness } from "@paperpulse/db";
import { getDbHandle } from "@/server/db";
import { getScheduleInfo } from "@/server/schedule";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// A database that does not answer within this long counts as down: a health check must not hang with it.
const databaseDeadlineMs = 3000;

/**
 * For process managers, containers and load balancers: 200 while the database answers (with how fresh the data
 * is and what the schedule will do next), 503 when it does not. Stale data is reported, not failed: restarting
 * the server would not make it fresher.
 */
export async function GET(): Promise<Response> {
  const started = performance.now();
  try {
    const handle = await withDeadline(getDbHandle(), "opening the database");
    const freshness = await withDeadline(getFreshness(handle.db), "the freshness query");
    const latencyMs = Math.round(performance.now() - started);
    const schedule = await getScheduleInfo();
    const now = Date.now();
    const last = freshness.lastSuccessAt;
    const stale =
      schedule.freshnessMs !== null && (last === null || now - last.getTime() > schedule.freshnessMs);
    return json(200, {
      status: stale ? "stale" : "ok",
      database: { reachable: true, engine: handle.kind, latencyMs },
      lastSuccessfulCapture: last?.toISOString() ?? null,
      lastRun: freshness.lastRun
        ? { ...freshness.lastRun, finishedAt: freshness.lastRun.finishedAt?.toISOString() ?? null }
        : null,
      schedule: {
        enabled: schedule.enabled,
        runsHere: schedule.schedulesHere,
        jobs: schedule.jobs.map((job) => ({
          name: job.name,
          cron: job.cron,
          next: job.next[0]?.toISOString() ?? null,
        })),
      },
    });
  } catch (error) {
    return json(503, {
      status: "down",
      database: { reachable: false, error: rootCause(error) },
    });
  }
}

function withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${databaseDeadlineMs / 1000} s`)),
      databaseDeadlineMs,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The driver's own message: drizzle wraps it in "Failed query: <the SQL>", which says nothing to an operator. */
function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
