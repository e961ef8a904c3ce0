import { Cron } from "croner";
import type { SourceKind } from "../sources/targets.ts";
import { UsageError } from "../usage-error.ts";

export type JobName = "refresh" | "daily" | "trending";

export type ScheduleConfig = {
  enabled: boolean;
  jobs: { name: JobName; cron: string }[];
  /** Upvotes settle over about two weeks: the hourly refresh re-captures this many recent days. */
  refreshDays: number;
  source: SourceKind;
};

export const DEFAULT_SCHEDULE = {
  // Minutes off the hour, so the load does not land on :00 with everyone else's crons.
  refresh: "7 * * * *",
  daily: "35 0 * * *",
  // Off unless asked: one more request each time, for a listing with no day of its own.
  trending: "off",
  refreshDays: 14,
} as const;

/**
 * Reads the schedule from the environment. Defaults: every hour, today's listing plus the last 14 days through the
 * API (about 30 requests: the cheapest way to draw the upvote curves); every day at 00:35 UTC, yesterday's final
 * capture and the current week's and month's listings.
 *
 * - PAPERPULSE_SCHEDULE=off disables scheduling.
 * - PAPERPULSE_SCHEDULE_REFRESH / PAPERPULSE_SCHEDULE_DAILY: cron expressions (UTC); "off" drops that job.
 * - PAPERPULSE_SCHEDULE_TRENDING: a cron expression to capture the trending listing (default off).
 * - PAPERPULSE_REFRESH_DAYS: days the refresh covers (1–60).
 * - PAPERPULSE_SCHEDULE_SOURCE: api (default) or page.
 */
export function loadScheduleConfig(env: NodeJS.ProcessEnv = process.env): ScheduleConfig {
  const enabled = (env.PAPERPULSE_SCHEDULE ?? "on").toLowerCase() !== "off";
  const jobs: ScheduleConfig["jobs"] = [];
  for (const [name, variable, fallback] of [
    ["refresh", "PAPERPULSE_SCHEDULE_REFRESH", DEFAULT_SCHEDULE.refresh],
    ["daily", "PAPERPULSE_SCHEDULE_DAILY", DEFAULT_SCHEDULE.daily],
    ["trending", "PAPERPULSE_SCHEDULE_TRENDING", DEFAULT_SCHEDULE.trending],
  ] as const) {
    const cron = (env[variable] ?? fallback).trim();
    if (cron.toLowerCase() === "off") continue;
    validateCron(cron, variable);
    jobs.push({ name, cron });
  }
  const days = env.PAPERPULSE_REFRESH_DAYS ?? String(DEFAULT_SCHEDULE.refreshDays);
  const refreshDays = Number(days);
  if (!/^\d+$/.test(days) || refreshDays < 1 || refreshDays > 60) {
    throw new UsageError(
      `PAPERPULSE_REFRESH_DAYS must be a whole number from 1 to 60, got ${JSON.stringify(days)}`,
    );
  }
  const source = env.PAPERPULSE_SCHEDULE_SOURCE ?? "api";
  if (source !== "api" && source !== "page") {
    throw new UsageError(`PAPERPULSE_SCHEDULE_SOURCE must be api or page, got ${JSON.stringify(source)}`);
  }
  return { enabled, jobs, refreshDays, source };
}

function validateCron(cron: string, variable: string): void {
  try {
    new Cron(cron, { paused: true, timezone: "UTC" }).stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${variable} is not a cron expression (${JSON.stringify(cron)}): ${reason}`);
  }
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
