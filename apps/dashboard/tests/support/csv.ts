import { parse } from "csv-parse/sync";
import { expect } from "vitest";

export type CsvResult = { status: number; headers: Headers; body: Buffer; rows: string[][] };

/** Fetches a CSV export and parses it strictly (consistent column counts, quoted fields, a BOM expected). */
export async function fetchCsv(url: string): Promise<CsvResult> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) return { status: response.status, headers: response.headers, body, rows: [] };
  expect([...body.subarray(0, 3)], "UTF-8 BOM").toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(body, { bom: true, relax_column_count: false, relax_quotes: false }) as string[][];
  return { status: response.status, headers: response.headers, body, rows };
}

/** What the export must write for a text cell: formula-looking text prefixed with `'`. */
export function expectedText(value: string | null): string {
  if (value === null) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
