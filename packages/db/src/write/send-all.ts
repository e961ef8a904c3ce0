import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "../types.ts";

/**
 * Runs statements in order, sending them all before waiting for the first answer: on Postgres the driver
 * pipelines them on the transaction's connection, so a page's dozen writes cost one round trip instead of a dozen
 * (waiting on them one by one left the import idle most of its time). The server still runs them one after the
 * other, each seeing the ones before; when one fails the transaction is aborted and the first error is thrown.
 */
export async function sendAll(tx: DbOrTx, statements: readonly SQL[]): Promise<unknown[]> {
  // drizzle's queries start when awaited: calling then() on each in order hands them to the driver in order.
  const sent = statements.map((statement) => Promise.resolve(tx.execute(statement)));
  const settled = await Promise.allSettled(sent);
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value);
}
