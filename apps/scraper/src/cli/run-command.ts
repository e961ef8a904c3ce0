import { createDb, type DbHandle, listRuns } from "@paperpulse/db";
import { importPaths } from "../import/import-paths.ts";
import { scrapeTargets } from "../run/scrape-targets.ts";
import type { RunSummary } from "../run/summary.ts";
import { describeRetopic, retopicPapers } from "../topics/retopic.ts";
import type { CommandOutput } from "./command-output.ts";
import type { DbTarget } from "./db-target.ts";
import type { Command } from "./parse-command.ts";
import { createProgressDisplay } from "./progress.ts";
import { remoteOptions } from "./remote-options.ts";
import { runBackfillCommand, runGapsCommand } from "./run-backfill-command.ts";
import { runBackupCommand, runRestoreCommand } from "./run-backup-command.ts";
import { runCompactCommand } from "./run-compact-command.ts";
import { runExportAllCommand } from "./run-export-all-command.ts";
import { runGrantReaderCommand } from "./run-grant-reader-command.ts";
import { runOrgsCommand } from "./run-orgs-command.ts";
import { runReparseCommand } from "./run-reparse-command.ts";
import { runSchedule } from "./run-schedule.ts";

/** Runs a parsed command against the database `target` names; the caller prints and exits. */
export async function runCommand(
  command: Exclude<Command, { name: "help" }>,
  target: DbTarget,
): Promise<CommandOutput> {
  if (command.name === "restore") return runRestoreCommand(command, target);
  const handle = await createDb({ ...target, holder: `pnpm scrape ${command.name} (a CLI run)` });
  const progress = createProgressDisplay();
  // Every branch awaits its work: returning a pending promise would let `finally` close the database under it.
  try {
    switch (command.name) {
      case "import":
        return describeRun(
          await importPaths(handle.db, command.paths, {
            ...(command.capturedAt ? { capturedAt: command.capturedAt } : {}),
            trigger: "cli",
            command: `import ${command.paths.join(" ")}`,
            rawDir: command.rawDir,
            ...(progress.listener ? { onProgress: progress.listener } : {}),
          }),
          handle,
        );
      case "scrape":
        return describeRun(
          await scrapeTargets(handle.db, command.targets, {
            source: command.source,
            trigger: "cli",
            command: command.label,
            ...remoteOptions(command),
            ...(progress.listener ? { onProgress: progress.listener } : {}),
          }),
          handle,
        );
      case "schedule":
        return { exitCode: 0, text: await runSchedule(handle.db, command), json: { stopped: true } };
      case "backfill":
        return await runBackfillCommand(handle.db, command, progress.listener);
      case "gaps":
        return await runGapsCommand(handle.db, command);
      case "reparse":
        return await runReparseCommand(handle.db, command, progress.listener);
      case "retopic":
        return describeRetopic(
          await retopicPapers(handle.db, progress.listener ? { onProgress: progress.listener } : {}),
        );
      case "backup":
        return await runBackupCommand(handle, command);
      case "compact":
        return await runCompactCommand(handle, command, progress.listener);
      case "export-all":
        return await runExportAllCommand(handle, command);
      case "orgs":
        return await runOrgsCommand(handle.db, command);
      case "grant-reader":
        return await runGrantReaderCommand(handle, command);
      case "runs": {
        const runs = await listRuns(handle.db, command.limit);
        const text = runs.map(
          (r) =>
            `#${r.id} ${r.startedAt.toISOString()} ${r.trigger} ${r.status.padEnd(9)} ${r.command} — ` +
            `${r.pagesTotal} pages (${r.pagesFailed} failed), ${r.items} items, ${r.newPapers} new${r.error ? ` — ${r.error}` : ""}`,
        );
        return { exitCode: 0, text: text.length > 0 ? text : ["no runs yet"], json: { runs } };
      }
    }
  } finally {
    progress.clear();
    await handle.close();
  }
}

export function describeRun(summary: RunSummary, handle: DbHandle): CommandOutput {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const text = [
    `run #${summary.runId} ${summary.status}: ${summary.pages} pages (${summary.pagesFailed} failed), ` +
      `${summary.items.toLocaleString("en")} items, ${summary.newPapers.toLocaleString("en")} new papers, ` +
      `${summary.snapshots.toLocaleString("en")} snapshots, ${summary.requests} requests` +
      `${summary.requestsPerDay === null ? "" : ` (${summary.requestsPerDay} per day of listings)`}` +
      `${summary.unchanged > 0 ? `, ${summary.unchanged} answered unchanged` : ""} in ${seconds} s ` +
      `(${handle.kind} ${handle.location})`,
    ...summary.failures.slice(0, 10).map((f) => `  failed ${f.url}: ${f.code} ${f.message}`),
    ...(summary.failures.length > 10 ? [`  … and ${summary.failures.length - 10} more failed pages`] : []),
    ...(summary.errorCode && summary.failures.length === 0
      ? [`  stopped: ${summary.errorCode} ${summary.error}`]
      : []),
  ];
  return { exitCode: summary.status === "succeeded" ? 0 : 1, text, json: summary };
}
