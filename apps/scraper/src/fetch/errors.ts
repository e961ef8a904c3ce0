export type FetchErrorCode =
  | "TIMEOUT"
  | "NETWORK"
  | "TOO_LARGE"
  | "HTTP_STATUS"
  | "BUDGET_EXHAUSTED"
  | "REDIRECT_REFUSED"
  | "BAD_URL";

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
