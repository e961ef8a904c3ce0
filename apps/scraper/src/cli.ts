#!/usr/bin/env -S npx tsx
import { dbTargetOf } from "./cli/db-target.ts";
import { parseCommand, USAGE } from "./cli/parse-command.ts";
import { readScraperEnv } from "./config/env.ts";
import { FetchError } from "./fetch/errors.ts";
import { UsageError } from "./usage-error.ts";

/** `pnpm scrape …`: exit 0 on success, 1 on a failed (or partial) run, 2 on bad usage. */
async function main(argv: string[]): Promise<number> {
  let json = argv.includes("--json");
  try {
    // Read and checked once, before anything opens the database: a bad variable is a mistake in the invocation.
    const env = readScraperEnv();
    const parsed = parseCommand(argv, env);
    json = parsed.json;
    if (parsed.command.name === "help") {
      console.log(USAGE);
      return 0;
    }
    // Loaded only now: the database drivers and the browser take seconds to load, and bad usage should not wait.
    const { runCommand } = await import("./cli/run-command.ts");
    // A one-off command prints its own summary; the scheduler is a server and logs like one.
    const { configureLogging } = await import("./log/logger.ts");
    configureLogging(env.PAPERPULSE_LOG, parsed.command.name === "schedule");
    const output = await runCommand(parsed.command, dbTargetOf(env));
    const print = json ? console.error : console.log;
    for (const line of output.text) print(line);
    if (json) console.log(JSON.stringify(output.json));
    return output.exitCode;
  } catch (error) {
    // A base URL that is no http(s) URL is a mistake in the invocation, not a failed run.
    const usage = error instanceof UsageError || (error instanceof FetchError && error.code === "BAD_URL");
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    console.error(usage ? `paperpulse scrape: ${message}` : `paperpulse scrape failed: ${message}`);
    const activeRunId = code === "RUN_ACTIVE" ? (error as { run?: { id?: number } }).run?.id : undefined;
    if (json) {
      console.log(
        JSON.stringify({ error: message, code: typeof code === "string" ? code : "ERROR", activeRunId }),
      );
    }
    return usage ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
