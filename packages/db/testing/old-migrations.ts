import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DbHandle } from "../src/create-db.ts";
import { findMigrationsFolder } from "../src/migrations-folder.ts";

/**
 * A copy of the committed migrations up to `last` (journal index, included): the schema an older version of
 * Paperpulse left behind, for tests that build such a database. The caller removes the folder.
 */
function copyMigrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-old-migrations-"));
  cpSync(findMigrationsFolder(), dir, { recursive: true });
  const path = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(path, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}

/** Applies the committed migrations up to `last` to a database opened without migrating: an older version's schema. */
export async function migrateUpTo(handle: Pick<DbHandle, "db" | "kind">, last: number): Promise<void> {
  const migrationsFolder = copyMigrationsUpTo(last);
  try {
    if (handle.kind === "pglite")
      await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
    else
      await migratePostgres(handle.db as unknown as Parameters<typeof migratePostgres>[0], {
        migrationsFolder,
      });
  } finally {
    rmSync(migrationsFolder, { recursive: true, force: true });
  }
}
