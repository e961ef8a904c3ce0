import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { isProcessAlive } from "./process-alive.ts";

// PGlite takes no lock of its own: two processes on one folder silently lose writes. This lock file is the guard.

export class DataDirLockedError extends Error {
  readonly code = "DATA_DIR_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.holder} (pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        "Only one process can open it: stop that process, or trigger scrapes from the running dashboard, " +
        "or set DATABASE_URL to use a Postgres server that many processes can share.",
    );
    this.name = "DataDirLockedError";
  }
}

export type LockOwner = { pid: number; host: string; holder: string; since: string };

export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "paperpulse.lock");
  const owner: LockOwner = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createComplete(path, owner)) {
      const release = () => {
        if (readOwner(path)?.pid === process.pid) unlinkQuietly(path);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    }
    const current = readOwner(path);
    if (current && isAlive(current)) throw new DataDirLockedError(dataDir, current);
    // The holder died without releasing (SIGKILL, power loss): the lock is stale. Another process may be taking it
    // over at this very moment, so move it aside under a name of our own and look at what we moved: if it is a live
    // holder's fresh lock rather than the stale one, it goes back and we are the ones who wait.
    const aside = `${path}.${process.pid}.${randomUUID()}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // gone already: someone else removed it
    }
    const moved = readOwner(aside);
    if (moved && isAlive(moved)) {
      try {
        linkSync(aside, path);
      } finally {
        unlinkQuietly(aside);
      }
      throw new DataDirLockedError(dataDir, moved);
    }
    unlinkQuietly(aside);
  }
  throw new Error(`Could not take the lock ${path}: other processes keep racing for it`);
}

/**
 * Creates the lock file with its content in one step (written aside, then hard-linked into place, which fails if
 * the name exists): no other process ever reads a lock that exists but is still empty.
 */
function createComplete(path: string, owner: LockOwner): boolean {
  const draft = `${path}.${process.pid}.${randomUUID()}.new`;
  writeFileSync(draft, JSON.stringify(owner), { flag: "wx" });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    unlinkQuietly(draft);
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    // Locks are complete when they appear: an unreadable one was damaged (say, a full disk) and counts as stale.
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // a holder on another machine cannot be checked: assume it lives
  return owner.pid === process.pid || isProcessAlive(owner.pid);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
