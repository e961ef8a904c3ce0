import { parseScraperEnv, type ScraperEnv } from "../config/env.ts";

/** The limits every fetcher of the process starts from; each is set in the environment (config/env.ts). */
export type PolitenessConfig = {
  /** Page loads per 5 minutes and origin; Hugging Face allows 100 per IP without an account. */
  pageLoads: number;
  /** API calls per 5 minutes and origin; Hugging Face allows 500 per IP without an account. */
  apiCalls: number;
  /** Time allowed for the response headers, and between two body chunks. */
  timeoutMs: number;
  /** Bodies larger than this are aborted as they arrive. */
  maxBytes: number;
  /** Attempts per URL for network errors, timeouts, 408, 429 and 5xx. */
  attempts: number;
  /** Longest wait the server may impose before the run stops as rate-limited. */
  maxWaitMs: number;
};

type PolitenessEnv = Pick<
  ScraperEnv,
  | "PAPERPULSE_PAGE_LOADS_PER_5MIN"
  | "PAPERPULSE_API_CALLS_PER_5MIN"
  | "PAPERPULSE_TIMEOUT_SECONDS"
  | "PAPERPULSE_MAX_RESPONSE_MB"
  | "PAPERPULSE_ATTEMPTS"
  | "PAPERPULSE_MAX_WAIT_SECONDS"
>;

/** The politeness limits of parsed variables, in the units the fetcher counts in. */
export function loadPolitenessConfig(env: PolitenessEnv): PolitenessConfig {
  return {
    pageLoads: env.PAPERPULSE_PAGE_LOADS_PER_5MIN,
    apiCalls: env.PAPERPULSE_API_CALLS_PER_5MIN,
    timeoutMs: env.PAPERPULSE_TIMEOUT_SECONDS * 1000,
    maxBytes: env.PAPERPULSE_MAX_RESPONSE_MB * 1024 * 1024,
    attempts: env.PAPERPULSE_ATTEMPTS,
    maxWaitMs: env.PAPERPULSE_MAX_WAIT_SECONDS * 1000,
  };
}

/** The limits of an environment that sets none: what a fetcher given no limits uses. */
export const DEFAULT_POLITENESS: PolitenessConfig = loadPolitenessConfig(parseScraperEnv({}));
