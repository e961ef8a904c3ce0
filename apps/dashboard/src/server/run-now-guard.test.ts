import { describe, expect, it } from "vitest";
import { bearerToken, clientKey, createRateLimiter, isCrossSite, tokensMatch } from "./run-now-guard";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("run-now guard", () => {
  it("compares tokens whatever their lengths", () => {
    const token = "a-long-admin-token-0123456789";
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(`${token}x`, token)).toBe(false);
    expect(tokensMatch("", token)).toBe(false);
    expect(tokensMatch(token.toUpperCase(), token)).toBe(false);
  });

  it("tells cross-site requests by Sec-Fetch-Site and Origin", () => {
    expect(isCrossSite(headers({ host: "dash:3000" }))).toBe(false);
    expect(
      isCrossSite(
        headers({ host: "dash:3000", "sec-fetch-site": "same-origin", origin: "http://dash:3000" }),
      ),
    ).toBe(false);
    expect(isCrossSite(headers({ host: "dash:3000", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "http://dash:3001" }))).toBe(true);
    expect(isCrossSite(headers({ host: "dash:3000", origin: "null" }))).toBe(true);
    // Behind a proxy the public host arrives as X-Forwarded-Host.
    expect(
      isCrossSite(
        headers({
          host: "internal:3000",
          "x-forwarded-host": "dash.example",
          origin: "https://dash.example",
        }),
      ),
    ).toBe(false);
  });

  it("reads a bearer token", () => {
    expect(bearerToken(headers({ authorization: "Bearer abc def" }))).toBe("abc def");
    expect(bearerToken(headers({ authorization: "bearer xyz" }))).toBe("xyz");
    expect(bearerToken(headers({ authorization: "Basic xyz" }))).toBeNull();
    expect(bearerToken(headers({}))).toBeNull();
  });

  it("limits attempts per client and over all clients within the window", () => {
    const limiter = createRateLimiter({ perClient: 2, global: 3, windowMs: 60_000 });
    expect(limiter.take("a", 0)).toEqual({ ok: true });
    expect(limiter.take("a", 1_000)).toEqual({ ok: true });
    expect(limiter.take("a", 2_000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(limiter.take("b", 2_000)).toEqual({ ok: true });
    // A fourth client address cannot get past the global limit.
    expect(limiter.take("c", 3_000)).toEqual({ ok: false, retryAfterSeconds: 57 });
    expect(limiter.take("a", 60_001)).toEqual({ ok: true });
  });

  it("keys clients by the first forwarded address", () => {
    expect(clientKey(headers({ "x-forwarded-for": "10.0.0.1, 10.0.0.2" }))).toBe("10.0.0.1");
    expect(clientKey(headers({}))).toBe("unknown");
  });
});
