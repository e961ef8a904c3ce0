import type { Db } from "@paperpulse/db";
import { RunActiveError } from "@paperpulse/db";
import { Cron } from "croner";
import type { FetcherOptions } from "../fetch/create-fetcher.ts";
import { type ScrapeOptions, scrapeTargets } from "../run/scrape-targets.ts";
import type { RunSummary } from "../run/summary.ts";
import { planJob } from "./plan-job.ts";
import type { JobName, ScheduleConfig } from "./schedule-config.ts";

export type SchedulerOptions = {
  config: ScheduleConfig;
  fetcher: FetcherOptions;
  raw?: ScrapeOptions["raw"];
  render?: ScrapeOptions["render"];
  log?: (line: string) => void;
  now?: () => Date;
};

/** The outcome of a trigger: a run started now, or the run that was already active (one run at a time). */
export type TriggerResult = { runId: number; started: boolean; done: Promise<RunSummary | null> };

export type Scheduler = {
  jobs: () => { name: JobName; cron: string; next: Date | null }[];
  /** Starts a job's run now and resolves once it is recorded (or names the active run), without waiting for it. */
  trigger: (name: JobName, trigger?: "schedule" | "manual") => Promise<TriggerResult>;
  /** Stops the timers and waits for a run in progress to end. */
  stop: () => Promise<void>;
};

/** Runs the configured jobs on their cron schedules (UTC) in this process. */
export function startScheduler(db: Db, options: SchedulerOptions): Scheduler {
  const log = options.log ?? ((line: string) => console.log(line));
  const inFlight = new Set<Promise<unknown>>();
  const crons = options.config.jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: "UTC", protect: true }, async () => {
        const result = await trigger(job.name, "schedule").catch((error: unknown) => {
          log(
            `scheduled ${job.name}: could not start: ${error instanceof Error ? error.message : String(error)}`,
          );
          return null;
        });
        await result?.done;
      }),
  );

  function trigger(name: JobName, kind: "schedule" | "manual" = "manual"): Promise<TriggerResult> {
    const targets = planJob(name, options.config, (options.now ?? (() => new Date()))());
    return new Promise<TriggerResult>((resolve, reject) => {
      // onStart and the RunActiveError below both fire after `done` is assigned: beginRun awaits the database.
      const done: Promise<RunSummary | null> = scrapeTargets(db, targets, {
        source: options.config.source,
        trigger: kind,
        command: `${kind === "schedule" ? "scheduled" : "run now"}: ${name}`,
        fetcher: options.fetcher,
        ...(options.raw ? { raw: options.raw } : {}),
        ...(options.render ? { render: options.render } : {}),
        onStart: (runId) => resolve({ runId, started: true, done }),
      }).then(
        (summary) => {
          log(
            `run #${summary.runId} ${name} ${summary.status}: ${summary.pages} pages (${summary.pagesFailed} failed), ` +
              `${summary.items} items, ${summary.newPapers} new papers${summary.error ? ` — ${summary.error}` : ""}`,
          );
          return summary;
        },
        (error: unknown) => {
          if (error instanceof RunActiveError) {
            log(`${name}: not started, ${error.message}`);
            resolve({ runId: error.run.id, started: false, done });
            return null;
          }
          reject(error);
          return null;
        },
      );
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    });
  }

  return {
    jobs: () =>
      options.config.jobs.map((job, i) => ({
        name: job.name,
        cron: job.cron,
        next: crons[i]?.nextRun() ?? null,
      })),
    trigger,
    stop: async () => {
      for (const cron of crons) cron.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
