import type { RisingPaperRow } from "@paperpulse/db";
import type { CsvCell } from "./csv";

/** The Rising view's CSV, one column table: adding a column is one line here. */
export const risingColumns: { header: string; value: (row: RisingPaperRow) => CsvCell }[] = [
  { header: "id", value: (row) => row.id },
  { header: "title", value: (row) => row.title },
  { header: "daily_date", value: (row) => row.dailyDate },
  { header: "organization", value: (row) => row.organization },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "gained_24h", value: (row) => row.gained24h },
  { header: "gained_7d", value: (row) => row.gained7d },
  { header: "upvotes_per_hour", value: (row) => Math.round(row.perHour * 100) / 100 },
  { header: "day_rank", value: (row) => row.dayRank },
  { header: "listing_rank", value: (row) => row.rank },
];
