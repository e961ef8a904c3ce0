import { once } from "node:events";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { DbHandle } from "../create-db.ts";

/**
 * What backup and restore need of a connection, on either engine: plain statements, and COPY in the text format
 * both engines share (one row per line, so rows pass through without being parsed).
 */
export type Session = {
  query: <T>(statement: string) => Promise<T[]>;
  /** COPY rows (text format lines, without their newlines) into a table. */
  copyIn: (table: string, columns: string, lines: string[]) => Promise<void>;
  /** The rows of a table, as COPY's text format lines, in batches. */
  copyOut: (table: string, columns: string) => AsyncIterable<string[]>;
};

/**
 * Runs `work` in one transaction: a restore that fails half way leaves the database as it was. `readOnly` takes a
 * snapshot (repeatable read) so that every table of a backup is read as of one moment while writers go on.
 *
 * On Postgres this is a connection of its own through node-postgres, whose COPY streams (pg-copy-streams) report
 * a COPY the server refuses (a broken foreign key, a full disk) as an error of the stream.
 */
export async function inTransaction<T>(
  handle: Pick<DbHandle, "kind" | "db" | "url">,
  work: (session: Session) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  if (handle.kind === "pglite") {
    // PGlite runs one statement at a time in this process: nothing else writes while the transaction is open.
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    return client.transaction((tx) => work(pgliteSession(tx)));
  }
  if (!handle.url) throw new Error("a Postgres handle without its URL");
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    await client.query(options.readOnly ? "begin isolation level repeatable read read only" : "begin");
    const result = await work(postgresSession(client));
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const batchLines = 20_000;

/** A session on PGlite itself (no other process can write to it) or on one of its transactions. */
export function pgliteSession(tx: PGlite | Transaction): Session {
  return {
    query: async <T>(statement: string) => (await tx.query<T>(statement)).rows,
    copyIn: async (table, columns, lines) => {
      if (lines.length === 0) return;
      const blob = new Blob([`${lines.join("\n")}\n`]);
      await tx.query(`copy ${table} (${columns}) from '/dev/blob'`, [], { blob });
    },
    copyOut: (table, columns) => ({
      async *[Symbol.asyncIterator]() {
        const result = await tx.query(`copy ${table} (${columns}) to '/dev/blob'`);
        const text = result.blob ? await result.blob.text() : "";
        const lines = text === "" ? [] : text.slice(0, -1).split("\n");
        for (let start = 0; start < lines.length; start += batchLines) {
          yield lines.slice(start, start + batchLines);
        }
      },
    }),
  };
}

function postgresSession(client: pg.Client): Session {
  return {
    query: async <T>(statement: string) => (await client.query(statement)).rows as T[],
    copyIn: async (table, columns, lines) => {
      if (lines.length === 0) return;
      const stream = client.query(copyFrom(`copy ${table} (${columns}) from stdin`));
      stream.end(`${lines.join("\n")}\n`);
      await once(stream, "finish");
    },
    copyOut: (table, columns) => ({
      async *[Symbol.asyncIterator]() {
        yield* splitLines(client.query(copyTo(`copy ${table} (${columns}) to stdout`)));
      },
    }),
  };
}

/** Text chunks (which may end mid-line) as batches of whole lines. */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>): AsyncIterable<string[]> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    const end = text.lastIndexOf("\n");
    if (end < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(end + 1);
    yield text.slice(0, end).split("\n");
  }
  rest += decoder.decode();
  if (rest !== "") yield [rest];
}
