import { type MigrationMeta, readMigrationFiles } from "drizzle-orm/migrator";
import { findMigrationsFolder } from "../migrations-folder.ts";
import { BackupError } from "./backup-error.ts";
import { migrationsTable } from "./list-tables.ts";
import type { Session } from "./session.ts";

export function readMigrations(): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder: findMigrationsFolder() });
}

/**
 * The schema level of a backup: how many of this version's migrations its database had, read from the rows of
 * drizzle's migrations table in the backup (id, hash, created_at). A migration this version does not know means
 * the backup was made by a newer Paperpulse.
 */
export function levelOf(rows: string[], file: string): number {
  const known = readMigrations();
  const applied = rows.map((row) => Number(row.split("\t")[2])).sort((a, b) => a - b);
  for (const [index, createdAt] of applied.entries()) {
    if (known[index]?.folderMillis !== createdAt) {
      throw new BackupError(
        "BACKUP_TOO_NEW",
        `${file} was made by a newer or different Paperpulse: its schema has a migration (created ${createdAt}) ` +
          "this version does not know. Restore it with the version that made it, or upgrade Paperpulse first.",
      );
    }
  }
  return applied.length;
}

/**
 * Brings an empty schema to exactly `level` migrations, inside the caller's transaction, recording them as
 * drizzle's migrator does: the backup's rows then fit, and opening the database afterwards applies the rest.
 */
export async function applyMigrations(session: Session, level: number): Promise<void> {
  await session.query("create schema if not exists drizzle");
  await session.query(
    `create table if not exists ${migrationsTable} (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const migration of readMigrations().slice(0, level)) {
    for (const statement of migration.sql) {
      if (statement.trim() !== "") await session.query(statement);
    }
    await session.query(
      `insert into ${migrationsTable} (hash, created_at) values ('${migration.hash}', ${migration.folderMillis})`,
    );
  }
}
