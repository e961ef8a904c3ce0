import { EnvError, parseVariables, scraperEnvShape, unsetWhenEmpty } from "@paperpulse/scraper";
import { z } from "zod";

export { EnvError };

/**
 * The dashboard's environment: the scraper's variables (the database, the site scraped, the schedule, politeness
 * limits, raw pages, logging: declared once, in the scraper, since scheduled runs and "Run now" run here) and the
 * server's own. The one module of the dashboard that reads process.env, but for the framework's NEXT_RUNTIME,
 * NEXT_PHASE and NODE_ENV, which Next sets and its bundler inlines.
 */
export const envSchema = z.object({
  ...scraperEnvShape,
  PORT: unsetWhenEmpty(z.coerce.number().int().min(1).max(65_535).default(3000)),
  // The address the server listens on: loopback unless the operator opens it (0.0.0.0, ::, or one address).
  HOST: unsetWhenEmpty(z.string().default("127.0.0.1")),
  // Host names (or addresses) state-changing requests may be addressed to, comma-separated; default: the loopback
  // names and HOST. A DNS-rebinding page reaches the server under its own name, which is not on the list.
  PAPERPULSE_ALLOWED_HOSTS: unsetWhenEmpty(
    z
      .string()
      .transform((value) => value.split(",").map((host) => host.trim().toLowerCase()))
      .transform((hosts) => hosts.filter((host) => host !== ""))
      .optional(),
  ),
  // Set when one reverse proxy stands in front: clients are then told by the address it appends to
  // X-Forwarded-For, and the dashboard counts as reachable beyond loopback.
  PAPERPULSE_TRUST_PROXY: unsetWhenEmpty(
    z
      .enum(["1", "true", "yes", "on", "0", "false", "no", "off"], {
        error: "must be 1/true/yes/on or 0/false/no/off",
      })
      .transform((value) => ["1", "true", "yes", "on"].includes(value))
      .default(false),
  ),
  // Required for "Run now" in server mode (and honoured in embedded mode when set). Never echoed.
  PAPERPULSE_ADMIN_TOKEN: unsetWhenEmpty(z.string().min(16, "must be at least 16 characters").optional()),
  // Postgres: a dashboard query running longer is cancelled and answered with 503, not left to hang.
  PAPERPULSE_STATEMENT_TIMEOUT_SECONDS: unsetWhenEmpty(z.coerce.number().int().min(1).max(3600).default(15)),
  // Postgres connections of this process: views, exports and runs started here share them.
  PAPERPULSE_DB_POOL_SIZE: unsetWhenEmpty(z.coerce.number().int().min(2).max(100).default(10)),
  // Exports streaming at once in this process (papers, snapshots); more get 429. Default: 2 embedded, 4 server.
  PAPERPULSE_MAX_EXPORTS: unsetWhenEmpty(z.coerce.number().int().min(1).max(100).optional()),
  // Memory for rendered views kept until the data changes (server/page-cache.ts); 0 turns the cache off.
  PAPERPULSE_PAGE_CACHE_MB: unsetWhenEmpty(z.coerce.number().int().min(0).max(4096).default(64)),
});

export type Env = z.infer<typeof envSchema>;

/** Validates the dashboard's environment. Secrets are never echoed back: DATABASE_URL may hold a password. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseVariables(envSchema, source);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
