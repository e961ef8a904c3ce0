import { checkReaderPassword, checkRoleName } from "@paperpulse/db";
import type { ScraperEnv } from "../config/env.ts";
import { UsageError } from "../usage-error.ts";

export type GrantReaderCommand = {
  name: "grant-reader";
  role: string;
  password: string | undefined;
  /** With --json a generated password is printed in the summary object only, not in the text on stderr too. */
  json: boolean;
};

/**
 * `grant-reader ROLE [--password-env VAR]`: everything checked before the database opens, the mode included, since
 * an embedded database has no roles to grant (and its folder would be locked for nothing).
 */
export function parseGrantReaderCommand(
  args: readonly string[],
  options: { passwordEnv: string | undefined; json: boolean },
  env: Pick<ScraperEnv, "DATABASE_URL">,
  readVariable: (name: string) => string | undefined,
): GrantReaderCommand {
  if (env.DATABASE_URL === undefined) {
    throw new UsageError(
      "grant-reader creates a role on a Postgres server, and DATABASE_URL is not set: the embedded database has " +
        "no roles and admits one process at a time. To read its data from a notebook, export it with " +
        "`pnpm scrape export-all DIR` and read the files",
    );
  }
  const [role, ...rest] = args;
  if (role === undefined) throw new UsageError("grant-reader needs a ROLE name");
  if (rest.length > 0) throw new UsageError(`grant-reader takes one ROLE, got ${args.length} arguments`);
  const badName = checkRoleName(role);
  if (badName) throw new UsageError(`ROLE ${JSON.stringify(role)} ${badName}`);
  return {
    name: "grant-reader",
    role,
    password: readPassword(options.passwordEnv, readVariable),
    json: options.json,
  };
}

/** The password from the variable --password-env names; undefined (one is generated) without the option. */
function readPassword(
  variable: string | undefined,
  readVariable: (name: string) => string | undefined,
): string | undefined {
  if (variable === undefined) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new UsageError(`--password-env takes a variable name, got ${JSON.stringify(variable)}`);
  }
  const password = readVariable(variable);
  if (password === undefined || password === "")
    throw new UsageError(`--password-env: ${variable} is not set`);
  const bad = checkReaderPassword(password);
  if (bad) throw new UsageError(`--password-env: the password in ${variable} ${bad}`);
  return password;
}
