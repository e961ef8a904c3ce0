import { readFile } from "node:fs/promises";
import { parquetMetadata, parquetReadObjects } from "hyparquet";

export type ReadParquet = {
  rows: Record<string, unknown>[];
  /** Each column's physical type and annotation, as a reader sees them: `INT64 TIMESTAMP_MILLIS`, `BYTE_ARRAY UTF8`. */
  types: Record<string, string>;
  rowGroups: number;
};

/** A Parquet file read back with hyparquet, a reader independent of the writer's encoding choices. */
export async function readParquetFile(path: string): Promise<ReadParquet> {
  const bytes = await readFile(path);
  return readParquetBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export async function readParquetBytes(file: ArrayBuffer): Promise<ReadParquet> {
  const metadata = parquetMetadata(file);
  const rows = await parquetReadObjects({ file, metadata });
  const types: Record<string, string> = {};
  // Top-level columns only: a list's name carries LIST, its leaf the item type.
  let depth: number[] = [];
  for (const element of metadata.schema.slice(1)) {
    if (depth.length === 0) {
      types[element.name] = [element.type, element.converted_type].filter(Boolean).join(" ");
    }
    depth = depth.map((n) => n - 1).filter((n) => n > 0);
    if (element.num_children) depth.push(element.num_children);
  }
  return { rows, types, rowGroups: metadata.row_groups.length };
}
