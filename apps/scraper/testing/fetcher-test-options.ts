import type { FetcherOptions } from "../src/fetch/create-fetcher.ts";
import { createRateLimiter } from "../src/fetch/rate-limiter.ts";
import { createRobotsCache } from "../src/fetch/robots.ts";

/**
 * Fetcher options for tests against the local server: loopback allowed explicitly, a limiter and robots cache of
 * their own (no state shared with other tests), and timeouts, backoff and caps in milliseconds rather than seconds.
 */
export function testFetcherOptions(baseUrl: string, overrides: Partial<FetcherOptions> = {}): FetcherOptions {
  return {
    baseUrl,
    allowPrivateHosts: true,
    rateLimiter: createRateLimiter({ windowMs: 1_000, pageLoads: 1_000, apiCalls: 1_000 }),
    robotsCache: createRobotsCache(),
    attempts: 3,
    retryDelayMs: 20,
    maxRetryDelayMs: 200,
    headersTimeoutMs: 500,
    bodyTimeoutMs: 500,
    attemptTimeoutMs: 1_000,
    maxWaitMs: 2_000,
    ...overrides,
  };
}
