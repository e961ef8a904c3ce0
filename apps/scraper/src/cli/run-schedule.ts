import { once } from "node:events";
import type { Db } from "@paperpulse/db";
import { listNextRuns } from "../schedule/schedule-config.ts";
import { startScheduler } from "../schedule/start-scheduler.ts";
import { UsageError } from "../usage-error.ts";
import type { Command } from "./parse-command.ts";
import { remoteOptions } from "./remote-options.ts";

/** `pnpm scrape schedule`: runs the schedule until SIGINT/SIGTERM, then lets a run in progress finish. */
export async function runSchedule(
  db: Db,
  command: Extract<Command, { name: "schedule" }>,
): Promise<string[]> {
  const config = command.schedule;
  if (!config.enabled || config.jobs.length === 0) {
    throw new UsageError(
      "scheduling is off (PAPERPULSE_SCHEDULE=off or every job set to off): nothing to run",
    );
  }
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);
  const scheduler = startScheduler(db, { config, ...remoteOptions(command), log });
  for (const { name, next } of listNextRuns(config)) {
    log(`${name}: next runs ${next.map((d) => d.toISOString()).join(", ")}`);
  }
  await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
  log("stopping: waiting for the run in progress, if any");
  await scheduler.stop();
  return ["scheduler stopped"];
}
