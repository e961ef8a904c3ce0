import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db, DbOrTx } from "../types.ts";

/**
 * Marks that what the views show changed: every write that changes papers, topics or their labels calls it in its
 * own transaction, so a cache keyed on the version is stale exactly when a change has committed. `papersWritten`
 * counts the papers rows the write rewrote, towards the next tidy of an embedded database.
 */
export async function bumpDataVersion(tx: DbOrTx, papersWritten = 0): Promise<void> {
  await tx.execute(bumpDataVersionStatement(papersWritten));
}

export function bumpDataVersionStatement(papersWritten = 0): SQL {
  return sql`update data_state set version = version + 1, changed_at = now(),
    written_since_tidy = written_since_tidy + ${papersWritten} where id = 1`;
}

/** The current data version (0 before the database was first opened by this version of the code). */
export async function getDataVersion(db: Db): Promise<number> {
  const [row] = await selectRows<{ version: number | string }>(
    db,
    sql`select version from data_state where id = 1`,
  );
  return Number(row?.version ?? 0);
}
