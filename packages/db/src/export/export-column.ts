/**
 * What a column of an export holds, as Parquet types it: ids and text as strings, counts as 32- or 64-bit integers,
 * instants as UTC timestamps (milliseconds), days as dates, lists of text as lists. CSV writes the same values as
 * text.
 */
export type ExportColumnType =
  | "string"
  | "int32"
  | "int64"
  | "double"
  | "boolean"
  | "timestamp"
  | "date"
  | "json"
  | "string-list";

/** A cell: a date column holds `YYYY-MM-DD`; a list holds its items (an item may be unknown: null). */
export type ExportValue = string | number | boolean | Date | null | readonly (string | null)[];

/**
 * One column of an export, declared once for every format that writes it (CSV, Parquet): its header, its type and
 * how to read it off a row. `nullable: false` marks columns every row has.
 */
export type ExportColumn<T> = {
  header: string;
  type: ExportColumnType;
  value: (row: T) => ExportValue;
  nullable?: boolean;
};
