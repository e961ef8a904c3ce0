import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

/** A drizzle database on either driver; query functions take it first: `getX(db, params)`. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction or a database: write helpers accept either. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;
