import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { ExportColumn, ExportColumnType, ExportValue } from "./export-column.ts";

export type TableRow = Record<string, unknown>;

/** Parquet types of the column kinds the schema uses; a new kind fails here, loudly, rather than export as text. */
const typeOfColumn: Record<string, ExportColumnType> = {
  PgText: "string",
  PgInteger: "int32",
  PgSerial: "int32",
  PgBigSerial53: "int64",
  PgBigInt53: "int64",
  PgDoublePrecision: "double",
  PgBoolean: "boolean",
  PgTimestamp: "timestamp",
  PgDateString: "date",
  PgJsonb: "json",
  PgArray: "string-list",
};

/**
 * Every column of a table as an export column, under its SQL name, read off the rows drizzle's `select()` returns
 * (keyed by property name): what `export-all` writes, so a column added to the schema is exported with no change here.
 */
export function tableExportColumns(table: PgTable): ExportColumn<TableRow>[] {
  return Object.entries(getTableColumns(table)).map(([property, column]) => {
    const type = typeOfColumn[column.columnType];
    if (!type) throw new Error(`no export type for ${column.name} (${column.columnType})`);
    const read =
      type === "json"
        ? (row: TableRow) => (row[property] == null ? null : JSON.stringify(row[property]))
        : (row: TableRow) => (row[property] ?? null) as ExportValue;
    return { header: column.name, type, value: read, nullable: !column.notNull };
  });
}

/** The primary key's columns (with their property names), in key order: the order keyset batches walk. */
export function primaryKeyOf(table: PgTable): { property: string; column: PgColumn }[] {
  const byName = new Map(
    Object.entries(getTableColumns(table)).map(([property, column]) => [column.name, { property, column }]),
  );
  const config = getTableConfig(table);
  // A composite key lists stand-ins of its columns: they are found again by name.
  const single = config.columns.filter((column) => column.primary).map((column) => column.name);
  const names =
    single.length > 0 ? single : (config.primaryKeys[0]?.columns ?? []).map((column) => column.name);
  if (names.length === 0) throw new Error(`table ${config.name} has no primary key to walk`);
  return names.map((name) => {
    const found = byName.get(name);
    if (!found) throw new Error(`table ${config.name} has no column ${name}`);
    return found;
  });
}
