import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The CLI's entry, for tests that run `pnpm scrape …` as a process of its own. */
export const cliPath = join(dirname(fileURLToPath(import.meta.url)), "..", "cli.ts");

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

export type CliResult = {
  code: number;
  stdout: string;
  stderr: string;
  last: Record<string, unknown> | undefined;
};

/** Runs `pnpm scrape ARGS` as a process of its own; `last` is its last stdout line read as JSON (the --json summary). */
export function runCliProcess(env: NodeJS.ProcessEnv, args: string[], timeoutMs: number): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", cliPath, ...args],
      { env, timeout: timeoutMs },
      (error, stdout, stderr) => {
        let last: Record<string, unknown> | undefined;
        try {
          last = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
        } catch {
          last = undefined;
        }
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, last });
      },
    );
  });
}
