import { type ExportColumn, type ExportValue, streamParquet } from "@paperpulse/db";
import { type CsvCell, startBatches, startCsvColumns } from "./csv";

/** The file formats of the exports that declare typed columns. */
export const exportFormats = ["csv", "parquet"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * Rows per Parquet row group in a response: the server holds one group's rows while it encodes them, beside the
 * views it serves, so groups stay small; a file of 10,000,000 snapshots still has only a thousand.
 */
const responseRowGroupRows = 10_000;

/** A typed cell as CSV writes it: a list's items joined with "; " (an unknown item empty), booleans as true/false. */
export function csvCell(value: ExportValue): CsvCell {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return value.map((item) => item ?? "").join("; ");
  return value as CsvCell;
}

/**
 * An export's body in `format`, from batches of rows and its column table, once the first batch has arrived (so a
 * failing query can still be answered with a status). `params` carries `spreadsheet=1` for CSV.
 */
export async function startExportBody<T>(
  format: ExportFormat,
  columns: readonly ExportColumn<T>[],
  batches: AsyncGenerator<T[]>,
  csv: { params: URLSearchParams; idColumns: string[] },
): Promise<ReadableStream<Uint8Array>> {
  const started = await startBatches(batches);
  if (format === "parquet") {
    return byteStream(streamParquet(columns, started, { rowGroupRows: responseRowGroupRows }));
  }
  const cells = columns.map((column) => ({
    header: column.header,
    value: (row: T) => csvCell(column.value(row)),
  }));
  return startCsvColumns(cells, started, csv);
}

/** Chunks of bytes as a response body, pulled as the client reads. */
function byteStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
