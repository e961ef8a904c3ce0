import { describe, expect, it } from "vitest";
import { createRateLimiter, requestKindOf } from "./rate-limiter.ts";

const url = new URL("https://huggingface.co/papers/date/2024-08-01");

describe("createRateLimiter", () => {
  it("classifies /api/ paths as API calls and everything else as page loads", () => {
    expect(requestKindOf(new URL("https://huggingface.co/api/daily_papers?date=2024-08-01"))).toBe("api");
    expect(requestKindOf(url)).toBe("page");
    expect(requestKindOf(new URL("https://huggingface.co/robots.txt"))).toBe("page");
  });

  it("starts at most the budget per window, per origin and kind", async () => {
    const limiter = createRateLimiter({ windowMs: 200, pageLoads: 2, apiCalls: 2 });
    const starts: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) {
      await limiter.acquire(url, "page", 1_000);
      starts.push(performance.now() - t0);
    }
    // Another kind and another origin are not held up by the page budget of this one.
    const other = performance.now();
    await limiter.acquire(new URL("https://huggingface.co/api/x"), "api", 1_000);
    await limiter.acquire(new URL("https://example.org/papers"), "page", 1_000);
    expect(performance.now() - other).toBeLessThan(50);
    for (const [i, start] of starts.entries()) {
      if (i >= 2) expect(start - (starts[i - 2] ?? 0)).toBeGreaterThanOrEqual(200);
    }
  });

  it("throws RATE_LIMITED at once when the server's wait exceeds the cap, and waits when it does not", async () => {
    const limiter = createRateLimiter();
    limiter.deferOrigin(url.origin, 60_000);
    const started = performance.now();
    await expect(limiter.acquire(url, "page", 30_000)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(performance.now() - started).toBeLessThan(50);
    // A shorter deferral never shortens a longer one.
    limiter.deferOrigin(url.origin, 10);
    await expect(limiter.acquire(url, "page", 30_000)).rejects.toMatchObject({ code: "RATE_LIMITED" });

    const fresh = createRateLimiter();
    fresh.deferOrigin(url.origin, 150);
    const waited = performance.now();
    await fresh.acquire(url, "api", 1_000);
    expect(performance.now() - waited).toBeGreaterThanOrEqual(150);
  });

  it("treats a crawl delay beyond the cap as rate limiting", async () => {
    const limiter = createRateLimiter();
    limiter.setMinGap(url.origin, 5_000);
    await limiter.acquire(url, "page", 1_000);
    await expect(limiter.acquire(url, "page", 1_000)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("adopts a smaller announced quota, scaled so no window of theirs sees more", async () => {
    const limiter = createRateLimiter({ windowMs: 100, pageLoads: 50 });
    // 3 per 250 ms: a 250 ms window spans up to 3 of our 100 ms windows, so 1 per 100 ms.
    limiter.adoptPolicy(url.origin, "page", { quota: 3, windowMs: 250 });
    await limiter.acquire(url, "page", 1_000);
    const started = performance.now();
    await limiter.acquire(url, "page", 1_000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("counts requests sent elsewhere against the budget until they leave the window, each key once", async () => {
    const limiter = createRateLimiter({ windowMs: 300, pageLoads: 2, apiCalls: 2 });
    // Two page loads another process sent 100 ms ago fill the page budget for about 200 ms more.
    limiter.countElsewhere("run 7", url.origin, "page", 2, 100);
    limiter.countElsewhere("run 7", url.origin, "page", 2, 100);
    // Too old to count, and API calls are another budget.
    limiter.countElsewhere("run 6", url.origin, "page", 5, 400);
    const t0 = performance.now();
    await limiter.acquire(new URL("https://huggingface.co/api/x"), "api", 1_000);
    expect(performance.now() - t0).toBeLessThan(50);
    await limiter.acquire(url, "page", 1_000);
    const first = performance.now() - t0;
    expect(first).toBeGreaterThanOrEqual(150);
    // Reported twice, counted once: the second page load of the window needs no further wait.
    await limiter.acquire(url, "page", 1_000);
    expect(performance.now() - t0 - first).toBeLessThan(50);
  });

  it("rejects a budget that could never be met", () => {
    expect(() => createRateLimiter({ pageLoads: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ windowMs: Number.NaN })).toThrow(RangeError);
  });
});
