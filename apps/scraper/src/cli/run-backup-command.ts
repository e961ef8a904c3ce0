import { backUp, type DbHandle, defaultBackupFile, formatNames, restoreBackup } from "@paperpulse/db";
import type { CommandOutput } from "./command-output.ts";
import type { DbTarget } from "./db-target.ts";
import type { Command } from "./parse-command.ts";

export async function runBackupCommand(
  handle: DbHandle,
  command: Extract<Command, { name: "backup" }>,
): Promise<CommandOutput> {
  const file = command.file ?? defaultBackupFile(handle.kind, !command.logical);
  const summary = await backUp(handle, file, {
    force: command.force,
    logical: command.logical,
    // pg_dump connects on its own, with the URL the database was opened with.
    ...(handle.url ? { databaseUrl: handle.url } : {}),
  });
  const text = [
    `backup of the ${handle.kind} database ${handle.location}: ${summary.file} ` +
      `(${formatNames[summary.format]}, ${megabytes(summary.bytes)})`,
    ...(summary.note ? [`  note: ${summary.note}`] : []),
    `  restore with: pnpm scrape restore ${summary.file}`,
  ];
  return { exitCode: 0, text, json: summary };
}

/** Opens its own target (the configured database) rather than the one every other command gets already migrated. */
export async function runRestoreCommand(
  command: Extract<Command, { name: "restore" }>,
  target: DbTarget,
): Promise<CommandOutput> {
  const progress = createRestoreProgress();
  try {
    const summary = await restoreBackup(command.file, {
      target,
      force: command.force,
      onProgress: progress.show,
    });
    const total = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
    const text = [
      `restored ${command.file} (${formatNames[summary.format]}) into the ${summary.engine} database ${summary.location}: ` +
        `${total.toLocaleString("en")} rows in ${Object.keys(summary.rows).length} tables ` +
        `(${(summary.rows.papers ?? 0).toLocaleString("en")} papers, ${(summary.rows.paper_snapshots ?? 0).toLocaleString("en")} snapshots, ` +
        `${(summary.rows.scrape_runs ?? 0).toLocaleString("en")} runs)`,
    ];
    return { exitCode: 0, text, json: summary };
  } finally {
    progress.clear();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Rows loaded so far, on a terminal (stderr), at most twice a second. */
function createRestoreProgress(stream: NodeJS.WriteStream = process.stderr) {
  let last = 0;
  let shown = false;
  return {
    show: (table: string, rows: number) => {
      if (!stream.isTTY || Date.now() - last < 500) return;
      last = Date.now();
      shown = true;
      stream.write(`\r\x1b[2Krestoring ${table}: ${rows.toLocaleString("en")} rows`);
    },
    clear: () => {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
