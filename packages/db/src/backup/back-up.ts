import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import type { DbHandle } from "../create-db.ts";
import { BackupError } from "./backup-error.ts";
import { dumpDatabase } from "./dump-lines.ts";
import type { BackupFormat } from "./open-backup.ts";
import { inTransaction } from "./session.ts";

export type BackupOptions = {
  /** Replace FILE when it exists. */
  force?: boolean;
  /** Postgres: take the logical dump even when pg_dump is on PATH. */
  logical?: boolean;
  /** The Postgres URL, for pg_dump (the handle shows it without its password). */
  databaseUrl?: string;
  /** The pg_dump to run (default: the one on PATH). */
  pgDump?: string;
};

export type BackupSummary = { file: string; format: BackupFormat; bytes: number; note: string | null };

/** The file name a backup gets when none is given: the engine's format, and the time, so that none is replaced. */
export function defaultBackupFile(kind: DbHandle["kind"], usePgDump: boolean, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replaceAll(":", "-");
  const extension = kind === "pglite" ? "tar.gz" : usePgDump ? "dump" : "sql.gz";
  return `paperpulse-backup-${stamp}.${extension}`;
}

/**
 * A consistent copy of everything in the database, written to FILE through a temporary file renamed at the end:
 * a backup cut short never takes the name of a good one. PGlite: its own dump of the data folder (this process
 * holds the folder, nothing else writes). Postgres: pg_dump's custom format when pg_dump is on PATH (its own
 * snapshot), else the logical dump, read in one repeatable-read transaction while the dashboard and runs go on.
 */
export async function backUp(
  handle: DbHandle,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  if (existsSync(file) && !options.force) {
    throw new BackupError(
      "BACKUP_EXISTS",
      `${file} already exists: choose another name, or pass --force to replace it.`,
    );
  }
  const partial = `${file}.partial-${process.pid}`;
  try {
    const { format, note } = await write(handle, partial, options);
    await rename(partial, file);
    return { file, format, bytes: (await stat(file)).size, note };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function write(
  handle: DbHandle,
  partial: string,
  options: BackupOptions,
): Promise<{ format: BackupFormat; note: string | null }> {
  if (handle.kind === "pglite") {
    const dump = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("gzip");
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    return { format: "pglite", note: null };
  }
  let note: string | null = null;
  if (!options.logical && options.databaseUrl) {
    const dumped = await runPgDump(options.pgDump ?? "pg_dump", options.databaseUrl, partial);
    if (dumped === true) return { format: "pg_dump", note: null };
    note = dumped;
  }
  await inTransaction(
    handle,
    async (session) => {
      const lines = dumpDatabase(session, { engine: "postgres", createdAt: new Date().toISOString() });
      await pipeline(Readable.from(joinLines(lines)), createGzip(), createWriteStream(partial));
    },
    { readOnly: true },
  );
  return { format: "logical", note };
}

async function* joinLines(batches: AsyncIterable<string[]>): AsyncIterable<string> {
  for await (const lines of batches) if (lines.length > 0) yield `${lines.join("\n")}\n`;
}

/** True when pg_dump wrote the archive; else why not (not on PATH, or it refused, e.g. an older pg_dump). */
function runPgDump(command: string, url: string, file: string): Promise<true | string> {
  // The password goes in the environment, not the arguments every user of the machine can list.
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return new Promise((resolve) => {
    const child = spawn(command, ["--format=custom", `--file=${file}`, `--dbname=${parsed.toString()}`], {
      stdio: ["ignore", "ignore", "pipe"],
      env: password ? { ...process.env, PGPASSWORD: password } : process.env,
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", () => resolve(`${command} is not on PATH: took the logical dump instead`));
    child.on("close", (code) => {
      if (code === 0) resolve(true);
      else
        resolve(
          `pg_dump failed (${stderr.trim().split("\n")[0] ?? `exit ${code}`}): took the logical dump instead`,
        );
    });
  });
}
