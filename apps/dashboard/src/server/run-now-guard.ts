import { createHash, timingSafeEqual } from "node:crypto";

// The checks in front of "Run now" (POST /api/runs/run-now), kept free of Next so that they are unit-tested.

/**
 * Compares a presented token with the configured one in constant time: both are hashed first, so the comparison
 * runs on equal-length digests and leaks neither the token's content nor its length.
 */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer …`, else from the form field `token` (the Runs page's form). */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

export type RateLimiter = {
  /** Counts an attempt under `key`; false (with seconds to wait) when the key is over its limit. */
  take: (key: string, now?: number) => { ok: true } | { ok: false; retryAfterSeconds: number };
};

/** A sliding-window limit of `limit` attempts per key within `windowMs`. */
export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key, now = Date.now()) {
      const list = hits.get(key) ?? [];
      while (list.length > 0 && (list[0] ?? 0) <= now - options.windowMs) list.shift();
      // Forget idle keys, so that the map cannot grow without bound.
      if (hits.size > 10_000) for (const [k, value] of hits) if (value.length === 0) hits.delete(k);
      if (list.length >= options.limit) {
        const oldest = list[0] ?? now;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + options.windowMs - now) / 1000)),
        };
      }
      list.push(now);
      hits.set(key, list);
      return { ok: true };
    },
  };
}
