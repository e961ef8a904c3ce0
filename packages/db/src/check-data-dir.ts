import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * An embedded database folder that cannot be opened safely: files missing or cut short (a disk that filled, a copy
 * interrupted, a file deleted by hand). Said before PGlite touches the folder, which on such a folder would abort
 * with a WebAssembly trace, or, with PG_VERSION gone, create a new empty database over the remains.
 */
export class DamagedDataDirError extends Error {
  readonly code = "DATA_DIR_DAMAGED";
  constructor(
    readonly dataDir: string,
    readonly reason: string,
  ) {
    super(
      `The embedded database in ${dataDir} is damaged: ${reason}. Nothing was written to it. Restore your latest ` +
        `backup into a new folder (PAPERPULSE_DATA_DIR=NEW_FOLDER pnpm scrape restore BACKUP_FILE) and point ` +
        "PAPERPULSE_DATA_DIR at it, or move this folder away to start an empty database.",
    );
    this.name = "DamagedDataDirError";
  }
}

const pageSize = 8192;

/**
 * Checks the files PGlite needs before it opens `pgdata` (the folder's `pglite` directory): the version marker, the
 * control file, the relation maps and whole write-ahead log segments. A folder with nothing in it is a new
 * database, and passes. Table and index files are checked once open (findDamagedRelationFiles).
 */
export function checkDataDir(dataDir: string, pgdata: string): void {
  if (!existsSync(pgdata) || readdirSync(pgdata).length === 0) return;
  const damaged = (reason: string) => new DamagedDataDirError(dataDir, reason);
  const version = join(pgdata, "PG_VERSION");
  if (!existsSync(version) || !/^\d+\n?$/.test(readFileSync(version, "utf8"))) {
    throw damaged(`${version} is missing or unreadable`);
  }
  const control = join(pgdata, "global", "pg_control");
  if (!existsSync(control)) throw damaged(`${control} (the control file) is missing`);
  if (statSync(control).size !== pageSize) {
    throw damaged(`${control} (the control file) is ${statSync(control).size} bytes, not ${pageSize}`);
  }
  const databases = join(pgdata, "base");
  if (!existsSync(databases)) throw damaged(`${databases} is missing`);
  for (const folder of [
    join(pgdata, "global"),
    ...readdirSync(databases).map((name) => join(databases, name)),
  ]) {
    const map = join(folder, "pg_filenode.map");
    if (!existsSync(map) || statSync(map).size === 0) throw damaged(`${map} is missing or empty`);
  }
  const wal = join(pgdata, "pg_wal");
  const segments = existsSync(wal) ? readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name)) : [];
  if (segments.length === 0) throw damaged(`${wal} holds no write-ahead log`);
  for (const name of segments) {
    const size = statSync(join(wal, name)).size;
    // Segments are created whole, at a power of two of at least 1 MB (16 MB by default).
    if (size < 2 ** 20 || (size & (size - 1)) !== 0) {
      throw damaged(`${join(wal, name)} (write-ahead log) is cut short (${size} bytes)`);
    }
  }
}

/**
 * Table and index files the catalog names that are gone, or shorter than the catalog's page count (set to the
 * exact count by the last vacuum or analyse, after which a file only grows: a vacuum that shrinks it sets the count
 * again). A partial page at the end is not damage: a write that met a full disk leaves one, and PostgreSQL ignores
 * it and writes over it.
 */
export async function findDamagedRelationFiles(
  pgdata: string,
  query: (statement: string) => Promise<{ rows: { path: string; pages: number }[] }>,
): Promise<string[]> {
  const { rows } = await query(
    `select pg_relation_filepath(oid) as path, relpages as pages from pg_class
      where relkind in ('r', 'i', 't', 'm', 'S') and relpersistence = 'p' and pg_relation_filepath(oid) is not null`,
  );
  const damaged: string[] = [];
  for (const { path, pages } of rows) {
    const file = join(pgdata, path);
    if (!existsSync(file)) {
      damaged.push(`${file} is missing`);
      continue;
    }
    let bytes = statSync(file).size;
    // Past 1 GB a relation continues in FILE.1, FILE.2, …
    for (let segment = 1; existsSync(`${file}.${segment}`); segment++)
      bytes += statSync(`${file}.${segment}`).size;
    const held = Math.floor(bytes / pageSize);
    if (held < pages) damaged.push(`${file} is cut short (${held} of its ${pages} pages)`);
  }
  return damaged;
}
