import { z } from "zod";
import { parseVariables } from "./env-error.ts";
import { cronOrOff, oneOf, unsetWhenEmpty, wholeNumber } from "./env-fields.ts";

/**
 * Every environment variable the scraper reads, declared once: its type, default and range, and why. The CLI reads
 * them once, when it starts, and passes each part what it needs; the dashboard composes this shape into its own
 * schema, so a variable both apps read has one declaration. README's environment table documents them.
 */
export const scraperEnvShape = {
  // Postgres server to use; unset means the embedded PGlite database. Never echoed: it may hold a password.
  DATABASE_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  // Folder of the embedded database, and of the raw pages unless PAPERPULSE_RAW_DIR says otherwise.
  PAPERPULSE_DATA_DIR: unsetWhenEmpty(z.string().trim().default("./.data")),
  // Kept raw pages (failed ones, `--record`, conditional-request bodies); default `raw` in the data folder.
  PAPERPULSE_RAW_DIR: unsetWhenEmpty(z.string().trim().optional()),
  // Where live commands and scheduled runs fetch from; `--base-url` overrides it for one command.
  HF_BASE_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .regex(/^https?:\/\//, "must be an http:// or https:// URL")
      .default("https://huggingface.co"),
  ),
  // Loopback and private addresses are refused (a redirect must not reach the machine's neighbours) unless this
  // is 1: a local mirror, or the tests' stand-in for Hugging Face.
  PAPERPULSE_ALLOW_PRIVATE_HOSTS: unsetWhenEmpty(
    oneOf(["1", "0"] as const, "1 (allow loopback and private addresses) or 0")
      .transform((value) => value === "1")
      .default(false),
  ),
  // The browser that renders listing pages Hugging Face moved to client-side rendering; CHROMIUM_PATH, the
  // browser tests' variable, when this one is unset, else /usr/bin/chromium (see defaultChromiumPath).
  PAPERPULSE_CHROMIUM_PATH: unsetWhenEmpty(z.string().trim().optional()),
  CHROMIUM_PATH: unsetWhenEmpty(z.string().trim().optional()),
  // Structured log lines: `json` everywhere, `off` nowhere; unset, servers write them and one-off commands do not.
  PAPERPULSE_LOG: unsetWhenEmpty(oneOf(["json", "off"] as const, '"json" or "off"').optional()),

  // Politeness limits, in each variable's unit. The two budgets' upper bounds are Hugging Face's anonymous
  // quotas per IP and 5 minutes: above them every run would end in 429s.
  PAPERPULSE_PAGE_LOADS_PER_5MIN: unsetWhenEmpty(wholeNumber(1, 100, "Hugging Face allows 100").default(60)),
  PAPERPULSE_API_CALLS_PER_5MIN: unsetWhenEmpty(wholeNumber(1, 500, "Hugging Face allows 500").default(300)),
  // Time allowed for the response headers, and between two body chunks.
  PAPERPULSE_TIMEOUT_SECONDS: unsetWhenEmpty(wholeNumber(1, 300).default(20)),
  // Larger bodies are aborted as they arrive: nothing Hugging Face serves for a listing comes close to 10.
  PAPERPULSE_MAX_RESPONSE_MB: unsetWhenEmpty(wholeNumber(1, 200).default(10)),
  // Tries per URL on network errors, timeouts, 408, 429 and 5xx.
  PAPERPULSE_ATTEMPTS: unsetWhenEmpty(wholeNumber(1, 10).default(3)),
  // Longest wait a server may demand (Retry-After, RateLimit, Crawl-delay) before the run stops as RATE_LIMITED.
  PAPERPULSE_MAX_WAIT_SECONDS: unsetWhenEmpty(wholeNumber(0, 3600).default(120)),

  // The schedule (UTC). Anything but `off` leaves scheduling on.
  PAPERPULSE_SCHEDULE: unsetWhenEmpty(
    z
      .string()
      .transform((value) => value.trim().toLowerCase() !== "off")
      .default(true),
  ),
  // Minutes off the hour, so the load does not land on :00 with everyone else's crons; `off` drops the job.
  PAPERPULSE_SCHEDULE_REFRESH: unsetWhenEmpty(cronOrOff().default("7 * * * *")),
  // Yesterday's final capture, the current week's and month's listings, once upvotes have mostly settled.
  PAPERPULSE_SCHEDULE_DAILY: unsetWhenEmpty(cronOrOff().default("35 0 * * *")),
  // Off unless asked: one more request each time, for a listing with no day of its own.
  PAPERPULSE_SCHEDULE_TRENDING: unsetWhenEmpty(cronOrOff().default(null)),
  // Upvotes settle over about two weeks: the hourly refresh re-captures this many recent days.
  PAPERPULSE_REFRESH_DAYS: unsetWhenEmpty(wholeNumber(1, 60).default(14)),
  // The API takes a day's listing in one request and carries every field; listing pages are the fallback.
  PAPERPULSE_SCHEDULE_SOURCE: unsetWhenEmpty(oneOf(["api", "page"] as const, "api or page").default("api")),
};

export const scraperEnvSchema = z.object(scraperEnvShape);

/** The scraper's variables, parsed: numbers in their variable's unit, flags as booleans, `off` jobs as null. */
export type ScraperEnv = z.output<typeof scraperEnvSchema>;

/** Parses the scraper's variables from a record (the process's environment, or a test's). */
export function parseScraperEnv(source: Record<string, string | undefined>): ScraperEnv {
  return parseVariables(scraperEnvSchema, source);
}

let parsed: ScraperEnv | undefined;

/**
 * The process's variables, parsed on the first call and kept: the environment does not change while the process
 * runs. The one place the scraper reads process.env (but for a variable the user names, below).
 */
export function readScraperEnv(source: Record<string, string | undefined> = process.env): ScraperEnv {
  parsed ??= parseScraperEnv(source);
  return parsed;
}

/**
 * A variable whose name the user gives on the command line (`grant-reader --password-env VAR`): it cannot be
 * declared above, and it is read only when asked for.
 */
export function readNamedVariable(name: string): string | undefined {
  return process.env[name];
}
