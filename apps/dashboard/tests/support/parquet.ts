import { type ReadParquet, readParquetBytes } from "@paperpulse/db/testing";
import { expectedText } from "./csv";

export type ParquetResult = ReadParquet & { status: number; headers: Headers; text: string };

/** Fetches a Parquet export and reads it with hyparquet (an error's body is kept as text instead). */
export async function fetchParquet(url: string): Promise<ParquetResult> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status !== 200) {
    const text = new TextDecoder().decode(body);
    return { status: response.status, headers: response.headers, text, rows: [], types: {}, rowGroups: 0 };
  }
  return { status: 200, headers: response.headers, text: "", ...(await readParquetBytes(body)) };
}

/**
 * A Parquet file's rows as the CSV export writes the same values: a header row, then text cells (ISO times, dates as
 * YYYY-MM-DD, lists joined with "; ", formula-looking text prefixed with `'`), so the two files compare cell by cell.
 */
export function asCsvRows(file: Pick<ReadParquet, "rows" | "types">): string[][] {
  const header = Object.keys(file.types);
  return [
    header,
    ...file.rows.map((row) => header.map((name) => asCsvCell(row[name], file.types[name] ?? ""))),
  ];
}

function asCsvCell(value: unknown, type: string): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return type.endsWith("DATE") ? value.toISOString().slice(0, 10) : value.toISOString();
  if (Array.isArray(value)) return expectedText(value.map((item) => item ?? "").join("; "));
  if (typeof value === "string") return expectedText(value);
  return String(value);
}
