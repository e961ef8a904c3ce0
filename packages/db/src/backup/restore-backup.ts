import { sql } from "drizzle-orm";
import { bumpDataVersion } from "../aggregates/data-version.ts";
import { type CreateDbOptions, createDb, type DbKind } from "../create-db.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { applyMigrations, levelOf } from "./apply-migrations.ts";
import { BackupError } from "./backup-error.ts";
import type { DumpEvent } from "./dump-lines.ts";
import { listTables, migrationsTable, tableKey } from "./list-tables.ts";
import { type BackupFormat, type BackupSource, openBackup } from "./open-backup.ts";
import { inTransaction, type Session } from "./session.ts";

export type RestoreOptions = {
  /** The database to restore into (as createDb opens it: DATABASE_URL, else the PGlite folder). */
  target: CreateDbOptions;
  /** Replace a database that already holds papers or runs. */
  force?: boolean;
  onProgress?: (table: string, rows: number) => void;
};

export type RestoreSummary = {
  format: BackupFormat;
  engine: DbKind;
  location: string;
  /** Rows restored per table (public tables by name). */
  rows: Record<string, number>;
  /** The backup's schema level (migrations), before this version's later ones were applied. */
  level: number;
};

type Checked = { rows: Record<string, number>; level: number };

/**
 * Restores a backup into the configured database. The file is read through once first (its format, every row,
 * its schema level); a target that holds papers or runs is refused unless forced; then, in one transaction, the
 * target's tables are dropped, its schema rebuilt at the backup's level, the rows and sequences loaded. Anything
 * failing rolls the transaction back: the target is as it was. Opening it afterwards applies the later migrations.
 */
export async function restoreBackup(file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const source = await openBackup(file);
  try {
    const checked = await checkBackup(file, source);
    const target = await createDb({ ...options.target, migrate: false, holder: "pnpm scrape restore" });
    let previousVersion = 0;
    try {
      const held = await countHeld(target.db);
      if ((held.papers > 0 || held.runs > 0) && !options.force) {
        throw new BackupError(
          "RESTORE_NOT_EMPTY",
          `The ${target.kind} database ${target.location} already holds ${held.papers.toLocaleString("en")} papers ` +
            `and ${held.runs.toLocaleString("en")} runs. Restoring replaces everything in it: back it up first ` +
            "(pnpm scrape backup), then restore with --force.",
        );
      }
      previousVersion = held.version;
      await inTransaction(target, (session) => load(session, source, checked.level, options.onProgress));
    } finally {
      await target.close();
    }
    // Opening migrates from the backup's level to this version's, and rebuilds precomputed tables if needed.
    const reopened = await createDb({ ...options.target, holder: "pnpm scrape restore" });
    try {
      // Caches in running dashboards are keyed on the data version: move it past any value they have seen.
      await reopened.db.execute(
        sql`update data_state set version = greatest(version, ${previousVersion}) where id = 1`,
      );
      await bumpDataVersion(reopened.db);
      return {
        format: source.format,
        engine: reopened.kind,
        location: reopened.location,
        rows: checked.rows,
        level: checked.level,
      };
    } finally {
      await reopened.close();
    }
  } finally {
    await source.close();
  }
}

/** Reads the whole backup without loading it: rows per table, schema level, and (logical dumps) the trailer. */
async function checkBackup(file: string, source: BackupSource): Promise<Checked> {
  const rows: Record<string, number> = {};
  const migrations: string[] = [];
  let table: string | null = null;
  let trailer: Record<string, number> | null = null;
  try {
    for await (const event of source.events()) {
      if (event.kind === "copy") {
        table = tableKey(event.table);
        rows[table] = 0;
      } else if (event.kind === "rows" && table !== null) {
        rows[table] = (rows[table] ?? 0) + event.lines.length;
        if (table === tableKey(migrationsTable)) migrations.push(...event.lines);
      } else if (event.kind === "trailer") {
        trailer = event.rows;
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      "BACKUP_UNREADABLE",
      `${file} cannot be read to its end: ${(error as Error).message}. Nothing was restored.`,
      { cause: error },
    );
  }
  if (source.format === "logical") {
    const expected = trailer;
    const mismatch = expected
      ? [...new Set([...Object.keys(expected), ...Object.keys(rows)])].find(
          (name) => expected[name] !== rows[name],
        )
      : "the end";
    if (mismatch) {
      throw new BackupError(
        "BACKUP_UNREADABLE",
        `${file} is incomplete (${expected ? `the rows of ${mismatch} do not add up` : "it has no end line"}): it was cut short or changed. Nothing was restored.`,
      );
    }
  }
  if (migrations.length === 0) {
    throw new BackupError("BACKUP_UNREADABLE", `${file} holds no Paperpulse database (no migrations table).`);
  }
  delete rows[tableKey(migrationsTable)];
  return { rows, level: levelOf(migrations, file) };
}

async function countHeld(db: Db): Promise<{ papers: number; runs: number; version: number }> {
  const [exists] = await selectRows<{ papers: string | null; runs: string | null; state: string | null }>(
    db,
    sql`select to_regclass('public.papers')::text as papers, to_regclass('public.scrape_runs')::text as runs,
               to_regclass('public.data_state')::text as state`,
  );
  const count = async (table: string) =>
    Number(
      (await selectRows<{ n: string | number }>(db, sql.raw(`select count(*) as n from ${table}`)))[0]?.n ??
        0,
    );
  const version = exists?.state
    ? Number(
        (
          await selectRows<{ v: string | number }>(
            db,
            sql`select coalesce(max(version), 0) as v from data_state`,
          )
        )[0]?.v ?? 0,
      )
    : 0;
  return {
    papers: exists?.papers ? await count("public.papers") : 0,
    runs: exists?.runs ? await count("public.scrape_runs") : 0,
    version,
  };
}

const batchBytes = 8 * 2 ** 20;

async function load(
  session: Session,
  source: BackupSource,
  level: number,
  onProgress: RestoreOptions["onProgress"],
): Promise<void> {
  for (const { table } of await listTables(session))
    await session.query(`drop table if exists ${table} cascade`);
  await session.query(`drop table if exists ${migrationsTable}`);
  await applyMigrations(session, level);
  // Migrations may seed rows (the data state): the backup's rows replace them.
  const tables = await listTables(session);
  if (tables.length > 0) await session.query(`truncate ${tables.map((t) => t.table).join(", ")}`);
  let copying: { table: string; columns: string; rows: number } | null = null;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!copying || pending.length === 0) return;
    await session.copyIn(copying.table, copying.columns, pending);
    copying.rows += pending.length;
    onProgress?.(tableKey(copying.table), copying.rows);
    pending = [];
    pendingBytes = 0;
  };
  const order = [tableKey(migrationsTable), ...tables.map((t) => tableKey(t.table))];
  for await (const event of source.events(order) as AsyncIterable<DumpEvent>) {
    if (event.kind === "copy") {
      // drizzle's own records were written by applyMigrations.
      copying = tableKey(event.table) === tableKey(migrationsTable) ? null : { ...event, rows: 0 };
    } else if (event.kind === "rows" && copying) {
      for (const line of event.lines) {
        pending.push(line);
        pendingBytes += line.length;
        if (pendingBytes >= batchBytes) await flush();
      }
    } else if (event.kind === "end-copy") {
      await flush();
      copying = null;
    } else if (event.kind === "setval") {
      const name = event.sequence.replaceAll("'", "''");
      await session.query(`select pg_catalog.setval('${name}', ${event.value}, ${event.called})`);
    }
  }
}
