import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
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
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      const release = () => {
        if (readOwner(path)?.pid === process.pid) unlinkQuietly(path);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readOwner(path);
      if (current && isAlive(current)) throw new DataDirLockedError(dataDir, current);
      // The holder died without releasing (SIGKILL, power loss): the lock is stale.
      unlinkQuietly(path);
    }
  }
  throw new Error(`Could not take the lock ${path}: other processes keep racing for it`);
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    // A lock file half-written by a process that died at that instant counts as stale.
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
