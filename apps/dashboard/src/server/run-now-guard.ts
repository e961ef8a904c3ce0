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

/**
 * A request a browser sent from another site: `Sec-Fetch-Site` other than same-origin, or an `Origin` whose host
 * is not the one the request was addressed to. Requests without either header (curl, scripts) are not
 * cross-site; they still need the token.
 */
export function isCrossSite(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const hosts = [headers.get("host"), headers.get("x-forwarded-host")].filter((h): h is string => Boolean(h));
  return !hosts.includes(originHost);
}

/** The token from `Authorization: Bearer …`, else from the form field `token` (the Runs page's form). */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  const match = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

export type RateLimiter = {
  /** Counts an attempt by `client`; false (with seconds to wait) when over the limit. */
  take: (client: string, now?: number) => { ok: true } | { ok: false; retryAfterSeconds: number };
};

/**
 * A sliding-window limit per client plus one over all clients. The client key comes from X-Forwarded-For, which a
 * direct caller can forge: the global limit bounds what rotating it buys (runs started, tokens tried).
 */
export function createRateLimiter(options: {
  perClient: number;
  global: number;
  windowMs: number;
}): RateLimiter {
  const hits = new Map<string, number[]>();
  const all: number[] = [];
  const prune = (list: number[], now: number) => {
    while (list.length > 0 && (list[0] ?? 0) <= now - options.windowMs) list.shift();
  };
  return {
    take(client, now = Date.now()) {
      const list = hits.get(client) ?? [];
      prune(list, now);
      prune(all, now);
      // Forget idle clients, so that the map cannot grow without bound.
      if (hits.size > 10_000) for (const [key, value] of hits) if (value.length === 0) hits.delete(key);
      const full = list.length >= options.perClient ? list : all.length >= options.global ? all : null;
      if (full) {
        const oldest = full[0] ?? now;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + options.windowMs - now) / 1000)),
        };
      }
      list.push(now);
      all.push(now);
      hits.set(client, list);
      return { ok: true };
    },
  };
}

/** The client a request counts against: the first X-Forwarded-For address (Next sets it from the socket). */
export function clientKey(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || "unknown";
}
