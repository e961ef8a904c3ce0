import type { CompareRow } from "@paperpulse/db";
import type { CsvColumn } from "./csv";

/** The compare view's CSV, one row per period and organisation (or topic): every value its chart can draw. */
export const compareColumns: CsvColumn<CompareRow & { label: string; base: number }>[] = [
  { header: "period", value: (row) => row.period },
  { header: "series", value: (row) => row.key },
  { header: "label", value: (row) => row.label },
  { header: "papers", value: (row) => row.papers },
  { header: "upvotes", value: (row) => row.upvotes },
  { header: "share", value: (row) => (row.share === null ? null : Math.round(row.share * 1e6) / 1e6) },
  { header: "share_of", value: (row) => row.base },
];
