import pRetry, { AbortError } from "p-retry";
import { Agent, request, errors as undiciErrors } from "undici";
import { FetchError } from "./errors.ts";

export const USER_AGENT = "Paperpulse/0.1 (Daily Papers history tracker; scheduled scraper)";

export type FetcherOptions = {
  baseUrl: string;
  userAgent?: string;
  /** Time allowed for the response headers, and between body chunks. */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Larger bodies are aborted: nothing Hugging Face serves for a listing comes close. */
  maxBytes?: number;
  /** Hard bound on HTTP requests per run, retries and redirects included. */
  maxRequests?: number;
  /** Attempts per URL for network errors, timeouts and 5xx. */
  attempts?: number;
  /** Base of the jittered exponential backoff between attempts. */
  retryDelayMs?: number;
};

export type FetchResult = {
  url: string;
  status: number;
  body: string;
  bytes: number;
  durationMs: number;
  contentType: string | null;
};

export type Fetcher = {
  fetchText: (pathOrUrl: string) => Promise<FetchResult>;
  readonly requestsMade: number;
  close: () => Promise<void>;
};

const MAX_REDIRECTS = 3;

/** One fetcher per run: one connection to the host, a request budget, timeouts, a size cap and bounded retries. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const base = parseBase(options.baseUrl);
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRequests = options.maxRequests ?? 200;
  const dispatcher = new Agent({
    connections: 1,
    headersTimeout: options.headersTimeoutMs ?? 20_000,
    bodyTimeout: options.bodyTimeoutMs ?? 20_000,
    maxResponseSize: maxBytes,
  });
  let requestsMade = 0;

  async function requestOnce(url: URL): Promise<FetchResult> {
    if (requestsMade >= maxRequests) {
      throw new FetchError("BUDGET_EXHAUSTED", `request budget of ${maxRequests} per run used up`, url.href);
    }
    requestsMade++;
    const started = performance.now();
    try {
      const response = await request(url, {
        dispatcher,
        method: "GET",
        headers: { "user-agent": options.userAgent ?? USER_AGENT, accept: "text/html,application/json" },
      });
      const { statusCode, headers } = response;
      if (statusCode >= 300 && statusCode < 400 && headers.location) {
        await response.body.dump();
        return {
          url: url.href,
          status: statusCode,
          body: String(headers.location),
          bytes: 0,
          durationMs: 0,
          contentType: null,
        };
      }
      const buffer = Buffer.from(await response.body.arrayBuffer());
      const durationMs = Math.round(performance.now() - started);
      if (statusCode >= 400) {
        const retryable = statusCode >= 500 || statusCode === 408;
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
        url: url.href,
        status: statusCode,
        body: buffer.toString("utf8"),
        bytes: buffer.byteLength,
        durationMs,
        contentType: typeof contentType === "string" ? contentType : null,
      };
    } catch (error) {
      throw toFetchError(error, url.href, maxBytes);
    }
  }

  async function fetchFollowing(start: URL): Promise<FetchResult> {
    let url = start;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const result = await requestOnce(url);
      if (result.status < 300 || result.status >= 400) return result;
      const next = new URL(result.body, url);
      // Redirects stay on the configured host: anything else could point the scraper at an internal address.
      if (next.origin !== base.origin) {
        throw new FetchError(
          "REDIRECT_REFUSED",
          `redirect from ${url.href} to ${next.origin} refused`,
          url.href,
          result.status,
        );
      }
      url = next;
    }
    throw new FetchError(
      "REDIRECT_REFUSED",
      `more than ${MAX_REDIRECTS} redirects from ${start.href}`,
      start.href,
    );
  }

  return {
    async fetchText(pathOrUrl) {
      const url = new URL(pathOrUrl, base);
      if (url.origin !== base.origin) {
        throw new FetchError("BAD_URL", `${url.href} is not on ${base.origin}`, url.href);
      }
      return pRetry(
        async () => {
          try {
            return await fetchFollowing(url);
          } catch (error) {
            if (error instanceof FetchError && !error.retryable) throw new AbortError(error);
            throw error;
          }
        },
        {
          retries: Math.max(0, (options.attempts ?? 3) - 1),
          minTimeout: options.retryDelayMs ?? 1_000,
          factor: 2,
          randomize: true,
        },
      );
    },
    get requestsMade() {
      return requestsMade;
    },
    close: () => dispatcher.close(),
  };
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

function toFetchError(error: unknown, url: string, maxBytes: number): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return new FetchError("TIMEOUT", `timed out waiting for ${url}`, url, null, true);
  }
  if (error instanceof undiciErrors.ResponseExceededMaxSizeError) {
    return new FetchError("TOO_LARGE", `response from ${url} exceeds ${maxBytes} bytes`, url);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError("NETWORK", `network error for ${url}: ${message}`, url, null, true);
}
