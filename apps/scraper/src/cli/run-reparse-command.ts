import type { Db } from "@paperpulse/db";
import { reparsePages } from "../raw/reparse-pages.ts";
import type { ProgressListener } from "../run/summary.ts";
import type { CommandOutput } from "./command-output.ts";
import type { Command } from "./parse-command.ts";

export async function runReparseCommand(
  db: Db,
  command: Extract<Command, { name: "reparse" }>,
  onProgress: ProgressListener | undefined,
): Promise<CommandOutput> {
  const result = await reparsePages(db, {
    dir: command.rawDir,
    all: command.all,
    runId: command.runId,
    ...(onProgress ? { onProgress } : {}),
  });
  const text = [
    `reparse: ${result.considered} pages to look at, ${result.missing} without a kept body in ${command.rawDir}`,
  ];
  const run = result.run;
  if (run) {
    text.push(
      `run #${run.runId} ${run.status}: ${run.pages - run.pagesFailed} pages parsed, ${run.pagesFailed} still failing; ` +
        `${run.items} items, ${run.newPapers} new papers, ${run.snapshots} new snapshots`,
      ...run.failures.slice(0, 10).map((f) => `  still failing ${f.url}: ${f.code} ${f.message}`),
    );
  }
  return { exitCode: run === null || run.status === "succeeded" ? 0 : 1, text, json: result };
}
