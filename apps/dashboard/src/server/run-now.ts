import "server-only";
import { getDbHandle } from "./db";
import { getEnv } from "./env";
import { isReachableBeyondLoopback } from "./network";
import { createRateLimiter, type RateLimiter } from "./run-now-guard";

export type RunNowAccess =
  | { enabled: true; tokenRequired: boolean }
  | { enabled: false; tokenRequired: true; reason: string };

/**
 * Who may press "Run now". Server mode, or a dashboard others can reach (listening beyond loopback, or behind a
 * proxy): only holders of PAPERPULSE_ADMIN_TOKEN, and without one configured the button is off (never open).
 * Embedded mode on loopback is a single-user local process: open, unless a token is configured.
 */
export async function getRunNowAccess(): Promise<RunNowAccess> {
  const env = getEnv();
  if (env.PAPERPULSE_ADMIN_TOKEN) return { enabled: true, tokenRequired: true };
  if (isReachableBeyondLoopback(env)) {
    const where = env.PAPERPULSE_TRUST_PROXY ? "behind a proxy (PAPERPULSE_TRUST_PROXY)" : `on ${env.HOST}`;
    return {
      enabled: false,
      tokenRequired: true,
      reason: `PAPERPULSE_ADMIN_TOKEN is not set: the dashboard is reachable beyond this machine (${where}), so Run now needs an admin token`,
    };
  }
  const handle = await getDbHandle();
  if (handle.kind === "pglite") return { enabled: true, tokenRequired: false };
  return {
    enabled: false,
    tokenRequired: true,
    reason: "PAPERPULSE_ADMIN_TOKEN is not set: in server mode Run now needs an admin token",
  };
}

const key = Symbol.for("paperpulse.dashboard.runNowLimiters");
type Limiters = { perClient: RateLimiter; failures: RateLimiter };
type Global = typeof globalThis & { [key]?: Limiters };

/**
 * 5 attempts a minute per client, and 20 refused tokens a minute over all clients (no token guessing from many
 * addresses). A right token is held only to its own client's limit, so failures elsewhere never lock it out.
 */
export function getRunNowLimiters(): Limiters {
  const global = globalThis as Global;
  global[key] ??= {
    perClient: createRateLimiter({ limit: 5, windowMs: 60_000 }),
    failures: createRateLimiter({ limit: 20, windowMs: 60_000 }),
  };
  return global[key];
}
