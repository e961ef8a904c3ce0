import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "../testing/index.ts";
import { createDb, MigrationError } from "./create-db.ts";
import { findMigrationsFolder } from "./migrations-folder.ts";
import { selectRows } from "./rows.ts";

/** The committed migrations plus one that creates a table and then fails. */
function writeBrokenMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-migrations-"));
  cpSync(findMigrationsFolder(), dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
    entries: { idx: number; when: number }[];
  };
  const last = journal.entries.at(-1);
  journal.entries.push({
    idx: (last?.idx ?? 0) + 1,
    version: "7",
    when: (last?.when ?? 0) + 1_000,
    tag: "9999_broken",
    breakpoints: true,
  } as (typeof journal.entries)[number]);
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(
    join(dir, "9999_broken.sql"),
    "CREATE TABLE broken_probe (id integer);\n--> statement-breakpoint\nSELECT no_such_function();",
  );
  return dir;
}

describeEachDatabase("a failing migration", (getDb, kind, getUrl) => {
  let dir: string;
  beforeEach(() => {
    dir = writeBrokenMigrations();
    process.env.PAPERPULSE_MIGRATIONS_DIR = dir;
  });
  afterEach(() => {
    delete process.env.PAPERPULSE_MIGRATIONS_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to open with the reason and leaves the schema as it was", async () => {
    const applied = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const [before] = await selectRows<{ n: number }>(getDb(), applied);
    if (kind === "postgres") {
      const opening = createDb({ databaseUrl: getUrl() });
      await expect(opening).rejects.toBeInstanceOf(MigrationError);
      await expect(opening).rejects.toThrow(/schema left unchanged.*no_such_function/s);
      const [after] = await selectRows<{ n: number }>(getDb(), applied);
      expect(after?.n).toBe(before?.n);
      const probe = await selectRows(getDb(), sql`select to_regclass('public.broken_probe') as t`);
      expect(probe).toEqual([{ t: null }]);
    } else {
      // A fresh PGlite: the good migrations and the broken one go in one transaction, so nothing is applied.
      const pgliteDir = mkdtempSync(join(tmpdir(), "paperpulse-pglite-"));
      try {
        await expect(createDb({ dataDir: pgliteDir, databaseUrl: undefined })).rejects.toThrow(
          MigrationError,
        );
        delete process.env.PAPERPULSE_MIGRATIONS_DIR;
        const reopened = await createDb({ dataDir: pgliteDir, databaseUrl: undefined, migrate: false });
        try {
          const tables = await selectRows(
            reopened.db,
            sql`select table_name from information_schema.tables where table_schema = 'public'`,
          );
          expect(tables).toEqual([]);
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(pgliteDir, { recursive: true, force: true });
      }
    }
  });
});
