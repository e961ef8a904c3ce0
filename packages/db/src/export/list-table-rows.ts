import { asc, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../types.ts";
import { primaryKeyOf, type TableRow } from "./table-columns.ts";

// Key values are compared as the column's type; a serial key is an integer once stored.
const castOf = (sqlType: string) => sqlType.replace(/^bigserial$/, "bigint").replace(/^serial$/, "integer");

/**
 * Every row of a table in primary-key order, in keyset batches (`(key) > (last key)` through the key's index), so
 * a table of millions of rows is read in the memory of one batch and each batch costs what the first did.
 */
export async function* listTableRows(
  db: DbOrTx,
  table: PgTable,
  options: { batchSize?: number } = {},
): AsyncGenerator<TableRow[]> {
  const batchSize = options.batchSize ?? 20_000;
  const key = primaryKeyOf(table);
  const keyColumns = sql.join(
    key.map(({ column }) => sql`${column}`),
    sql`, `,
  );
  let after: unknown[] | undefined;
  for (;;) {
    const where: SQL | undefined = after
      ? sql`(${keyColumns}) > (${sql.join(
          key.map(({ column }, i) => sql`${after?.[i]}::${sql.raw(castOf(column.getSQLType()))}`),
          sql`, `,
        )})`
      : undefined;
    const rows = (await db
      .select()
      .from(table)
      .where(where)
      .orderBy(...key.map(({ column }) => asc(column)))
      .limit(batchSize)) as TableRow[];
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = key.map(({ property }) => last[property]);
  }
}
