import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { refreshAggregates } from "./refresh-aggregates.ts";

/**
 * The definition of the precomputed tables this code maintains. Raise it when refresh-aggregates.ts computes
 * something new or differently: every database is rebuilt once, when this code first opens it.
 */
export const AGGREGATES_VERSION = 1;

/**
 * Rebuilds the precomputed tables from the papers when the database holds none yet (a database filled before they
 * existed) or holds an older definition of them, in one transaction. Called on open, after the migrations (on
 * Postgres under the migration lock, so of several processes starting at once one rebuilds).
 */
export async function ensureAggregates(db: Db): Promise<{ rebuilt: boolean }> {
  const [state] = await selectRows<{ aggregates_version: number }>(
    db,
    sql`select aggregates_version from data_state where id = 1`,
  );
  if (state && Number(state.aggregates_version) >= AGGREGATES_VERSION) return { rebuilt: false };
  await rebuildAggregates(db);
  return { rebuilt: true };
}

/**
 * Recomputes every precomputed table from the papers and moves the data version, in one transaction. Also for rows
 * written without saveCapture (tests seeding tables directly).
 */
export async function rebuildAggregates(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await refreshAggregates(tx, "all");
    await tx.execute(sql`
      insert into data_state (id, version, changed_at, aggregates_version)
      values (1, 1, now(), ${AGGREGATES_VERSION})
      on conflict (id) do update set version = data_state.version + 1, changed_at = now(),
        aggregates_version = excluded.aggregates_version`);
  });
}
