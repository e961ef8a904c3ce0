import pRetry from "p-retry";
import { Agent, type Dispatcher, request, errors as undiciErrors } from "undici";
import { FetchError } from "./errors.ts";
import { DEFAULT_POLITENESS, type PolitenessConfig } from "./politeness-config.ts";
import { ipLiteralOf, isPrivateAddress, PrivateAddressError, publicOnlyLookup } from "./private-address.ts";
import { parseRateHints } from "./rate-limit-headers.ts";
import { type RateLimiter, requestKindOf, sharedRateLimiter } from "./rate-limiter.ts";
import {
  parseRobotsTxt,
  type RobotsCache,
  type RobotsRules,
  robotsMissing,
  robotsUnavailable,
  sharedRobotsCache,
} from "./robots.ts";

/** Names the tool to the sites it reads; `Paperpulse` is also the token robots.txt rules are matched against. */
export const USER_AGENT = "Paperpulse/0.1 (Daily Papers history tracker; scheduled scraper)";

export type FetcherOptions = {
  baseUrl: string;
  userAgent?: string;
  /** Time allowed for the response headers. Default 20 s. */
  headersTimeoutMs?: number;
  /** Time allowed between two body chunks. Default 20 s. */
  bodyTimeoutMs?: number;
  /** Deadline for one whole attempt, headers and body: a body trickling in under bodyTimeout still ends. Default 60 s. */
  attemptTimeoutMs?: number;
  /** Larger bodies are aborted as they arrive: nothing Hugging Face serves for a listing comes close. Default 10 MiB. */
  maxBytes?: number;
  /** Hard bound on HTTP requests per run, retries and redirects included (robots.txt excluded). Default 200. */
  maxRequests?: number;
  /** Attempts per URL for network errors, timeouts, 408, 429 and 5xx. Default 3. */
  attempts?: number;
  /** Base of the jittered exponential backoff: attempt n waits base·2^(n-1)·[1, 2). Default 1 s. */
  retryDelayMs?: number;
  /** Upper bound of one backoff wait. Default 30 s. */
  maxRetryDelayMs?: number;
  /**
   * Longest wait the server may impose (Retry-After, RateLimit reset, Crawl-delay) before we give up: a longer
   * one ends the run as RATE_LIMITED rather than sleeping. Default 120 s.
   */
  maxWaitMs?: number;
  /** Budget per 5-minute window shared by every fetcher given the same limiter. Default: one per process. */
  rateLimiter?: RateLimiter;
  /** Where robots.txt rules are kept between runs. Default: one per process, rules trusted for an hour. */
  robotsCache?: RobotsCache;
  /**
   * Allow loopback, private, link-local (169.254.169.254) and other internal addresses, for the base URL and for
   * what a host name resolves to. Default: refused (the apps pass `PAPERPULSE_ALLOW_PRIVATE_HOSTS`).
   */
  allowPrivateHosts?: boolean;
  /**
   * The process's politeness limits (the apps pass those of the PAPERPULSE_* variables): the defaults of the
   * timeouts, size cap, attempts and longest wait above, and the size of the shared rate budget. Default: the
   * documented defaults.
   */
  limits?: PolitenessConfig;
};

export type FetchResult = {
  url: string;
  status: number;
  body: string;
  bytes: number;
  durationMs: number;
  contentType: string | null;
  /** The response's validators, for a conditional request next time. */
  etag: string | null;
  lastModified: string | null;
};

/** What a conditional request sends: answered 304 Not Modified (an empty body) when the resource is unchanged. */
export type Validators = { etag: string | null; lastModified: string | null };

export type Fetcher = {
  fetchText: (pathOrUrl: string, validators?: Validators) => Promise<FetchResult>;
  /**
   * Counts a request made by other means (a headless browser loading the page and what it asks for) against the
   * run's bound and the shared rate budget, waiting as the budget and the server's last "slow down" demand; refuses
   * it as fetchText would (another origin, robots.txt).
   */
  acquire: (pathOrUrl: string) => Promise<void>;
  /** The origin every request of this fetcher goes to. */
  readonly origin: string;
  /** Requests counted against `maxRequests`: attempts and redirect hops, not robots.txt. */
  readonly requestsMade: number;
  close: () => Promise<void>;
};

type Reply = { redirect: string; status: number } | { result: FetchResult };

const MAX_REDIRECTS = 3;

/**
 * One fetcher per run: one connection to the host, robots.txt obeyed, a rate budget shared across runs, server
 * requests to slow down honoured, timeouts, a size cap, bounded retries, and no way to internal addresses.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const base = parseBase(options.baseUrl);
  // What the options leave open comes from the process's limits (PAPERPULSE_TIMEOUT_SECONDS, …), else the defaults.
  const limits = options.limits ?? DEFAULT_POLITENESS;
  const userAgent = options.userAgent ?? USER_AGENT;
  const maxBytes = options.maxBytes ?? limits.maxBytes;
  const maxRequests = options.maxRequests ?? 200;
  // The whole attempt gets at least three of the header/chunk timeouts, so a longer PAPERPULSE_TIMEOUT_SECONDS counts.
  const attemptTimeoutMs = options.attemptTimeoutMs ?? Math.max(60_000, 3 * limits.timeoutMs);
  const maxWaitMs = options.maxWaitMs ?? limits.maxWaitMs;
  const limiter = options.rateLimiter ?? sharedRateLimiter(limits);
  const robotsCache = options.robotsCache ?? sharedRobotsCache();
  const allowPrivateHosts = options.allowPrivateHosts ?? false;
  const dispatcher = new Agent({
    connections: 1,
    headersTimeout: options.headersTimeoutMs ?? limits.timeoutMs,
    bodyTimeout: options.bodyTimeoutMs ?? limits.timeoutMs,
    maxResponseSize: maxBytes,
    ...(allowPrivateHosts ? {} : { connect: { lookup: publicOnlyLookup } }),
  });
  let requestsMade = 0;
  let robots: Promise<RobotsRules> | undefined;

  function assertHostAllowed(url: URL) {
    const literal = ipLiteralOf(url);
    if (!allowPrivateHosts && literal !== null && isPrivateAddress(literal)) {
      throw new FetchError(
        "BAD_URL",
        `${url.host} is a loopback, private or link-local address; set PAPERPULSE_ALLOW_PRIVATE_HOSTS=1 to allow it`,
        url.href,
      );
    }
  }

  async function requestOnce(
    url: URL,
    counted: boolean,
    conditional: Record<string, string>,
  ): Promise<Reply> {
    if (counted && requestsMade >= maxRequests) {
      throw new FetchError("BUDGET_EXHAUSTED", `request budget of ${maxRequests} per run used up`, url.href);
    }
    assertHostAllowed(url);
    const kind = requestKindOf(url);
    await limiter.acquire(url, kind, maxWaitMs);
    if (counted) requestsMade++;
    const deadline = AbortSignal.timeout(attemptTimeoutMs);
    const started = performance.now();
    try {
      const response = await request(url, {
        dispatcher,
        method: "GET",
        signal: deadline,
        headers: { "user-agent": userAgent, accept: "text/html,application/json,text/plain", ...conditional },
      });
      const { statusCode, headers } = response;
      const hints = parseRateHints(statusCode, headers);
      for (const policy of hints.policies) limiter.adoptPolicy(url.origin, kind, policy);
      if (hints.waitMs > 0) limiter.deferOrigin(url.origin, hints.waitMs);
      if ((statusCode === 429 || statusCode === 503) && hints.waitMs > maxWaitMs) {
        await discard(response.body);
        throw new FetchError(
          "RATE_LIMITED",
          `HTTP ${statusCode} from ${url.href} asks for a ${Math.round(hints.waitMs / 1000)} s wait, ` +
            `beyond the cap of ${Math.round(maxWaitMs / 1000)} s`,
          url.href,
          statusCode,
        );
      }
      if (statusCode >= 300 && statusCode < 400 && headers.location) {
        await discard(response.body);
        return { redirect: String(headers.location), status: statusCode };
      }
      const buffer = Buffer.from(await response.body.arrayBuffer());
      const declared = headers["content-length"];
      if (typeof declared === "string" && Number(declared) !== buffer.byteLength) {
        // Never hand a cut body to a parser: it may still parse, and then store a partial listing.
        throw new FetchError(
          "NETWORK",
          `truncated body from ${url.href}: ${buffer.byteLength} of ${declared} bytes`,
          url.href,
          statusCode,
          true,
        );
      }
      if (statusCode >= 400) {
        const retryable = statusCode >= 500 || statusCode === 408 || statusCode === 429;
        throw new FetchError(
          "HTTP_STATUS",
          `HTTP ${statusCode} from ${url.href}`,
          url.href,
          statusCode,
          retryable,
        );
      }
      const contentType = headers["content-type"];
      return {
        result: {
          url: url.href,
          status: statusCode,
          body: buffer.toString("utf8"),
          bytes: buffer.byteLength,
          durationMs: Math.round(performance.now() - started),
          contentType: typeof contentType === "string" ? contentType : null,
          etag: typeof headers.etag === "string" ? headers.etag : null,
          lastModified: typeof headers["last-modified"] === "string" ? headers["last-modified"] : null,
        },
      };
    } catch (error) {
      throw toFetchError(error, url.href, maxBytes, deadline.aborted ? attemptTimeoutMs : null);
    }
  }

  async function fetchFollowing(
    start: URL,
    rules: RobotsRules | null,
    counted: boolean,
    conditional: Record<string, string> = {},
  ): Promise<FetchResult> {
    let url = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const reply = await requestOnce(url, counted, conditional);
      if ("result" in reply) return reply.result;
      const next = new URL(reply.redirect, url);
      // Redirects stay on the configured host: anything else could point the scraper at an internal address.
      if (next.origin !== base.origin) {
        throw new FetchError(
          "REDIRECT_REFUSED",
          `redirect from ${url.href} to ${next.origin} refused`,
          url.href,
          reply.status,
        );
      }
      if (rules) assertRobotsAllow(rules, next);
      url = next;
    }
    throw new FetchError(
      "REDIRECT_REFUSED",
      `more than ${MAX_REDIRECTS} redirects from ${start.href}`,
      start.href,
    );
  }

  async function withRetries(attempt: () => Promise<FetchResult>): Promise<FetchResult> {
    try {
      return await pRetry(attempt, {
        retries: Math.max(0, (options.attempts ?? limits.attempts) - 1),
        minTimeout: options.retryDelayMs ?? 1_000,
        maxTimeout: options.maxRetryDelayMs ?? 30_000,
        factor: 2,
        randomize: true,
        shouldRetry: ({ error }) => error instanceof FetchError && error.retryable,
      });
    } catch (error) {
      // Still 429 after every attempt: the next page would be refused too, so the run stops.
      if (error instanceof FetchError && error.status === 429 && error.code === "HTTP_STATUS") {
        throw new FetchError("RATE_LIMITED", `${error.message}, still after every attempt`, error.url, 429);
      }
      throw error;
    }
  }

  async function fetchRobots(): Promise<RobotsRules> {
    const robotsUrl = new URL("/robots.txt", base);
    try {
      const result = await withRetries(() => fetchFollowing(robotsUrl, null, false));
      return parseRobotsTxt(robotsUrl.href, result.body, userAgent);
    } catch (error) {
      if (!(error instanceof FetchError) || error.code === "RATE_LIMITED" || error.code === "BAD_URL")
        throw error;
      const status = error.code === "HTTP_STATUS" ? error.status : null;
      if (status !== null && status >= 400 && status < 500) return robotsMissing;
      return robotsUnavailable(error.message);
    }
  }

  function robotsRules(): Promise<RobotsRules> {
    robots ??= robotsCache.load(base.origin, userAgent, fetchRobots).then(
      (rules) => {
        limiter.setMinGap(base.origin, rules.crawlDelayMs);
        return rules;
      },
      (error: unknown) => {
        robots = undefined;
        throw error;
      },
    );
    return robots;
  }

  /** Whether `url` may be requested at all: this origin, a public host, and robots.txt allowing it. */
  async function checkAllowed(url: URL): Promise<RobotsRules> {
    if (url.origin !== base.origin) {
      throw new FetchError("BAD_URL", `${url.href} is not on ${base.origin}`, url.href);
    }
    assertHostAllowed(url);
    const rules = await robotsRules();
    if (rules.source === "unavailable") {
      throw new FetchError(
        "ROBOTS_UNAVAILABLE",
        `robots.txt of ${base.origin} could not be read (${rules.reason}); crawling nothing until it can`,
        url.href,
      );
    }
    assertRobotsAllow(rules, url);
    return rules;
  }

  return {
    async fetchText(pathOrUrl, validators) {
      const url = new URL(pathOrUrl, base);
      const rules = await checkAllowed(url);
      const conditional: Record<string, string> = {};
      if (validators?.etag) conditional["if-none-match"] = validators.etag;
      if (validators?.lastModified) conditional["if-modified-since"] = validators.lastModified;
      return withRetries(() => fetchFollowing(url, rules, true, conditional));
    },
    async acquire(pathOrUrl) {
      const url = new URL(pathOrUrl, base);
      await checkAllowed(url);
      if (requestsMade >= maxRequests) {
        throw new FetchError(
          "BUDGET_EXHAUSTED",
          `request budget of ${maxRequests} per run used up`,
          url.href,
        );
      }
      await limiter.acquire(url, requestKindOf(url), maxWaitMs);
      requestsMade++;
    },
    get origin() {
      return base.origin;
    },
    get requestsMade() {
      return requestsMade;
    },
    close: () => dispatcher.close(),
  };
}

function assertRobotsAllow(rules: RobotsRules, url: URL) {
  if (!rules.isAllowed(url)) {
    throw new FetchError("ROBOTS_DISALLOWED", `robots.txt disallows ${url.pathname}${url.search}`, url.href);
  }
}

// Reads a little of an unwanted body so the connection can be reused; a large one closes the connection instead.
async function discard(body: Dispatcher.ResponseData["body"]) {
  await body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

function parseBase(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new FetchError("BAD_URL", `HF_BASE_URL ${JSON.stringify(baseUrl)} is not a URL`, baseUrl);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new FetchError("BAD_URL", `HF_BASE_URL must be http(s), got ${url.protocol}`, baseUrl);
  }
  return url;
}

function toFetchError(error: unknown, url: string, maxBytes: number, deadlineMs: number | null): FetchError {
  if (error instanceof FetchError) return error;
  if (deadlineMs !== null) {
    return new FetchError(
      "TIMEOUT",
      `no complete response from ${url} within ${deadlineMs} ms`,
      url,
      null,
      true,
    );
  }
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new FetchError("TIMEOUT", `timed out waiting for ${url}`, url, null, true);
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return new FetchError("TOO_LARGE", `response from ${url} exceeds ${maxBytes} bytes`, url);
  }
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof PrivateAddressError) {
      return new FetchError(
        "BAD_URL",
        `${cause.message}; set PAPERPULSE_ALLOW_PRIVATE_HOSTS=1 to allow it`,
        url,
      );
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError("NETWORK", `network error for ${url}: ${message}`, url, null, true);
}
