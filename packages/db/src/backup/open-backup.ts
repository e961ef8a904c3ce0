import { spawn } from "node:child_process";
import { createReadStream, openAsBlob } from "node:fs";
import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, createGunzip, gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { BackupError } from "./backup-error.ts";
import { type DumpEvent, dumpDatabase, parseDump } from "./dump-lines.ts";
import { pgliteSession, splitLines } from "./session.ts";

/** The three kinds of backup file: a logical dump (gzipped SQL), a pg_dump archive, a PGlite data folder. */
export type BackupFormat = "logical" | "pg_dump" | "pglite";

export const formatNames: Record<BackupFormat, string> = {
  logical: "logical dump (gzipped SQL data)",
  pg_dump: "pg_dump archive (custom format)",
  pglite: "embedded database folder (PGlite dump)",
};

/**
 * A backup opened for reading: its data as dump events, as often as asked; `order` (table names) asks for the tables
 * in that order, parents before children, where the file does not already hold them so.
 */
export type BackupSource = {
  format: BackupFormat;
  events: (order?: string[]) => AsyncIterable<DumpEvent>;
  close: () => Promise<void>;
};

/** Tells the format from the first bytes; a file of none of them is refused, naming what it looked like. */
export async function detectFormat(file: string): Promise<BackupFormat> {
  const head = await readHead(file, 4096);
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) {
    let inner: Buffer;
    try {
      // A prefix of the stream: unpack what there is.
      inner = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      throw unreadable(file, `it is gzipped but does not unpack (${(error as Error).message})`);
    }
    if (inner.subarray(0, 21).toString("utf8") === "-- Paperpulse backup ") return "logical";
    if (inner.subarray(257, 262).toString("latin1") === "ustar") return "pglite";
    throw unreadable(file, "it is a gzipped file, but neither a logical dump nor a PGlite folder");
  }
  throw unreadable(file, head.length === 0 ? "it is empty" : "it is not gzipped and not a pg_dump archive");
}

export async function openBackup(file: string): Promise<BackupSource> {
  const format = await detectFormat(file);
  if (format === "logical") {
    return {
      format,
      events: () => parseDump(splitLines(gunzipFile(file))),
      close: async () => {},
    };
  }
  if (format === "pg_dump")
    return { format, events: (order) => readPgDump(file, order), close: async () => {} };
  return openPgliteDump(file);
}

/** The file, unpacked; a read error reaches the reader too (pipe() alone would drop it). */
function gunzipFile(file: string): Readable {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on("error", (error) => gunzip.destroy(error));
  return input.pipe(gunzip);
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw unreadable(file, (error as Error).message);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * What pg_restore prints of the archive's data, read as dump lines; its failure (a damaged file) is raised. pg_dump
 * does not order table data by foreign keys: with `order`, the archive's table of contents is rewritten so that
 * it does, and pg_restore follows it (--use-list).
 */
async function* readPgDump(file: string, order?: string[]): AsyncIterable<DumpEvent> {
  const listFile = order ? await writeOrderedList(file, order) : null;
  try {
    yield* parseDump(
      pgRestoreLines(file, [
        "--data-only",
        "--file=-",
        ...(listFile ? [`--use-list=${listFile}`] : []),
        file,
      ]),
    );
  } finally {
    if (listFile) await rm(listFile, { force: true });
  }
}

/** pg_restore's output, in batches of lines; a non-zero exit (a damaged or unreadable archive) is raised. */
async function* pgRestoreLines(file: string, args: string[]): AsyncIterable<string[]> {
  const child = spawn("pg_restore", args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
  try {
    yield* splitLines(child.stdout);
    const code = await exited;
    if (code !== 0)
      throw unreadable(file, `pg_restore could not read it: ${stderr.trim() || `exit ${code}`}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BackupError(
        "TOOL_MISSING",
        `${file} is a pg_dump archive: reading it needs pg_restore, which is not on PATH (Debian: apt-get install postgresql-client).`,
      );
    }
    throw error;
  } finally {
    child.kill();
  }
}

/** The archive's table of contents with its TABLE DATA entries in `order` (others after them, as they were). */
async function writeOrderedList(file: string, order: string[]): Promise<string> {
  const entries: string[] = [];
  for await (const lines of pgRestoreLines(file, ["--list", file])) entries.push(...lines);
  const rank = (line: string) => {
    const data = / TABLE DATA (\S+) (\S+) /.exec(line);
    if (!data) return order.length + 1;
    const index = order.indexOf(data[1] === "public" ? (data[2] ?? "") : `${data[1]}.${data[2]}`);
    return index < 0 ? order.length : index;
  };
  const sorted = entries
    .map((line, index) => ({ line, index, rank: rank(line) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.line);
  const listFile = join(tmpdir(), `paperpulse-restore-${process.pid}-${Date.now()}.list`);
  await writeFile(listFile, `${sorted.join("\n")}\n`);
  return listFile;
}

/** A PGlite dump is unpacked into a scratch folder (not memory: it may be gigabytes) and read from there. */
async function openPgliteDump(file: string): Promise<BackupSource> {
  // PGlite unpacks the dump itself and leaves a failure to unpack unhandled: a file cut short is found here first.
  try {
    await pipeline(gunzipFile(file), new Writable({ write: (_chunk, _encoding, done) => done() }));
  } catch (error) {
    throw unreadable(file, `it does not unpack to its end (${describe(error)}): it was cut short or damaged`);
  }
  const folder = await mkdtemp(join(tmpdir(), "paperpulse-restore-"));
  let client: PGlite;
  try {
    client = new PGlite(folder, { loadDataDir: await openAsBlob(file), extensions: { pg_trgm } });
    await client.waitReady;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw unreadable(file, `it does not open as an embedded database (${describe(error)})`);
  }
  return {
    format: "pglite",
    // Dumped in foreign key order already.
    events: () => parseDump(dumpDatabase(pgliteSession(client), {})),
    close: async () => {
      await client.close().catch(() => {});
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

function unreadable(file: string, why: string): BackupError {
  return new BackupError("BACKUP_UNREADABLE", `${file} is not a backup that can be restored: ${why}.`);
}
