import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { createDb, type DbHandle } from "../src/create-db.ts";
import type { Db } from "../src/types.ts";
import { describeWhen } from "./gate.ts";

export type TestDatabase = { kind: "pglite" | "postgres"; open: () => Promise<TestDbHandle> };
export type TestDbHandle = DbHandle & { url?: string };

const serverUrl = process.env.TEST_DATABASE_URL;

/** A fresh in-memory PGlite with the schema applied. */
export function openMemoryDb(): Promise<DbHandle> {
  return createDb({ dataDir: "memory", databaseUrl: undefined });
}

/**
 * A fresh database on the test Postgres server (TEST_DATABASE_URL), migrated and dropped on close, so test files
 * can run side by side without seeing each other's rows.
 */
export async function openServerDb(): Promise<TestDbHandle> {
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `paperpulse_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A describe block that needs the Postgres server CI starts (TEST_DATABASE_URL): said loudly when it is missing. */
export function describeOnServer(name: string, body: () => void): void {
  describeWhen(Boolean(serverUrl), "TEST_DATABASE_URL is not set (no Postgres server)", name, body);
}

export const testDatabases: TestDatabase[] = [
  { kind: "pglite", open: openMemoryDb },
  { kind: "postgres", open: openServerDb },
];

/**
 * Runs the same block against in-memory PGlite and against the Postgres server CI starts. The block gets a
 * function returning the open database (opened once per block: PGlite takes seconds to start), and one returning
 * its URL on Postgres, for tests that open a second connection pool as another process would.
 */
export function describeEachDatabase(
  name: string,
  body: (getDb: () => Db, kind: TestDatabase["kind"], getUrl: () => string | undefined) => void,
): void {
  for (const target of testDatabases) {
    const available = target.kind === "pglite" || Boolean(serverUrl);
    describeWhen(
      available,
      "TEST_DATABASE_URL is not set (no Postgres server)",
      `${name} [${target.kind}]`,
      () => {
        let handle: TestDbHandle | undefined;
        beforeAll(async () => {
          handle = await target.open();
        });
        afterAll(async () => {
          await handle?.close();
        });
        body(
          () => {
            if (!handle) throw new Error("database not open yet");
            return handle.db;
          },
          target.kind,
          () => handle?.url,
        );
      },
    );
  }
}
