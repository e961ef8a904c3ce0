import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI's entry, for tests that run `pnpm scrape …` as a process of its own. */
export const cliPath = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "cli.ts");

/**
 * The environment of a CLI process under test: an embedded database in `dataDir` (never a DATABASE_URL the test
 * runner happens to have), the local stand-in for Hugging Face, which lives on loopback and so must be allowed.
 */
export function cliEnv(
  dataDir: string,
  baseUrl: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: "",
    PAPERPULSE_DATA_DIR: dataDir,
    HF_BASE_URL: baseUrl,
    PAPERPULSE_ALLOW_PRIVATE_HOSTS: "1",
    ...extra,
  };
}
