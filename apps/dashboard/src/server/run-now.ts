import "server-only";
import { getDbHandle } from "./db";
import { getEnv } from "./env";
import { createRateLimiter, type RateLimiter } from "./run-now-guard";

export type RunNowAccess =
  | { enabled: true; tokenRequired: boolean }
  | { enabled: false; tokenRequired: true; reason: string };

/**
 * Who may press "Run now". Server mode: only holders of PAPERPULSE_ADMIN_TOKEN, and without one configured the
 * button is off (never open). Embedded mode is a single-user local process: open, unless a token is configured.
 */
export async function getRunNowAccess(): Promise<RunNowAccess> {
  const token = getEnv().PAPERPULSE_ADMIN_TOKEN;
  if (token) return { enabled: true, tokenRequired: true };
  const handle = await getDbHandle();
  if (handle.kind === "pglite") return { enabled: true, tokenRequired: false };
  return {
    enabled: false,
    tokenRequired: true,
    reason: "PAPERPULSE_ADMIN_TOKEN is not set: in server mode Run now needs an admin token",
  };
}

const key = Symbol.for("paperpulse.dashboard.runNowLimiter");
type Global = typeof globalThis & { [key]?: RateLimiter };

/** 5 attempts a minute per client, 20 over all clients; failed attempts count too (no token guessing). */
export function getRunNowLimiter(): RateLimiter {
  const global = globalThis as Global;
  global[key] ??= createRateLimiter({ perClient: 5, global: 20, windowMs: 60_000 });
  return global[key];
}
