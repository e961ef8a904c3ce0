import type { TrendingRow } from "@paperpulse/db";
import type { CsvCell } from "./csv";

/** The trending listing's CSV, in its order: adding a column is one line here. */
export const trendingColumns: {
  header: string;
  value: (row: TrendingRow & { capturedAt: Date }) => CsvCell;
}[] = [
  { header: "position", value: (row) => row.position },
  { header: "id", value: (row) => row.id },
  { header: "title", value: (row) => row.title },
  { header: "daily_date", value: (row) => row.dailyDate },
  { header: "organization", value: (row) => row.organization },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "captured_at", value: (row) => row.capturedAt },
];
