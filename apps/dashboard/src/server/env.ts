import { z } from "zod";

// Unset and empty mean the same thing: `PORT= pnpm start` should not fail validation.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

export const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(1).max(65_535).default(3000)),
  // The address the server listens on: loopback unless the operator opens it (0.0.0.0, ::, or one address).
  HOST: optional(z.string().default("127.0.0.1")),
  // Host names (or addresses) state-changing requests may be addressed to, comma-separated; default: the loopback
  // names and HOST. A DNS-rebinding page reaches the server under its own name, which is not on the list.
  PAPERPULSE_ALLOWED_HOSTS: optional(
    z
      .string()
      .transform((value) => value.split(",").map((host) => host.trim().toLowerCase()))
      .transform((hosts) => hosts.filter((host) => host !== ""))
      .optional(),
  ),
  // Set when one reverse proxy stands in front: clients are then told by the address it appends to
  // X-Forwarded-For, and the dashboard counts as reachable beyond loopback.
  PAPERPULSE_TRUST_PROXY: optional(
    z
      .enum(["1", "true", "yes", "on", "0", "false", "no", "off"], {
        error: "must be 1/true/yes/on or 0/false/no/off",
      })
      .transform((value) => ["1", "true", "yes", "on"].includes(value))
      .default(false),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  PAPERPULSE_DATA_DIR: optional(z.string().default("./.data")),
  // Where scheduled and manual runs fetch from; the scraper itself refuses internal addresses unless allowed.
  HF_BASE_URL: optional(
    z
      .string()
      .regex(/^https?:\/\//, "must be an http:// or https:// URL")
      .default("https://huggingface.co"),
  ),
  // Required for "Run now" in server mode (and honoured in embedded mode when set). Never echoed.
  PAPERPULSE_ADMIN_TOKEN: optional(z.string().min(16, "must be at least 16 characters").optional()),
  // Postgres: a dashboard query running longer is cancelled and answered with 503, not left to hang.
  PAPERPULSE_STATEMENT_TIMEOUT_SECONDS: optional(z.coerce.number().int().min(1).max(3600).default(15)),
  // Postgres connections of this process: views, exports and runs started here share them.
  PAPERPULSE_DB_POOL_SIZE: optional(z.coerce.number().int().min(2).max(100).default(10)),
  // Exports streaming at once in this process (papers, snapshots); more get 429. Default: 2 embedded, 4 server.
  PAPERPULSE_MAX_EXPORTS: optional(z.coerce.number().int().min(1).max(100).optional()),
  // Memory for rendered views kept until the data changes (server/page-cache.ts); 0 turns the cache off.
  PAPERPULSE_PAGE_CACHE_MB: optional(z.coerce.number().int().min(0).max(4096).default(64)),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  readonly code = "INVALID_ENV";
  constructor(readonly issues: string[]) {
    super(`Invalid environment: ${issues.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Validates the dashboard's environment. Values are never echoed back: DATABASE_URL may hold a password. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
