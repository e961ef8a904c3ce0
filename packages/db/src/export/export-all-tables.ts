import { existsSync, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  organizations,
  orgGroupMembers,
  orgGroups,
  paperAuthors,
  paperKeywords,
  paperSnapshots,
  papers,
  paperTexts,
  paperTopics,
  scrapePages,
  scrapeRuns,
  topics,
  trendingEntries,
} from "@paperpulse/schema";
import { getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../types.ts";
import { listTableRows } from "./list-table-rows.ts";
import { tableExportColumns } from "./table-columns.ts";
import { partialNameOf, writeParquetTo } from "./write-parquet-file.ts";

/**
 * The tables a user reads the data from, each written to `<name>.parquet`. The precomputed tables (daily, period,
 * topic and organisation stats, day ranks) are left out: they are sums of these, recomputed by every run.
 */
export const exportedTables: { name: string; table: PgTable }[] = [
  papers,
  paperTexts,
  paperAuthors,
  paperKeywords,
  paperTopics,
  topics,
  organizations,
  orgGroups,
  orgGroupMembers,
  paperSnapshots,
  trendingEntries,
  scrapeRuns,
  scrapePages,
].map((table) => ({ name: getTableName(table), table }));

export type ExportAllSummary = {
  dir: string;
  tables: { table: string; file: string; rows: number; bytes: number }[];
  rows: number;
  bytes: number;
  durationMs: number;
};

/** An export that cannot start; nothing was written when it is thrown. */
export class ExportAllError extends Error {
  constructor(
    readonly code: "EXPORT_EXISTS" | "EXPORT_DIR",
    message: string,
  ) {
    super(message);
    this.name = "ExportAllError";
  }
}

/**
 * Writes every table of `exportedTables` to DIR as Parquet, one file per table, as of one moment (a read-only
 * repeatable-read transaction), each streamed in batches. Every file is written under a temporary name first, and
 * they all take their names only once the last is complete: a failed export leaves the folder as it was. Existing
 * non-empty files are refused before anything is written, unless `force`.
 */
export async function exportAllTables(
  db: Db,
  dir: string,
  options: {
    force?: boolean;
    batchSize?: number;
    onProgress?: (progress: { table: string; rows: number; done: boolean }) => void;
  } = {},
): Promise<ExportAllSummary> {
  const started = Date.now();
  const folder = resolve(dir);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new ExportAllError(
      "EXPORT_DIR",
      `${folder} is not a folder: give a folder to write the files into.`,
    );
  }
  const files = exportedTables.map(({ name }) => join(folder, `${name}.parquet`));
  const taken = files.filter((file) => existsSync(file) && statSync(file).size > 0);
  if (taken.length > 0 && !options.force) {
    throw new ExportAllError(
      "EXPORT_EXISTS",
      `${taken.join(", ")} already exist${taken.length === 1 ? "s" : ""}: choose another folder, or pass --force to replace ${taken.length === 1 ? "it" : "them"}.`,
    );
  }
  await mkdir(folder, { recursive: true });
  const partials = files.map(partialNameOf);
  try {
    const tables = await db.transaction(
      async (tx) => {
        const written: ExportAllSummary["tables"] = [];
        for (const [i, { name, table }] of exportedTables.entries()) {
          let rows = 0;
          async function* reported() {
            for await (const batch of listTableRows(tx, table, options)) {
              rows += batch.length;
              options.onProgress?.({ table: name, rows, done: false });
              yield batch;
            }
          }
          const result = await writeParquetTo(partials[i] ?? "", tableExportColumns(table), reported());
          options.onProgress?.({ table: name, rows: result.rows, done: true });
          written.push({ table: name, file: files[i] ?? "", ...result });
        }
        return written;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    for (const [i, file] of files.entries()) await rename(partials[i] ?? "", file);
    return {
      dir: folder,
      tables,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      bytes: tables.reduce((sum, t) => sum + t.bytes, 0),
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.all(partials.map((partial) => rm(partial, { force: true })));
  }
}
