import { Cron } from "croner";
import type { ScraperEnv } from "../config/env.ts";
import type { SourceKind } from "../sources/targets.ts";

export type JobName = "refresh" | "daily" | "trending";

export type ScheduleConfig = {
  enabled: boolean;
  jobs: { name: JobName; cron: string }[];
  /** Upvotes settle over about two weeks: the hourly refresh re-captures this many recent days. */
  refreshDays: number;
  source: SourceKind;
};

type ScheduleEnv = Pick<
  ScraperEnv,
  | "PAPERPULSE_SCHEDULE"
  | "PAPERPULSE_SCHEDULE_REFRESH"
  | "PAPERPULSE_SCHEDULE_DAILY"
  | "PAPERPULSE_SCHEDULE_TRENDING"
  | "PAPERPULSE_REFRESH_DAYS"
  | "PAPERPULSE_SCHEDULE_SOURCE"
>;

/**
 * The schedule of parsed variables (their defaults and reasons are in config/env.ts): every hour, today's listing
 * plus the last 14 days through the API (about 30 requests: the cheapest way to draw the upvote curves); every day
 * at 00:35 UTC, yesterday's final capture and the current week's and month's listings; a job set to `off` is left
 * out, and PAPERPULSE_SCHEDULE=off turns scheduling off.
 */
export function loadScheduleConfig(env: ScheduleEnv): ScheduleConfig {
  const jobs: ScheduleConfig["jobs"] = [];
  for (const [name, cron] of [
    ["refresh", env.PAPERPULSE_SCHEDULE_REFRESH],
    ["daily", env.PAPERPULSE_SCHEDULE_DAILY],
    ["trending", env.PAPERPULSE_SCHEDULE_TRENDING],
  ] as const) {
    if (cron !== null) jobs.push({ name, cron });
  }
  return {
    enabled: env.PAPERPULSE_SCHEDULE,
    jobs,
    refreshDays: env.PAPERPULSE_REFRESH_DAYS,
    source: env.PAPERPULSE_SCHEDULE_SOURCE,
  };
}

/** The next times each job fires. */
export function listNextRuns(
  config: ScheduleConfig,
  count = 3,
  from = new Date(),
): { name: JobName; next: Date[] }[] {
  return config.jobs.map((job) => {
    const cron = new Cron(job.cron, { paused: true, timezone: "UTC" });
    const next = cron.nextRuns(count, from);
    cron.stop();
    return { name: job.name, next };
  });
}

/** How old the last successful capture may be before the dashboard calls the data stale. */
export function expectedFreshnessMs(config: ScheduleConfig, from = new Date()): number | null {
  if (!config.enabled || config.jobs.length === 0) return null;
  const gaps = listNextRuns(config, 2, from).map(({ next }) =>
    next.length === 2 ? (next[1]?.getTime() ?? 0) - (next[0]?.getTime() ?? 0) : Number.POSITIVE_INFINITY,
  );
  // Two missed runs of the most frequent job, plus slack for the run itself.
  return Math.min(...gaps) * 2 + 10 * 60_000;
}
