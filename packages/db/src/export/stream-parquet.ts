import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ExportColumn, ExportValue } from "./export-column.ts";
import { parquetSchemaOf, parquetValues } from "./parquet-schema.ts";

/**
 * Rows per row group: batches are gathered up to this many before they are encoded. One group's rows are held at a
 * time (20,000 abstracts are some 30 MB), and a file of ten million rows has 500 groups, whose metadata stays in
 * memory until the footer is written.
 */
export const defaultRowGroupRows = 20_000;

/**
 * A Parquet file written from batches of rows, as chunks of bytes: each row group is handed over as soon as it is
 * encoded, so a file of any size streams in the memory of one group. Ends with the footer.
 */
export async function* streamParquet<T>(
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
  options: { rowGroupRows?: number } = {},
): AsyncGenerator<Uint8Array> {
  const rowGroupRows = options.rowGroupRows ?? defaultRowGroupRows;
  const writer = new ByteWriter(1 << 20);
  const parquet = new ParquetWriter({ writer, schema: parquetSchemaOf(columns), createdBy: "Paperpulse" });
  let pending: T[] = [];
  // Both return nothing with this writer (it has no flush); awaited so that a writer that flushes would work too.
  const writeGroup = async () => {
    await parquet.write({
      columnData: columns.map((column) => {
        const values: ExportValue[] = pending.map(column.value);
        return { name: column.header, data: parquetValues(column.type, values) };
      }),
      rowGroupSize: pending.length,
    });
    pending = [];
  };
  for await (const batch of batches) {
    for (const row of batch) pending.push(row);
    if (pending.length < rowGroupRows) continue;
    await writeGroup();
    yield takeBytes(writer);
  }
  if (pending.length > 0) await writeGroup();
  await parquet.finish();
  yield takeBytes(writer);
}

/** The bytes written so far, copied out; the writer goes on from the start of its buffer (its offset keeps counting). */
function takeBytes(writer: ByteWriter): Uint8Array {
  const bytes = writer.getBytes().slice();
  writer.index = 0;
  return bytes;
}
