import { compactSnapshots, type DbHandle } from "@paperpulse/db";
import type { ProgressListener } from "../run/summary.ts";
import type { CommandOutput } from "./command-output.ts";
import type { Command } from "./parse-command.ts";

export async function runCompactCommand(
  handle: DbHandle,
  command: Extract<Command, { name: "compact" }>,
  onProgress: ProgressListener | undefined,
): Promise<CommandOutput> {
  const summary = await compactSnapshots(handle.db, {
    dryRun: command.dryRun,
    ...(command.batch ? { batchPapers: command.batch } : {}),
    ...(onProgress
      ? {
          onProgress: (p) =>
            onProgress({
              done: p.papers,
              total: p.totalPapers,
              label: "papers",
              items: p.removed,
              newPapers: 0,
            }),
        }
      : {}),
  });
  const n = (value: number) => value.toLocaleString("en");
  const share =
    summary.snapshotsBefore > 0 ? Math.round((summary.removed / summary.snapshotsBefore) * 100) : 0;
  const what = `${n(summary.removed)} of ${n(summary.snapshotsBefore)} snapshots (${share}%) repeat the one before them`;
  const text = [
    summary.dryRun
      ? `dry run on the ${handle.kind} database ${handle.location}: ${what}; compacting would remove them ` +
        `(about ${megabytes(summary.bytesFreed)}) and nothing else`
      : `compacted the ${handle.kind} database ${handle.location}: ${what} and were removed ` +
        `(about ${megabytes(summary.bytesFreed)} freed for reuse); ${n(summary.papers)} papers checked`,
    ...(summary.resumedAfter
      ? [`  resumed after paper ${summary.resumedAfter}, where the last compaction stopped`]
      : []),
  ];
  return { exitCode: 0, text, json: summary };
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
