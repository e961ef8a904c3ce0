import type { ParquetWriter } from "hyparquet-writer";
import type { ExportColumn, ExportColumnType, ExportValue } from "./export-column.ts";

export type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

const dayMs = 86_400_000;

/** The Parquet schema of an export's columns: a root, then one element per column (three for a list). */
export function parquetSchemaOf<T>(columns: readonly ExportColumn<T>[]): SchemaElement[] {
  return [
    { name: "root", num_children: columns.length },
    ...columns.flatMap((column) => elementsOf(column.header, column.type, column.nullable !== false)),
  ];
}

function elementsOf(name: string, type: ExportColumnType, nullable: boolean): SchemaElement[] {
  const repetition_type = nullable ? "OPTIONAL" : "REQUIRED";
  switch (type) {
    case "string":
      return [
        {
          name,
          repetition_type,
          type: "BYTE_ARRAY",
          converted_type: "UTF8",
          logical_type: { type: "STRING" },
        },
      ];
    case "json":
      return [
        { name, repetition_type, type: "BYTE_ARRAY", converted_type: "JSON", logical_type: { type: "JSON" } },
      ];
    case "int32":
      return [{ name, repetition_type, type: "INT32" }];
    case "int64":
      return [{ name, repetition_type, type: "INT64" }];
    case "double":
      return [{ name, repetition_type, type: "DOUBLE" }];
    case "boolean":
      return [{ name, repetition_type, type: "BOOLEAN" }];
    case "timestamp":
      // Instants in UTC: pandas and DuckDB read them as timezone-aware timestamps.
      return [
        {
          name,
          repetition_type,
          type: "INT64",
          converted_type: "TIMESTAMP_MILLIS",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
        },
      ];
    case "date":
      return [
        { name, repetition_type, type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" } },
      ];
    case "string-list":
      // The standard three-level list: readers see a list of strings (an item may be null).
      return [
        { name, repetition_type, converted_type: "LIST", logical_type: { type: "LIST" }, num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", repetition_type: "OPTIONAL", type: "BYTE_ARRAY", converted_type: "UTF8" },
      ];
  }
}

/** A column's values as the writer takes them: 64-bit integers as bigints, dates as days since 1970, JSON parsed. */
export function parquetValues(type: ExportColumnType, values: ExportValue[]): unknown[] {
  switch (type) {
    case "int64":
      return values.map((value) => (value === null ? null : BigInt(value as number)));
    case "date":
      return values.map((value) =>
        value === null ? null : Date.parse(`${value as string}T00:00:00Z`) / dayMs,
      );
    case "timestamp":
      return values.map((value) =>
        value === null || value instanceof Date ? value : new Date(value as string | number),
      );
    case "json":
      // JSON text: the writer serialises the value itself.
      return values.map((value) => (value === null ? null : JSON.parse(value as string)));
    default:
      return values;
  }
}
