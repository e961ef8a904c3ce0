import { type Db, getFirstListingDate, listDayCoverage } from "@paperpulse/db";
import { classifyDay, FIRST_DAILY_PAPERS_DATE } from "../backfill/plan-backfill.ts";
import { runBackfill } from "../backfill/run-backfill.ts";
import type { ProgressListener } from "../run/summary.ts";
import type { CommandOutput } from "./command-output.ts";
import type { Command } from "./parse-command.ts";
import { remoteOptions } from "./remote-options.ts";

const listed = (days: string[], limit = 12) =>
  days.length <= limit
    ? days.join(", ")
    : `${days.slice(0, limit).join(", ")} … (${days.length - limit} more)`;

export async function runBackfillCommand(
  db: Db,
  command: Extract<Command, { name: "backfill" }>,
  onProgress: ProgressListener | undefined,
): Promise<CommandOutput> {
  const result = await runBackfill(db, {
    from: command.from,
    to: command.to,
    force: command.force,
    source: command.source,
    ...remoteOptions(command),
    ...(onProgress ? { onProgress } : {}),
  });
  const text = [
    `backfill ${command.from} … ${command.to}: ${result.days} days, ${result.skipped} already settled and skipped`,
  ];
  if (result.run) {
    const run = result.run;
    text.push(
      `run #${run.runId} ${run.status}: ${result.withPapers.length} days with papers, ${result.noPapers.length} with no papers, ` +
        `${result.failed.length} failed; ${run.items} items, ${run.newPapers} new papers, ${run.requests} requests`,
    );
    if (result.noPapers.length > 0) text.push(`  no papers that day: ${listed(result.noPapers)}`);
    if (result.failed.length > 0) text.push(`  failed (run again to retry): ${listed(result.failed)}`);
    if (run.errorCode && run.failures.length === 0) text.push(`  stopped: ${run.errorCode} ${run.error}`);
  }
  const ok = result.run === null || result.run.status === "succeeded";
  return { exitCode: ok ? 0 : 1, text, json: { ...result, run: result.run } };
}

export async function runGapsCommand(
  db: Db,
  command: Extract<Command, { name: "gaps" }>,
): Promise<CommandOutput> {
  const from = command.from ?? (await getFirstListingDate(db)) ?? FIRST_DAILY_PAPERS_DATE;
  const coverage = from <= command.to ? await listDayCoverage(db, from, command.to) : [];
  const gaps = coverage
    .map((day) => ({ date: day.date, status: classifyDay(day), weekday: weekdayOf(day.date) }))
    .filter((day) => day.status === "missing" || day.status === "failed");
  const text = [
    `${from} … ${command.to}: ${coverage.length} days, ${gaps.length} missing or failed` +
      (gaps.length > 0 ? "" : " — no gaps"),
    ...gaps.map((g) => `  ${g.date} ${g.weekday} ${g.status}`),
  ];
  return { exitCode: 0, text, json: { from, to: command.to, days: coverage.length, gaps } };
}

function weekdayOf(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", { weekday: "short", timeZone: "UTC" });
}
