/**
 * The disk that holds the database is full: Postgres and PGlite report it as SQLSTATE 53100 (disk_full), or, where
 * the file system said so first, with the system's own words. No later page can be stored either, so the run stops
 * at the page that met it; pages stored before it stay (each page is one transaction).
 */
export class StorageFullError extends Error {
  readonly code = "DISK_FULL";
  constructor(cause: unknown) {
    super(
      `the disk holding the database is full (${describe(cause)}): free space or move the database, then run ` +
        "again; the pages stored before this one are kept",
      { cause },
    );
    this.name = "StorageFullError";
  }
}

export function isStorageFull(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === "53100") return true;
    if (/No space left on device|ENOSPC|disk full/i.test(current.message)) return true;
  }
  return false;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
