import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findMigrationsFolder } from "../migrations-folder.ts";

/**
 * A copy of the committed migrations up to `last` (journal index, included): the schema an older version of
 * Paperpulse left behind, for tests that build such a database. The caller removes the folder.
 */
export function copyMigrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), "paperpulse-old-migrations-"));
  cpSync(findMigrationsFolder(), dir, { recursive: true });
  const path = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(path, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}
