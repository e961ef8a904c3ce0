export * from "./export-all-tables.ts";
export * from "./export-column.ts";
export * from "./list-table-rows.ts";
export * from "./stream-parquet.ts";
export * from "./table-columns.ts";
export * from "./write-parquet-file.ts";
