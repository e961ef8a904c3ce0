import type { ExportColumn, RisingPaperRow } from "@paperpulse/db";

/** The Rising view's export, CSV and Parquet alike: adding a column is one line here. */
export const risingColumns: ExportColumn<RisingPaperRow>[] = [
  { header: "id", type: "string", nullable: false, value: (row) => row.id },
  { header: "title", type: "string", nullable: false, value: (row) => row.title },
  { header: "daily_date", type: "date", nullable: false, value: (row) => row.dailyDate },
  { header: "organization", type: "string", value: (row) => row.organization },
  { header: "upvotes", type: "int32", nullable: false, value: (row) => row.upvotes },
  { header: "gained_24h", type: "int32", value: (row) => row.gained24h },
  { header: "gained_7d", type: "int32", value: (row) => row.gained7d },
  {
    header: "upvotes_per_hour",
    type: "double",
    nullable: false,
    value: (row) => Math.round(row.perHour * 100) / 100,
  },
  { header: "day_rank", type: "int32", value: (row) => row.dayRank },
  { header: "listing_rank", type: "int32", value: (row) => row.rank },
];
