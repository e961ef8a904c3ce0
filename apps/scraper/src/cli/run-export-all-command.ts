import { type DbHandle, ExportAllError, exportAllTables } from "@paperpulse/db";
import type { CommandOutput } from "./command-output.ts";
import type { Command } from "./parse-command.ts";

/**
 * Writes every table to DIR as Parquet. Progress goes to stderr: a line per table as it is written (kept in logs),
 * and on a terminal the rows of the table being read. A file in the way is refused (exit 1) with what to do.
 */
export async function runExportAllCommand(
  handle: DbHandle,
  command: Extract<Command, { name: "export-all" }>,
  stream: Pick<NodeJS.WriteStream, "isTTY" | "write"> = process.stderr,
): Promise<CommandOutput> {
  let shownAt = 0;
  try {
    const summary = await exportAllTables(handle.db, command.dir, {
      force: command.force,
      onProgress: ({ table, rows, done }) => {
        if (done) {
          stream.write(`${stream.isTTY ? "\r\x1b[2K" : ""}${table}: ${n(rows)} rows\n`);
        } else if (stream.isTTY && Date.now() - shownAt > 200) {
          shownAt = Date.now();
          stream.write(`\r\x1b[2K${table}: ${n(rows)} rows…`);
        }
      },
    });
    const text = [
      `exported ${summary.tables.length} tables of the ${handle.kind} database ${handle.location} to ${summary.dir}: ` +
        `${n(summary.rows)} rows, ${(summary.bytes / 2 ** 20).toFixed(1)} MB of Parquet in ` +
        `${(summary.durationMs / 1000).toFixed(1)} s`,
      `  read them with pandas.read_parquet("${summary.dir}/papers.parquet") or DuckDB: SELECT * FROM '${summary.dir}/papers.parquet'`,
    ];
    return { exitCode: 0, text, json: summary };
  } catch (error) {
    if (!(error instanceof ExportAllError)) throw error;
    return {
      exitCode: 1,
      text: [`export-all: ${error.message}`],
      json: { error: error.message, code: error.code },
    };
  }
}

function n(value: number): string {
  return value.toLocaleString("en");
}
