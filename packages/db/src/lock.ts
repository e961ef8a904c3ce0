import { randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
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

export type LockOwner = { pid: number; host: string; holder: string; since: string; nonce?: string };

// A process that died while removing a stale lock leaves its takeover guard behind: after this long it is ignored.
const TAKEOVER_STALE_MS = 10_000;

export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "paperpulse.lock");
  // The nonce makes every lock's content unique: a stale lock is never mistaken for a fresh one that replaced it.
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    holder,
    since: new Date().toISOString(),
    nonce: randomUUID(),
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createComplete(path, owner)) {
      const release = () => {
        if (readOwner(path)?.nonce === owner.nonce) unlinkQuietly(path);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    }
    const judged = readText(path);
    const current = parseOwner(judged);
    if (current && isAlive(current)) throw new DataDirLockedError(dataDir, current);
    // The holder died without releasing (SIGKILL, power loss): the lock is stale.
    removeStale(path, judged, owner);
  }
  throw new Error(`Could not take the lock ${path}: other processes keep racing for it`);
}

/**
 * Removes the lock at `path` if it is still exactly the one judged stale. Several processes may find the same stale
 * lock; one at a time (holding a takeover guard) compares and removes, so a fresh lock that another process created
 * meanwhile is never the one removed.
 */
function removeStale(path: string, judged: string | undefined, owner: LockOwner): void {
  const guard = `${path}.takeover`;
  if (!createComplete(guard, owner)) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) unlinkQuietly(guard);
    } catch {
      // released meanwhile
    }
    pause(5);
    return;
  }
  try {
    if (readText(path) === judged) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as LockOwner;
  } catch {
    // Locks are complete when they appear: an unreadable one was damaged (say, a full disk) and counts as stale.
    return undefined;
  }
}

function readOwner(path: string): LockOwner | undefined {
  return parseOwner(readText(path));
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
