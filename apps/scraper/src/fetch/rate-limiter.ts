import { setTimeout as sleep } from "node:timers/promises";
import { FetchError } from "./errors.ts";
import { DEFAULT_POLITENESS, type PolitenessConfig } from "./politeness-config.ts";
import type { RatePolicy } from "./rate-limit-headers.ts";

/** Hugging Face counts page loads and API calls against separate anonymous quotas. */
export type RequestKind = "page" | "api";

export type RateLimiterOptions = {
  /** Length of the sliding window. Default 5 minutes, the window Hugging Face counts in. */
  windowMs?: number;
  /** Page loads per window and origin. Default 60: Hugging Face allows 100 per IP. */
  pageLoads?: number;
  /** API calls per window and origin. Default 300: Hugging Face allows 500 per IP. */
  apiCalls?: number;
};

export type RateLimiter = {
  /**
   * Resolves when one more request of `kind` to `url`'s origin fits the budget, the server's last "wait" and the
   * crawl delay, and counts it. A wait the server imposed (Retry-After, RateLimit, Crawl-delay) longer than
   * `maxWaitMs` throws RATE_LIMITED at once; waits for our own budget are bounded by the window and always taken.
   */
  acquire: (url: URL, kind: RequestKind, maxWaitMs: number) => Promise<void>;
  /** No request to `origin` before `waitMs` from now (a later deadline already set is kept). */
  deferOrigin: (origin: string, waitMs: number) => void;
  /** Minimum gap between two requests to `origin`: robots.txt's Crawl-delay. */
  setMinGap: (origin: string, gapMs: number) => void;
  /** Lowers the budget for `kind` on `origin` so that it never exceeds a quota the server announced. */
  adoptPolicy: (origin: string, kind: RequestKind, policy: RatePolicy) => void;
  /**
   * Counts `count` requests another process sent `ageMs` ago (from the same IP, as far as we know) against the
   * budget. `key` names them (a run id): the same requests are counted once however often they are reported.
   */
  countElsewhere: (key: string, origin: string, kind: RequestKind, count: number, ageMs: number) => void;
  readonly windowMs: number;
};

type OriginState = {
  notBefore: number;
  minGapMs: number;
  lastAt: number;
  sent: Record<RequestKind, number[]>;
  limits: Record<RequestKind, number>;
};

export function requestKindOf(url: URL): RequestKind {
  return url.pathname.startsWith("/api/") ? "api" : "page";
}

/**
 * A per-origin sliding-window budget: in any interval of `windowMs` at most `pageLoads` page requests and
 * `apiCalls` API requests start. Share one limiter between every fetcher of a process (runs, schedule, dashboard)
 * so that together they stay inside what one IP may send.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const windowMs = options.windowMs ?? 5 * 60_000;
  const configured: Record<RequestKind, number> = {
    page: options.pageLoads ?? 60,
    api: options.apiCalls ?? 300,
  };
  for (const [name, value] of [
    ["windowMs", windowMs],
    ["pageLoads", configured.page],
    ["apiCalls", configured.api],
  ] as const) {
    if (!(value > 0)) throw new RangeError(`rate limiter ${name} must be positive, got ${value}`);
  }
  const origins = new Map<string, OriginState>();
  const countedElsewhere = new Set<string>();
  const stateOf = (origin: string): OriginState => {
    let state = origins.get(origin);
    if (!state) {
      state = {
        notBefore: 0,
        minGapMs: 0,
        lastAt: Number.NEGATIVE_INFINITY,
        sent: { page: [], api: [] },
        limits: { ...configured },
      };
      origins.set(origin, state);
    }
    return state;
  };

  return {
    async acquire(url, kind, maxWaitMs) {
      const state = stateOf(url.origin);
      for (;;) {
        const now = performance.now();
        const imposed = Math.max(state.notBefore - now, state.lastAt + state.minGapMs - now, 0);
        if (imposed > maxWaitMs) {
          throw new FetchError(
            "RATE_LIMITED",
            `${url.origin} may not be asked again for ${seconds(imposed)} s, beyond the cap of ${seconds(maxWaitMs)} s`,
            url.href,
          );
        }
        const sent = state.sent[kind];
        while (sent.length > 0 && (sent[0] ?? 0) <= now - windowMs) sent.shift();
        const limit = state.limits[kind];
        // The oldest request still counting must leave the window before one more may start.
        const budgetWait = sent.length >= limit ? (sent[sent.length - limit] ?? now) + windowMs - now : 0;
        const wait = Math.max(imposed, budgetWait);
        if (wait <= 0) {
          sent.push(now);
          state.lastAt = now;
          return;
        }
        // Re-check after waking: another fetcher sharing this limiter may have taken the slot meanwhile.
        await sleep(Math.ceil(wait));
      }
    },
    deferOrigin(origin, waitMs) {
      const state = stateOf(origin);
      state.notBefore = Math.max(state.notBefore, performance.now() + waitMs);
    },
    setMinGap(origin, gapMs) {
      stateOf(origin).minGapMs = Math.max(0, gapMs);
    },
    adoptPolicy(origin, kind, policy) {
      if (!(policy.quota >= 0) || !(policy.windowMs > 0)) return;
      // Our window may be shorter than theirs: any of their windows spans at most ceil(theirs / ours) of ours.
      const spans = Math.ceil(policy.windowMs / windowMs);
      const state = stateOf(origin);
      state.limits[kind] = Math.min(state.limits[kind], Math.max(1, Math.floor(policy.quota / spans)));
    },
    countElsewhere(key, origin, kind, count, ageMs) {
      if (countedElsewhere.has(key) || !(count > 0) || ageMs >= windowMs) return;
      countedElsewhere.add(key);
      const at = performance.now() - Math.max(0, ageMs);
      const sent = stateOf(origin).sent[kind];
      sent.push(...Array.from({ length: count }, () => at));
      sent.sort((a, b) => a - b);
    },
    windowMs,
  };
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

let shared: RateLimiter | undefined;

/**
 * The process-wide limiter fetchers use unless given one: every run of a process shares one budget, sized by the
 * first caller's limits (PAPERPULSE_PAGE_LOADS_PER_5MIN and PAPERPULSE_API_CALLS_PER_5MIN, which a process reads
 * once), else the defaults.
 */
export function sharedRateLimiter(
  limits: Pick<PolitenessConfig, "pageLoads" | "apiCalls"> = DEFAULT_POLITENESS,
): RateLimiter {
  shared ??= createRateLimiter({ pageLoads: limits.pageLoads, apiCalls: limits.apiCalls });
  return shared;
}
