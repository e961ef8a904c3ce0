import { describe, expect, it } from "vitest";
import { parseRateHints, parseRateLimitPolicy, parseRetryAfter } from "./rate-limit-headers.ts";

const NOW = Date.parse("2026-08-01T12:00:00.000Z");

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("42", undefined, NOW)).toBe(42_000);
    expect(parseRetryAfter(" 0 ", undefined, NOW)).toBe(0);
  });

  it("reads an HTTP-date against our clock and the response's Date, whichever asks for longer", () => {
    const at = "Sat, 01 Aug 2026 12:00:30 GMT";
    expect(parseRetryAfter(at, undefined, NOW)).toBe(30_000);
    // The server's clock is 10 s behind ours: measured against its Date, the wait is 40 s.
    expect(parseRetryAfter(at, "Sat, 01 Aug 2026 11:59:50 GMT", NOW)).toBe(40_000);
    expect(parseRetryAfter(at, "Sat, 01 Aug 2026 12:00:10 GMT", NOW)).toBe(30_000);
  });

  it("ignores past dates, negative numbers and junk", () => {
    expect(parseRetryAfter("Sat, 01 Aug 2026 11:00:00 GMT", undefined, NOW)).toBeNull();
    expect(parseRetryAfter("-5", undefined, NOW)).toBeNull();
    expect(parseRetryAfter("soon", undefined, NOW)).toBeNull();
    expect(parseRetryAfter(undefined, undefined, NOW)).toBeNull();
  });
});

describe("parseRateHints", () => {
  it("applies Retry-After to 429 and 503 only", () => {
    expect(parseRateHints(429, { "retry-after": "5" }, NOW).waitMs).toBe(5_000);
    expect(parseRateHints(503, { "retry-after": "5" }, NOW).waitMs).toBe(5_000);
    expect(parseRateHints(200, { "retry-after": "5" }, NOW).waitMs).toBe(0);
    expect(parseRateHints(301, { "retry-after": "5" }, NOW).waitMs).toBe(0);
  });

  it("waits for t when a structured RateLimit policy has r=0, on any status", () => {
    expect(parseRateHints(200, { ratelimit: '"pages";r=0;t=42' }, NOW).waitMs).toBe(42_000);
    expect(parseRateHints(200, { ratelimit: '"pages";r=3;t=42' }, NOW).waitMs).toBe(0);
    expect(parseRateHints(200, { ratelimit: '"api";r=10;t=5, "pages";r=0;t=17' }, NOW).waitMs).toBe(17_000);
    expect(parseRateHints(429, { ratelimit: '"a,b";r=0;t=9' }, NOW).waitMs).toBe(9_000);
  });

  it("takes the longest of Retry-After and RateLimit", () => {
    const headers = { "retry-after": "3", ratelimit: '"pages";r=0;t=8' };
    expect(parseRateHints(429, headers, NOW).waitMs).toBe(8_000);
    expect(parseRateHints(429, { ...headers, "retry-after": "20" }, NOW).waitMs).toBe(20_000);
  });

  it("tolerates the older forms", () => {
    expect(parseRateHints(200, { ratelimit: "limit=100, remaining=0, reset=12" }, NOW).waitMs).toBe(12_000);
    expect(parseRateHints(200, { ratelimit: "limit=100, remaining=4, reset=12" }, NOW).waitMs).toBe(0);
    expect(parseRateHints(200, { "ratelimit-remaining": "0", "ratelimit-reset": "7" }, NOW).waitMs).toBe(
      7_000,
    );
    expect(parseRateHints(200, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "7" }, NOW).waitMs).toBe(
      7_000,
    );
    // A reset given as a Unix time rather than a delta.
    const reset = String(NOW / 1000 + 60);
    expect(
      parseRateHints(200, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }, NOW).waitMs,
    ).toBe(60_000);
  });

  it("asks for no wait on headers it cannot read", () => {
    for (const ratelimit of ["", "garbage", '"pages";r=zero;t=5', '"pages";r=0', ";;;,,,"]) {
      expect(parseRateHints(200, { ratelimit }, NOW).waitMs, ratelimit).toBe(0);
    }
  });
});

describe("parseRateLimitPolicy", () => {
  it("reads structured and older policies", () => {
    expect(parseRateLimitPolicy('"pages";q=100;w=300')).toEqual([{ quota: 100, windowMs: 300_000 }]);
    expect(parseRateLimitPolicy('"burst";q=10;w=1, "day";q=1000;w=86400')).toEqual([
      { quota: 10, windowMs: 1_000 },
      { quota: 1000, windowMs: 86_400_000 },
    ]);
    expect(parseRateLimitPolicy("100;w=300")).toEqual([{ quota: 100, windowMs: 300_000 }]);
    expect(parseRateLimitPolicy('"pages";q=100')).toEqual([]);
    expect(parseRateLimitPolicy(undefined)).toEqual([]);
  });
});
