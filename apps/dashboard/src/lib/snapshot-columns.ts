import type { ExportColumn, PaperSnapshot } from "@paperpulse/db";

/** The snapshots export, CSV and Parquet alike: adding a column is one line here. */
export const snapshotColumns: ExportColumn<PaperSnapshot>[] = [
  { header: "paper_id", type: "string", nullable: false, value: (row) => row.paperId },
  { header: "captured_at", type: "timestamp", nullable: false, value: (row) => row.capturedAt },
  { header: "upvotes", type: "int32", nullable: false, value: (row) => row.upvotes },
  { header: "comments", type: "int32", nullable: false, value: (row) => row.comments },
];
