import { listTables } from "../src/backup/list-tables.ts";
import { inTransaction } from "../src/backup/session.ts";
import type { DbHandle } from "../src/create-db.ts";

type Handle = Pick<DbHandle, "kind" | "db" | "url">;

/**
 * The rows of every application table of `from`, as COPY's text format lines: what loading "the very same rows"
 * with COPY starts from, for comparing an import against the fastest way rows get into the same schema.
 */
export async function readAllRows(
  from: Handle,
): Promise<{ table: string; columns: string; lines: string[] }[]> {
  return inTransaction(
    from,
    async (session) => {
      const out: { table: string; columns: string; lines: string[] }[] = [];
      for (const { table, columns } of await listTables(session)) {
        const lines: string[] = [];
        for await (const batch of session.copyOut(table, columns)) lines.push(...batch);
        out.push({ table, columns, lines });
      }
      return out;
    },
    { readOnly: true },
  );
}

/**
 * Loads rows read by readAllRows into `to` (a database of the same schema) with COPY, in one transaction, after
 * emptying its tables; returns how long the COPY statements took.
 */
export async function copyAllRows(
  to: Handle,
  tables: { table: string; columns: string; lines: string[] }[],
): Promise<{ ms: number; rows: number }> {
  return inTransaction(to, async (session) => {
    await session.query(`truncate ${tables.map((t) => t.table).join(", ")}`);
    const start = performance.now();
    let rows = 0;
    for (const { table, columns, lines } of tables) {
      await session.copyIn(table, columns, lines);
      rows += lines.length;
    }
    return { ms: performance.now() - start, rows };
  });
}
