import type { ExportColumn, TrendingRow } from "@paperpulse/db";

/** The trending listing's export, CSV and Parquet alike, in its order: adding a column is one line here. */
export const trendingColumns: ExportColumn<TrendingRow & { capturedAt: Date }>[] = [
  { header: "position", type: "int32", nullable: false, value: (row) => row.position },
  { header: "id", type: "string", nullable: false, value: (row) => row.id },
  { header: "title", type: "string", nullable: false, value: (row) => row.title },
  { header: "daily_date", type: "date", nullable: false, value: (row) => row.dailyDate },
  { header: "organization", type: "string", value: (row) => row.organization },
  { header: "upvotes", type: "int32", nullable: false, value: (row) => row.upvotes },
  { header: "captured_at", type: "timestamp", nullable: false, value: (row) => row.capturedAt },
];
