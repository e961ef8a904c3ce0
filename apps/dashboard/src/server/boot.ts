import { getDbHandle } from "./db";

/** Opens (and migrates) the database, or stops the process with the reason: a server without it is useless. */
export async function openDbAtBoot(): Promise<void> {
  try {
    const handle = await getDbHandle();
    const mode = handle.kind === "pglite" ? "embedded database in" : "Postgres at";
    console.log(`Paperpulse dashboard: ${mode} ${handle.location}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`\nPaperpulse dashboard cannot start: ${reason}\n`);
    process.exit(1);
  }
}
