import { stringify } from "csv-stringify/sync";

/** A cell: text from the database (neutralised), or a value we formatted ourselves (numbers, ISO timestamps). */
export type CsvCell = string | number | Date | null;

const utf8Bom = "\uFEFF";
// Spreadsheets evaluate a cell starting with these as a formula (CSV injection, OWASP).
const formulaStart = /^[=+\-@\t\r]/;

/** Prefixes a text cell a spreadsheet would read as a formula with `'`, so it stays text. */
export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function toField(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (cell instanceof Date) return cell.toISOString();
  return neutraliseFormula(cell);
}

export function csvLines(rows: CsvCell[][]): string {
  return stringify(
    rows.map((row) => row.map(toField)),
    { record_delimiter: "\r\n" },
  );
}

/**
 * A CSV body streamed batch by batch from an async generator: UTF-8 with a BOM (so spreadsheets pick the right
 * encoding), a header row, CRLF line ends. Only one batch is held in memory at a time.
 */
export function csvStream<T>(
  header: string[],
  batches: AsyncGenerator<T[]>,
  toRow: (item: T) => CsvCell[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(utf8Bom + csvLines([header])));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(csvLines(next.value.map(toRow))));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** A filename safe for a Content-Disposition header. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`;
}

/** Rows already in memory (a bounded aggregate) as the single batch csvStream takes. */
export async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  if (rows.length > 0) yield rows;
}
