import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const journal = join("meta", "_journal.json");

/**
 * Finds the committed drizzle migrations. Bundlers (Next) may move this module, so besides the folder next to
 * the source we also look upwards from the working directory for the repository's packages/db/drizzle.
 */
export function findMigrationsFolder(): string {
  const fromEnv = process.env.PAPERPULSE_MIGRATIONS_DIR;
  const candidates = fromEnv ? [resolve(fromEnv)] : [];
  try {
    // join() rather than new URL("../drizzle", …): bundlers read the latter as an asset to resolve at build time.
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), "..", "drizzle"));
  } catch {
    // import.meta.url is not a file URL inside some bundles
  }
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    candidates.push(join(dir, "packages", "db", "drizzle"), join(dir, "drizzle"));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((dir) => existsSync(join(dir, journal)));
  if (!found)
    throw new Error(`Cannot find the database migrations (looked in ${candidates.slice(0, 3).join(", ")} …)`);
  return found;
}
