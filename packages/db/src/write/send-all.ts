import { is, type SQL } from "drizzle-orm";
import { PostgresJsSession } from "drizzle-orm/postgres-js";
import type { DbOrTx } from "../types.ts";

/**
 * Runs statements in order, sending them all before waiting for the first answer: on Postgres the driver
 * pipelines them on the transaction's connection, so a page's writes cost one round trip instead of a dozen
 * (waiting on them one by one left the import idle most of its time). The server still runs them one after the
 * other, each seeing the ones before; when one fails the transaction is aborted and the first error is thrown.
 *
 * On Postgres the statements are also prepared: their text is the same for every page (rows travel as JSON
 * parameters), so the server parses each once per connection instead of once per page.
 */
export async function sendAll(tx: DbOrTx, statements: readonly SQL[]): Promise<unknown[]> {
  const run = preparedRunner(tx) ?? ((statement: SQL) => Promise.resolve(tx.execute(statement)));
  // drizzle's queries start when awaited: calling then() on each in order hands them to the driver in order.
  const sent = statements.map(run);
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value);
}

const plannedEachTime = new WeakSet<SQL>();

/**
 * Marks a statement to be planned for its own parameters each time instead of prepared: a prepared statement's
 * plan is made once per connection, and a lookup first planned while its table was nearly empty keeps scanning
 * the whole table after it has grown (during an import into a fresh database, every page).
 */
export function planEachTime(statement: SQL): SQL {
  plannedEachTime.add(statement);
  return statement;
}

type PostgresJsClient = {
  unsafe: (query: string, params: unknown[], options: { prepare: boolean }) => PromiseLike<unknown>;
};

/** Runs a statement as a named prepared statement through postgres.js, when that is the driver underneath. */
function preparedRunner(tx: DbOrTx): ((statement: SQL) => Promise<unknown>) | null {
  const session = (tx as unknown as { session?: unknown }).session;
  if (!is(session, PostgresJsSession)) return null;
  const { client, dialect } = session as unknown as {
    client: PostgresJsClient;
    dialect: { sqlToQuery: (statement: SQL) => { sql: string; params: unknown[] } };
  };
  return (statement) => {
    const query = dialect.sqlToQuery(statement);
    const prepare = !plannedEachTime.has(statement);
    return Promise.resolve(client.unsafe(query.sql, query.params, { prepare }));
  };
}
