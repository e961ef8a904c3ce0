export type FetchErrorCode =
  | "TIMEOUT"
  | "NETWORK"
  | "TOO_LARGE"
  | "HTTP_STATUS"
  | "BUDGET_EXHAUSTED"
  | "REDIRECT_REFUSED"
  | "BAD_URL"
  /** robots.txt disallows the path for our User-Agent: never requested. */
  | "ROBOTS_DISALLOWED"
  /** robots.txt answered 5xx or could not be fetched: nothing is crawled (RFC 9309 §2.3.1.4). */
  | "ROBOTS_UNAVAILABLE"
  /** The server asked us to wait longer than the configured cap, or kept answering 429. */
  | "RATE_LIMITED";

/** A request that produced no usable body. `retryable` tells the fetcher whether another attempt may help. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string,
    readonly status: number | null = null,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "FetchError";
  }
}
