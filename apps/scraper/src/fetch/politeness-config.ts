import { UsageError } from "../usage-error.ts";

/** The limits every fetcher of the process starts from; each can be set in the environment. */
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

type Setting = {
  key: keyof PolitenessConfig;
  variable: string;
  fallback: number;
  min: number;
  max: number;
  /** Multiplier from the variable's unit to the config's. */
  unit: number;
  why?: string;
};

// The upper bounds of the two budgets are Hugging Face's anonymous quotas: above them every run would end in 429s.
const SETTINGS: Setting[] = [
  {
    key: "pageLoads",
    variable: "PAPERPULSE_PAGE_LOADS_PER_5MIN",
    fallback: 60,
    min: 1,
    max: 100,
    unit: 1,
    why: "Hugging Face allows 100",
  },
  {
    key: "apiCalls",
    variable: "PAPERPULSE_API_CALLS_PER_5MIN",
    fallback: 300,
    min: 1,
    max: 500,
    unit: 1,
    why: "Hugging Face allows 500",
  },
  { key: "timeoutMs", variable: "PAPERPULSE_TIMEOUT_SECONDS", fallback: 20, min: 1, max: 300, unit: 1000 },
  {
    key: "maxBytes",
    variable: "PAPERPULSE_MAX_RESPONSE_MB",
    fallback: 10,
    min: 1,
    max: 200,
    unit: 1024 * 1024,
  },
  { key: "attempts", variable: "PAPERPULSE_ATTEMPTS", fallback: 3, min: 1, max: 10, unit: 1 },
  { key: "maxWaitMs", variable: "PAPERPULSE_MAX_WAIT_SECONDS", fallback: 120, min: 0, max: 3600, unit: 1000 },
];

/** Reads the politeness limits from the environment; a bad value is refused with the variable's name and range. */
export function loadPolitenessConfig(env: NodeJS.ProcessEnv = process.env): PolitenessConfig {
  const config = {} as PolitenessConfig;
  for (const setting of SETTINGS) {
    const raw = env[setting.variable]?.trim() || String(setting.fallback);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < setting.min || value > setting.max) {
      const range = `a whole number from ${setting.min} to ${setting.max}${setting.why ? ` (${setting.why})` : ""}`;
      throw new UsageError(`${setting.variable} must be ${range}, got ${JSON.stringify(raw)}`);
    }
    config[setting.key] = value * setting.unit;
  }
  return config;
}
