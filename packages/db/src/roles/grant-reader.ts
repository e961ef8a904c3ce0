import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbHandle } from "../create-db.ts";
import { selectRows } from "../rows.ts";
import type { DbOrTx } from "../types.ts";
import { checkReaderPassword, checkRoleName } from "./reader-names.ts";
import { scramVerifier, scramVerifierPattern } from "./scram-verifier.ts";

/** Paperpulse's tables live in Postgres' default schema. */
const schemaName = "public";
// Marks the roles this command made, so that it never turns someone else's role (the dashboard's own, say) into a
// reader or resets its password.
const marker = "Paperpulse read-only role (pnpm scrape grant-reader)";
// Two invocations at once would race between looking the role up and creating it.
const lockKey = 7_240_631_902;
// Every privilege on a table but SELECT, and what they would allow.
const writePrivileges = "INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER";

export type GrantReaderResult = {
  role: string;
  created: boolean;
  database: string;
  schema: string;
  /** The tables (and views) it may read now. */
  tables: string[];
  /** Whose future tables it may read too: the user that applies the migrations. */
  futureTablesOf: string;
  /** Only when none was given: shown once, stored nowhere but as its verifier in Postgres. */
  password?: string;
  /** A connection URL for the role, without the password. */
  url: string;
};

export type GrantReaderErrorCode =
  | "EMBEDDED"
  | "BAD_ROLE_NAME"
  | "BAD_PASSWORD"
  | "OWN_ROLE"
  | "ROLE_NOT_MANAGED"
  | "NOT_PERMITTED"
  | "NOT_READ_ONLY";

export class GrantReaderError extends Error {
  constructor(
    readonly code: GrantReaderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GrantReaderError";
  }
}

/**
 * Creates, or brings up to date, a LOGIN role that may read every table of the schema and nothing else, including
 * the tables later migrations add. One transaction: it is checked before committing that the role can write
 * nowhere (no write privilege on any table, no CREATE on the schema, not a superuser, nothing inherited), and
 * nothing changes when it could.
 */
export async function grantReader(
  handle: DbHandle,
  options: { role: string; password?: string | undefined },
): Promise<GrantReaderResult> {
  if (handle.kind !== "postgres" || !handle.url) {
    throw new GrantReaderError("EMBEDDED", "read-only roles need a Postgres server (DATABASE_URL)");
  }
  const { role } = options;
  const badName = checkRoleName(role);
  if (badName) throw new GrantReaderError("BAD_ROLE_NAME", `role name ${JSON.stringify(role)} ${badName}`);
  const password = options.password ?? randomBytes(24).toString("base64url");
  const badPassword = checkReaderPassword(password);
  if (badPassword) throw new GrantReaderError("BAD_PASSWORD", `the password ${badPassword}`);
  const verifier = scramVerifier(password);
  if (!scramVerifierPattern.test(verifier)) throw new Error("unexpected SCRAM verifier shape");

  const result = await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
    const [me] = await selectRows<{ user: string; database: string; createrole: boolean }>(
      tx,
      sql`select current_user as "user", current_database() as database,
            (select rolcreaterole or rolsuper from pg_roles where rolname = current_user) as createrole`,
    );
    if (!me) throw new Error("the server did not say who is connected");
    if (role === me.user) {
      throw new GrantReaderError(
        "OWN_ROLE",
        `${role} is the role this command connects as: choose another name`,
      );
    }
    const [existing] = await selectRows<{ comment: string | null }>(
      tx,
      sql`select shobj_description(oid, 'pg_authid') as comment from pg_roles where rolname = ${role}`,
    );
    if (existing && existing.comment !== marker) {
      throw new GrantReaderError(
        "ROLE_NOT_MANAGED",
        `a role ${role} already exists and was not made by grant-reader: choose another name (it is left unchanged)`,
      );
    }
    const who = sql.identifier(role);
    const secret = sql.raw(`'${verifier}'`);
    await permitted(me, async () => {
      if (existing) {
        await tx.execute(sql`alter role ${who} with login password ${secret}`);
      } else {
        await tx.execute(
          sql`create role ${who} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit password ${secret}`,
        );
        await tx.execute(sql`comment on role ${who} is ${sql.raw(`'${marker}'`)}`);
      }
      const schema = sql.identifier(schemaName);
      await tx.execute(sql`grant connect on database ${sql.identifier(me.database)} to ${who}`);
      await tx.execute(sql`grant usage on schema ${schema} to ${who}`);
      // A clean slate, then SELECT: whatever else was granted to it since is taken back.
      await tx.execute(sql`revoke all on all tables in schema ${schema} from ${who}`);
      await tx.execute(sql`grant select on all tables in schema ${schema} to ${who}`);
      await tx.execute(sql`alter default privileges in schema ${schema} grant select on tables to ${who}`);
    });
    const tables = await checkReadOnly(tx, role);
    return { created: !existing, database: me.database, futureTablesOf: me.user, tables };
  });
  return {
    role,
    ...result,
    schema: schemaName,
    ...(options.password === undefined ? { password } : {}),
    url: readerUrl(handle.url, role),
  };
}

/** Runs the role statements, turning "permission denied" into what the connecting user lacks. */
async function permitted(
  me: { user: string; createrole: boolean },
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (sqlState(error) !== "42501") throw error;
    throw new GrantReaderError(
      "NOT_PERMITTED",
      `${me.user} may not ${me.createrole ? "grant these privileges" : "create roles (it needs CREATEROLE)"}: ` +
        `run this command with the DATABASE_URL of the tables' owner, holding CREATEROLE (${innermostMessage(error)})`,
    );
  }
}

/** The tables the role reads; throws, naming each, when it could change anything. */
async function checkReadOnly(tx: DbOrTx, role: string): Promise<string[]> {
  const tables = await selectRows<{ name: string; reads: boolean; writes: boolean }>(
    tx,
    sql`select c.relname as name,
          has_table_privilege(${role}, c.oid, 'SELECT') as reads,
          has_table_privilege(${role}, c.oid, ${writePrivileges}) as writes
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schemaName} and c.relkind in ('r', 'p', 'v', 'm', 'f')
        order by c.relname`,
  );
  const [powers] = await selectRows<{
    superuser: boolean;
    create_in_schema: boolean;
    create_schemas: boolean;
  }>(
    tx,
    sql`select r.rolsuper as superuser,
          has_schema_privilege(${role}, ${schemaName}, 'CREATE') as create_in_schema,
          has_database_privilege(${role}, current_database(), 'CREATE') as create_schemas
        from pg_roles r where r.rolname = ${role}`,
  );
  const problems = [
    ...(powers?.superuser ? ["it is a superuser"] : []),
    ...(powers?.create_in_schema
      ? [
          `it may create tables in schema ${schemaName} (granted to every role by default before Postgres 15: ` +
            `the schema's owner can run REVOKE CREATE ON SCHEMA ${schemaName} FROM PUBLIC)`,
        ]
      : []),
    ...(powers?.create_schemas ? ["it may create schemas in the database"] : []),
    ...tables
      .filter((t) => t.writes)
      .map((t) => `it may change table ${t.name} (through a role it belongs to?)`),
    ...tables.filter((t) => !t.reads).map((t) => `it cannot read table ${t.name}`),
  ];
  if (problems.length > 0) {
    throw new GrantReaderError(
      "NOT_READ_ONLY",
      `${role} would not be read-only, so nothing was changed: ${problems.join("; ")}`,
    );
  }
  return tables.map((t) => t.name);
}

function readerUrl(url: string, role: string): string {
  const reader = new URL(url);
  reader.username = role;
  reader.password = "";
  reader.search = "";
  return reader.toString();
}

function sqlState(error: unknown): unknown {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (!(current.cause instanceof Error)) return current.message;
  }
  return String(error);
}
