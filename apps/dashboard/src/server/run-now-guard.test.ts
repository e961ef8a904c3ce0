import { createHash, timingSafeEqual } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { bearerToken, createRateLimiter, tokensMatch } from "./run-now-guard";

// The comparison must go through timingSafeEqual: a plain `===` gives the same answers, in time that tells how
// much of a guess was right.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("run-now guard", () => {
  it("compares tokens whatever their lengths", () => {
    const token = "a-long-admin-token-0123456789";
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch("", token)).toBe(false);
    expect(tokensMatch(token.toUpperCase(), token)).toBe(false);
  });

  it("compares tokens in constant time, on digests of equal length", () => {
    const compare = vi.mocked(timingSafeEqual);
    compare.mockClear();
    expect(tokensMatch("short", "a-much-longer-admin-token")).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    const [a, b] = compare.mock.calls[0] ?? [];
    expect(a).toEqual(createHash("sha256").update("short").digest());
    expect(b).toEqual(createHash("sha256").update("a-much-longer-admin-token").digest());
  });

  it("reads a bearer token", () => {
    expect(bearerToken(headers({ authorization: "Bearer abc def" }))).toBe("abc def");
    expect(bearerToken(headers({ authorization: "bearer xyz" }))).toBe("xyz");
    expect(bearerToken(headers({ authorization: "Basic xyz" }))).toBeNull();
    expect(bearerToken(headers({}))).toBeNull();
  });

  it("limits attempts per key within the window", () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 1_000)).toEqual({ ok: true });
    expect(limiter.take("a", 2_000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    // Another key has its own budget.
    expect(limiter.take("b", 2_000)).toEqual({ ok: true });
    expect(limiter.take("a", 60_001)).toEqual({ ok: true });
  });
});
