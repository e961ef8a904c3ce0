import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ExportColumn } from "./export-column.ts";
import { streamParquet } from "./stream-parquet.ts";

export type WrittenFile = { rows: number; bytes: number };

/** The name a file is written under before it takes its own: hidden, beside it, and marked as unfinished. */
export function partialNameOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
}

/**
 * Writes a Parquet file from batches of rows, atomically: the bytes go to a temporary name beside it, flushed to
 * disk, then renamed over `file`. A failure half way leaves no file under that name.
 */
export async function writeParquetFile<T>(
  file: string,
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
  options: { rowGroupRows?: number } = {},
): Promise<WrittenFile> {
  const partial = partialNameOf(file);
  try {
    const written = await writeParquetTo(partial, columns, batches, options);
    await rename(partial, file);
    return written;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Writes the file at `path` and flushes it to disk; the caller removes it when this fails. */
export async function writeParquetTo<T>(
  path: string,
  columns: readonly ExportColumn<T>[],
  batches: AsyncIterable<T[]>,
  options: { rowGroupRows?: number } = {},
): Promise<WrittenFile> {
  const handle = await open(path, "w");
  let rows = 0;
  let bytes = 0;
  async function* counted(): AsyncGenerator<T[]> {
    for await (const batch of batches) {
      rows += batch.length;
      yield batch;
    }
  }
  try {
    for await (const chunk of streamParquet(columns, counted(), options)) {
      await handle.write(chunk);
      bytes += chunk.length;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { rows, bytes };
}
