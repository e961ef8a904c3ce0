import { execFile } from "node:child_process";
import { cliPath } from "./cli-env.ts";

export type CliResult = {
  code: number;
  stdout: string;
  stderr: string;
  /** The last line of stdout as JSON (the --json summary), when it is JSON. */
  last: Record<string, unknown> | undefined;
};

/** `pnpm scrape ARGS…` as a process of its own, in `env` (see cliEnv), bounded at 90 s. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", cliPath, ...args],
      { env, timeout: 90_000 },
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
