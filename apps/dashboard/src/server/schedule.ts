import "server-only";
import {
  defaultRawDir,
  expectedFreshnessMs,
  type JobName,
  listNextRuns,
  loadScheduleConfig,
  remoteSettingsOf,
  type ScheduleConfig,
  type Scheduler,
  startScheduler,
  type TriggerResult,
} from "@paperpulse/scraper";
import { getDbHandle } from "./db";
import { getEnv } from "./env";

// The dashboard's side of scheduled scraping. Embedded (PGlite) mode: this process owns the database, so it runs the
// cron jobs itself. Server (Postgres) mode: `pnpm scrape schedule` runs them; this process only shows the schedule
// and runs "Run now" itself. Either way the database admits one running run at a time.

export type ScheduleState = {
  mode: "embedded" | "server";
  config: ScheduleConfig;
  /** True when this process fires the cron jobs. */
  schedulesHere: boolean;
  /** Triggers runs in this process: the cron scheduler, or one without jobs for "Run now" only. */
  scheduler: Scheduler;
};

const key = Symbol.for("paperpulse.dashboard.schedule");
type Global = typeof globalThis & { [key]?: Promise<ScheduleState> };

/** The schedule as configured by the environment (PAPERPULSE_SCHEDULE*, PAPERPULSE_REFRESH_DAYS). */
export function getScheduleConfig(): ScheduleConfig {
  return loadScheduleConfig(getEnv());
}

/** Starts (once per process) the in-process scheduler once the database is open. */
export function getScheduleState(): Promise<ScheduleState> {
  const global = globalThis as Global;
  global[key] ??= start();
  return global[key];
}

async function start(): Promise<ScheduleState> {
  const config = getScheduleConfig();
  const handle = await getDbHandle();
  const mode = handle.kind === "pglite" ? "embedded" : "server";
  const schedulesHere = mode === "embedded" && config.enabled && config.jobs.length > 0;
  const log = (line: string) => console.log(`${new Date().toISOString()} scheduler: ${line}`);
  const env = getEnv();
  // The politeness limits and private hosts of this process's environment; listing pages are not rendered here.
  const { limits, allowPrivateHosts } = remoteSettingsOf(env);
  const scheduler = startScheduler(handle.db, {
    config: schedulesHere ? config : { ...config, jobs: [] },
    fetcher: { baseUrl: env.HF_BASE_URL, limits, allowPrivateHosts },
    // Failed pages are kept for `pnpm scrape reparse`, and listings' last bodies for conditional requests.
    raw: { dir: defaultRawDir(env), recordAll: false },
    log,
  });
  return { mode, config, schedulesHere, scheduler };
}

/** Stops the cron timers and gives a run in progress a moment to finish, before the database closes. */
export async function stopSchedule(graceMs = 3000): Promise<void> {
  const state = (globalThis as Global)[key];
  if (!state) return;
  const { scheduler } = await state;
  await Promise.race([scheduler.stop(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
}

export type ScheduleInfo = {
  mode: "embedded" | "server";
  enabled: boolean;
  schedulesHere: boolean;
  jobs: { name: JobName; cron: string; next: Date[] }[];
  /** How old the last successful capture may be before the data counts as stale; null: no expectation. */
  freshnessMs: number | null;
};

/** What the Runs page and the freshness banner show about the schedule. */
export async function getScheduleInfo(now = new Date()): Promise<ScheduleInfo> {
  const state = await getScheduleState();
  const next = new Map(listNextRuns(state.config, 3, now).map((job) => [job.name, job.next]));
  return {
    mode: state.mode,
    enabled: state.config.enabled && state.config.jobs.length > 0,
    schedulesHere: state.schedulesHere,
    jobs: state.config.jobs.map((job) => ({ ...job, next: next.get(job.name) ?? [] })),
    freshnessMs: expectedFreshnessMs(state.config, now),
  };
}

/** "Run now": the refresh job, in this process; an active run (anywhere) is returned instead of a second one. */
export async function triggerRefresh(): Promise<TriggerResult> {
  const { scheduler } = await getScheduleState();
  return scheduler.trigger("refresh", "manual");
}
