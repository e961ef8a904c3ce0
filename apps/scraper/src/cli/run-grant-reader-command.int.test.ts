import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle, scramVerifier, selectRows } from "@paperpulse/db";
import {
  capturedPaper,
  describeOnServer,
  openServerDb,
  storeFresh,
  type TestDbHandle,
} from "@paperpulse/db/testing";
import { sql as q } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cliEnv } from "../../testing/cli-env.ts";
import { runCli as runCliProcess } from "../../testing/run-cli.ts";

// The read-only role on the real Postgres server: made through the CLI, then used as a notebook would, over its
// own connection. Roles belong to the whole server, not to the test's database: their names are random and they
// are dropped at the end.
describeOnServer("pnpm scrape grant-reader", () => {
  const suffix = randomBytes(4).toString("hex");
  const reader = `reader_${suffix}`;
  const stranger = `someone_${suffix}`;
  const writer = `writer_${suffix}`;
  const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-grant-reader-"));
  let handle: TestDbHandle | undefined;
  let asReader: DbHandle | undefined;
  /** Rows of a statement run as the reader. */
  const read = <T = Record<string, unknown>>(statement: string) => {
    if (!asReader) throw new Error("no reader connection");
    return selectRows<T>(asReader.db, q.raw(statement));
  };
  const owner = () => {
    if (!handle?.url) throw new Error("no test database");
    return handle;
  };

  const runCli = (args: string[], env: Record<string, string> = {}) =>
    runCliProcess(
      [...args, "--json"],
      cliEnv(dataDir, "https://huggingface.invalid", { DATABASE_URL: owner().url ?? "", ...env }),
    );

  /** The verifier Postgres keeps for the role, checked against a password as a login would. */
  const acceptsPassword = async (role: string, password: string) => {
    const [row] = await selectRows<{ rolpassword: string | null }>(
      owner().db,
      q`select rolpassword from pg_authid where rolname = ${role}`,
    );
    const stored = row?.rolpassword ?? "";
    const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored);
    if (!match) return false;
    return scramVerifier(password, Buffer.from(match[2] ?? "", "base64"), Number(match[1])) === stored;
  };
  /** The SQLSTATE a statement run as the reader fails with, however the driver wraps it. */
  const refusal = (statement: string) =>
    read(statement).then(
      () => "allowed",
      (error: unknown) => {
        for (let current = error; current instanceof Error; current = current.cause) {
          const code = (current as { code?: unknown }).code;
          if (typeof code === "string") return code;
        }
        return String(error);
      },
    );

  beforeAll(async () => {
    handle = await openServerDb();
    await storeFresh(handle.db, [
      {
        capturedAt: new Date("2025-10-02T09:00:00Z"),
        listingDate: "2025-10-02",
        papers: [capturedPaper("2510.00001", 3)],
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await asReader?.close();
    // The database first: the roles hold privileges in it until it is dropped.
    await handle?.close();
    const admin = await createDb({ databaseUrl: process.env.TEST_DATABASE_URL, migrate: false });
    for (const role of [reader, stranger, writer])
      await admin.db.execute(q.raw(`drop role if exists ${role}`));
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("makes a login that reads every table and changes nothing", { timeout: 120_000 }, async () => {
    const result = await runCli(["grant-reader", reader]);
    expect(result.code, result.stderr).toBe(0);
    const password = String(result.last?.password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await acceptsPassword(reader, password)).toBe(true);
    // Printed once: in the summary object, not in the text beside it.
    expect(result.stderr).not.toContain(password);
    expect(result.last).toMatchObject({ role: reader, created: true, schema: "public" });

    const url = new URL(owner().url ?? "");
    url.username = reader;
    url.password = password;
    asReader = await createDb({ databaseUrl: url.toString(), migrate: false, maxConnections: 1 });
    expect(await read("select current_user as who")).toEqual([{ who: reader }]);
    const tables = (
      await read<{ tablename: string }>(
        "select tablename from pg_tables where schemaname = 'public' order by 1",
      )
    ).map((row) => row.tablename);
    expect(tables.length).toBeGreaterThan(10);
    expect(result.last?.tables).toEqual(tables);
    for (const table of tables) {
      await expect(read(`select count(*) from "${table}"`), table).resolves.toHaveLength(1);
    }
    expect(await read("select id, upvotes from papers")).toEqual([{ id: "2510.00001", upvotes: 3 }]);

    // 42501: insufficient privilege, whatever the statement tries.
    for (const statement of [
      "insert into topics (slug, label) values ('x', 'X')",
      "update papers set upvotes = 1000",
      "delete from paper_snapshots",
      "truncate scrape_runs cascade",
      "create table mine (id int)",
      "alter table papers add column note text",
      "drop table topics",
      "create schema mine",
      "create index on papers (title)",
    ]) {
      expect(await refusal(statement), statement).toBe("42501");
    }
  });

  it("lets it read the tables later migrations add", async () => {
    await owner().db.execute(q`create table added_later (id int)`);
    await owner().db.execute(q`insert into added_later values (7)`);
    expect(await read("select id from added_later")).toEqual([{ id: 7 }]);
    expect(await refusal("insert into added_later values (8)")).toBe("42501");
    await owner().db.execute(q`drop table added_later`);
  });

  it("runs again to change the password, the role still read-only", { timeout: 120_000 }, async () => {
    const result = await runCli(["grant-reader", reader, "--password-env", "NB_PASSWORD"], {
      NB_PASSWORD: "a new notebook password",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.last).toMatchObject({ role: reader, created: false });
    expect(result.last).not.toHaveProperty("password");
    expect(await acceptsPassword(reader, "a new notebook password")).toBe(true);
    expect(await refusal("delete from papers")).toBe("42501");
    expect(await read("select id from papers")).toHaveLength(1);
  });

  it("refuses to leave it able to write, changing nothing", { timeout: 120_000 }, async () => {
    await owner().db.execute(
      q.raw(`create role ${writer}; grant insert on papers to ${writer}; grant ${writer} to ${reader}`),
    );
    const result = await runCli(["grant-reader", reader, "--password-env", "NB_PASSWORD"], {
      NB_PASSWORD: "changed again",
    });
    expect(result.code).toBe(1);
    expect(result.last).toMatchObject({ code: "NOT_READ_ONLY" });
    expect(String(result.last?.error)).toContain("papers");
    // The transaction rolled back: the password is the one before.
    expect(await acceptsPassword(reader, "a new notebook password")).toBe(true);
    await owner().db.execute(q.raw(`revoke ${writer} from ${reader}`));
  });

  it("refuses a bad name as bad usage, and a role it did not make", { timeout: 120_000 }, async () => {
    for (const name of ["Reader", "pg_reader", "x;drop"]) {
      const result = await runCli(["grant-reader", name]);
      expect(result.code, name).toBe(2);
      expect(result.last).toMatchObject({ code: "USAGE" });
    }
    await owner().db.execute(q.raw(`create role ${stranger} login`));
    const result = await runCli(["grant-reader", stranger]);
    expect(result.code).toBe(1);
    expect(result.last).toMatchObject({ code: "ROLE_NOT_MANAGED" });
    const [row] = await selectRows<{ reads: boolean; no_password: boolean }>(
      owner().db,
      q`select has_table_privilege(${stranger}, 'papers', 'SELECT') as reads, rolpassword is null as no_password
        from pg_authid where rolname = ${stranger}`,
    );
    expect(row).toEqual({ reads: false, no_password: true });
  });

  it("refuses the embedded database, naming the export to use instead", { timeout: 120_000 }, async () => {
    const result = await runCli(["grant-reader", reader], { DATABASE_URL: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("pnpm scrape export-all DIR");
  });
});
