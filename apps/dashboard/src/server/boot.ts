import { configureLogging, syncTopicCatalog } from "@paperpulse/scraper";
import { getDbHandle } from "./db";
import { getEnv } from "./env";
import { getScheduleInfo } from "./schedule";
import { closeOnSignals } from "./shutdown";

/**
 * Opens (and migrates) the database and starts the schedule, or stops the process with the reason: a server
 * without its database, or with a schedule it cannot parse, is useless.
 */
export async function openDbAtBoot(): Promise<void> {
  try {
    // Every variable checked now (the politeness limits scheduled runs and Run now fetch with too): a bad one stops
    // the server at once, not at the first run or request.
    const env = getEnv();
    // A server: its structured log lines are on unless PAPERPULSE_LOG=off.
    configureLogging(env.PAPERPULSE_LOG, true);
    const handle = await getDbHandle();
    closeOnSignals(handle);
    const mode = handle.kind === "pglite" ? "embedded database in" : "Postgres at";
    console.log(`Paperpulse dashboard: ${mode} ${handle.location}`);
    // A database filled before this taxonomy (or by an older version) gets its current topic labels.
    await syncTopicCatalog(handle.db);
    const schedule = await getScheduleInfo();
    console.log(`Paperpulse dashboard: ${describeSchedule(schedule)}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`\nPaperpulse dashboard cannot start: ${reason}\n`);
    process.exit(1);
  }
}

function describeSchedule(schedule: Awaited<ReturnType<typeof getScheduleInfo>>): string {
  if (!schedule.enabled) return "scheduling off";
  const jobs = schedule.jobs
    .map((job) => `${job.name} next at ${job.next[0]?.toISOString() ?? "?"}`)
    .join(", ");
  return schedule.schedulesHere
    ? `scheduling in this process: ${jobs}`
    : `schedule run by \`pnpm scrape schedule\` (server mode): ${jobs}`;
}
