// Pure readers for the headers a server uses to slow a client down: Retry-After (RFC 9110 §10.2.3) and the
// IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers), in their structured-field form
// (`RateLimit: "pages";r=0;t=42`, `RateLimit-Policy: "pages";q=100;w=300`) and the older forms
// (`RateLimit: limit=100, remaining=0, reset=42`, `RateLimit-Remaining: 0` with `RateLimit-Reset: 42`).

export type HeaderValue = string | string[] | undefined;
export type ResponseHeaders = Record<string, HeaderValue>;

/** A quota the server announced: `quota` requests per `windowMs`. */
export type RatePolicy = { quota: number; windowMs: number };

export type RateHints = {
  /** How long the server asked us to wait before the next request, in ms (0: no wait asked). */
  waitMs: number;
  policies: RatePolicy[];
};

const header = (headers: ResponseHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

/** Reads what a response says about waiting. `status` decides whether Retry-After applies (429 and 503). */
export function parseRateHints(status: number, headers: ResponseHeaders, nowEpochMs = Date.now()): RateHints {
  const waits = [rateLimitWaitMs(headers, nowEpochMs)];
  if (status === 429 || status === 503) {
    waits.push(parseRetryAfter(header(headers, "retry-after"), header(headers, "date"), nowEpochMs) ?? 0);
  }
  return {
    waitMs: Math.max(0, ...waits),
    policies: parseRateLimitPolicy(header(headers, "ratelimit-policy")),
  };
}

/**
 * Retry-After as a wait in ms: delta-seconds, or an HTTP-date. A date is measured both against the response's own
 * Date header and against our clock, and the longer wait wins, so neither a skewed server nor a skewed client
 * makes us early. Unreadable or past values give null.
 */
export function parseRetryAfter(value: string | undefined, date: string | undefined, nowEpochMs: number) {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  const served = date === undefined ? Number.NaN : Date.parse(date);
  const wait = Math.max(at - nowEpochMs, Number.isNaN(served) ? 0 : at - served);
  return wait > 0 ? wait : null;
}

/** The wait a RateLimit header asks for: the reset time of any policy whose remaining quota is 0. */
function rateLimitWaitMs(headers: ResponseHeaders, nowEpochMs: number): number {
  let wait = 0;
  const combined = header(headers, "ratelimit");
  if (combined !== undefined) {
    const members = splitMembers(combined).map(parseMember);
    // Structured form: one item per policy, with r (remaining) and t (seconds until reset).
    for (const member of members) {
      const remaining = member.params.get("r");
      const reset = member.params.get("t");
      if (remaining === 0 && reset !== undefined) wait = Math.max(wait, reset * 1000);
    }
    // Older dictionary form: limit=…, remaining=…, reset=… as members of their own.
    const dictionary = new Map(
      members.flatMap((m) => (m.key !== null && m.value !== null ? [[m.key, m.value] as const] : [])),
    );
    const remaining = dictionary.get("remaining");
    const reset = dictionary.get("reset");
    if (remaining === 0 && reset !== undefined) wait = Math.max(wait, resetToMs(reset, nowEpochMs));
  }
  for (const prefix of ["ratelimit-", "x-ratelimit-"]) {
    const remaining = numberOf(header(headers, `${prefix}remaining`));
    const reset = numberOf(header(headers, `${prefix}reset`));
    if (remaining === 0 && reset !== null) wait = Math.max(wait, resetToMs(reset, nowEpochMs));
  }
  return wait;
}

/** `RateLimit-Policy` quotas: `"name";q=100;w=300` (structured) or `100;w=300` (older drafts). */
export function parseRateLimitPolicy(value: string | undefined): RatePolicy[] {
  if (value === undefined) return [];
  const policies: RatePolicy[] = [];
  for (const member of splitMembers(value).map(parseMember)) {
    const quota = member.params.get("q") ?? member.number;
    const windowSeconds = member.params.get("w");
    if (quota !== undefined && quota !== null && windowSeconds !== undefined && windowSeconds > 0) {
      policies.push({ quota, windowMs: windowSeconds * 1000 });
    }
  }
  return policies;
}

// Some servers send a reset as a Unix time in seconds rather than a delta: anything past 2001 is read as one.
function resetToMs(reset: number, nowEpochMs: number): number {
  return reset > 1_000_000_000 ? Math.max(0, reset * 1000 - nowEpochMs) : reset * 1000;
}

function numberOf(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}

/** Splits a structured-field list on commas outside quoted strings. */
function splitMembers(value: string): string[] {
  const members: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === "\\" && quoted) {
      current += char + (value[i + 1] ?? "");
      i++;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === "," && !quoted) {
      members.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim() !== "") members.push(current.trim());
  return members;
}

type Member = {
  /** `key=value` members of the older dictionary form. */
  key: string | null;
  value: number | null;
  /** A bare number item (older policy form). */
  number: number | null;
  /** Integer parameters, e.g. r, t, q, w. */
  params: Map<string, number>;
};

function parseMember(text: string): Member {
  const [item = "", ...rest] = text.split(";").map((part) => part.trim());
  const params = new Map<string, number>();
  for (const part of rest) {
    const [key, raw] = part.split("=").map((s) => s.trim());
    const number = numberOf(raw);
    if (key && number !== null) params.set(key.toLowerCase(), number);
  }
  const pair = /^([a-z][a-z0-9_-]*)\s*=\s*(.+)$/i.exec(item);
  if (pair?.[1] && pair[2] !== undefined) {
    return { key: pair[1].toLowerCase(), value: numberOf(pair[2]), number: null, params };
  }
  return { key: null, value: null, number: numberOf(item), params };
}
