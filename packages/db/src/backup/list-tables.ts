import type { Session } from "./session.ts";

/** A table as backups hold it: its quoted name and column list, as COPY takes them. */
export type TableCopy = { table: string; columns: string };

/** Where drizzle records the migrations a database has had: the schema level a backup was taken at. */
export const migrationsTable = "drizzle.__drizzle_migrations";
export const migrationsColumns = "id, hash, created_at";

/**
 * The application's tables (schema public), each after the tables its foreign keys point to, so that loading them
 * in this order never meets a row whose parent is still missing.
 */
export async function listTables(session: Session): Promise<TableCopy[]> {
  const tables = await session.query<{ name: string; quoted: string; columns: string }>(`
    select c.relname as name, quote_ident(c.relname) as quoted,
           string_agg(quote_ident(a.attname), ', ' order by a.attnum) as columns
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     group by c.relname, c.oid
     order by c.relname`);
  const edges = await session.query<{ child: string; parent: string }>(`
    select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const edge of edges) if (edge.child === name) visit(edge.parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const table of tables) visit(table.name, new Set());
  const byName = new Map(tables.map((t) => [t.name, t]));
  return ordered.flatMap((name) => {
    const table = byName.get(name);
    return table ? [{ table: `public.${table.quoted}`, columns: table.columns }] : [];
  });
}

/** The sequences behind serial ids, with where each stands (null: never used). */
export async function listSequences(session: Session): Promise<{ sequence: string; value: number | null }[]> {
  const rows = await session.query<{ name: string; value: string | number | null }>(`
    select quote_ident(sequencename) as name, last_value as value from pg_sequences
     where schemaname = 'public' order by sequencename`);
  return rows.map((row) => ({
    sequence: `public.${row.name}`,
    value: row.value === null ? null : Number(row.value),
  }));
}

/** A table as written in a dump (`public.papers`, `public."Odd"`) as summaries name it: `papers`, `Odd`. */
export function tableKey(name: string): string {
  return name.replaceAll('"', "").replace(/^public\./, "");
}
