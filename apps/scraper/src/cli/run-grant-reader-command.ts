import { type DbHandle, grantReader } from "@paperpulse/db";
import type { CommandOutput } from "./command-output.ts";
import type { GrantReaderCommand } from "./parse-grant-reader-command.ts";

export async function runGrantReaderCommand(
  handle: DbHandle,
  command: GrantReaderCommand,
): Promise<CommandOutput> {
  const result = await grantReader(handle, { role: command.role, password: command.password });
  const text = [
    `${result.created ? "created" : "updated"} the read-only role ${result.role} on ${handle.location}: ` +
      `SELECT on ${result.tables.length} tables of schema ${result.schema}, and on the tables later migrations ` +
      `add; nothing else`,
    result.password === undefined
      ? "  password: the one in the variable given"
      : command.json
        ? "  password: generated, in the JSON summary (shown this once, kept nowhere)"
        : `  password (shown this once, kept nowhere): ${result.password}`,
    `  connect: psql "${result.url}"   (the password is asked, or read from PGPASSWORD)`,
  ];
  return { exitCode: 0, text, json: result };
}
